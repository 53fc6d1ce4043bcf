/**
 * The ten-year database of issue 13: sessions of 135–180 min with 6 parameters at 1 Hz (plus the cuff every 5 min),
 * written through the app's own write path (createDbApi functions, one transaction per course as the services
 * would write them, vitals in 60-s batches). Kept under .bench-cache/ and resumable: each run adds the courses that
 * are missing, so an interrupted build goes on where it stopped. Filling runs with synchronous=OFF (setup only).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredReading } from '../core/api/schemas';
import type { VitalParameter } from '../core/vitals';
import { createDbApi } from '../db/api';
import { DbClient } from '../db/client';
import { createAuditLog } from '../db/audit';
import { TEST_AUDIT_KEY } from '../tests/helpers/tempDir';
import { isPlainDatabase } from '../db/cipher';
import { encryptPlainDatabase } from '../db/encryptPlain';
import { closeDatabase, openDatabase } from '../db/open';
import { TEST_DATABASE_KEY } from '../tests/helpers/clinicFile';

export const SESSIONS_PER_COURSE = 5;
const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2016, 0, 4, 7, 0);
const CONTINUOUS: VitalParameter[] = ['hr', 'pulseRate', 'spo2', 'respRate', 'etco2', 'temp'];

export interface BenchDb {
  dir: string;
  file: string;
  sessions: number;
}

/** Deterministic noise: the same database on every machine. */
function noise(k: number): number {
  const x = Math.sin(k * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

/** Session k: its chair and start; eight slots a day (4 chairs, morning and afternoon), spread over ten years. */
function slot(k: number, total: number): { chairId: number; start: number; minutes: number } {
  const days = Math.max(1, Math.ceil(total / 8));
  const dayStep = Math.max(1, Math.floor((3650 / days) * 1000) / 1000);
  const day = Math.floor(Math.floor(k / 8) * dayStep);
  return { chairId: 1 + (k % 4), start: T0 + day * DAY + ((k >> 2) % 2) * 5 * 3_600_000, minutes: 135 + Math.floor(noise(k) * 46) };
}

/** One batch of a minute of vitals: 6 parameters at 1 Hz, a desaturation now and then, a sensor-off stretch. */
function minuteOfVitals(k: number, start: number, minute: number): StoredReading[] {
  const out: StoredReading[] = [];
  const desat = noise(k * 7 + minute) < 0.01;
  const sensorOff = minute % 47 === 13;
  for (let s = 0; s < 60; s++) {
    const t = start + (minute * 60 + s) * 1000 + Math.floor(noise(k + minute * 60 + s) * 300);
    const wave = Math.sin((minute * 60 + s) / 300);
    const values: Record<string, number> = {
      hr: Math.round(72 + 8 * wave + 3 * noise(t)),
      pulseRate: Math.round(72 + 8 * wave + 3 * noise(t + 1)),
      spo2: desat && s > 20 && s < 40 ? 86 + Math.round(noise(t) * 3) : 96 + Math.round(noise(t + 2) * 3),
      respRate: Math.round(14 + 2 * wave + noise(t + 3) * 2),
      etco2: Math.round(36 + 2 * wave + noise(t + 4) * 2),
      temp: Math.round((36.6 + noise(t + 5) * 0.2) * 10) / 10,
    };
    for (const parameter of CONTINUOUS) {
      const off = sensorOff && parameter === 'spo2' && s < 45;
      out.push({ parameter, value: off ? null : values[parameter]!, unit: '', state: off ? 'sensorOff' : 'valid', receivedAt: t });
    }
  }
  if (minute % 5 === 0) {
    const t = start + minute * 60_000 + 30_000;
    const sys = Math.round(125 + 10 * noise(t + 6));
    const dia = Math.round(78 + 6 * noise(t + 7));
    out.push({ parameter: 'nibpSys', value: sys, unit: '', state: 'valid', receivedAt: t });
    out.push({ parameter: 'nibpDia', value: dia, unit: '', state: 'valid', receivedAt: t });
    out.push({ parameter: 'nibpMean', value: Math.round((sys + 2 * dia) / 3), unit: '', state: 'valid', receivedAt: t });
  }
  return out.sort((a, b) => a.receivedAt - b.receivedAt);
}

type Api = ReturnType<typeof createDbApi>;

function writeSession(api: Api, users: { mfa: number; physician: number }, courseId: number, k: number, total: number, n: number): void {
  const { chairId, start, minutes } = slot(k, total);
  const a = (u: number, at: number) => ({ userId: u, at });
  const { mfa, physician } = users;
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
  const infusion = minutes - 75; // the vitals cover 15 min baseline, the infusion and 60 min afterwards
  for (let m = 15; m < infusion; m += 15) api.appendDoseEvent(a(physician, start + m * MIN), sessionId, 'running', { kind: 'rateChange', at: start + m * MIN, rateMlPerH: 7 + (m / 15) * 1.4 }, 'session.rateChange', {});
  for (let m = 5; m < infusion; m += 5) {
    const at = start + m * MIN;
    api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'bloodPressure', at, systolicMmHg: 130, diastolicMmHg: 80 });
    if (m % 15 === 0) {
      api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'sedation', at, scale: 'rass', score: 0 });
      api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'dissociation', at, score: 1 });
      api.recordObservation(a(mfa, at), sessionId, ['running'], { kind: 'pain', at, nrs: 4 });
    }
  }
  const stop = start + infusion * MIN;
  api.transitionSession(a(mfa, stop), { sessionId, from: 'running', to: 'postObservation', at: stop, stoppedAt: stop, observationEndsAt: stop + 60 * MIN, doseEvent: { kind: 'stop', at: stop }, action: 'session.stop', detail: {} });
  const late = stop + 65 * MIN;
  api.recordObservation(a(mfa, late), sessionId, ['postObservation'], { kind: 'pain', at: late, nrs: Math.max(0, 4 - n) });
  api.recordDischargeScore(a(mfa, late), sessionId, { scale: 'modifiedPadss', answers: { vitalSigns: 2, ambulation: 2, nauseaVomiting: 2, pain: 2, bleeding: 2 }, total: 10, maxPoints: 10, threshold: 9, complete: true });
  api.confirmEscort(a(mfa, late), sessionId, { kind: 'taxi', company: 'Taxi', bookingReference: 'R1', arrivalAt: late }, true);
  api.recordDischargeStep(a(mfa, late), sessionId, 'instructionsAcknowledged', {});
  api.recordDischargeStep(a(physician, late), sessionId, 'physicianRelease', {});
  api.transitionSession(a(mfa, late + 5 * MIN), { sessionId, from: 'postObservation', to: 'discharged', at: late + 5 * MIN, dischargedAt: late + 5 * MIN, action: 'session.discharge', detail: {} });
  // The vitals are in before the signature: it covers them and locks their range (migration 0060).
  for (let m = 0; m < minutes; m++) api.appendReadings(chairId, minuteOfVitals(k, start - 15 * MIN, m));
  api.signSession(a(physician, late + DAY), sessionId);
}

