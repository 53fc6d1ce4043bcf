/**
 * Sessions with a year of data (issue 5 targets): about 500 sessions (100 patients, weekly and daily courses of 5),
 * each with its checklist, prescription, dose timeline, observations every 5–15 min, discharge records, signature,
 * and 2 h of vitals (6 parameters at 1 Hz) on its chair — written through the DB layer as the app writes them.
 * Measured through the database worker as the services use it:
 *   - a session's review screen data ('sessions.review': the whole session, vitals of its time range, its history),
 *   - a course view ('courses.view': sessions, pain trend),
 *   - the signed-content check the review runs (checkSessionRecord: the content hash recomputed),
 *   - audit-chain verification over the year.
 * Filling uses synchronous=OFF and one transaction per session (setup only; the app runs with synchronous=FULL).
 */
import { join } from 'node:path';
import type { StoredReading } from '../core/api/schemas';
import type { VitalParameter } from '../core/vitals';
import { createDbApi } from '../db/api';
import { DbClient } from '../db/client';
import { createAuditLog } from '../db/audit';
import { closeDatabase, openDatabase } from '../db/open';
import { TEST_DATABASE_KEY } from '../tests/helpers/clinicFile';
import { EventBus } from '../electron/services/eventBus';
import { createSessionHandlers } from '../electron/services/session/handlers';
import { tempDir, TEST_AUDIT_KEY } from '../tests/helpers/tempDir';

export interface SessionBenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  detail?: string;
}

const DAY = 86_400_000;
const MIN = 60_000;
const SIX: VitalParameter[] = ['hr', 'spo2', 'nibpSys', 'nibpDia', 'respRate', 'etco2'];
export const DB_WORKER = new URL('../dist/db-worker.mjs', import.meta.url);

/**
 * Writes courses of `perCourse` signed sessions until `sessionsWanted` (bench/documents.ts fills one course of 7).
 * `key`: encrypted as the app writes it (absent: plain, as the encryption bench's baseline).
 */
