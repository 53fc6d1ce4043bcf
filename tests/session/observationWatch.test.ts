/** The observation watch tells the alarm engine which observations are overdue per chair, and restores running infusions. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DbClient } from '../../db/client';
import { EventBus } from '../../electron/services/eventBus';
import { ObservationWatch } from '../../electron/services/session/observationWatch';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 12, 8, 0);
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function runningOnChair2(): Promise<DbClient> {
  const dir = tempDir();
  const db = await DbClient.open(DB_WORKER, join(dir.path, 'clinic.sqlite'), { auditKey: TEST_AUDIT_KEY });
  cleanup.push(() => dir.remove(), () => db.close());
  const admin = await db.call('createFirstAdmin', T0, { username: 'admin', displayName: 'A', passwordHash: 'x', pinHash: null });
  const doc = await db.call('createUser', { userId: admin, at: T0 }, { username: 'doc', displayName: 'Dr. D', role: 'physician', passwordHash: 'x', pinHash: null });
  const patient = await db.call('createPatient', { userId: doc, at: T0 }, { familyName: 'W', givenName: 'V', birthDate: '1960-01-01' });
  const course = await db.call('createCourse', { userId: doc, at: T0 }, { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [] });
  const sessionId = await db.call('planSession', { userId: doc, at: T0 }, { courseId: course.id, chairId: 2, plannedFor: T0 });
  const step = (from: string, to: string, extra: object = {}) =>
    db.call('transitionSession', { userId: doc, at: T0 }, { sessionId, from, to, at: T0, action: `test.${to}`, detail: {}, ...extra });
  await step('planned', 'checkedIn');
  await db.call('addPrescription', { userId: doc, at: T0 }, sessionId, ['checkedIn'], {
    substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 70, targetMgPerKgPerH: 0.15, hardLimitMgPerKgPerH: 1, softLimitReason: null, limitProblems: [],
  });
  await step('checkedIn', 'checklistComplete');
  await step('checklistComplete', 'running', { startedAt: T0, doseEvent: { kind: 'start', at: T0, rateMlPerH: 10.5 } });
  await db.call('recordObservation', { userId: doc, at: T0 + 16 * MIN }, sessionId, ['running'], { kind: 'pain', at: T0 + 16 * MIN, nrs: 4 });
  return db;
}

describe('observation watch', () => {
  it('reports the overdue observations of the session on its chair and clears the other chairs', async () => {
    const db = await runningOnChair2();
    const reports = new Map<number, { kind: string; overdueMs: number }[]>();
    const infusions: unknown[] = [];
    const watch = new ObservationWatch({
      db,
      bus: new EventBus(),
      chairIds: [1, 2, 3, 4],
      now: () => T0 + 20 * MIN,
      intervalMs: 3_600_000,
      onOverdue: (chairId, overdue) => reports.set(chairId, overdue),
      onInfusion: (chairId, input) => infusions.push({ chairId, ...input }),
    });
    await watch.start();
    cleanup.push(() => watch.stop());
    expect(reports.get(1)).toEqual([]);
    const kinds = reports.get(2)!.map((o) => o.kind).sort();
    // Pain was recorded at 16 min; blood pressure (5-min phase), sedation, dissociation and nausea are late at 20 min.
    expect(kinds).toEqual(['bloodPressure', 'dissociation', 'nausea', 'sedation']);
    expect(reports.get(2)!.find((o) => o.kind === 'bloodPressure')!.overdueMs).toBe(15 * MIN);
    expect(infusions).toEqual([{ chairId: 2, sessionId: 1, running: true, documentedRateMlH: 10.5 }]);
  });
});
