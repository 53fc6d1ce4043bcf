/** A migrated in-memory database with three users and helpers to take a session through to discharge, via db/api. */
import Database from 'better-sqlite3-multiple-ciphers';
import { createDbApi, type DbApi } from '../../db/api';
import { migrate } from '../../db/migrations';
import { rawClinicDb } from '../helpers/clinicFile';

export const T0 = Date.UTC(2026, 0, 12, 8, 0);
export const MIN = 60_000;
/** The audit key of every fixture database (file fixtures are encrypted with the database key derived from it). */
export const FIXTURE_AUDIT_KEY = Buffer.alloc(32, 7);
/** Modified PADSS with every item at 2 points: 10/10. */
export const FULL_SCORE = { vitalSigns: 2, ambulation: 2, nauseaVomiting: 2, pain: 2, bleeding: 2 };

export interface Fixture {
  db: Database.Database;
  api: DbApi;
  mfa: number;
  physician: number;
  admin: number;
}

/** In memory, or in a real file (`file`) where the test needs one (a second connection, a tamperer). */
export function openFixture(file = ':memory:'): Fixture {
  const db = file === ':memory:' ? new Database(file) : rawClinicDb(file, FIXTURE_AUDIT_KEY);
  db.pragma('foreign_keys = ON');
  migrate(db);
  const api = createDbApi(db, { auditKey: FIXTURE_AUDIT_KEY });
  const admin = api.createFirstAdmin(T0, { username: 'admin', displayName: 'Alex Admin', passwordHash: 'x', pinHash: null });
  const physician = api.createUser({ userId: admin, at: T0 }, { username: 'drmeier', displayName: 'Dr. Meier', role: 'physician', passwordHash: 'x', pinHash: null });
  const mfa = api.createUser({ userId: admin, at: T0 }, { username: 'schmidt', displayName: 'Sabine Schmidt', role: 'mfa', passwordHash: 'x', pinHash: null });
  return { db, api, mfa, physician, admin };
}

/** Patient, weekly course and one planned session; returns the session id. */
export function plannedSession(f: Fixture, at = T0, courseId?: number): { sessionId: number; courseId: number } {
  const { api } = f;
  let course = courseId;
  if (course === undefined) {
    const patient = api.createPatient({ userId: f.mfa, at }, { familyName: 'Huber', givenName: 'Anna', birthDate: '1970-03-04' });
    course = api.createCourse(
      { userId: f.physician, at },
      { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'crps', priorFailedTherapies: [{ therapy: 'gabapentin' }] },
    ).id;
  }
  const sessionId = api.planSession({ userId: f.mfa, at }, { courseId: course, chairId: 1, plannedFor: at });
  return { sessionId, courseId: course };
}

/** Through the repos (the gate's rules are the service's job): checked in, prescribed, started at `at`, stopped 60 min later. */
export function stoppedSession(f: Fixture, at = T0, courseId?: number) {
  const { api } = f;
  const ids = plannedSession(f, at, courseId);
  const { sessionId } = ids;
  const mfa = (t: number) => ({ userId: f.mfa, at: t });
  api.transitionSession(mfa(at), { sessionId, from: 'planned', to: 'checkedIn', at, action: 'session.checkIn', detail: {} });
  api.saveChecklist(mfa(at), sessionId, ['checkedIn'], { baselinePainNrs: 7 }, []);
  api.addPrescription({ userId: f.physician, at }, sessionId, ['checkedIn'], {
    substance: 'esketamine',
    concentrationMgPerMl: 1,
    weightKg: 70,
    targetMgPerKgPerH: 0.15,
    hardLimitMgPerKgPerH: 1,
    softLimitReason: null,
    limitProblems: [],
  });
  api.transitionSession(mfa(at), { sessionId, from: 'checkedIn', to: 'checklistComplete', at, action: 'session.completeChecklist', detail: {} });
  api.transitionSession(mfa(at), {
    sessionId,
    from: 'checklistComplete',
    to: 'running',
    at,
    startedAt: at,
    doseEvent: { kind: 'start', at, rateMlPerH: 10.5 },
    action: 'session.start',
    detail: {},
  });
  api.recordObservation(mfa(at + 15 * MIN), sessionId, ['running'], { kind: 'pain', at: at + 15 * MIN, nrs: 5 });
  const stop = at + 60 * MIN;
  api.transitionSession(mfa(stop), {
    sessionId,
    from: 'running',
    to: 'postObservation',
    at: stop,
    stoppedAt: stop,
    observationEndsAt: stop + 60 * MIN,
    doseEvent: { kind: 'stop', at: stop },
    action: 'session.stop',
    detail: {},
  });
  return { ...ids, stop };
}

/** Every discharge condition met (as the service would record it) at stop + 70 min. */
export function readyForDischarge(f: Fixture, sessionId: number, stop: number) {
  const { api } = f;
  const t = stop + 65 * MIN;
  api.recordObservation({ userId: f.mfa, at: t }, sessionId, ['postObservation'], { kind: 'pain', at: t, nrs: 3 });
  api.recordDischargeScore({ userId: f.mfa, at: t }, sessionId, { scale: 'modifiedPadss', answers: FULL_SCORE, total: 10, maxPoints: 10, threshold: 9, complete: true });
  api.confirmEscort({ userId: f.mfa, at: t }, sessionId, { kind: 'taxi', company: 'Isarfunk', bookingReference: 'A1', arrivalAt: t }, true);
  api.recordDischargeStep({ userId: f.mfa, at: t }, sessionId, 'instructionsAcknowledged', {});
  api.recordDischargeStep({ userId: f.physician, at: t }, sessionId, 'physicianRelease', {});
  return t + 5 * MIN;
}

export function discharge(f: Fixture, sessionId: number, at: number, userId = f.mfa) {
  f.api.transitionSession({ userId, at }, { sessionId, from: 'postObservation', to: 'discharged', at, dischargedAt: at, action: 'session.discharge', detail: {} });
}
