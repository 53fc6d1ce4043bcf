/**
 * Issue 12 item 1 through the WebSocket API: an observation round (NRS, sedation, dissociation, nausea, blood
 * pressure) is written whole or not at all. Random rounds, some with refused items, against a reference list of what
 * must be stored: a refused round writes nothing and names every refused item by its place in the round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import type { WsTestClient } from '../helpers/wsClient';
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

async function runningSession(): Promise<number> {
  const patient = await ok(mfa, 'patients.create', { familyName: 'Runde', givenName: 'Rita', birthDate: '1968-05-06' });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 6, indication: 'crps', priorFailedTherapies: [] });
  const sessionId = (await ok(mfa, 'sessions.plan', { courseId: course.id, chairId: 1, plannedFor: Date.now() })).session.id;
  await ok(mfa, 'sessions.checkIn', { sessionId });
  await ok(mfa, 'sessions.saveChecklist', { sessionId, checklist: fullChecklist(Date.now(), 6) });
  await ok(physician, 'checklist.confirmContraindications', { sessionId, absoluteContraindicationFound: false });
  await ok(physician, 'prescriptions.prescribe', { sessionId, substance: 'esketamine', concentrationMgPerMl: 1, weightKg: 72, targetMgPerKgPerH: 0.1 });
  await ok(mfa, 'sessions.completeChecklist', { sessionId });
  await ok(mfa, 'infusion.start', { sessionId });
  return sessionId;
}

/** A seeded generator, so a failing run can be repeated. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

type Item = { observation: Record<string, unknown>; valid: boolean };

/** One item of each kind, in a random order; each one refused with probability `bad`. */
function randomRound(next: () => number, bad: number): Item[] {
  const pick = (n: number) => Math.floor(next() * n);
  const items: Item[] = [
    next() < bad ? { observation: { kind: 'pain', nrs: 11 }, valid: false } : { observation: { kind: 'pain', nrs: pick(11) }, valid: true },
    next() < bad ? { observation: { kind: 'sedation', scale: 'rass', score: 7 }, valid: false } : { observation: { kind: 'sedation', scale: 'rass', score: pick(3) - 1 }, valid: true },
    next() < bad ? { observation: { kind: 'dissociation', score: 9 }, valid: false } : { observation: { kind: 'dissociation', score: pick(4) }, valid: true },
    next() < bad ? { observation: { kind: 'nausea', score: 0, vomitingEpisodes: -1 }, valid: false } : { observation: { kind: 'nausea', score: pick(4) }, valid: true },
    next() < bad
      ? { observation: { kind: 'bloodPressure', systolicMmHg: 60, diastolicMmHg: 120 }, valid: false }
      : { observation: { kind: 'bloodPressure', systolicMmHg: 110 + pick(30), diastolicMmHg: 60 + pick(20) }, valid: true },
  ];
  const count = 1 + pick(items.length);
  return items.sort(() => next() - 0.5).slice(0, count);
}

const stored = (d: { observations: { observation: Record<string, unknown> }[] }) =>
  d.observations.map(({ observation: { at: _at, ...rest } }) => JSON.stringify(rest)).sort();

describe('an observation round: all or nothing', () => {
  it('random rounds with refused items against a reference list: nothing of a refused round is stored, each refused item named', async () => {
    const sessionId = await runningSession();
    const next = random(12);
    const reference: string[] = [];
    let refusedRounds = 0;
    for (let round = 0; round < 30; round++) {
      const items = randomRound(next, 0.15);
      const r = await mfa.call('observations.recordRound', { sessionId, observations: items.map((i) => i.observation) });
      const refusedAt = items.flatMap((item, index) => (item.valid ? [] : [index]));
      if (refusedAt.length === 0) {
        expect(r.ok, JSON.stringify(r)).toBe(true);
        reference.push(...items.map((i) => JSON.stringify(i.observation)));
      } else {
        refusedRounds++;
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('BAD_INPUT');
        const named = [...new Set((r.error.problems ?? []).map((p: { params?: { item?: number } }) => p.params?.item))].sort();
        expect(named).toEqual(refusedAt);
      }
      const d = await ok(mfa, 'sessions.get', { sessionId });
      expect(stored(d)).toEqual([...reference].sort());
    }
    // The seed gives both kinds of round.
    expect(refusedRounds).toBeGreaterThan(0);
    expect(refusedRounds).toBeLessThan(30);
  }, 60_000);

  it('a saved round stores every item and moves every kind to its next due time', async () => {
    const sessionId = await runningSession();
    const round = [
      { kind: 'pain', nrs: 3 },
      { kind: 'sedation', scale: 'rass', score: 0 },
      { kind: 'dissociation', score: 0 },
      { kind: 'nausea', score: 0 },
      { kind: 'bloodPressure', systolicMmHg: 128, diastolicMmHg: 80 },
    ];
    const before = Date.now();
    const d = await ok(mfa, 'observations.recordRound', { sessionId, observations: round });
    expect(d.observations).toHaveLength(5);
    // Every kind was just done: nothing is overdue and nothing is due before the next interval.
    expect(d.schedule.overdue).toEqual([]);
    for (const due of d.schedule.due) expect(due.dueAt).toBeGreaterThan(before);
  }, 30_000);

  it('refuses a round with a kind twice, an empty round and a role without the right, writing nothing', async () => {
    const sessionId = await runningSession();
    const twice = await refusal(mfa, 'observations.recordRound', { sessionId, observations: [{ kind: 'pain', nrs: 2 }, { kind: 'pain', nrs: 3 }] });
    expect(twice.problems?.map((p) => p.code)).toEqual(['observation.roundKindTwice']);
    expect(twice.message).toContain('pain');
    const empty = await refusal(mfa, 'observations.recordRound', { sessionId, observations: [] });
    expect(empty.code).toBe('BAD_INPUT');
    const wrongRole = await refusal(admin, 'observations.recordRound', { sessionId, observations: [{ kind: 'pain', nrs: 2 }] });
    expect(wrongRole.code).toBe('FORBIDDEN');
    expect((await ok(mfa, 'sessions.get', { sessionId })).observations).toEqual([]);
  }, 30_000);
});