export function fill(file: string, dir: string, sessionsWanted: number, perCourse = 5, key?: Buffer): { sessionIds: number[]; courseIds: number[]; auditEntries: number } {
  const db = openDatabase(file, { key });
  db.pragma('synchronous = OFF');
  const api = createDbApi(db, { auditKey: TEST_AUDIT_KEY });
  const t0 = Date.UTC(2025, 0, 6, 8, 0);
  const admin = api.createFirstAdmin(t0, { username: 'admin', displayName: 'Admin', passwordHash: 'x', pinHash: null });
  const physician = api.createUser({ userId: admin, at: t0 }, { username: 'doc', displayName: 'Dr. Bench', role: 'physician', passwordHash: 'x', pinHash: null });
  const mfa = api.createUser({ userId: admin, at: t0 }, { username: 'mfa', displayName: 'MFA Bench', role: 'mfa', passwordHash: 'x', pinHash: null });
  const sessionIds: number[] = [];
  const courseIds: number[] = [];
  const courses = Math.ceil(sessionsWanted / perCourse);

  const oneSession = db.transaction((courseId: number, chairId: number, start: number, n: number) => {
    const a = (u: number, at: number) => ({ userId: u, at });
    const sessionId = api.planSession(a(mfa, start - DAY), { courseId, chairId, plannedFor: start });
    api.transitionSession(a(mfa, start - 30 * MIN), { sessionId, from: 'planned', to: 'checkedIn', at: start - 30 * MIN, action: 'session.checkIn', detail: {} });
    api.saveChecklist(a(mfa, start - 20 * MIN), sessionId, ['checkedIn'], {
      offLabelConsent: { signedAt: start - 7 * DAY, infoSheetVersion: '1', offLabelClause: true, safetyBriefingGiven: true },
      contraindications: { confirmedBy: 'Dr. Bench', at: start - 20 * MIN, absoluteContraindicationFound: false },
      weight: { kg: 70, measuredAt: start - 20 * MIN },
      baselineVitals: { source: 'monitor', at: start - 20 * MIN, systolicMmHg: 125, diastolicMmHg: 80, heartRate: 70, spo2: 98 },
      baselinePainNrs: Math.max(1, 8 - n),
      fasting: { lastMealAt: start - 5 * 3_600_000 },
      escort: { kind: 'person', name: 'Escort', phone: '0891234567' },
      responsiblePhysician: { name: 'Dr. Bench', onSite: true },
    }, []);
    api.addPrescription(a(physician, start - 15 * MIN), sessionId, ['checkedIn'], {
      substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 70, targetMgPerKgPerH: 0.1, hardLimitMgPerKgPerH: 1, softLimitReason: null, limitProblems: [],
    });
    api.transitionSession(a(mfa, start - 10 * MIN), { sessionId, from: 'checkedIn', to: 'checklistComplete', at: start - 10 * MIN, action: 'session.completeChecklist', detail: {} });
    api.transitionSession(a(mfa, start), { sessionId, from: 'checklistComplete', to: 'running', at: start, startedAt: start, doseEvent: { kind: 'start', at: start, rateMlPerH: 7 }, action: 'session.start', detail: {} });
    for (let k = 1; k <= 3; k++) api.appendDoseEvent(a(physician, start + k * 15 * MIN), sessionId, 'running', { kind: 'rateChange', at: start + k * 15 * MIN, rateMlPerH: 7 + k * 1.4 }, 'session.rateChange', {});
    for (let m = 5; m < 90; m += 5) {
      const at = start + m * MIN;
      api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'bloodPressure', at, systolicMmHg: 130, diastolicMmHg: 80 });
      if (m % 15 === 0) {
        api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'sedation', at, scale: 'rass', score: 0 });
        api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'dissociation', at, score: 1 });
        api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'pain', at, nrs: 4 });
      }
    }
    const stop = start + 90 * MIN;
    api.transitionSession(a(mfa, stop), { sessionId, from: 'running', to: 'postObservation', at: stop, stoppedAt: stop, observationEndsAt: stop + 60 * MIN, doseEvent: { kind: 'stop', at: stop }, action: 'session.stop', detail: {} });
    const late = stop + 65 * MIN;
    api.recordObservation(a(mfa, late), sessionId, ['postObservation'], { kind: 'pain', at: late, nrs: Math.max(0, 4 - n) });
    api.recordDischargeScore(a(mfa, late), sessionId, { scale: 'modifiedPadss', answers: { vitalSigns: 2, ambulation: 2, nauseaVomiting: 2, pain: 2, bleeding: 2 }, total: 10, maxPoints: 10, threshold: 9, complete: true });
    api.confirmEscort(a(mfa, late), sessionId, { kind: 'taxi', company: 'Taxi', bookingReference: 'R1', arrivalAt: late }, true);
    api.recordDischargeStep(a(mfa, late), sessionId, 'instructionsAcknowledged', {});
    api.recordDischargeStep(a(physician, late), sessionId, 'physicianRelease', {});
    api.transitionSession(a(mfa, late + 5 * MIN), { sessionId, from: 'postObservation', to: 'discharged', at: late + 5 * MIN, dischargedAt: late + 5 * MIN, action: 'session.discharge', detail: {} });
    // 2 h of vitals on the chair (6 parameters at 1 Hz), in 60-s batches as the app flushes them; signed after them.
    for (let s = -15 * 60; s < 105 * 60; s += 60) {
      const batch: StoredReading[] = [];
      for (let i = s; i < s + 60; i++) {
        const t = start + i * 1000;
        for (const [k, parameter] of SIX.entries()) batch.push({ parameter, value: 60 + ((i + k * 7) % 40), unit: '', state: 'valid', receivedAt: t });
      }
      api.appendReadings(chairId, batch);
    }
    api.signSession(a(physician, late + DAY), sessionId);
    return sessionId;
  });

  for (let c = 0; c < courses && sessionIds.length < sessionsWanted; c++) {
    const patient = api.createPatient({ userId: mfa, at: t0 }, { familyName: `Patient${c}`, givenName: 'Bench', birthDate: '1970-01-01' });
    const daily = c % 2 === 1;
    const course = api.createCourse({ userId: physician, at: t0 }, { patientId: patient.id, kind: daily ? 'daily' : 'weekly', plannedInfusions: perCourse, indication: 'crps', priorFailedTherapies: [] });
    courseIds.push(course.id);
    // Courses spread over the year: four chairs, two slots a day, weekly or daily spacing.
    const firstDay = t0 + Math.floor((c * 365) / courses) * DAY;
    for (let n = 0; n < perCourse && sessionIds.length < sessionsWanted; n++) {
      const start = firstDay + n * (daily ? DAY : 7 * DAY) + (c % 2) * 4 * 3_600_000;
      sessionIds.push(oneSession(course.id, 1 + (c % 4), start, n));
    }
  }
  const auditEntries = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  // The anchor, as the worker writes it after each call (db/worker.ts).
  createAuditLog(db, TEST_AUDIT_KEY, join(dir, 'audit.anchor')).syncAnchor();
  db.pragma('synchronous = FULL');
  closeDatabase(db);
  return { sessionIds, courseIds, auditEntries };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchSessions(sessionsWanted = 500): Promise<SessionBenchRow[]> {
  const dir = tempDir('infusion-bench-sessions-');
  try {
    const file = join(dir.path, 'clinic.sqlite');
    let t = performance.now();
    const { sessionIds, courseIds, auditEntries } = fill(file, dir.path, sessionsWanted, 5, TEST_DATABASE_KEY);
    const fillSeconds = (performance.now() - t) / 1000;

    const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
    try {
      const user = { id: 2, username: 'doc', displayName: 'Dr. Bench', role: 'physician' as const };
      const handlers = createSessionHandlers({ db, bus: new EventBus(), verifyPassword: async () => true });
      const ctx = { clientId: 'bench', user };
      const pick = (ids: number[], k: number) => ids[Math.floor((k * 7919) % ids.length)]!;
      // Warm-up (prepared statements, worker JIT), then the median and the worst of 30 loads.
      for (let k = 0; k < 5; k++) await handlers['sessions.review']({ sessionId: pick(sessionIds, k) }, ctx);
      const review: number[] = [];
      let vitalPoints = 0;
      for (let k = 0; k < 30; k++) {
        t = performance.now();
        const r = await handlers['sessions.review']({ sessionId: pick(sessionIds, k + 11) }, ctx);
        review.push(performance.now() - t);
        vitalPoints = r.vitals.series.length * r.vitals.times.length * 2;
      }
      for (let k = 0; k < 5; k++) await handlers['courses.view']({ courseId: pick(courseIds, k) }, ctx);
      const course: number[] = [];
      for (let k = 0; k < 30; k++) {
        t = performance.now();
        await handlers['courses.view']({ courseId: pick(courseIds, k + 3) }, ctx);
        course.push(performance.now() - t);
      }
      // The signed-content check the review runs (recomputes the whole content with the session's vitals).
      const sealCheck: number[] = [];
      for (let k = 0; k < 30; k++) {
        t = performance.now();
        const c = await db.call('checkSessionRecord', pick(sessionIds, k + 5));
        sealCheck.push(performance.now() - t);
        if (c.status !== 'intact') throw new Error(`signed content of session ${c.sessionId} is ${c.status} in the bench database`);
      }
      t = performance.now();
      const verified = await db.call('verifyAudit');
      const verifySeconds = (performance.now() - t) / 1000;
      if (!verified.ok) throw new Error(`audit chain broken in the bench database: ${verified.problem}`);
      const year = `${sessionIds.length} sessions, ${auditEntries} audit entries, filled in ${fillSeconds.toFixed(0)} s`;
      return [
        { name: 'session review data load (median of 30)', value: median(review), unit: 'ms', target: '≤ 200 ms', detail: `${year}; ${vitalPoints} vital points per review` },
        { name: 'session review data load (worst of 30)', value: Math.max(...review), unit: 'ms', target: '≤ 200 ms' },
        {
          name: 'signed-content check of a session (median of 30)',
          value: median(sealCheck),
          unit: 'ms',
          detail: `${((100 * median(sealCheck)) / median(review)).toFixed(0)} % of the review load it is part of`,
        },
        { name: 'course view load (median of 30)', value: median(course), unit: 'ms', target: '≤ 200 ms' },
        { name: 'course view load (worst of 30)', value: Math.max(...course), unit: 'ms', target: '≤ 200 ms' },
        { name: `verify-audit over a year (${verified.entries} entries)`, value: verifySeconds, unit: 's', target: '≤ 5 s' },
      ];
    } finally {
      await db.close();
    }
  } finally {
    dir.remove();
  }
}

// Run on its own: node --import tsx bench/sessions.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchSessions()) console.log(`${r.name.padEnd(52)} ${r.value.toFixed(2).padStart(9)} ${r.unit} ${r.target ? `(target ${r.target})` : ''} ${r.detail ?? ''}`);
}