/**
 * Builds (or completes) the database of `sessions` sessions in `dir`; returns how long this run took and how many
 * sessions it added. `deadlineMs` stops between courses, so a long build can be split over several runs.
 */
export function buildBenchDb(dir: string, sessions: number, deadlineMs = Infinity): BenchDb & { added: number; seconds: number } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'clinic.sqlite');
  const started = performance.now();
  // A cache built before encryption at rest is encrypted once, as the app does with a clinic's database.
  if (isPlainDatabase(file)) encryptPlainDatabase(file, TEST_DATABASE_KEY, (line) => console.log(`bench database: ${line}`));
  const db = openDatabase(file, { key: TEST_DATABASE_KEY });
  db.pragma('synchronous = OFF');
  try {
    // The bench's own key (never a clinic's); the sealed anchor is written once the batch is in (as the worker does).
    const api = createDbApi(db, { auditKey: TEST_AUDIT_KEY });
    const userId = db.prepare('SELECT id FROM users WHERE username = ?').pluck();
    if (userId.get('admin') === undefined) {
      const admin = api.createFirstAdmin(T0, { username: 'admin', displayName: 'Admin', passwordHash: 'x', pinHash: null });
      api.createUser({ userId: admin, at: T0 }, { username: 'doc', displayName: 'Dr. Bench', role: 'physician', passwordHash: 'x', pinHash: null });
      api.createUser({ userId: admin, at: T0 }, { username: 'mfa', displayName: 'MFA Bench', role: 'mfa', passwordHash: 'x', pinHash: null });
    }
    const users = { physician: userId.get('doc') as number, mfa: userId.get('mfa') as number };
    const courses = Math.ceil(sessions / SESSIONS_PER_COURSE);
    const done = db.prepare('SELECT count(*) FROM courses').pluck().get() as number;
    const oneCourse = db.transaction((c: number) => {
      const at = slot(c * SESSIONS_PER_COURSE, sessions).start - 14 * DAY;
      const patient = api.createPatient({ userId: users.mfa, at }, { familyName: `Patient${c}`, givenName: 'Bench', birthDate: '1970-01-01' });
      const course = api.createCourse({ userId: users.physician, at }, { patientId: patient.id, kind: c % 2 ? 'daily' : 'weekly', plannedInfusions: SESSIONS_PER_COURSE, indication: 'crps', priorFailedTherapies: [] });
      for (let n = 0; n < SESSIONS_PER_COURSE; n++) writeSession(api, users, course.id, c * SESSIONS_PER_COURSE + n, sessions, n);
    });
    let c = done;
    for (; c < courses && performance.now() - started < deadlineMs; c++) oneCourse(c);
    createAuditLog(db, TEST_AUDIT_KEY, join(dir, 'audit.anchor')).syncAnchor();
    const count = db.prepare('SELECT count(*) FROM infusion_sessions').pluck().get() as number;
    return { dir, file, sessions: count, added: (c - done) * SESSIONS_PER_COURSE, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.pragma('synchronous = FULL');
    closeDatabase(db);
  }
}

