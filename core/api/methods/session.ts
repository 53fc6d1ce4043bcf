/**
 * The infusion session end to end (issue 5): patients, courses, prescription and dose timeline, checklist,
 * observations, discharge gate, physician sign-off and amendments, clinic settings.
 * Times of events are the server's clock when the call arrives (observations may give the time they were taken).
 * Writes that change a session return the whole SessionDetail, so a screen never shows a half-updated state,
 * and emit 'session.changed'. Refusals: REFUSED with one problem per reason (e.g. every missing discharge condition).
 */
import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { EpochMs, Id } from '../schemas';
import {
  AmendmentTarget,
  ChecklistSchema,
  ClinicSettingRow,
  Course,
  CourseInput,
  CourseView,
  DischargeScoreInput,
  InsuranceSchema,
  DoseCalculation,
  DoseCalculationInput,
  EscortSchema,
  ObservationInput,
  OverridableCriterionSchema,
  Patient,
  PatientInput,
  PrescriptionInput,
  SessionDetail,
  SessionReview,
  SessionStatusSchema,
  SessionSummary,
} from './sessionSchemas';

const BySession = z.strictObject({ sessionId: Id });
const Reason = z.string().max(2000);
const Text = (max: number) => z.string().max(max);
const PHYSICIAN = ['physician'] as const;
/** Clinical documentation: MFA and physicians (an administrator manages users, not patients). */
const CLINICAL = ['mfa', 'physician'] as const;

