/**
 * Migration 0080 (issue 10): the physician's confirmation of the contraindications is a row only a physician can write,
 * append-only and audited; the check-in time of a session is stored, and filled in for sessions checked in before.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';
import { openFixture, plannedSession, T0 } from './sessions.fixtures';

describe('0080 checklist confirmations', () => {
  it('fills in the check-in time of sessions checked in before, from their audit entry; planned ones stay open', () => {
    const db = new Database(':memory:');
    migrate(db, 50);
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'mfa', 'M', 'mfa', 'x', 0);
      INSERT INTO patients (id, family_name, given_name, birth_date, created_at) VALUES (1, 'Huber', 'Anna', '1970-01-01', 0);
      INSERT INTO infusion_sessions (id, patient_id, chair_id, state, created_at) VALUES (1, 1, 1, 'checkedIn', 0), (2, 1, 2, 'planned', 0);
      INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash)
        VALUES (1, 5000, 1, 'session.checkIn', 'session', 1, '{}', 'p', 'h');`);
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(80);
    expect(db.prepare('SELECT id, checked_in_at FROM infusion_sessions ORDER BY id').all()).toEqual([
      { id: 1, checked_in_at: 5000 },
      { id: 2, checked_in_at: null },
    ]);
  });

  it('only a physician confirms; the confirmation is audited and append-only', () => {
    const f = openFixture();
    const { sessionId } = plannedSession(f);
    expect(() => f.api.confirmContraindications({ userId: f.mfa, at: T0 }, sessionId, ['planned'], false)).toThrow(/only a physician/);
    const id = f.api.confirmContraindications({ userId: f.physician, at: T0 + 1 }, sessionId, ['planned'], true);
    expect(f.api.sessionBundle(sessionId)!.contraindications).toEqual({
      absoluteContraindicationFound: true,
      confirmed: { userId: f.physician, userName: 'Dr. Meier', at: T0 + 1 },
    });
    expect(f.api.sessionHistory(sessionId).map((h) => h.action)).toContain('checklist.contraindicationsConfirmed');
    expect(() => f.db.prepare('UPDATE contraindication_confirmations SET absolute_contraindication_found = 0 WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => f.db.prepare('DELETE FROM contraindication_confirmations').run()).toThrow(/append-only/);
    expect(() => f.api.confirmContraindications({ userId: f.physician, at: T0 + 2 }, sessionId, ['checkedIn'], false)).toThrow(/now planned/);
  });
});
