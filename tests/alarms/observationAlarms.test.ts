/**
 * Observation-driven and baseline alarms through the services with a real database (issue 11 items 2 and 3): the
 * stored sedation and dissociation scores, the checklist's baseline systolic pressure and the EtCO₂ stored before the
 * start reach the chair's alarm engine through the observation watch, and again after a restart of the app; the
 * monitor's stored cuff values count as the blood-pressure observation.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { PARAMETER_UNIT, type VitalParameter } from '../../core/vitals';
import { DbClient } from '../../db/client';
import { AlarmService } from '../../electron/services/alarms/alarmService';
import { EventBus } from '../../electron/services/eventBus';
import { monitorCuffAtOf } from '../../electron/services/session/alarmFeed';
import { ObservationWatch } from '../../electron/services/session/observationWatch';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 0, 12, 8, 0);
const CHAIR = 2;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const stored = (parameter: VitalParameter, value: number, receivedAt: number): StoredReading => ({ parameter, value, unit: PARAMETER_UNIT[parameter], state: 'valid', receivedAt });

/** A running session on chair 2 with a baseline of SBP 110 (checklist) and EtCO₂ ≈ 38 (10 samples before the start). */
async function runningSession(file: string) {
  const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
  const admin = await db.call('createFirstAdmin', T0, { username: 'admin', displayName: 'A', passwordHash: 'x', pinHash: null });
  const doc = await db.call('createUser', { userId: admin, at: T0 }, { username: 'doc', displayName: 'Dr. D', role: 'physician', passwordHash: 'x', pinHash: null });
  const actor = { userId: doc, at: T0 };
  const patient = await db.call('createPatient', actor, { familyName: 'W', givenName: 'V', birthDate: '1960-01-01' });
  const course = await db.call('createCourse', actor, { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [] });
  const sessionId = await db.call('planSession', actor, { courseId: course.id, chairId: CHAIR, plannedFor: T0 });
  const step = (from: string, to: string, extra: object = {}) => db.call('transitionSession', actor, { sessionId, from, to, at: T0, action: `test.${to}`, detail: {}, ...extra });
  await step('planned', 'checkedIn');
  await db.call('saveChecklist', { userId: doc, at: T0 - 5 * MIN }, sessionId, ['checkedIn'], {
    baselineVitals: { source: 'monitor', at: T0 - 5 * MIN, systolicMmHg: 110, diastolicMmHg: 70, heartRate: 70, spo2: 98 },
  }, []);
  await db.call('addPrescription', actor, sessionId, ['checkedIn'], {
    substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 70, targetMgPerKgPerH: 0.15, hardLimitMgPerKgPerH: 1, softLimitReason: null, limitProblems: [],
  });
  await step('checkedIn', 'checklistComplete');
  await step('checklistComplete', 'running', { startedAt: T0, doseEvent: { kind: 'start', at: T0, rateMlPerH: 10.5 } });
  // EtCO₂ before the start (the baseline), then the monitor's cuff every 5 min after it.
  await db.call('appendReadings', CHAIR, [36, 37, 38, 38, 38, 39, 39, 40, 38, 37].map((v, i) => stored('etco2', v, T0 - 10 * MIN + i * SEC)));
  await db.call('appendReadings', CHAIR, [5, 10, 15].map((m) => stored('nibpSys', 120 + m, T0 + m * MIN)));
  return { db, sessionId, doc };
}

/** The app's wiring of createServices for the alarms: the watch feeds the chair's engine. */
async function startApp(db: DbClient, now: () => number) {
  const bus = new EventBus();
  const service = new AlarmService({ db, bus, chairIds: [1, 2, 3, 4], now, tickMs: 3_600_000 });
  service.start();
  const overdue = new Map<number, string[]>();
  const watch = new ObservationWatch({
    db,
    bus: new EventBus(),
    chairIds: [1, 2, 3, 4],
    now,
    intervalMs: 3_600_000,
    onOverdue: (chairId, list) => {
      overdue.set(chairId, list.map((o) => o.kind).sort());
      service.setObservationsOverdue(chairId, list);
    },
    onInfusion: (chairId, input) => service.setInfusion(chairId, input),
    onBloodPressureInterval: (chairId, ms) => service.setBloodPressureInterval(chairId, ms),
    onAssessments: (chairId, a) => service.setAssessments(chairId, a),
  });
  await watch.start();
  return {
    bus,
    service,
    watch,
    overdue,
    alarms: () => service.state(CHAIR).state.alarms.filter((a) => a.code !== 'data.none').map((a) => [a.code, a.priority, a.value]),
    stop: async () => {
      await watch.stop();
      await service.stop();
    },
  };
}

