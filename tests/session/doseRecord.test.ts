/**
 * The dose record (issue 10 points 8, 9). With a controlled clock on the real handlers and database: a physician's
 * rate order stays pending (not in the dose) until the MFA confirms it, and the dose counts it from the confirmation;
 * a structured correction of a wrongly documented rate changes the cumulative mg and mg/kg exactly, the original
 * stays visible; refusals name every reason and write nothing. Through the WebSocket API: the pump's read-back
 * confirms an order, a reading of another rate does not.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/envelope';
import { DbClient } from '../../db/client';
import { EventBus } from '../../electron/services/eventBus';
import { createSessionHandlers } from '../../electron/services/session/handlers';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import type { WsTestClient } from '../helpers/wsClient';
import { fullChecklist, ok } from './runThrough';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 14, 8, 0);
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
  const infusion: { documentedRateMlH: number | null }[] = [];
  const h = createSessionHandlers({
    db,
    bus: new EventBus(),
    now: () => clock.now,
    verifyPassword: async (_id, pw) => pw === 'right',
    onInfusion: (_chairId, i) => infusion.push(i),
  });
  const doc = { clientId: 'd', user: { id: docId, username: 'doc', displayName: 'Dr. D', role: 'physician' as const } };
  const mfa = { clientId: 'm', user: { id: mfaId, username: 'mfa', displayName: 'M. F.', role: 'mfa' as const } };
  const patient = await h['patients.create']({ familyName: 'Rate', givenName: 'Rita', birthDate: '1964-04-04' }, mfa);
  const course = await h['courses.create']({ patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] }, doc);
  const sessionId = (await h['sessions.plan']({ courseId: course.id, chairId: 2, plannedFor: T0 }, mfa)).session.id;
  await h['sessions.checkIn']({ sessionId }, mfa);
  await h['sessions.saveChecklist']({ sessionId, checklist: fullChecklist(T0, 6, 72, docId) as never }, mfa);
  await h['checklist.confirmContraindications']({ sessionId, absoluteContraindicationFound: false }, doc);
  await h['prescriptions.prescribe']({ sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 }, doc);
  await h['sessions.completeChecklist']({ sessionId }, mfa);
  await h['infusion.start']({ sessionId }, mfa); // 7.2 ml/h
  return { h, doc, mfa, clock, infusion, sessionId };
}

async function refusedWith(p: unknown): Promise<{ code: string; problems: string[] }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return { code: (err as AppError).code, problems: ((err as AppError).problems ?? []).map((x) => x.code) };
  }
  throw new Error('expected a refusal');
}

describe('rate order handshake', () => {
  it('an ordered rate is pending and not in the dose until the MFA confirms; the dose counts it from the confirmation', async () => {
    const { h, doc, mfa, clock, infusion, sessionId } = await setup();
    clock.now = T0 + 30 * MIN;
    const ordered = await h['infusion.changeRate']({ sessionId, mgPerKgPerH: 0.15 }, doc);
    expect(ordered.pendingRateOrder).toMatchObject({ rateMlPerH: 10.8, status: 'pending', ordered: { at: T0 + 30 * MIN, userName: 'Dr. D' }, confirmation: null });
    expect(ordered.session.pendingRateOrder).toMatchObject({ rateMlPerH: 10.8 });
    expect(ordered.doseEvents.map((e) => e.kind)).toEqual(['start']);
    expect(ordered.dose).toMatchObject({ rateMlPerH: 7.2 });
    expect(infusion.at(-1)?.documentedRateMlH).toBe(7.2); // the alarm engine still expects the pump at 7.2

    clock.now = T0 + 40 * MIN;
    const confirmed = await h['infusion.confirmRate']({ sessionId, orderId: ordered.pendingRateOrder!.id }, mfa);
    expect(confirmed.pendingRateOrder).toBeNull();
    expect(confirmed.session.pendingRateOrder).toBeNull();
    expect(confirmed.rateOrders[0]).toMatchObject({ status: 'confirmed', confirmation: { at: T0 + 40 * MIN, via: 'mfa', by: { userName: 'M. F.' } } });
    const change = confirmed.doseEvents.at(-1)!;
    // The order (and how it was confirmed) is the reason: no words in one language are stored with the event.
    expect(change).toMatchObject({ kind: 'rateChange', at: T0 + 40 * MIN, rateMlPerH: 10.8, reason: null, order: { ordered: { at: T0 + 30 * MIN }, via: 'mfa' } });
    expect(infusion.at(-1)?.documentedRateMlH).toBe(10.8);

    clock.now = T0 + 60 * MIN;
    const d = await h['sessions.get']({ sessionId }, mfa);
    expect(d.dose!.totalMg).toBeCloseTo(7.2 * (40 / 60) + 10.8 * (20 / 60), 10); // 4.8 + 3.6, not 3.6 + 5.4
    expect(d.dose!.mgPerKg).toBeCloseTo(8.4 / 72, 12);
  });

  it('refuses to confirm an order replaced by a newer one or confirmed already, naming why, and writes nothing', async () => {
    const { h, doc, mfa, clock, sessionId } = await setup();
    clock.now += 5 * MIN;
    const first = (await h['infusion.changeRate']({ sessionId, rateMlPerH: 9 }, doc)).pendingRateOrder!;
    clock.now += 1 * MIN;
    const second = (await h['infusion.changeRate']({ sessionId, rateMlPerH: 8 }, doc)).pendingRateOrder!;
    clock.now += 1 * MIN;
    expect(await refusedWith(h['infusion.confirmRate']({ sessionId, orderId: first.id }, mfa))).toEqual({ code: 'REFUSED', problems: ['rateOrder.notPending'] });
    const d = await h['infusion.confirmRate']({ sessionId, orderId: second.id }, mfa);
    expect(d.rateOrders.map((o) => o.status)).toEqual(['superseded', 'confirmed']);
    expect(await refusedWith(h['infusion.confirmRate']({ sessionId, orderId: second.id }, mfa))).toEqual({ code: 'REFUSED', problems: ['rateOrder.notPending'] });
    expect((await h['sessions.get']({ sessionId }, mfa)).doseEvents.map((e) => e.rateMlPerH)).toEqual([7.2, 8]);
    // An order left pending at the stop is cancelled, never counted.
    const third = (await h['infusion.changeRate']({ sessionId, rateMlPerH: 12 }, doc)).pendingRateOrder!;
    clock.now += 1 * MIN;
    const stopped = await h['infusion.stop']({ sessionId }, mfa);
    expect(stopped.rateOrders.find((o) => o.id === third.id)?.status).toBe('cancelled');
    expect(stopped.pendingRateOrder).toBeNull();
    expect(await refusedWith(h['infusion.confirmRate']({ sessionId, orderId: third.id }, mfa))).toEqual({ code: 'REFUSED', problems: ['rateOrder.notPending'] });
  });
});

describe('structured dose corrections', () => {
  it('corrects a wrongly documented rate: cumulative mg and mg/kg after the correction, the original still visible', async () => {
    const { h, doc, mfa, clock, sessionId } = await setup();
    clock.now = T0 + 60 * MIN;
    await h['infusion.stop']({ sessionId }, mfa);
    const before = await h['sessions.get']({ sessionId }, mfa);
    expect(before.dose!.totalMg).toBeCloseTo(7.2, 10);
    const startId = before.doseEvents[0]!.id;

    // Every reason named at once, nothing written.
    expect(await refusedWith(h['sessions.amendDoseEvent']({ sessionId, doseEventId: startId, field: 'rateMlPerH', newValue: 7.2, reason: ' ', password: 'right' }, doc))).toEqual({
      code: 'BAD_INPUT',
      problems: ['doseAmendment.unchanged', 'amendment.reasonMissing'],
    });
    expect((await refusedWith(h['sessions.amendDoseEvent']({ sessionId, doseEventId: startId, field: 'amount', newValue: 3, reason: 'x', password: 'right' }, doc))).problems).toEqual([
      'doseAmendment.fieldNotForKind',
    ]);
    expect(await refusedWith(h['sessions.amendDoseEvent']({ sessionId, doseEventId: startId, field: 'rateMlPerH', newValue: 8, reason: 'pump was set to 8.0', password: 'wrong' }, doc))).toEqual({
      code: 'REFUSED',
      problems: ['signature.passwordWrong'],
    });
    await expect(h['sessions.amendDoseEvent']({ sessionId, doseEventId: 9999, field: 'rateMlPerH', newValue: 8, reason: 'x', password: 'right' }, doc)).rejects.toThrow(/no dose event 9999/);
    const unchanged = await h['sessions.get']({ sessionId }, mfa);
    expect(unchanged.amendments).toEqual([]);
    expect(unchanged.dose!.totalMg).toBeCloseTo(7.2, 10);

    clock.now += 1 * MIN;
    const amended = await h['sessions.amendDoseEvent']({ sessionId, doseEventId: startId, field: 'rateMlPerH', newValue: 8, reason: 'pump was set to 8.0', password: 'right' }, doc);
    expect(amended.dose!.totalMg).toBeCloseTo(8, 10);
    expect(amended.dose!.mgPerKg).toBeCloseTo(8 / 72, 12);
    expect(amended.session.totalMg).toBeCloseTo(8, 10);
    expect(amended.doseEvents[0]).toMatchObject({ rateMlPerH: 7.2, corrections: [{ field: 'rateMlPerH', oldValue: 7.2, newValue: 8 }] });
    expect(amended.amendments[0]).toMatchObject({ target: 'doseEvent', targetId: startId, reason: 'pump was set to 8.0', signed: { userName: 'Dr. D' } });
    expect(amended.amendments[0]!.correction).toMatch(/7\.2 ml\/h → 8 ml\/h/);

    // After sign-off too (corrections are how a signed record changes); a later correction of the same field wins.
    await h['discharge.confirmEscort']({ sessionId, escort: { kind: 'taxi', company: 'Taxi Klein', bookingReference: 'K-77', arrivalAt: clock.now + 60 * MIN } }, mfa);
    await h['discharge.override']({ sessionId, criteria: ['observationTime', 'score', 'instructions'], reason: 'test: leave now', password: 'right' }, doc);
    await h['sessions.sign']({ sessionId, password: 'right' }, doc);
    const again = await h['sessions.amendDoseEvent']({ sessionId, doseEventId: startId, field: 'rateMlPerH', newValue: 7.5, reason: 'pump log says 7.5', password: 'right' }, doc);
    expect(again.dose!.totalMg).toBeCloseTo(7.5, 10);
    expect(again.doseEvents[0]!.corrections.map((c) => [c.oldValue, c.newValue])).toEqual([[7.2, 8], [8, 7.5]]);
    const review = await h['sessions.review']({ sessionId }, mfa);
    expect(review.detail.doseEvents[0]!.rateMlPerH).toBe(7.2);
    expect(review.history.map((x) => x.action)).toContain('session.doseEventAmended');
  });
});

describe('through the WebSocket API', () => {
  let app: TestApp;
  let mfa: WsTestClient;
  let physician: WsTestClient;
  beforeAll(async () => {
    app = await startTestApp({ simulate: 'never' });
    [mfa, physician] = await Promise.all([app.login('mfa'), app.login('physician')]);
  }, 30_000);
  afterAll(() => app?.close());

  it("the pump's read-back of the ordered rate confirms the order; another rate does not", async () => {
    const patient = await ok(mfa, 'patients.create', { familyName: 'Pumpe', givenName: 'Paul', birthDate: '1971-01-01' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] });
    const sessionId = (await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 4, plannedFor: Date.now() })).session.id;
    await ok(mfa, 'sessions.checkIn', { sessionId });
    await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
    await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
    await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
    await ok(mfa, 'sessions.completeChecklist', { sessionId });
    await ok(mfa, 'infusion.start', { sessionId });
    const ordered = await ok(physician, 'infusion.changeRate', { sessionId, mgPerKgPerH: 0.15 });
    expect(ordered.pendingRateOrder.rateMlPerH).toBeCloseTo(10.8, 10);
    const pump = (value: number) =>
      app.services.bus.emit('vitals.readings', { chairId: 4, readings: [{ parameter: 'pumpRate', value, unit: 'ml/h', state: 'valid', receivedAt: Date.now() }] });
    pump(7.2); // still the old rate
    pump(10.8);
    await expect.poll(async () => (await ok(mfa, 'sessions.get', { sessionId })).pendingRateOrder, { timeout: 10_000 }).toBeNull();
    const d = await ok(mfa, 'sessions.get', { sessionId });
    expect(d.rateOrders[0]).toMatchObject({ status: 'confirmed', confirmation: { via: 'pumpReadback', by: null, pumpRateMlPerH: 10.8 } });
    expect(d.doseEvents.map((e: { kind: string }) => e.kind)).toEqual(['start', 'rateChange']);
    expect(d.doseEvents[1]).toMatchObject({ rateMlPerH: 10.8, order: { via: 'pumpReadback' }, by: { userName: 'Dr. Meier' } });
    expect(app.services.alarms.state(4).state.infusionRunning).toBe(true);
  });
});
