/**
 * Issue 5 "done when": a Munich-style weekly course and a Kyiv-style daily course run through the WebSocket API,
 * from patient and course to signed sessions, and the course view shows the pain trend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { ok, refusal, runSession, type Staff } from './runThrough';

let app: TestApp;
let staff: Staff;

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  staff = { mfa: await app.login('mfa'), physician: await app.login('physician') };
  // The clinic's own observation time; 0 lets the test discharge at once (the gate's timing is tested in core and SQL).
  await ok(staff.physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
}, 30_000);
afterAll(() => app?.close());

describe('a course run through the API', () => {
  it('Munich: weekly CRPS course of 4 infusions, each signed, pain trend 7 → 3', async () => {
    const patient = await ok(staff.mfa, 'patients.create', { familyName: 'Huber', givenName: 'Anna', birthDate: '1968-05-02' });
    const course = await ok(staff.physician, 'courses.create', {
      patientId: patient.id,
      kind: 'weekly',
      plannedInfusions: 4,
      indication: 'crps',
      icd10: 'G90.5',
      priorFailedTherapies: [{ therapy: 'pregabalin', outcome: 'no effect' }, { therapy: 'physiotherapy' }],
    });
    expect(course.evidenceGrade).toBe('B');
    const pains: [number, number][] = [[7, 4], [6, 3], [5, 3], [3, 1]];
    for (const [before, after] of pains) {
      const sessionId = await runSession(staff, course.id, 1, before, after);
      const signed = await ok(staff.physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
      expect(signed.session.signed.userName).toBe('Dr. Meier');
      expect(signed.allowedEvents).toEqual([]);
    }
    const view = await ok(staff.mfa, 'courses.view', { courseId: course.id });
    expect(view.sessions.map((s: any) => s.sessionNumber)).toEqual([1, 2, 3, 4]);
    expect(view.painTrend.course).toMatchObject({ from: 7, to: 3, meaningful: true });
    expect(view.painTrend.assessedSessions).toBe(4);
    expect(view.painTrend.meaningfulSessions).toBe(4);
    expect(view.meaningfulDrop.source).toMatch(/Farrar/);
    // The course is full: a fifth infusion is refused with the reason.
    const full = await refusal(staff.mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: Date.now() });
    expect(full.code).toBe('REFUSED');
    expect(full.problems?.[0]?.code).toBe('course.full');
  }, 60_000);

  it('Kyiv: daily course of 5 days for phantom limb pain, every session discharged with its dose', async () => {
    const patient = await ok(staff.mfa, 'patients.create', { familyName: 'Kovalenko', givenName: 'Oleh', birthDate: '1985-11-20' });
    const course = await ok(staff.physician, 'courses.create', {
      patientId: patient.id,
      kind: 'daily',
      plannedInfusions: 5,
      indication: 'phantomLimbPain',
      priorFailedTherapies: [{ therapy: 'amitriptyline' }],
    });
    for (let day = 0; day < 5; day++) await runSession(staff, course.id, 2, 8 - day, 6 - day);
    const view = await ok(staff.mfa, 'courses.view', { courseId: course.id });
    expect(view.sessions).toHaveLength(5);
    expect(view.sessions.every((s: any) => s.status === 'discharged' && s.totalMg > 0)).toBe(true);
    expect(view.painTrend.course).toMatchObject({ from: 8, to: 4 });
    expect(view.painTrend.meaningfulShare).toBe(1);
    const listed = await ok(staff.mfa, 'patients.list', { search: 'Kovalen' });
    expect(listed.map((p: any) => p.familyName)).toEqual(['Kovalenko']);
  }, 60_000);

  it('refuses a course outside 3–7 days and a psychiatric indication without attestation, naming each problem', async () => {
    const patient = await ok(staff.mfa, 'patients.create', { familyName: 'Berg', givenName: 'Lena', birthDate: '1990-01-01' });
    const r = await refusal(staff.physician, 'courses.create', {
      patientId: patient.id,
      kind: 'daily',
      plannedInfusions: 9,
      indication: 'treatmentResistantDepression',
      priorFailedTherapies: [],
    });
    expect(r.code).toBe('REFUSED');
    expect(r.problems?.map((p) => p.code)).toEqual(['course.dailyLengthOutOfRange', 'course.psychiatricIndicationWithoutAttestation']);
  });
});
