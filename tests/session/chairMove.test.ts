/**
 * sessions.moveChair through the WebSocket API (issue 14 follow-up): MFA and physician move a session before its
 * infusion starts; the new chair's tile (sessions.list by chair) shows it, the old one lets it go, and the alarms
 * watch a checked-in session on the new chair. Refused with a reason: started, occupied chair, unknown chair,
 * wrong role; nothing already recorded is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { waitFor, type WsTestClient } from '../helpers/wsClient';
import { fullChecklist, ok, refusal } from './runThrough';

let app: TestApp;
let mfa: WsTestClient;
let physician: WsTestClient;
let admin: WsTestClient;

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never' });
  [mfa, physician, admin] = await Promise.all([app.login('mfa'), app.login('physician'), app.login('admin')]);
}, 30_000);
afterAll(() => app?.close());

async function planned(chairId: number, name: string): Promise<number> {
  const patient = await ok(mfa, 'patients.create', { familyName: name, givenName: 'Eva', birthDate: '1972-05-06' });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'crps', priorFailedTherapies: [] });
  return (await ok(mfa, 'sessions.plan', { courseId: course.id, chairId, plannedFor: Date.now() })).session.id;
}

const onChair = async (chairId: number) => (await ok<{ id: number }[]>(mfa, 'sessions.list', { chairId })).map((s) => s.id);
const chairOf = async (sessionId: number) => (await ok(mfa, 'sessions.get', { sessionId })).session.chairId as number;

async function readyToStart(sessionId: number, alreadyCheckedIn = false) {
  if (!alreadyCheckedIn) await ok(mfa, 'sessions.checkIn', { sessionId });
  await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
  await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
  await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
  await ok(mfa, 'sessions.completeChecklist', { sessionId });
}

describe('sessions.moveChair', () => {
  it('moves a planned session: the new chair lists it, the old one no longer, both chairs hear of it, audited', async () => {
    const sessionId = await planned(1, 'Wechsel');
    expect(await onChair(1)).toContain(sessionId);
    const heardBefore = mfa.events.length;
    const moved = await ok(mfa, 'sessions.moveChair', { sessionId, chairId: 2 });
    expect(moved.session).toMatchObject({ id: sessionId, chairId: 2, chairName: 'Platz 2', status: 'planned' });
    expect(await onChair(2)).toContain(sessionId);
    expect(await onChair(1)).not.toContain(sessionId);
    const event = await waitFor(() => mfa.events.slice(heardBefore).find((e) => e.event === 'session.changed' && e.payload.sessionId === sessionId));
    expect(event.payload).toMatchObject({ chairId: 2, previousChairId: 1, status: 'planned' });
    const review = await ok(physician, 'sessions.review', { sessionId });
    expect(review.history.filter((h: { action: string }) => h.action === 'session.chairMoved').map((h: { detail: string }) => JSON.parse(h.detail))).toEqual([
      { fromChair: 'Platz 1', toChair: 'Platz 2', fromChairId: 1, toChairId: 2 },
    ]);
  });

  it('a checked-in session takes its alarm watch along: the old chair stops watching, the new one starts', async () => {
    const sessionId = await planned(3, 'Alarmwache');
    await ok(mfa, 'sessions.checkIn', { sessionId });
    expect(app.services.alarms.sessionOf(3)).toBe(sessionId);
    await ok(physician, 'sessions.moveChair', { sessionId, chairId: 4 });
    expect(app.services.alarms.sessionOf(3)).toBeNull();
    expect(app.services.alarms.sessionOf(4)).toBe(sessionId);
    // Back again before the start, once the checklist is complete, still watched where the patient sits.
    await readyToStart(sessionId, true);
    await ok(mfa, 'sessions.moveChair', { sessionId, chairId: 3 });
    expect([app.services.alarms.sessionOf(3), app.services.alarms.sessionOf(4)]).toEqual([sessionId, null]);
    await ok(mfa, 'sessions.cancel', { sessionId, reason: 'Test zu Ende' });
    expect(app.services.alarms.sessionOf(3)).toBeNull();
  });

  it('refuses a chair where another patient is seated, naming the chair and the patient; a planned one there does not block', async () => {
    const seated = await planned(3, 'Sitzt');
    await ok(mfa, 'sessions.checkIn', { sessionId: seated });
    const other = await planned(3, 'Geplant');
    const mover = await planned(1, 'Sucht');
    const r = await refusal(mfa, 'sessions.moveChair', { sessionId: mover, chairId: 3 });
    expect(r.code).toBe('REFUSED');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'session.chairOccupied', params: { chair: 'Platz 3', name: 'Sitzt, Eva' } })]);
    expect(await chairOf(mover)).toBe(1);
    // A planned session elsewhere may share the chair with another planned one.
    await ok(mfa, 'sessions.moveChair', { sessionId: other, chairId: 1 });
    await ok(mfa, 'sessions.cancel', { sessionId: seated, reason: 'Test zu Ende' });
    await ok(mfa, 'sessions.moveChair', { sessionId: mover, chairId: 3 });
    expect(await chairOf(mover)).toBe(3);
  });

  it('refuses after the start and after the end; the running infusion stays where it is, with its record', async () => {
    const sessionId = await planned(4, 'Läuft');
    await readyToStart(sessionId);
    await ok(mfa, 'infusion.start', { sessionId });
    const r = await refusal(physician, 'sessions.moveChair', { sessionId, chairId: 2 });
    expect(r.code).toBe('REFUSED');
    expect(r.problems?.map((p) => p.code)).toEqual(['session.moveAfterStart']);
    const after = await ok(mfa, 'sessions.get', { sessionId });
    expect(after.session).toMatchObject({ chairId: 4, status: 'running' });
    expect(after.doseEvents.map((e: { kind: string }) => e.kind)).toEqual(['start']);
    expect(app.services.alarms.sessionOf(4)).toBe(sessionId);
    await ok(mfa, 'infusion.stop', { sessionId });
    expect((await refusal(mfa, 'sessions.moveChair', { sessionId, chairId: 2 })).problems?.map((p) => p.code)).toEqual(['session.moveAfterStart']);

    const cancelled = await planned(2, 'Abgesagt');
    await ok(mfa, 'sessions.cancel', { sessionId: cancelled, reason: 'krank' });
    expect((await refusal(mfa, 'sessions.moveChair', { sessionId: cancelled, chairId: 1 })).problems?.map((p) => p.code)).toEqual(['session.moveAfterStart']);
  });

  it('refuses an unknown chair and session, and a role without the right; nothing moves', async () => {
    const sessionId = await planned(2, 'Bleibt');
    const unknown = await refusal(mfa, 'sessions.moveChair', { sessionId, chairId: 99 });
    expect(unknown.code).toBe('REFUSED');
    expect(unknown.problems).toEqual([expect.objectContaining({ code: 'session.chairUnknown', params: { chair: 99 } })]);
    expect((await refusal(mfa, 'sessions.moveChair', { sessionId: 999_999, chairId: 1 })).code).toBe('NOT_FOUND');
    const forbidden = await refusal(admin, 'sessions.moveChair', { sessionId, chairId: 1 });
    expect(forbidden.code).toBe('FORBIDDEN');
    expect((await refusal(mfa, 'sessions.moveChair', { sessionId, chairId: 'zwei' })).code).toBe('BAD_INPUT');
    expect(await chairOf(sessionId)).toBe(2);
  });
});
