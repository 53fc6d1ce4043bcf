/**
 * The discharge gate in the session service, with a controlled clock: every missing condition is named (also the
 * high-priority alarm, read from the stored alarm log — there is no alarm engine here, as after a restart — and the
 * observation time still running), and discharge succeeds once all are met. Real handlers on the real database worker.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/envelope';
import { DbClient } from '../../db/client';
import { EventBus } from '../../electron/services/eventBus';
import { createSessionHandlers } from '../../electron/services/session/handlers';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import { fullChecklist } from './runThrough';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 8, 0);
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup() {
  const dir = tempDir();
  const db = await DbClient.open(DB_WORKER, join(dir.path, 'clinic.sqlite'), { auditKey: TEST_AUDIT_KEY });
  cleanup.push(() => dir.remove(), () => db.close());
  const admin = await db.call('createFirstAdmin', T0, { username: 'admin', displayName: 'A', passwordHash: 'x', pinHash: null });
  const docId = await db.call('createUser', { userId: admin, at: T0 }, { username: 'doc', displayName: 'Dr. D', role: 'physician', passwordHash: 'x', pinHash: null });
  const mfaId = await db.call('createUser', { userId: admin, at: T0 }, { username: 'mfa', displayName: 'M. F.', role: 'mfa', passwordHash: 'x', pinHash: null });
  const clock = { now: T0 };
  const infusion: unknown[] = [];
  const h = createSessionHandlers({
    db,
    bus: new EventBus(),
    now: () => clock.now,
    verifyPassword: async (_id, pw) => pw === 'right',
    onInfusion: (chairId, i) => infusion.push({ chairId, ...i }),
  });
  const doc = { clientId: 'd', user: { id: docId, username: 'doc', displayName: 'Dr. D', role: 'physician' as const } };
  const mfa = { clientId: 'm', user: { id: mfaId, username: 'mfa', displayName: 'M. F.', role: 'mfa' as const } };
  return { h, db, doc, mfa, clock, infusion };
}

async function codesOf(p: unknown): Promise<string[]> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return ((err as AppError).problems ?? []).map((x) => x.code);
  }
  throw new Error('expected a refusal');
}

describe('discharge gate in the session service', () => {
  it('names the running observation time and an unresolved high-priority alarm, then discharges when both are over', async () => {
    const { h, db, doc, mfa, clock, infusion } = await setup();
    const patient = await h['patients.create']({ familyName: 'Klein', givenName: 'Eva', birthDate: '1959-09-09' }, mfa);
    const course = await h['courses.create']({ patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'postherpeticNeuralgia', priorFailedTherapies: [] }, doc);
    const sessionId = (await h['sessions.plan']({ courseId: course.id, chairId: 4, plannedFor: T0 }, mfa)).session.id;
    await h['sessions.checkIn']({ sessionId }, mfa);
    await h['sessions.saveChecklist']({ sessionId, checklist: fullChecklist(T0, 7, 80) as never }, mfa);
    await h['checklist.confirmContraindications']({ sessionId, absoluteContraindicationFound: false }, doc);
    await h['prescriptions.prescribe']({ sessionId, substance: 'esketamine', concentrationMgPerMl: 2, weightKg: 80, targetMgPerKgPerH: 0.125 }, doc);
    await h['sessions.completeChecklist']({ sessionId }, mfa);
    const started = await h['infusion.start']({ sessionId }, mfa);
    expect(started.prescription).toMatchObject({ mgPerH: 10, rateMlPerH: 5, pumpRateMlPerH: 5 });
    clock.now += 40 * MIN;
    const live = await h['sessions.get']({ sessionId }, mfa);
    expect(live.dose).toMatchObject({ pumpPhase: 'running', rateMlPerH: 5 });
    expect(live.dose!.totalMg).toBeCloseTo(10 * (40 / 60), 10);
    expect(live.schedule!.overdue.map((o) => o.kind)).toContain('bloodPressure');
    await h['infusion.bolus']({ sessionId, amount: 4, unit: 'mg' }, doc);
    clock.now += 20 * MIN;
    const stopped = await h['infusion.stop']({ sessionId }, mfa);
    expect(stopped.dose!.totalMg).toBeCloseTo(10 + 4, 10);
    expect(stopped.dose!.mgPerKg).toBeCloseTo(14 / 80, 10);
    expect(stopped.discharge.observationEndsAt).toBe(clock.now + 60 * MIN);

    clock.now += 10 * MIN;
    const desat = { at: clock.now, type: 'raised', alarmId: 'spo2.desat#7', code: 'spo2.desat', priority: 'high' as const, userName: null, detail: {} };
    await db.call('appendAlarmEvents', 4, sessionId, [desat]);
    const record = async () => {
      await h['discharge.recordScore']({ sessionId, scale: 'modifiedAldrete', answers: { activity: 2, respiration: 2, circulation: 2, consciousness: 2, spo2: 2 }, otherScaleReason: 'Aldrete: respiration matters here' }, mfa);
      await h['discharge.release']({ sessionId }, doc);
    };
    await h['observations.record']({ sessionId, observation: { kind: 'pain', nrs: 3 } }, mfa);
    await h['discharge.confirmEscort']({ sessionId, escort: { kind: 'taxi', company: 'Taxi Klein', bookingReference: 'K-77', arrivalAt: clock.now + 60 * MIN } }, mfa);
    await h['discharge.acknowledgeInstructions']({ sessionId }, mfa);
    await record();
    expect(await codesOf(h['discharge.discharge']({ sessionId }, mfa))).toEqual([
      'session.dischargeNotAllowed',
      'discharge.observationTimeNotOver',
      'discharge.scoreBeforeLatestEvent',
      'discharge.highPriorityAlarmUnresolved',
      'discharge.releaseBeforeLatestEvent',
    ]);
    expect((await h['sessions.get']({ sessionId }, mfa)).discharge.unresolvedHighPriorityAlarms).toBe(1);
    clock.now += 5 * MIN;
    await db.call('appendAlarmEvents', 4, sessionId, [{ ...desat, at: clock.now, type: 'cleared' }]);
    clock.now += 45 * MIN;
    // The alarm ended 45 min ago, but score and release were taken while it was active.
    expect(await codesOf(h['discharge.discharge']({ sessionId }, mfa))).toEqual([
      'session.dischargeNotAllowed',
      'discharge.scoreBeforeLatestEvent',
      'discharge.releaseBeforeLatestEvent',
    ]);
    clock.now += MIN;
    await record();
    const done = await h['discharge.discharge']({ sessionId }, mfa);
    expect(done.session).toMatchObject({ status: 'discharged', nrsBefore: 7, nrsAfter: 3 });
    expect(infusion.at(-1)).toEqual({ chairId: 4, sessionId: null, running: false, documentedRateMlH: null });
    expect(await codesOf(h['sessions.sign']({ sessionId, password: 'wrong' }, doc))).toEqual(['signature.passwordWrong']);
    const signed = await h['sessions.sign']({ sessionId, password: 'right' }, doc);
    expect(signed.allowedEvents).toEqual([]);
    await expect(h['sessions.amend']({ sessionId, target: 'observation', targetId: 999, correction: 'x', reason: 'y', password: 'right' }, doc)).rejects.toThrow(/no observation 999/);
  });

  it('refuses a bolus above the maximum bolus, and one that would take the session over its maximum dose', async () => {
    const { h, doc, mfa, clock } = await setup();
    const patient = await h['patients.create']({ familyName: 'Groß', givenName: 'Jan', birthDate: '1977-07-07' }, mfa);
    const course = await h['courses.create']({ patientId: patient.id, kind: 'daily', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] }, doc);
    const sessionId = (await h['sessions.plan']({ courseId: course.id, chairId: 1, plannedFor: T0 }, mfa)).session.id;
    await h['sessions.checkIn']({ sessionId }, mfa);
    await h['sessions.saveChecklist']({ sessionId, checklist: fullChecklist(T0, 6, 60) as never }, mfa);
    await h['checklist.confirmContraindications']({ sessionId, absoluteContraindicationFound: false }, doc);
    await h['prescriptions.prescribe']({ sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 60, targetMgPerKgPerH: 0.5 }, doc);
    await h['sessions.completeChecklist']({ sessionId }, mfa);
    await h['infusion.start']({ sessionId }, mfa);
    expect(await codesOf(h['infusion.bolus']({ sessionId, amount: 12, unit: 'mg' }, doc))).toEqual(['session.doseRefused', 'dose.bolusAboveLimit']);
    clock.now += 170 * MIN; // 0.5 mg/kg/h × 170 min ≈ 1.42 mg/kg of 1.5
    expect(await codesOf(h['infusion.bolus']({ sessionId, amount: 10, unit: 'mg' }, doc))).toEqual(['session.doseRefused', 'dose.sessionDoseAboveLimit']);
    const d = await h['sessions.get']({ sessionId }, mfa);
    expect(d.doseEvents.map((e) => e.kind)).toEqual(['start']);
  });
});

describe('checklist against the prescription', () => {
  it('refuses to complete the checklist when the weighed patient differs from the prescription, naming both weights', async () => {
    const { h, doc, mfa } = await setup();
    const patient = await h['patients.create']({ familyName: 'Lang', givenName: 'Ida', birthDate: '1966-06-06' }, mfa);
    const course = await h['courses.create']({ patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] }, doc);
    const sessionId = (await h['sessions.plan']({ courseId: course.id, chairId: 1, plannedFor: T0 }, mfa)).session.id;
    await h['sessions.checkIn']({ sessionId }, mfa);
    await h['sessions.saveChecklist']({ sessionId, checklist: fullChecklist(T0, 6) as never }, mfa); // 72 kg
    await h['checklist.confirmContraindications']({ sessionId, absoluteContraindicationFound: false }, doc);
    await h['prescriptions.prescribe']({ sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 82, targetMgPerKgPerH: 0.1 }, doc);
    expect(await codesOf(h['sessions.completeChecklist']({ sessionId }, mfa))).toEqual(['session.checklistIncomplete', 'checklist.weightDiffersFromPrescription']);
    await h['prescriptions.prescribe']({ sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 }, doc);
    expect((await h['sessions.completeChecklist']({ sessionId }, mfa)).session.status).toBe('checklistComplete');
  });

  it('refuses the start when the weight has aged past its limit since the checklist was completed (issue 10)', async () => {
    const { h, doc, mfa, clock } = await setup();
    const patient = await h['patients.create']({ familyName: 'Alt', givenName: 'Olga', birthDate: '1950-01-01' }, mfa);
    const course = await h['courses.create']({ patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] }, doc);
    const sessionId = (await h['sessions.plan']({ courseId: course.id, chairId: 1, plannedFor: T0 }, mfa)).session.id;
    await h['sessions.checkIn']({ sessionId }, mfa);
    await h['sessions.saveChecklist']({ sessionId, checklist: fullChecklist(T0, 6) as never }, mfa);
    await h['checklist.confirmContraindications']({ sessionId, absoluteContraindicationFound: false }, doc);
    await h['prescriptions.prescribe']({ sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 }, doc);
    await h['sessions.completeChecklist']({ sessionId }, mfa);
    clock.now += 31 * 24 * 60 * MIN;
    const problems = await codesOf(h['infusion.start']({ sessionId }, mfa));
    // The last meal, 31 days back, is no fasting status any more either.
    expect(problems).toEqual(['checklist.changedAfterCompletion', 'checklist.dateTooEarly', 'checklist.weightOutdated']);
    expect((await h['sessions.get']({ sessionId }, mfa)).doseEvents).toEqual([]);
  });
});