export const sessionMethods = methodTable({
  // Patients and courses
  'patients.list': { access: 'anyUser', input: z.strictObject({ search: z.string().max(100).optional() }), output: z.array(Patient) },
  'patients.create': { access: CLINICAL, input: PatientInput, output: Patient },
  /** How the patient is insured (audited); the dossier is offered by it. */
  'patients.setInsurance': { access: CLINICAL, input: z.strictObject({ patientId: Id, insurance: InsuranceSchema }), output: Patient },
  'courses.create': { access: PHYSICIAN, input: CourseInput, output: Course },
  'courses.list': { access: 'anyUser', input: z.strictObject({ patientId: Id }), output: z.array(Course) },
  'courses.view': { access: 'anyUser', input: z.strictObject({ courseId: Id }), output: CourseView },

  // Sessions
  'sessions.plan': {
    access: CLINICAL,
    input: z.strictObject({ courseId: Id, chairId: Id, plannedFor: EpochMs }),
    output: SessionDetail,
  },
  'sessions.list': {
    access: 'anyUser',
    input: z.strictObject({
      chairId: Id.optional(),
      /** Planned for or active within [from, to]; default: today's and every session not yet discharged or cancelled. */
      from: EpochMs.optional(),
      to: EpochMs.optional(),
      statuses: z.array(SessionStatusSchema).optional(),
    }),
    output: z.array(SessionSummary),
  },
  'sessions.get': { access: 'anyUser', input: BySession, output: SessionDetail },
  'sessions.review': { access: 'anyUser', input: BySession, output: SessionReview },
  'sessions.checkIn': { access: CLINICAL, input: BySession, output: SessionDetail },
  /** The patient sits in another chair (issue 14): only before the infusion starts, to a chair no one occupies; audited. */
  'sessions.moveChair': { access: CLINICAL, input: z.strictObject({ sessionId: Id, chairId: Id }), output: SessionDetail },
  'sessions.saveChecklist': { access: CLINICAL, input: z.strictObject({ sessionId: Id, checklist: ChecklistSchema }), output: SessionDetail },
  /** The physician's own confirmation that the contraindications (§1.3) were asked; audited, shown in the checklist. */
  'checklist.confirmContraindications': {
    access: PHYSICIAN,
    input: z.strictObject({ sessionId: Id, absoluteContraindicationFound: z.boolean() }),
    output: SessionDetail,
  },
  /** Active MFA and physician accounts, to pick the responsible physician or who gave and ordered a rescue drug. */
  'staff.list': {
    access: 'anyUser',
    input: z.strictObject({ role: z.enum(['mfa', 'physician']).optional() }),
    output: z.array(z.object({ id: Id, displayName: z.string(), role: z.enum(['mfa', 'physician']) })),
  },
  'sessions.completeChecklist': { access: CLINICAL, input: BySession, output: SessionDetail },
  'sessions.cancel': { access: CLINICAL, input: z.strictObject({ sessionId: Id, reason: Reason }), output: SessionDetail },

  // Prescription and dose
  'dose.calculate': { access: 'anyUser', input: DoseCalculationInput, output: DoseCalculation },
  'prescriptions.prescribe': { access: PHYSICIAN, input: PrescriptionInput, output: SessionDetail },
  /** At the prescribed rate. */
  'infusion.start': { access: CLINICAL, input: BySession, output: SessionDetail },
  'infusion.changeRate': {
    access: PHYSICIAN,
    input: z
      .strictObject({ sessionId: Id, rateMlPerH: z.number().finite().optional(), mgPerKgPerH: z.number().finite().optional(), softLimitReason: Reason.optional() })
      .refine((r) => (r.rateMlPerH === undefined) !== (r.mgPerKgPerH === undefined), { message: 'give either rateMlPerH or mgPerKgPerH' }),
    output: SessionDetail,
  },
  'infusion.bolus': {
    access: PHYSICIAN,
    input: z.strictObject({ sessionId: Id, amount: z.number().finite(), unit: z.enum(['ml', 'mg']) }),
    output: SessionDetail,
  },
  'infusion.pause': { access: CLINICAL, input: z.strictObject({ sessionId: Id, reason: Reason.optional() }), output: SessionDetail },
  'infusion.resume': { access: CLINICAL, input: BySession, output: SessionDetail },
  'infusion.stop': { access: CLINICAL, input: z.strictObject({ sessionId: Id, reason: Reason.optional() }), output: SessionDetail },

  // Observations
  'observations.record': { access: CLINICAL, input: z.strictObject({ sessionId: Id, observation: ObservationInput }), output: SessionDetail },
  /** A round at the chair (NRS, sedation, dissociation, nausea, blood pressure): all written or none; refusals carry `params.item`. */
  'observations.recordRound': {
    access: CLINICAL,
    input: z.strictObject({ sessionId: Id, observations: z.array(ObservationInput).min(1).max(8) }),
    output: SessionDetail,
  },

  // After the stop: discharge
  'discharge.recordScore': { access: CLINICAL, input: DischargeScoreInput, output: SessionDetail },
  'discharge.confirmEscort': { access: CLINICAL, input: z.strictObject({ sessionId: Id, escort: EscortSchema }), output: SessionDetail },
  'discharge.acknowledgeInstructions': { access: CLINICAL, input: BySession, output: SessionDetail },
  'discharge.release': { access: PHYSICIAN, input: BySession, output: SessionDetail },
  /** Refused (REFUSED) with every missing condition as a problem. */
  'discharge.discharge': { access: CLINICAL, input: BySession, output: SessionDetail },
  /**
   * Discharges despite the named criteria (never the escort): physician, password again, written reason; audited with
   * what was overridden and shown in the record.
   */
  'discharge.override': {
    access: PHYSICIAN,
    input: z.strictObject({ sessionId: Id, criteria: z.array(OverridableCriterionSchema).max(10), reason: Reason, password: z.string().max(200) }),
    output: SessionDetail,
  },
  /** Emergency: the session ends as transferred (ambulance, hospital), never as a discharge; the pump stops with it. */
  'discharge.transfer': {
    access: PHYSICIAN,
    input: z.strictObject({ sessionId: Id, handedOverTo: Text(300), destination: Text(300), reason: Reason }),
    output: SessionDetail,
  },

  // Physician sign-off: the password is asked again; a signed session is locked
  'sessions.sign': { access: PHYSICIAN, input: z.strictObject({ sessionId: Id, password: z.string().max(200) }), output: SessionDetail },
  'sessions.amend': {
    access: PHYSICIAN,
    input: z.strictObject({
      sessionId: Id,
      target: AmendmentTarget,
      targetId: Id.optional(),
      correction: z.string().max(4000),
      reason: Reason,
      password: z.string().max(200),
    }),
    output: SessionDetail,
  },

  // Clinic settings (limits and defaults with their source); only a physician changes them
  'clinicSettings.list': { access: 'anyUser', input: z.strictObject({}), output: z.array(ClinicSettingRow) },
  'clinicSettings.set': {
    access: PHYSICIAN,
    input: z.strictObject({
      key: z.string().max(80),
      value: z.union([z.number(), z.string().max(200), z.array(z.number()).max(20), z.null()]),
      reason: Reason,
    }),
    output: z.array(ClinicSettingRow),
  },
});

export const sessionEvents = {
  /**
   * Any change of a session (observations, rate, release, discharge, signature, amendment): screens showing it reload
   * it with sessions.get; course, patient and worklist screens reload their lists.
   */
  'session.changed': z.object({
    sessionId: Id,
    chairId: Id,
    status: SessionStatusSchema,
    /** Set when the session moved to another chair: that chair's screens let it go. */
    previousChairId: Id.optional(),
  }),
  /** A patient was registered or a course created at any station: patient and course screens reload (issue 12). */
  'patients.changed': z.object({ patientId: Id, courseId: Id.optional() }),
};
