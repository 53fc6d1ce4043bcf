/**
 * Migration 0070 with direct SQL: the discharge gate recomputes from the record instead of trusting stored flags,
 * covers INSERT as well as UPDATE, keeps discharged / transferred / cancelled final, never lets an override cover
 * the escort, and takes a transfer only with who, where to and why by a physician.
 */
import { describe, expect, it } from 'vitest';
import { discharge, FULL_SCORE, MIN, openFixture, plannedSession, readyForDischarge, stoppedSession, type Fixture } from './sessions.fixtures';

const state = (f: Fixture, id: number) => f.api.getSession(id)!.state;
const count = (f: Fixture, sql: string, ...args: unknown[]) => f.db.prepare(sql).pluck().get(...args) as number;

function highAlarm(f: Fixture, sessionId: number, raisedAt: number, clearedAt?: number) {
  const raised = { at: raisedAt, type: 'raised', alarmId: 'spo2.desat#1', code: 'spo2.desat', priority: 'high' as const, userName: null, detail: {} };
  const cleared = clearedAt === undefined ? [] : [{ ...raised, at: clearedAt, type: 'cleared' }];
  f.api.appendAlarmEvents(1, sessionId, [raised, ...cleared]);
}

describe('0070: sessions are created as planned, and final states stay final', () => {
  it('refuses an INSERT of an already discharged (or signed, or started) session', () => {
    const f = openFixture();
    const { courseId } = plannedSession(f);
    const insert = (state: string, extra = '') =>
      f.db.prepare(`INSERT INTO infusion_sessions (patient_id, chair_id, state, created_at, course_id${extra ? ', signed_at' : ''}) VALUES (1, 1, ?, 0, ?${extra})`);
    expect(() => insert('discharged').run('discharged', courseId)).toThrow(/created as planned/);
    expect(() => insert('transferred').run('transferred', courseId)).toThrow(/created as planned/);
    expect(() => insert('planned', ', 5').run('planned', courseId)).toThrow(/created as planned/);
    expect(count(f, 'SELECT count(*) FROM infusion_sessions')).toBe(1);
  });

  it('refuses any way back from discharged, and any change of its times', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    discharge(f, sessionId, readyForDischarge(f, sessionId, stop));
    for (const to of ['running', 'postObservation', 'planned', 'cancelled', 'transferred']) {
      expect(() => f.db.prepare('UPDATE infusion_sessions SET state = ? WHERE id = ?').run(to, sessionId), to).toThrow(/is final/);
    }
    expect(() => f.db.prepare('UPDATE infusion_sessions SET discharged_at = 1 WHERE id = ?').run(sessionId)).toThrow(/is final/);
    expect(state(f, sessionId)).toBe('discharged');
  });

  it('refuses status changes the state machine does not have (planned → running, running → discharged)', () => {
    const f = openFixture();
    const { sessionId } = plannedSession(f);
    expect(() => f.db.prepare("UPDATE infusion_sessions SET state = 'running' WHERE id = ?").run(sessionId)).toThrow(/not allowed by the session state machine/);
    expect(state(f, sessionId)).toBe('planned');
  });
});

