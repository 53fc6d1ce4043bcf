/**
 * Migration 0206 and moveSessionChair (issue 14 follow-up): a session moves to another chair only before its
 * infusion starts and only to a chair where no other patient is seated; the move is audited naming both chairs,
 * and the database refuses the rest whatever the caller.
 */
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../db/migrations';
import { signedSession } from './signedSession.fixtures';
import { discharge, MIN, openFixture, plannedSession, readyForDischarge, stoppedSession, T0, type Fixture } from './sessions.fixtures';

const chairOf = (f: Fixture, sessionId: number) => f.db.prepare('SELECT chair_id FROM infusion_sessions WHERE id = ?').pluck().get(sessionId);
const rawMove = (f: Fixture, sessionId: number, chairId: number) => f.db.prepare('UPDATE infusion_sessions SET chair_id = ? WHERE id = ?').run(chairId, sessionId);
const checkIn = (f: Fixture, sessionId: number, at = T0) =>
  f.api.transitionSession({ userId: f.mfa, at }, { sessionId, from: 'planned', to: 'checkedIn', at, checkedInAt: at, action: 'session.checkIn', detail: {} });

describe('0206 chair move', () => {
  it('moves a planned and a checked-in session in one audited write naming both chairs', () => {
    const f = openFixture();
    expect(schemaVersion(f.db)).toBeGreaterThanOrEqual(206);
    const { sessionId } = plannedSession(f);
    f.api.moveSessionChair({ userId: f.mfa, at: T0 + MIN }, { sessionId, from: 'planned', fromChairId: 1, toChairId: 2 });
    expect(chairOf(f, sessionId)).toBe(2);
    checkIn(f, sessionId);
    f.api.moveSessionChair({ userId: f.physician, at: T0 + 2 * MIN }, { sessionId, from: 'checkedIn', fromChairId: 2, toChairId: 4 });
    expect(chairOf(f, sessionId)).toBe(4);
    const moves = f.api.sessionHistory(sessionId).filter((h) => h.action === 'session.chairMoved');
    expect(moves.map((m) => [m.userName, JSON.parse(m.detail)])).toEqual([
      ['Sabine Schmidt', { fromChair: 'Platz 1', toChair: 'Platz 2', fromChairId: 1, toChairId: 2 }],
      ['Dr. Meier', { fromChair: 'Platz 2', toChair: 'Platz 4', fromChairId: 2, toChairId: 4 }],
    ]);
    expect(f.api.sessionBundle(sessionId)!.session.chairId).toBe(4);
  });

  it('refuses a stale move (status or chair changed meanwhile) and writes no audit entry', () => {
    const f = openFixture();
    const { sessionId } = plannedSession(f);
    const entries = () => f.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = entries();
    expect(() => f.api.moveSessionChair({ userId: f.mfa, at: T0 }, { sessionId, from: 'checkedIn', fromChairId: 1, toChairId: 2 })).toThrow(/changed meanwhile/);
    expect(() => f.api.moveSessionChair({ userId: f.mfa, at: T0 }, { sessionId, from: 'planned', fromChairId: 3, toChairId: 2 })).toThrow(/changed meanwhile/);
    expect(entries()).toBe(before);
    expect(chairOf(f, sessionId)).toBe(1);
  });

  it('the database refuses a move after the start, after the end and once signed, whatever the caller', () => {
    const f = openFixture();
    const { sessionId, stop } = stoppedSession(f);
    expect(() => rawMove(f, sessionId, 2)).toThrow(/only before the infusion starts/);
    discharge(f, sessionId, readyForDischarge(f, sessionId, stop));
    expect(() => rawMove(f, sessionId, 2)).toThrow(/only before the infusion starts/);
    const cancelled = plannedSession(f).sessionId;
    f.api.transitionSession({ userId: f.mfa, at: T0 }, { sessionId: cancelled, from: 'planned', to: 'cancelled', at: T0, cancelReason: 'krank', action: 'session.cancel', detail: {} });
    expect(() => rawMove(f, cancelled, 2)).toThrow(/only before the infusion starts/);
    // Even a repo call based on a stale status cannot move it.
    expect(() => f.api.moveSessionChair({ userId: f.mfa, at: T0 }, { sessionId, from: 'discharged', fromChairId: 1, toChairId: 3 })).toThrow(/only before/);
    expect([chairOf(f, sessionId), chairOf(f, cancelled)]).toEqual([1, 1]);
    const signed = signedSession();
    try {
      expect(() => rawMove(signed.f, signed.sessionId, 2)).toThrow(/only before the infusion starts|signed/);
      expect(chairOf(signed.f, signed.sessionId)).toBe(1);
    } finally {
      signed.remove();
    }
  });

  it('the database refuses a chair where another patient is seated; a planned one there does not block', () => {
    const f = openFixture();
    const seated = plannedSession(f).sessionId; // chair 1
    checkIn(f, seated);
    const waiting = plannedSession(f).sessionId;
    f.api.moveSessionChair({ userId: f.mfa, at: T0 }, { sessionId: waiting, from: 'planned', fromChairId: 1, toChairId: 2 });
    expect(() => rawMove(f, waiting, 1)).toThrow(/no other patient is seated/);
    const alsoPlanned = plannedSession(f).sessionId;
    f.api.moveSessionChair({ userId: f.mfa, at: T0 }, { sessionId: alsoPlanned, from: 'planned', fromChairId: 1, toChairId: 2 });
    expect([chairOf(f, waiting), chairOf(f, alsoPlanned)]).toEqual([2, 2]);
    // The same chair again is no move: nothing to refuse.
    expect(rawMove(f, seated, 1).changes).toBe(1);
  });
});