/**
 * The app verifies new audit entries as they come and leaves a checkpoint (db/auditVerifier.ts); a bench database
 * written without the app gets that checkpoint once at the end of its build, so "incremental at start" measures what
 * a clinic's start verifies (the entries since the last run), not the whole ten years.
 */
export async function checkpointAsTheAppDoes(file: string): Promise<void> {
  const db = await DbClient.open(new URL('../dist/db-worker.mjs', import.meta.url), file, { auditKey: TEST_AUDIT_KEY });
  try {
    const verified = await db.call('verifyAuditFull');
    if (!verified.ok) throw new Error(`the bench database's audit chain does not verify: ${verified.problem}`);
  } finally {
    await db.close();
  }
}

/** The cache folder of a database size; a marker file says it is complete. */
export function benchDbDir(sessions: number): { dir: string; complete: boolean; markComplete(): void } {
  const dir = join(import.meta.dirname, '..', '.bench-cache', `db-${sessions}`);
  const marker = join(dir, 'complete');
  return { dir, complete: existsSync(marker), markComplete: () => writeFileSync(marker, new Date().toISOString()) };
}

// Build (or go on building) on its own: node --import tsx bench/tenYears.ts [sessions=10000] [minutes=unlimited]
if (import.meta.url === `file://${process.argv[1]}`) {
  const sessions = Number(process.argv[2] ?? 10_000);
  const cache = benchDbDir(sessions);
  const r = buildBenchDb(cache.dir, sessions, process.argv[3] ? Number(process.argv[3]) * 60_000 : Infinity);
  if (r.sessions >= sessions) {
    await checkpointAsTheAppDoes(r.file);
    cache.markComplete();
  }
  console.log(`${r.file}: ${r.sessions}/${sessions} sessions, ${r.added} added in ${r.seconds.toFixed(0)} s (${((r.seconds / Math.max(1, r.added)) * 1000).toFixed(0)} ms per session)`);
}