describe('alarms from the stored record', () => {
  it('sedation, dissociation and SBP above baseline raise alarms from stored observations, and again after a restart', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const file = join(dir.path, 'clinic.sqlite');
    const { db, sessionId, doc } = await runningSession(file);
    let clock = T0 + 16 * MIN;
    const app = await startApp(db, () => clock);
    expect(app.alarms()).toEqual([]);
    // The monitor's cuff at 5, 10, 15 min is the blood-pressure observation: not overdue, though nobody typed one.
    expect(app.overdue.get(CHAIR)).not.toContain('bloodPressure');

    const record = (at: number, observation: { kind: string } & Record<string, unknown>) => db.call('recordObservation', { userId: doc, at }, sessionId, ['running'], { ...observation, at });
    await record(T0 + 17 * MIN, { kind: 'sedation', scale: 'rass', score: -3 });
    await record(T0 + 17 * MIN, { kind: 'dissociation', score: 2 });
    await record(T0 + 18 * MIN, { kind: 'bloodPressure', systolicMmHg: 150, diastolicMmHg: 85 });
    clock = T0 + 18 * MIN;
    await app.watch.check();
    const expected = [
      ['sedation.deep', 'high', -3],
      ['dissociation.marked', 'medium', 2],
      ['nibpSys.aboveBaseline', 'medium', 150],
    ];
    expect(app.alarms()).toEqual(expected);
    await app.stop();
    await db.close();

    // A restart: a new database connection and new services read the same record.
    const reopened = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
    cleanup.push(() => reopened.close());
    clock = T0 + 19 * MIN;
    const restarted = await startApp(reopened, () => clock);
    cleanup.push(() => restarted.stop());
    expect(restarted.alarms()).toEqual(expected);

    // Re-scoring ends the medium alarm; the high one stays latched until acknowledged.
    await reopened.call('recordObservation', { userId: doc, at: T0 + 20 * MIN }, sessionId, ['running'], { kind: 'sedation', at: T0 + 20 * MIN, scale: 'rass', score: 0 });
    await reopened.call('recordObservation', { userId: doc, at: T0 + 20 * MIN }, sessionId, ['running'], { kind: 'dissociation', at: T0 + 20 * MIN, score: 0 });
    clock = T0 + 20 * MIN;
    await restarted.watch.check();
    expect(restarted.alarms()).toEqual([
      ['sedation.deep', 'high', -3],
      ['nibpSys.aboveBaseline', 'medium', 150],
    ]);
    expect(restarted.service.state(CHAIR).state.alarms.find((a) => a.code === 'sedation.deep')).toMatchObject({ latched: true });
    await restarted.service.flush();
    const log = await reopened.call('alarmLogOfChair', CHAIR, 0, T0 + HOUR);
    expect(log.filter((e) => e.type === 'raised').map((e) => e.code)).toEqual(expect.arrayContaining(['sedation.deep', 'dissociation.marked', 'nibpSys.aboveBaseline']));
  });

  it('EtCO₂ 10 mmHg above the baseline stored before the start raises a medium alarm after 15 s', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const { db } = await runningSession(join(dir.path, 'clinic.sqlite'));
    cleanup.push(() => db.close());
    let clock = T0 + 16 * MIN;
    const app = await startApp(db, () => clock);
    cleanup.push(() => app.stop());
    for (let s = 0; s <= 16; s++) {
      clock = T0 + 16 * MIN + s * SEC;
      app.bus.emit('vitals.readings', { chairId: CHAIR, readings: [stored('etco2', 48, clock), stored('spo2', 97, clock), stored('hr', 70 + (s % 3), clock)] });
    }
    expect(app.alarms()).toEqual([['etco2.fromBaseline', 'medium', 48]]);
  });

  it("a discharged session's cuff measurements end at its discharge: the next patient's on the chair are not its own", async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const { db, sessionId } = await runningSession(join(dir.path, 'clinic.sqlite'));
    cleanup.push(() => db.close());
    // The next patient on chair 2, an hour later: the monitor's cuff at 70 and 75 min.
    await db.call('appendReadings', CHAIR, [70, 75].map((m) => stored('nibpSys', 130, T0 + m * MIN)));
    const bundle = (await db.call('sessionBundle', sessionId))!;
    const running = await monitorCuffAtOf(db, bundle, T0 + 2 * HOUR);
    expect(running).toEqual([5, 10, 15, 70, 75].map((m) => T0 + m * MIN));
    const discharged = { ...bundle, session: { ...bundle.session, dischargedAt: T0 + 40 * MIN } };
    expect(await monitorCuffAtOf(db, discharged, T0 + 2 * HOUR)).toEqual([5, 10, 15].map((m) => T0 + m * MIN));
  });
});
