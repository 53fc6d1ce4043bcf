/**
 * Through the WebSocket API: every session call refused without login, for a wrong role (naming the missing right)
 * and for bad input; domain refusals name every reason and lose nothing already recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionMethods } from '../../core/api/methods/session';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { fullChecklist, ok, refusal } from './runThrough';

let app: TestApp;
let mfa: WsTestClient;
let physician: WsTestClient;
let admin: WsTestClient;
let anonymous: WsTestClient;

const METHODS = Object.entries(sessionMethods) as [string, { access: 'public' | 'anyUser' | readonly string[] }][];
const PHYSICIAN_ONLY = METHODS.filter(([, m]) => Array.isArray(m.access) && m.access.length === 1 && m.access[0] === 'physician').map(([n]) => n);
const CLINICAL = METHODS.filter(([, m]) => Array.isArray(m.access) && m.access.includes('mfa')).map(([n]) => n);

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
  [mfa, physician, admin, anonymous] = await Promise.all([app.login('mfa'), app.login('physician'), app.login('admin'), app.anonymous()]);
}, 30_000);
afterAll(() => app?.close());

async function runningSession(): Promise<number> {
  const patient = await ok(mfa, 'patients.create', { familyName: 'Test', givenName: 'Tom', birthDate: '1975-07-07' });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'fibromyalgia', priorFailedTherapies: [] });
  const s = await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 3, plannedFor: Date.now() });
  const sessionId = s.session.id;
  await ok(mfa, 'sessions.checkIn', { sessionId });
  await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
  await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
  await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
  await ok(mfa, 'sessions.completeChecklist', { sessionId });
  await ok(mfa, 'infusion.start', { sessionId });
  return sessionId;
}

describe('access to the session calls', () => {
  it('classifies every call (reads for any user, documentation for MFA and physician, medical acts for a physician)', () => {
    expect(PHYSICIAN_ONLY.sort()).toEqual(
      ['checklist.confirmContraindications', 'clinicSettings.set', 'courses.create', 'discharge.override', 'discharge.release', 'discharge.transfer', 'infusion.bolus', 'infusion.changeRate', 'prescriptions.prescribe', 'sessions.amend', 'sessions.sign'].sort(),
    );
    expect(CLINICAL.length).toBeGreaterThan(10);
  });

  it('refuses every call without a login', async () => {
    for (const [name] of METHODS) {
      const r = await anonymous.call(name, {});
      expect(r.ok, name).toBe(false);
      expect(r.error.code, name).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses every physician act for an MFA and an administrator, naming the missing right', async () => {
    for (const name of PHYSICIAN_ONLY) {
      for (const [role, client] of [['mfa', mfa], ['admin', admin]] as const) {
        const r = await client.call(name, { sessionId: 1 });
        expect(r.ok, `${name} as ${role}`).toBe(false);
        expect(r.error.code, `${name} as ${role}`).toBe('FORBIDDEN');
        expect(r.error.message).toMatch(/physician/);
        expect(r.error.problems[0]).toMatchObject({ code: 'missingRole' });
      }
    }
  });

  it('refuses clinical documentation for an administrator', async () => {
    for (const name of CLINICAL) {
      const r = await admin.call(name, { sessionId: 1 });
      expect(r.error?.code, name).toBe('FORBIDDEN');
    }
  });

  it('refuses malformed input for every call, with the field named', async () => {
    for (const [name] of METHODS) {
      const r = await physician.call(name, { sessionId: 'one', unexpected: true });
      expect(r.ok, name).toBe(false);
      expect(r.error.code, name).toBe('BAD_INPUT');
      expect(r.error.problems.length, name).toBeGreaterThan(0);
    }
  });
});

describe('domain refusals lose nothing already recorded', () => {
  it('refuses implausible observations with every problem and keeps the ones recorded', async () => {
    const sessionId = await runningSession();
    await ok(mfa, 'observations.record', { sessionId, observation: { kind: 'pain', nrs: 5 } });
    const r = await refusal(mfa, 'observations.record', { sessionId, observation: { kind: 'bloodPressure', systolicMmHg: 80, diastolicMmHg: 120, heartRate: 500 } });
    expect(r.code).toBe('BAD_INPUT');
    expect(r.problems?.map((p) => p.code)).toEqual(['observation.bloodPressureImplausible', 'observation.heartRateImplausible']);
    const nrs = await refusal(mfa, 'observations.record', { sessionId, observation: { kind: 'pain', nrs: 11 } });
    expect(nrs.problems?.map((p) => p.code)).toEqual(['observation.nrsInvalid']);
    const d = await ok(mfa, 'sessions.get', { sessionId });
    expect(d.observations).toHaveLength(1);
    expect(d.observations[0].observation).toMatchObject({ kind: 'pain', nrs: 5 });
  });

  it('refuses a rate above the hard limit; asks a reason above the soft limit; shows ml/h and mg/kg/h', async () => {
    const sessionId = await runningSession();
    const hard = await refusal(physician, 'infusion.changeRate', { sessionId, mgPerKgPerH: 1.2 });
    expect(hard.code).toBe('REFUSED');
    expect(hard.problems?.map((p) => p.code)).toEqual(['session.doseRefused', 'dose.rateAboveHardLimit']);
    const soft = await refusal(physician, 'infusion.changeRate', { sessionId, rateMlPerH: 43.2 });
    expect(soft.problems?.map((p) => p.code)).toEqual(['session.softLimitReasonRequired', 'dose.rateAboveSoftLimit']);
    const ordered = await ok(physician, 'infusion.changeRate', { sessionId, rateMlPerH: 43.2, softLimitReason: 'pain crisis, agreed with patient' });
    expect(ordered.pendingRateOrder).toMatchObject({ rateMlPerH: 43.2, reason: 'pain crisis, agreed with patient', status: 'pending' });
    expect(ordered.pendingRateOrder.rateMgPerKgPerH).toBeCloseTo(0.6, 10);
    expect(ordered.doseEvents).toHaveLength(1); // an order, not yet a rate of the pump (issue 10 point 8)
    const d = await ok(mfa, 'infusion.confirmRate', { sessionId, orderId: ordered.pendingRateOrder.id });
    const last = d.doseEvents[d.doseEvents.length - 1];
    expect(last).toMatchObject({ kind: 'rateChange', rateMlPerH: 43.2, order: { id: ordered.pendingRateOrder.id, via: 'mfa' } });
    expect(last.rateMgPerKgPerH).toBeCloseTo(0.6, 10);
    expect(d.doseEvents).toHaveLength(2);
    const calc = await ok(mfa, 'dose.calculate', { substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 65, mgPerKgPerH: 0.15 });
    expect(calc).toMatchObject({ mlPerH: 9.75, pumpRateMlPerH: 9.8, verdict: 'ok' });
    expect(calc.limits.hard.source).toMatch(/clinical-requirements/);
  });

  it('refuses a second start and a discharge while running, with the reason in words', async () => {
    const sessionId = await runningSession();
    const again = await refusal(mfa, 'infusion.start', { sessionId });
    expect(again.problems?.[0]?.code).toBe('session.infusionAlreadyStarted');
    const early = await refusal(mfa, 'discharge.discharge', { sessionId });
    expect(early.problems?.[0]?.code).toBe('session.infusionNotStopped');
  });
});

describe('discharge gate, override, sign-off and amendments through the API', () => {
  it('names every missing condition; a physician override of named criteria with reason and password discharges and is audited', async () => {
    const sessionId = await runningSession();
    await ok(mfa, 'infusion.stop', { sessionId });
    const r = await refusal(mfa, 'discharge.discharge', { sessionId });
    expect(r.code).toBe('REFUSED');
    expect(r.problems?.map((p) => p.code)).toEqual([
      'session.dischargeNotAllowed',
      'discharge.observationTimeNotOver',
      'escort.notConfirmed',
      'discharge.scoreMissing',
      'discharge.instructionsNotAcknowledged',
      'discharge.physicianReleaseMissing',
    ]);
    const preview = await ok(mfa, 'sessions.get', { sessionId });
    expect(preview.discharge.allowed).toBe(false);
    expect(preview.discharge.missing).toHaveLength(5);
    expect(preview.discharge.observationEndsAt).toBe(preview.session.stoppedAt + 60 * 60_000);

    const criteria = ['observationTime', 'score', 'instructions'];
    const noReason = await refusal(physician, 'discharge.override', { sessionId, criteria, reason: '  ', password: TEST_USERS.physician.password });
    expect(noReason.problems?.map((p) => p.code)).toContain('discharge.overrideReasonMissing');
    await ok(mfa, 'discharge.confirmEscort', { sessionId, escort: { kind: 'taxi', company: 'IsarFunk', bookingReference: 'B-1', arrivalAt: Date.now() } });
    const d = await ok(physician, 'discharge.override', { sessionId, criteria, reason: 'stable, wants to go home, taxi waiting', password: TEST_USERS.physician.password });
    expect(d.session.status).toBe('discharged');
    expect(d.discharge.override).toMatchObject({ reason: 'stable, wants to go home, taxi waiting', criteria, by: { userName: 'Dr. Meier' } });
    const review = await ok(physician, 'sessions.review', { sessionId });
    const entry = review.history.find((h: any) => h.action === 'session.discharge');
    expect(JSON.parse(entry.detail).override.overridden.length).toBe(4);
    expect(review.vitalsFrom).toBeLessThan(review.detail.session.startedAt);
    expect(Array.isArray(review.alarms)).toBe(true);
  });

  it('signs only with the password again; a signed session refuses writes and takes signed amendments', async () => {
    const sessionId = await runningSession();
    await ok(mfa, 'observations.record', { sessionId, observation: { kind: 'note', text: 'feels warm' } });
    await ok(mfa, 'infusion.stop', { sessionId });
    await ok(mfa, 'discharge.confirmEscort', { sessionId, escort: { kind: 'taxi', company: 'IsarFunk', bookingReference: 'B-2', arrivalAt: Date.now() } });
    await ok(physician, 'discharge.override', {
      sessionId,
      criteria: ['observationTime', 'score', 'instructions'],
      reason: 'test of sign-off',
      password: TEST_USERS.physician.password,
    });
    const wrong = await refusal(physician, 'sessions.sign', { sessionId, password: 'not-the-password' });
    expect(wrong.problems?.[0]?.code).toBe('signature.passwordWrong');
    const signed = await ok(physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
    expect(signed.session.signed).toMatchObject({ userName: 'Dr. Meier' });
    const late = await refusal(mfa, 'observations.record', { sessionId, observation: { kind: 'note', text: 'late' } });
    expect(late.problems?.[0]?.code).toBe('session.signed');
    const noteId = signed.observations[0].id;
    const amended = await ok(physician, 'sessions.amend', {
      sessionId,
      target: 'observation',
      targetId: noteId,
      correction: 'felt warm and dizzy',
      reason: 'dizziness reported but not written down',
      password: TEST_USERS.physician.password,
    });
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]).toMatchObject({ targetId: noteId, correction: 'felt warm and dizzy', signed: { userName: 'Dr. Meier' } });
    expect(amended.observations[0].observation.text).toBe('feels warm');
    const badPw = await refusal(physician, 'sessions.amend', { sessionId, target: 'session', correction: 'x', reason: 'y', password: 'nope' });
    expect(badPw.code).toBe('REFUSED');
  });

  it('announces each change as session.changed', async () => {
    const watcher = await app.login('mfa');
    const sessionId = await runningSession();
    await ok(mfa, 'infusion.pause', { sessionId });
    const statuses = () => watcher.events.filter((e) => e.event === 'session.changed' && e.payload.sessionId === sessionId).map((e) => e.payload.status);
    for (let i = 0; i < 100 && !statuses().includes('paused'); i++) await new Promise((r) => setTimeout(r, 50));
    const seen = statuses();
    expect(seen).toContain('running');
    expect(seen).toContain('paused');
  });
});
