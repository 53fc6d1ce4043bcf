/**
 * Issue 10, points 4, 5, 7 through the WebSocket API: observation times from the server's clock and a rescue drug
 * from the sheet's list (an adverse event with a rescue drug is saved); the infusion start re-checks checklist and
 * prescription; the contraindications are the physician's own confirmation; the responsible physician is an account;
 * every typed date, number and name has a range. Each refusal names every field and reason, and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
import { fullChecklist, ok, refusal, TEST_PHYSICIAN_ID } from './runThrough';

const MIN = 60_000;
const DAY = 86_400_000;
let app: TestApp;
let mfa: WsTestClient;
let physician: WsTestClient;
let mfaId: number;

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
  [mfa, physician] = await Promise.all([app.login('mfa'), app.login('physician')]);
  const staff = await ok(mfa, 'staff.list', {});
  mfaId = staff.find((u: { role: string }) => u.role === 'mfa').id;
}, 30_000);
afterAll(() => app?.close());

const fields = (r: { problems?: { code: string; params?: Record<string, unknown> }[] }) => (r.problems ?? []).map((p) => p.params?.field);
const codes = (r: { problems?: { code: string }[] }) => (r.problems ?? []).map((p) => p.code);

async function checkedInSession(): Promise<number> {
  const patient = await ok(mfa, 'patients.create', { familyName: 'Prüf', givenName: 'Paula', birthDate: '1970-03-04' });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'crps', priorFailedTherapies: [] });
  const sessionId = (await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 2, plannedFor: Date.now() })).session.id;
  await ok(mfa, 'sessions.checkIn', { sessionId });
  return sessionId;
}

async function completedSession(): Promise<number> {
  const sessionId = await checkedInSession();
  await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
  await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
  await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
  const done = await ok(mfa, 'sessions.completeChecklist', { sessionId });
  expect(done.session.status).toBe('checklistComplete');
  return sessionId;
}

async function runningSession(): Promise<number> {
  const sessionId = await completedSession();
  await ok(mfa, 'infusion.start', { sessionId });
  return sessionId;
}

describe('point 4: observations on one clock, rescue drugs from the list', () => {
  it('saves an adverse event with a rescue drug sent without times: both stamped by the server, the unit the drug\'s', async () => {
    const sessionId = await runningSession();
    const before = Date.now();
    const d = await ok(mfa, 'observations.record', {
      sessionId,
      observation: {
        kind: 'adverseEvent',
        description: 'Unruhe, Derealisation',
        severity: 'moderate',
        rescueMedication: { drug: 'midazolam', dose: 1, route: 'iv', givenBy: mfaId, orderedBy: TEST_PHYSICIAN_ID },
      },
    });
    const o = d.observations.at(-1).observation;
    expect(o.at).toBeGreaterThanOrEqual(before);
    expect(o.at).toBeLessThanOrEqual(d.now);
    expect(o.rescueMedication).toEqual({ drug: 'midazolam', dose: 1, unit: 'mg', route: 'iv', at: o.at, givenBy: mfaId, orderedBy: TEST_PHYSICIAN_ID });
    const review = await ok(physician, 'sessions.review', { sessionId });
    expect(review.history.map((h: { action: string }) => h.action)).toContain('observation.adverseEventRecorded');
  });

  it('takes a time the user chose within the session; refuses one before check-in, in 1970 or in the future, writing nothing', async () => {
    const sessionId = await runningSession();
    const chosen = (await ok(mfa, 'sessions.get', { sessionId })).now; // after the check-in, by the server's clock
    const d = await ok(mfa, 'observations.record', { sessionId, observation: { kind: 'pain', nrs: 4, at: chosen } });
    expect(d.observations.at(-1).observation.at).toBe(chosen);
    for (const [at, code] of [
      [Date.now() - DAY, 'observation.timeBeforeSession'],
      [0, 'observation.timeBeforeSession'],
      [Date.now() + 10 * MIN, 'observation.timeInFuture'],
    ] as const) {
      const r = await refusal(mfa, 'observations.record', { sessionId, observation: { kind: 'pain', nrs: 4, at } });
      expect(r.code).toBe('BAD_INPUT');
      expect(codes(r)).toEqual([code]);
      expect(fields(r)).toEqual(['observation.at']);
    }
    const tomorrow = await refusal(mfa, 'observations.record', {
      sessionId,
      observation: {
        kind: 'adverseEvent',
        description: 'Übelkeit',
        severity: 'mild',
        rescueMedication: { drug: 'ondansetron', dose: 4, route: 'iv', at: Date.now() + DAY, givenBy: mfaId, orderedBy: TEST_PHYSICIAN_ID },
      },
    });
    expect(codes(tomorrow)).toEqual(['observation.timeInFuture']);
    expect(fields(tomorrow)).toEqual(['observation.rescueMedication.at']);
    expect((await ok(mfa, 'sessions.get', { sessionId })).observations).toHaveLength(1);
  });

  it('refuses a drug not on the list, a dose out of its range, an unknown giver and an order by a non-physician, naming each field', async () => {
    const sessionId = await runningSession();
    const ae = (rescueMedication: unknown) => ({ sessionId, observation: { kind: 'adverseEvent', description: 'Agitation', severity: 'severe', rescueMedication } });
    const naloxone = await refusal(mfa, 'observations.record', ae({ drug: 'naloxone', dose: 0.4, route: 'iv', givenBy: mfaId, orderedBy: TEST_PHYSICIAN_ID }));
    expect(naloxone.code).toBe('BAD_INPUT');
    expect(fields(naloxone)).toEqual(['observation.rescueMedication.drug']);
    const typed = await refusal(mfa, 'observations.record', ae({ drug: 'Midazolam 1 mg', dose: 1, unit: 'mg', route: 'i.v.', givenBy: mfaId, orderedBy: TEST_PHYSICIAN_ID }));
    expect(fields(typed)).toEqual(expect.arrayContaining(['observation.rescueMedication.drug', 'observation.rescueMedication.route']));
    const all = await refusal(mfa, 'observations.record', ae({ drug: 'clonidine', dose: 1500, route: 'faceMask', givenBy: 999, orderedBy: mfaId }));
    expect(codes(all)).toEqual([
      'observation.rescueDoseOutOfRange',
      'observation.rescueRouteMissing',
      'observation.rescueGivenByUnknown',
      'observation.rescueOrderedByNotPhysician',
    ]);
    expect(fields(all)).toEqual([
      'observation.rescueMedication.dose',
      'observation.rescueMedication.route',
      'observation.rescueMedication.givenBy',
      'observation.rescueMedication.orderedBy',
    ]);
    expect(all.problems?.[0]?.message).toMatch(/1500 µg of Clonidine is not plausible \(allowed 15–150 µg\)/);
    expect((await ok(mfa, 'sessions.get', { sessionId })).observations).toHaveLength(0);
  });
});

describe('point 5: the start re-checks; contraindications and physician are the physician\'s', () => {
  it('lists the active physicians and all active clinical staff', async () => {
    expect(await ok(mfa, 'staff.list', { role: 'physician' })).toEqual([{ id: TEST_PHYSICIAN_ID, displayName: TEST_USERS.physician.displayName, role: 'physician' }]);
    const all = await ok(mfa, 'staff.list', {});
    expect(all.map((u: { role: string }) => u.role).sort()).toEqual(['mfa', 'physician']);
  });

  it('the contraindications are confirmed by a physician\'s own call, audited and shown; the MFA can neither call it nor type them', async () => {
    const sessionId = await checkedInSession();
    const open = await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
    expect(open.checklist.contraindications).toBeNull();
    expect(codes({ problems: open.checklist.problems })).toEqual(['checklist.contraindicationsNotAsked']);
    const forbidden = await refusal(mfa, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
    expect(forbidden.code).toBe('FORBIDDEN');
    const typed = await refusal(mfa, 'sessions.saveChecklist', {
      sessionId,
      checklist: { ...fullChecklist(Date.now(), 6), contraindications: { confirmedBy: 'Dr. Meier', at: Date.now(), absoluteContraindicationFound: false } },
    });
    expect(typed.code).toBe('BAD_INPUT');
    const found = await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: true });
    expect(found.checklist.contraindications).toMatchObject({ absoluteContraindicationFound: true, confirmed: { userId: TEST_PHYSICIAN_ID, userName: 'Dr. Meier' } });
    expect(codes({ problems: found.checklist.problems })).toEqual(['checklist.contraindicationPresent']);
    const cleared = await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
    expect(cleared.checklist.problems).toEqual([]);
    const review = await ok(physician, 'sessions.review', { sessionId });
    const entries = review.history.filter((h: { action: string }) => h.action === 'checklist.contraindicationsConfirmed');
    expect(entries.map((h: { userName: string; detail: string }) => [h.userName, JSON.parse(h.detail).absoluteContraindicationFound])).toEqual([
      ['Dr. Meier', true],
      ['Dr. Meier', false],
    ]);
  });

  it('the responsible physician is a physician account: an MFA\'s id or an unknown id is refused and nothing saved', async () => {
    const sessionId = await checkedInSession();
    for (const userId of [mfaId, 999]) {
      const r = await refusal(mfa, 'sessions.saveChecklist', { sessionId, checklist: { ...fullChecklist(Date.now(), 6), responsiblePhysician: { userId, onSite: true } } });
      expect(r.code).toBe('BAD_INPUT');
      expect(codes(r)).toEqual(['checklist.physicianNotFound']);
      expect(fields(r)).toEqual(['checklist.responsiblePhysician.userId']);
    }
    const typedName = await refusal(mfa, 'sessions.saveChecklist', { sessionId, checklist: { ...fullChecklist(Date.now(), 6), responsiblePhysician: { name: 'Dr. Who', onSite: true } } });
    expect(typedName.code).toBe('BAD_INPUT');
    expect((await ok(mfa, 'sessions.get', { sessionId })).checklist.saved).toBeNull();
  });

  it('refuses the start when checklist and prescription changed after completion, naming each problem, and writes nothing', async () => {
    const sessionId = await completedSession();
    const { offLabelConsent: _consent, ...withoutConsent } = fullChecklist(Date.now(), 6);
    await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: { ...withoutConsent, weight: { kg: 90, measuredAt: Date.now() } } });
    const r = await refusal(mfa, 'infusion.start', { sessionId });
    expect(r.code).toBe('REFUSED');
    expect(codes(r)).toEqual(['checklist.changedAfterCompletion', 'checklist.consentMissing', 'checklist.weightDiffersFromPrescription']);
    const d = await ok(mfa, 'sessions.get', { sessionId });
    expect(d.session.status).toBe('checklistComplete');
    expect(d.doseEvents).toHaveLength(0);
    // Put right, it starts.
    await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
    expect((await ok(mfa, 'infusion.start', { sessionId })).session.status).toBe('running');
  });

  it('refuses the start when the prescription no longer fits the clinic\'s limits', async () => {
    const sessionId = await completedSession();
    await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.4 });
    await ok(physician, 'clinicSettings.set', { key: 'esketamineSoftLimitMgPerKgPerH', value: 0.2, reason: 'test: lower limits' });
    await ok(physician, 'clinicSettings.set', { key: 'esketamineHardLimitMgPerKgPerH', value: 0.3, reason: 'test: lower limits' });
    try {
      const r = await refusal(mfa, 'infusion.start', { sessionId });
      expect(codes(r)).toEqual(['checklist.changedAfterCompletion', 'dose.rateAboveHardLimit']);
      expect((await ok(mfa, 'sessions.get', { sessionId })).doseEvents).toHaveLength(0);
    } finally {
      await ok(physician, 'clinicSettings.set', { key: 'esketamineHardLimitMgPerKgPerH', value: 1, reason: 'test: back to the default' });
      await ok(physician, 'clinicSettings.set', { key: 'esketamineSoftLimitMgPerKgPerH', value: 0.5, reason: 'test: back to the default' });
    }
  });
});

describe('point 7: every typed date, number and name has a range', () => {
  it('refuses impossible and implausible birth dates and invisible names, naming each field, and creates no patient', async () => {
    const count = async () => (await ok(mfa, 'patients.list', {})).length;
    const before = await count();
    const zeroWidth = await refusal(mfa, 'patients.create', { familyName: '\u200B\u200B', givenName: '\u2060', birthDate: '2024-02-30' });
    expect(zeroWidth.code).toBe('BAD_INPUT');
    expect(fields(zeroWidth)).toEqual(['familyName', 'givenName', 'birthDate']);
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    for (const birthDate of ['1800-01-01', tomorrow]) {
      const r = await refusal(mfa, 'patients.create', { familyName: 'Alt', givenName: 'Anton', birthDate });
      expect(codes(r), birthDate).toEqual(['patient.birthDateInvalid']);
      expect(fields(r)).toEqual(['birthDate']);
    }
    expect(await count()).toBe(before);
    expect(await ok(mfa, 'patients.create', { familyName: 'Øster-Łęcka', givenName: 'Zoë', birthDate: '2000-02-29' })).toMatchObject({ familyName: 'Øster-Łęcka' });
  });

  it('refuses checklist dates in the future or before 2000 and implausible vitals, every field named, nothing saved', async () => {
    const sessionId = await checkedInSession();
    const now = Date.now();
    const c = fullChecklist(now, 6);
    const r = await refusal(mfa, 'sessions.saveChecklist', {
      sessionId,
      checklist: {
        ...c,
        offLabelConsent: { ...c.offLabelConsent, signedAt: now + 30 * DAY },
        weight: { kg: 72, measuredAt: 0 },
        baselineVitals: { ...c.baselineVitals, spo2: 500 },
        fasting: { lastMealAt: now + DAY },
      },
    });
    expect(r.code).toBe('BAD_INPUT');
    expect(fields(r)).toEqual([
      'checklist.offLabelConsent.signedAt',
      'checklist.weight.measuredAt',
      'checklist.fasting.lastMealAt',
      'checklist.baselineVitals.spo2',
    ]);
    expect((await ok(mfa, 'sessions.get', { sessionId })).checklist.saved).toBeNull();
  });

  it('refuses a session planned in 1970, a pickup arriving next week and a psychiatric attestation dated tomorrow', async () => {
    const patient = await ok(mfa, 'patients.create', { familyName: 'Plan', givenName: 'Petra', birthDate: '1965-05-05' });
    const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [] });
    const plan = await refusal(mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: 0 });
    expect(fields(plan)).toEqual(['plannedFor']);
    const attestation = await refusal(physician, 'courses.create', {
      patientId: patient.id,
      kind: 'weekly',
      plannedInfusions: 3,
      indication: 'treatmentResistantDepression',
      psychiatristAttestation: { psychiatrist: 'Dr. Psy', at: Date.now() + DAY },
      priorFailedTherapies: [],
    });
    expect(fields(attestation)).toEqual(['psychiatristAttestation.at']);
    expect(await ok(mfa, 'courses.list', { patientId: patient.id })).toHaveLength(1);
    const sessionId = await runningSession();
    await ok(mfa, 'infusion.stop', { sessionId });
    const escort = await refusal(mfa, 'discharge.confirmEscort', {
      sessionId,
      escort: { kind: 'person', name: 'Maria Huber', relation: 'daughter', phone: '+49 89 1234567', arrivalAt: Date.now() + 7 * DAY },
    });
    expect(fields(escort)).toEqual(['escort.arrivalAt']);
    expect((await ok(mfa, 'sessions.get', { sessionId })).discharge.escort).toBeNull();
  });
});