describe('0070: the gate recomputes from the record', () => {
  it('an escort marked complete with fields missing, or a phone without 5 digits, does not count — and no override covers it', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    const at = readyForDischarge(f, sessionId, stop);
    f.api.confirmEscort({ userId: f.mfa, at }, sessionId, { kind: 'person', name: 'Maria', relation: 'Tochter', arrivalAt: at }, true);
    expect(() => discharge(f, sessionId, at + MIN)).toThrow(/escort is not confirmed/);
    f.api.confirmEscort({ userId: f.mfa, at }, sessionId, { kind: 'person', name: 'Maria', relation: 'Tochter', phone: '12', arrivalAt: at }, true);
    expect(() => discharge(f, sessionId, at + MIN)).toThrow(/escort is not confirmed/);
    const overrideAll = (criteria: string) =>
      f.db.prepare("INSERT INTO discharge_steps (session_id, kind, reason, at, user_id, criteria) VALUES (?, 'override', 'Notfall', ?, ?, ?)").run(sessionId, at, f.physician, criteria);
    expect(() => overrideAll('["escort"]')).toThrow(/escort is never overridden/);
    expect(() => overrideAll('["release"]')).toThrow(/unknown override criterion/);
    expect(() => overrideAll('[]')).toThrow(/names each criterion/);
    overrideAll('["observationTime","score","instructions","highAlarm"]');
    expect(() => discharge(f, sessionId, at + MIN, f.physician)).toThrow(/escort is not confirmed/);
    expect(state(f, sessionId)).toBe('postObservation');
  });

  it('a stored total of 10 counts only if its item rows add up to it, and not below the threshold setting', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    const at = readyForDischarge(f, sessionId, stop);
    const score = (answers: Record<string, number>, total: number, threshold = 9) =>
      f.api.recordDischargeScore({ userId: f.mfa, at }, sessionId, { scale: 'modifiedPadss', answers, total, maxPoints: 10, threshold, complete: true });
    score({}, 10);
    expect(() => discharge(f, sessionId, at + MIN)).toThrow(/discharge score/);
    score({ ...FULL_SCORE, pain: 3, bleeding: 1 }, 10);
    expect(() => discharge(f, sessionId, at + MIN)).toThrow(/discharge score/);
    score({ ...FULL_SCORE, pain: 0 }, 8, 0);
    expect(() => discharge(f, sessionId, at + MIN)).toThrow(/discharge score/);
    score(FULL_SCORE, 10);
    f.api.recordDischargeStep({ userId: f.physician, at }, sessionId, 'physicianRelease', {});
    discharge(f, sessionId, at + MIN);
    expect(state(f, sessionId)).toBe('discharged');
  });

  it('an observation end written too early does not shorten the observation time in force at the stop', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    readyForDischarge(f, sessionId, stop);
    f.db.prepare('UPDATE infusion_sessions SET observation_ends_at = ? WHERE id = ?').run(stop + 10 * MIN, sessionId);
    expect(() => discharge(f, sessionId, stop + 20 * MIN)).toThrow(/observation time is not over/);
  });

  it('an adverse event or abnormal observation after score and release makes both stale; new ones after it count', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    const at = readyForDischarge(f, sessionId, stop);
    f.api.recordObservation({ userId: f.mfa, at: at - MIN }, sessionId, ['postObservation'], { kind: 'sedation', at: at - MIN, scale: 'rass', score: -3 });
    expect(() => discharge(f, sessionId, at)).toThrow(/discharge score/);
    f.api.recordDischargeScore({ userId: f.mfa, at }, sessionId, { scale: 'modifiedPadss', answers: FULL_SCORE, total: 10, maxPoints: 10, threshold: 9, complete: true });
    expect(() => discharge(f, sessionId, at + MIN)).toThrow(/no physician release after/);
    f.api.recordObservation({ userId: f.mfa, at: at + MIN }, sessionId, ['postObservation'], { kind: 'adverseEvent', at, description: 'Erbrechen', severity: 'mild' });
    expect(() => discharge(f, sessionId, at + 2 * MIN)).toThrow(/discharge score/);
    const later = at + 2 * MIN;
    f.api.recordDischargeScore({ userId: f.mfa, at: later }, sessionId, { scale: 'modifiedPadss', answers: FULL_SCORE, total: 10, maxPoints: 10, threshold: 9, complete: true });
    f.api.recordDischargeStep({ userId: f.physician, at: later }, sessionId, 'physicianRelease', {});
    discharge(f, sessionId, later + MIN);
    expect(state(f, sessionId)).toBe('discharged');
  });

  it('the abnormal thresholds are the clinic settings in force', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    const at = readyForDischarge(f, sessionId, stop);
    f.api.recordObservation({ userId: f.mfa, at: at - MIN }, sessionId, ['postObservation'], { kind: 'bloodPressure', at: at - MIN, systolicMmHg: 95, diastolicMmHg: 60 });
    f.api.setClinicSetting({ userId: f.physician, at }, 'abnormalSystolicBelowMmHg', 100, 90, 'our physicians want SBP ≥ 100 before leaving');
    expect(() => discharge(f, sessionId, at)).toThrow(/discharge score/);
  });

  it('a high alarm in the stored log: refused while active and within the last 15 min of its end; allowed after', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    const at = readyForDischarge(f, sessionId, stop);
    highAlarm(f, sessionId, stop + 5 * MIN);
    expect(() => discharge(f, sessionId, at)).toThrow(/high-priority alarm is active/);
    const g = openFixture();
    const s2 = stoppedSession(g);
    const ready = readyForDischarge(g, s2.sessionId, s2.stop);
    highAlarm(g, s2.sessionId, s2.stop + 5 * MIN, ready - 10 * MIN);
    expect(() => discharge(g, s2.sessionId, ready)).toThrow(/high-priority alarm is active or was within/);
    discharge(g, s2.sessionId, ready - 10 * MIN + 16 * MIN);
    expect(state(g, s2.sessionId)).toBe('discharged');
  });

  it('an override waives only the criteria it names and stands for the release', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    f.api.confirmEscort({ userId: f.mfa, at: stop }, sessionId, { kind: 'taxi', company: 'Isarfunk', bookingReference: 'B7', arrivalAt: stop }, true);
    const at = stop + 5 * MIN;
    const write = (criteria: string[]) =>
      f.api.transitionSession(
        { userId: f.physician, at },
        { sessionId, from: 'postObservation', to: 'discharged', at, dischargedAt: at, override: { reason: 'stabil', criteria }, action: 'session.discharge', detail: {} },
      );
    expect(() => write(['observationTime', 'score'])).toThrow(/instructions are not acknowledged/);
    expect(count(f, "SELECT count(*) FROM discharge_steps WHERE kind = 'override'")).toBe(0); // rolled back with the refusal
    write(['observationTime', 'score', 'instructions']);
    expect(state(f, sessionId)).toBe('discharged');
  });
});

