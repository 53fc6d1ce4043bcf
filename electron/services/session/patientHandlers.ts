/**
 * Patients and their courses (issue 5): registration with plausible names and birth dates (issue 10), the course plan
 * against the clinic's rules, and the course view with its pain trend.
 */
import { AppError } from '../../../core/api/envelope';
import type { SessionUser } from '../../../core/auth/roles';
import { CLINIC_DEFAULTS } from '../../../core/clinic/defaults';
import { courseRules, validateCoursePlan, type CoursePlan } from '../../../core/course/coursePlan';
import { meaningfulDropRule, painTrend } from '../../../core/course/painTrend';
import { problem } from '../../../core/messages';
import { isPlausibleBirthDate, isPlausibleTime, MAX_AGE_YEARS } from '../../../core/session/plausibility';
import type { DbClient } from '../../../db/client';
import type { Actor } from '../../../db/repos/users';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { EventBus } from '../eventBus';
import { loadSettings } from './clinicSettings';
import { badInput, guarded, refused } from './guarded';
import { courseView, summaryOf } from './sessionView';

export type PatientMethods = 'patients.list' | 'patients.create' | 'patients.setInsurance' | 'courses.create' | 'courses.list' | 'courses.view';

export interface PatientDeps {
  db: DbClient;
  /** Other stations' patient and course screens reload on 'patients.changed' (issue 12 item 3). */
  bus: EventBus;
  now: () => number;
  actorOf: (user: SessionUser, at?: number) => Actor;
}

export function createPatientHandlers({ db, bus, now, actorOf }: PatientDeps): HandlersFor<PatientMethods> {
  return {
    'patients.list': ({ search }) => db.call('listPatients', search),
    'patients.create': async (input, ctx) => {
      const problems = [
        ...(input.familyName.trim() ? [] : [problem('patient.familyNameMissing', { field: 'familyName' })]),
        ...(input.givenName.trim() ? [] : [problem('patient.givenNameMissing', { field: 'givenName' })]),
        ...(isPlausibleBirthDate(input.birthDate, now())
          ? []
          : [problem('patient.birthDateInvalid', { field: 'birthDate', birthDate: input.birthDate, maxYears: MAX_AGE_YEARS })]),
      ];
      if (problems.length > 0) throw badInput(problems);
      const patient = await guarded(db.call('createPatient', actorOf(userOf(ctx)), input));
      bus.emit('patients.changed', { patientId: patient.id });
      return patient;
    },
    'patients.setInsurance': async ({ patientId, insurance }, ctx) => {
      if (!(await db.call('getPatient', patientId))) throw new AppError('NOT_FOUND', `there is no patient ${patientId}`);
      const patient = await guarded(db.call('setInsurance', actorOf(userOf(ctx)), patientId, insurance, 'form'));
      bus.emit('patients.changed', { patientId });
      return patient;
    },
    'courses.create': async (input, ctx) => {
      const s = await loadSettings(db);
      if (!(await db.call('getPatient', input.patientId))) throw new AppError('NOT_FOUND', `there is no patient ${input.patientId}`);
      const plan: CoursePlan = { ...input, priorFailedTherapies: input.priorFailedTherapies };
      const attestation = input.psychiatristAttestation;
      if (attestation && !isPlausibleTime(attestation.at, now())) {
        throw badInput([problem('course.attestationDateImplausible', { field: 'psychiatristAttestation.at' })]);
      }
      const problems = validateCoursePlan(plan, courseRules(s.settings));
      if (problems.length > 0) throw refused(problems.map((p) => p.message).join('; '), problems);
      const course = courseView(await guarded(db.call('createCourse', actorOf(userOf(ctx)), input)));
      bus.emit('patients.changed', { patientId: course.patientId, courseId: course.id });
      // The PVS's requests that waited for this course were planned with it.
      for (const b of await db.call('sessionSummaries', { courseId: course.id })) {
        bus.emit('session.changed', { sessionId: b.session.id, chairId: b.session.chairId, status: 'planned' });
      }
      return course;
    },
    'courses.list': async ({ patientId }) => (await db.call('listCourses', patientId)).map(courseView),
    'courses.view': async ({ courseId }) => {
      const [course, s] = await Promise.all([db.call('getCourse', courseId), loadSettings(db)]);
      if (!course) throw new AppError('NOT_FOUND', `there is no course ${courseId}`);
      const [patient, bundles] = await Promise.all([db.call('getPatient', course.patientId), db.call('sessionSummaries', { courseId })]);
      const at = now();
      const sessions = bundles.map((b) => summaryOf(b, s.settings, at));
      const rule = meaningfulDropRule(s.settings);
      const trend = painTrend(
        sessions.map((x) => ({
          sessionNumber: x.sessionNumber,
          ...(x.nrsBefore !== null ? { nrsBefore: x.nrsBefore } : {}),
          ...(x.nrsAfter !== null ? { nrsAfter: x.nrsAfter } : {}),
        })),
        rule,
      );
      return {
        course: courseView(course),
        patient: patient!,
        sessions,
        painTrend: trend,
        meaningfulDrop: {
          ...rule,
          source: `${CLINIC_DEFAULTS.meaningfulPainDropPoints.source}; ${CLINIC_DEFAULTS.meaningfulPainDropPercent.source}`,
        },
      };
    },
  };
}
