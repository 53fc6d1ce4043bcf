/** Helpers to take sessions through the WebSocket API as the clinic would: MFA documents, physician prescribes and signs. */
import { expect } from 'vitest';
import type { WsTestClient } from '../helpers/wsClient';

export async function ok<T = any>(client: WsTestClient, method: string, input: unknown): Promise<T> {
  const r = await client.call(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

export async function refusal(client: WsTestClient, method: string, input: unknown): Promise<{ code: string; message: string; problems?: { code: string; message: string; params?: Record<string, unknown> }[] }> {
  const r = await client.call(method, input);
  expect(r.ok, `${method} should have been refused`).toBe(false);
  return r.error;
}

/** The physician of the test app (and of the handler tests): user 2, created right after the administrator. */
export const TEST_PHYSICIAN_ID = 2;

/** Everything the MFA fills in; the contraindications are then confirmed by the physician (`checklist.confirmContraindications`). */
export function fullChecklist(now: number, painNrs: number, weightKg = 72, physicianId = TEST_PHYSICIAN_ID) {
  return {
    offLabelConsent: { signedAt: now - 86_400_000, infoSheetVersion: '1', offLabelClause: true, safetyBriefingGiven: true },
    weight: { kg: weightKg, measuredAt: now },
    baselineVitals: { source: 'manual', at: now, systolicMmHg: 128, diastolicMmHg: 82, heartRate: 72, spo2: 98 },
    baselinePainNrs: painNrs,
    fasting: { lastMealAt: now - 4 * 3_600_000 },
    escort: { kind: 'person', name: 'Maria Huber', phone: '+49 89 1234567' },
    responsiblePhysician: { userId: physicianId, onSite: true },
  };
}

export interface Staff {
  mfa: WsTestClient;
  physician: WsTestClient;
}

/** One infusion from planning (or the course's planned session) to discharge; returns the session id. A bolus (mg) gives the record a dose worth printing. */
export async function runSession(staff: Staff, courseId: number, chairId: number, nrsBefore: number, nrsAfter: number, options: { bolusMg?: number } = {}): Promise<number> {
  const { mfa, physician } = staff;
  const now = Date.now();
  // A session the PVS's request planned for the course is the one that runs (its chair then is the one it got).
  const waiting = (await ok(mfa, 'courses.view', { courseId })).sessions.find((s: { status: string }) => s.status === 'planned');
  const sessionId: number = waiting ? waiting.id : (await ok(mfa, 'sessions.plan', { courseId, chairId, plannedFor: now })).session.id;
  await ok(mfa, 'sessions.checkIn', { sessionId });
  await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(now, nrsBefore) });
  await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
  await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
  await ok(mfa, 'sessions.completeChecklist', { sessionId });
  const started = await ok(mfa, 'infusion.start', { sessionId });
  expect(started.session.status).toBe('running');
  expect(started.doseEvents[0].rateMlPerH).toBeCloseTo(7.2, 10);
  await ok(mfa, 'observations.record', { sessionId, observation: { kind: 'bloodPressure', systolicMmHg: 130, diastolicMmHg: 80 } });
  const ordered = await ok(physician, 'infusion.changeRate', { sessionId, mgPerKgPerH: 0.15 });
  await ok(mfa, 'infusion.confirmRate', { sessionId, orderId: ordered.pendingRateOrder.id });
  if (options.bolusMg !== undefined) await ok(physician, 'infusion.bolus', { sessionId, amount: options.bolusMg, unit: 'mg' });
  await ok(mfa, 'observations.record', { sessionId, observation: { kind: 'sedation', scale: 'rass', score: 0 } });
  await ok(mfa, 'observations.record', { sessionId, observation: { kind: 'dissociation', score: 1 } });
  await ok(mfa, 'infusion.pause', { sessionId, reason: 'toilet' });
  await ok(mfa, 'infusion.resume', { sessionId });
  const stopped = await ok(mfa, 'infusion.stop', { sessionId });
  expect(stopped.session.status).toBe('postObservation');
  expect(stopped.dose.totalMg).toBeGreaterThan(0);
  await ok(mfa, 'observations.record', { sessionId, observation: { kind: 'pain', nrs: nrsAfter } });
  await ok(mfa, 'discharge.recordScore', {
    sessionId,
    scale: 'modifiedPadss',
    answers: { vitalSigns: 2, ambulation: 2, nauseaVomiting: 2, pain: 2, bleeding: 2 },
  });
  await ok(mfa, 'discharge.confirmEscort', {
    sessionId,
    escort: { kind: 'person', name: 'Maria Huber', relation: 'daughter', phone: '+49 89 1234567', arrivalAt: Date.now() },
  });
  await ok(mfa, 'discharge.acknowledgeInstructions', { sessionId });
  await ok(physician, 'discharge.release', { sessionId });
  const discharged = await ok(mfa, 'discharge.discharge', { sessionId });
  expect(discharged.session.status).toBe('discharged');
  return sessionId;
}

/** A new patient's infusion running on the chair (plan, check-in, checklist, prescription, start); the session id. */
export async function startInfusion(staff: Staff, chairId: number, familyName: string, birthDate = '1970-03-04'): Promise<number> {
  const { mfa, physician } = staff;
  const patient = await ok(mfa, 'patients.create', { familyName, givenName: 'Eva', birthDate });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [{ therapy: 'pregabalin' }] });
  const now = Date.now();
  const { session } = await ok(mfa, 'sessions.plan', { courseId: course.id, chairId, plannedFor: now });
  await ok(mfa, 'sessions.checkIn', { sessionId: session.id });
  await ok(mfa, 'sessions.saveChecklist', { sessionId: session.id, checklist: fullChecklist(now, 6) });
  await ok(physician, 'checklist.confirmContraindications', { sessionId: session.id, absoluteContraindicationFound: false });
  await ok(physician, 'prescriptions.prescribe', { sessionId: session.id, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
  await ok(mfa, 'sessions.completeChecklist', { sessionId: session.id });
  await ok(mfa, 'infusion.start', { sessionId: session.id });
  return session.id as number;
}