describe('0070: transfer', () => {
  it('needs the transfer row (by a physician) and the pump stopped; then it is final and can be signed', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    expect(() => f.db.prepare("UPDATE infusion_sessions SET state = 'transferred' WHERE id = ?").run(sessionId)).toThrow(/who, where to and why/);
    const insert = f.db.prepare('INSERT INTO session_transfers (session_id, handed_over_to, destination, reason, at, user_id) VALUES (?, ?, ?, ?, ?, ?)');
    expect(() => insert.run(sessionId, 'RTW', 'ZNA', 'Krampfanfall', stop, f.mfa)).toThrow(/only a physician/);
    expect(() => insert.run(sessionId, ' ', 'ZNA', 'Krampfanfall', stop, f.physician)).toThrow(/CHECK constraint/);
    f.api.transitionSession(
      { userId: f.physician, at: stop + MIN },
      { sessionId, from: 'postObservation', to: 'transferred', at: stop + MIN, transfer: { handedOverTo: 'RTW 1/83-2', destination: 'ZNA', reason: 'Krampfanfall' }, action: 'session.transfer', detail: {} },
    );
    expect(f.api.sessionBundle(sessionId)!.transfer).toMatchObject({ handedOverTo: 'RTW 1/83-2', destination: 'ZNA', by: { userName: 'Dr. Meier' } });
    expect(() => f.db.prepare("UPDATE infusion_sessions SET state = 'discharged', discharged_at = 1 WHERE id = ?").run(sessionId)).toThrow(/is final/);
    expect(() => f.db.prepare('DELETE FROM session_transfers').run()).toThrow(/append-only/);
    f.api.signSession({ userId: f.physician, at: stop + 2 * MIN }, sessionId);
    expect(f.api.getSession(sessionId)!.signed).not.toBeNull();
  });
});
