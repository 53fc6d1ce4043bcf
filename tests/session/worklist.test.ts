/**
 * Issue 12 item 4 and 3 through the WebSocket API: the physician's worklist (what waits for her prescription, release
 * or signature; overdue signatures first, by the clinic setting) is hers alone; patient and course changes reach the
 * other stations as events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { waitFor } from '../helpers/wsClient';
import { fullChecklist, ok, refusal, runSession, type Staff } from './runThrough';

let app: TestApp;
let staff: Staff;

beforeAll(async () => {
  app = await startTestApp({
    simulate: 'never',
    widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 }, signatureOverdueHours: { min: 0 } },
  });
  staff = { mfa: await app.login('mfa'), physician: await app.login('physician') };
  await ok(staff.physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
}, 30_000);
afterAll(() => app?.close());

type Worklist = { items: { session: { id: number }; awaiting: string; overdue: boolean }[]; signatureOverdue: { hours: number; source: string } };
const worklist = () => ok<Worklist>(staff.physician, 'worklist.physician', {});
const order = (w: Worklist) => w.items.map((i) => [i.session.id, i.awaiting, i.overdue]);

describe('the physician worklist', () => {
  let ids: { prescription: number; release: number; signature: number; signed: number };

  it('lists what waits for the physician and nothing else, signatures overdue first', async () => {
    const patient = await ok(staff.mfa, 'patients.create', { familyName: 'Wagner', givenName: 'Eva', birthDate: '1970-03-01' });
    const course = await ok(staff.physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'crps', priorFailedTherapies: [] });
    const signed = await runSession(staff, course.id, 4, 6, 3);
    await ok(staff.physician, 'sessions.sign', { sessionId: signed, password: TEST_USERS.physician.password });
    const signature = await runSession(staff, course.id, 3, 6, 3);

    // Stopped, in observation, not released yet.
    const now = Date.now();
    const release = (await ok(staff.mfa, 'sessions.plan', { courseId: course.id, chairId: 2, plannedFor: now })).session.id;
    await ok(staff.mfa, 'sessions.checkIn', { sessionId: release });
    await ok(staff.mfa, 'sessions.saveChecklist', { sessionId: release, checklist: fullChecklist(now, 6) });
    await ok(staff.physician, 'checklist.confirmContraindications', { sessionId: release, absoluteContraindicationFound: false });
    await ok(staff.physician, 'prescriptions.prescribe', { sessionId: release, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
    await ok(staff.mfa, 'sessions.completeChecklist', { sessionId: release });
    await ok(staff.mfa, 'infusion.start', { sessionId: release });
    await ok(staff.mfa, 'infusion.stop', { sessionId: release });

    // Checked in, no prescription yet.
    const prescription = (await ok(staff.mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: now })).session.id;
    await ok(staff.mfa, 'sessions.checkIn', { sessionId: prescription });
    // Planned only: nothing for the physician yet.
    await ok(staff.mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: now + 86_400_000 });
    ids = { prescription, release, signature, signed };

    const w = await worklist();
    expect(order(w)).toEqual([
      [release, 'release', false],
      [prescription, 'prescription', false],
      [signature, 'signature', false],
    ]);
    expect(w.signatureOverdue.hours).toBe(24);
    expect(w.signatureOverdue.source).toMatch(/630f/);
  }, 60_000);

  it('puts an overdue signature first once the clinic setting says it is overdue', async () => {
    await ok(staff.physician, 'clinicSettings.set', { key: 'signatureOverdueHours', value: 0, reason: 'test: everything unsigned is overdue' });
    expect(order(await worklist())).toEqual([
      [ids.signature, 'signature', true],
      [ids.release, 'release', false],
      [ids.prescription, 'prescription', false],
    ]);
    await ok(staff.physician, 'clinicSettings.set', { key: 'signatureOverdueHours', value: 24, reason: 'test: back to a day' });
  });

  it('drops what the physician has done: prescribed, released, signed', async () => {
    await ok(staff.physician, 'prescriptions.prescribe', { sessionId: ids.prescription, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 70, targetMgPerKgPerH: 0.1 });
    await ok(staff.physician, 'discharge.release', { sessionId: ids.release });
    await ok(staff.physician, 'sessions.sign', { sessionId: ids.signature, password: TEST_USERS.physician.password });
    expect(order(await worklist())).toEqual([]);
  });

  it('is refused to the MFA and the administrator, naming the right it needs', async () => {
    for (const role of ['mfa', 'admin'] as const) {
      const c = role === 'mfa' ? staff.mfa : await app.login('admin');
      const r = await refusal(c, 'worklist.physician', {});
      expect(r).toMatchObject({ code: 'FORBIDDEN', problems: [{ code: 'missingRole', params: { needed: 'physician', role } }] });
    }
  });
});

describe('changes reach the other stations', () => {
  it('a new patient reaches the physician, a new course the MFA (patients.changed)', async () => {
    const patient = await ok(staff.mfa, 'patients.create', { familyName: 'Roth', givenName: 'Ida', birthDate: '1980-07-07' });
    await waitFor(() => staff.physician.events.find((e) => e.event === 'patients.changed' && e.payload.patientId === patient.id), 5000, 'patients.changed at the physician');
    const course = await ok(staff.physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [] });
    const seen = await waitFor(() => staff.mfa.events.find((e) => e.event === 'patients.changed' && e.payload.courseId === course.id), 5000, 'patients.changed at the MFA');
    expect(seen.payload).toEqual({ patientId: patient.id, courseId: course.id });
  });

  it('a refused course creation announces nothing', async () => {
    const before = staff.physician.events.filter((e) => e.event === 'patients.changed').length;
    const patients = await ok(staff.mfa, 'patients.list', { search: 'Roth' });
    await refusal(staff.mfa, 'courses.create', { patientId: patients[0].id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', priorFailedTherapies: [] });
    await refusal(staff.physician, 'courses.create', { patientId: patients[0].id, kind: 'weekly', plannedInfusions: 40, indication: 'crps', priorFailedTherapies: [] });
    await ok(staff.physician, 'patients.list', {}); // one round trip after the refusals: an event would have arrived
    expect(staff.physician.events.filter((e) => e.event === 'patients.changed').length).toBe(before);
  });
});
