/**
 * Migration 0060 on a real database file: what the triggers refuse whatever the caller (direct SQL included), and
 * that the app's own writes still go through (vitals while a session runs and after it is signed, audited changes).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../db/audit';
import { migrate } from '../../db/migrations';
import { decodeChunk, encodeChunk } from '../../db/vitalCodec';
import { tempDir } from '../helpers/tempDir';
import { discharge, MIN, openFixture, readyForDischarge, stoppedSession, T0 } from './sessions.fixtures';
import { CHAIR, monitor, signedSession, type SignedSession } from './signedSession.fixtures';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((c) => c()));
const fresh = (): SignedSession => {
  const s = signedSession();
  cleanup.push(() => s.remove());
  return s;
};
const fileFixture = () => {
  const dir = tempDir('record-protection-');
  const f = openFixture(join(dir.path, 'clinic.sqlite'));
  cleanup.push(() => {
    f.db.close();
    dir.remove();
  });
  return f;
};
type Chunk = { chair_id: number; parameter: string; start_ms: number; end_ms: number; sample_count: number; device_offset_ms: number | null; data: Uint8Array };

describe('signing: signature rows, and no session marked or inserted signed without one', () => {
  it('keeps signature rows append-only', () => {
    const s = fresh();
    expect(() => s.f.db.prepare("UPDATE session_signatures SET content_hash = ?").run('0'.repeat(64))).toThrow(/signatures are append-only/);
    expect(() => s.f.db.prepare('DELETE FROM session_signatures').run()).toThrow(/signatures are append-only/);
    expect(() => s.f.api.signSession({ userId: s.f.physician, at: s.signedAt }, s.sessionId)).toThrow(/signed and locked/);
    expect(s.f.db.prepare('SELECT count(*) FROM session_signatures').pluck().get()).toBe(1);
  });

  it('refuses to mark a session signed without its signature row, and to insert a session already signed', () => {
    const f = fileFixture();
    const { sessionId, stop } = stoppedSession(f);
    const at = readyForDischarge(f, sessionId, stop);
    discharge(f, sessionId, at);
    expect(() => f.db.prepare('UPDATE infusion_sessions SET signed_at = ?, signed_by = ? WHERE id = ?').run(at, f.physician, sessionId)).toThrow(
      /signed with its content hash/,
    );
    const session = f.db.prepare('SELECT patient_id, course_id FROM infusion_sessions WHERE id = ?').get(sessionId) as { patient_id: number; course_id: number };
    const insertSigned = (signedAt: number | null) =>
      f.db
        .prepare("INSERT INTO infusion_sessions (patient_id, chair_id, state, created_at, signed_at, signed_by) VALUES (?, 2, 'planned', ?, ?, ?)")
        .run(session.patient_id, at, signedAt, f.physician);
    expect(() => insertSigned(at)).toThrow(/never inserted signed|created as planned/); // 0070 refuses it too
    expect(() => insertSigned(null)).toThrow(/never inserted signed/);
    expect(() =>
      f.db
        .prepare("INSERT INTO session_signatures (session_id, chair_id, signed_at, signed_by, content_version, content_hash, part_hashes, vitals_from, vitals_to) VALUES (?, 2, ?, ?, 1, ?, '{}', 0, 1)")
        .run(sessionId, at, f.physician, 'a'.repeat(64)),
    ).toThrow(/on its own chair/);
    expect(() =>
      f.db
        .prepare("INSERT INTO session_signatures (session_id, chair_id, signed_at, signed_by, content_version, content_hash, part_hashes, vitals_from, vitals_to) VALUES (?, 1, ?, ?, 1, ?, '{}', 0, 1)")
        .run(sessionId, at, f.mfa, 'a'.repeat(64)),
    ).toThrow(/only a physician/);
    expect(f.api.getSession(sessionId)!.signed).toBeNull();
  });

  it('refuses rows of every kind for the signed session, and an amendment without its hash', () => {
    const s = fresh();
    const { db } = s.f;
    const at = s.signedAt;
    expect(() => db.prepare("INSERT INTO dose_events (session_id, prescription_id, kind, at, recorded_by) VALUES (?, 1, 'pause', ?, ?)").run(s.sessionId, at, s.f.mfa)).toThrow(/signed and locked/);
    expect(() => db.prepare("INSERT INTO observations (session_id, kind, at, data, recorded_at, recorded_by) VALUES (?, 'note', ?, '{}', ?, ?)").run(s.sessionId, at, at, s.f.mfa)).toThrow(/signed and locked/);
    expect(() => db.prepare("INSERT INTO escort_confirmations (session_id, escort, complete, at, confirmed_by) VALUES (?, '{}', 1, ?, ?)").run(s.sessionId, at, s.f.mfa)).toThrow(/signed and locked/);
    // Tables added after 0060: transfers (0140), contraindication confirmations (0080), rate orders (0090).
    expect(() => db.prepare("INSERT INTO session_transfers (session_id, handed_over_to, destination, reason, at, user_id) VALUES (?, 'RTW', 'Klinikum', 'x', ?, ?)").run(s.sessionId, at, s.f.physician)).toThrow(/signed and locked/);
    expect(() => db.prepare('INSERT INTO contraindication_confirmations (session_id, absolute_contraindication_found, at, confirmed_by) VALUES (?, 0, ?, ?)').run(s.sessionId, at, s.f.physician)).toThrow(/signed and locked/);
    expect(() => db.prepare('INSERT INTO rate_orders (session_id, rate_ml_per_h, ordered_at, ordered_by) VALUES (?, 9, ?, ?)').run(s.sessionId, at, s.f.physician)).toThrow(/signed and locked/);
    expect(() => db.prepare("INSERT INTO amendments (session_id, target, correction, reason, signed_at, signed_by) VALUES (?, 'session', 'x', 'y', ?, ?)").run(s.sessionId, at, s.f.physician)).toThrow(/with its content hash/);
    const id = s.f.api.amendSession({ userId: s.f.physician, at }, s.sessionId, { target: 'session', targetId: null, correction: 'x', reason: 'y' });
    const row = db.prepare('SELECT content_hash, amends_hash FROM amendments WHERE id = ?').get(id) as { content_hash: string; amends_hash: string };
    expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.amends_hash).toBe(db.prepare('SELECT content_hash FROM session_signatures').pluck().get());
  });
});

describe('vitals of a signed session are immutable', () => {
  const chunksOverlapping = (s: SignedSession, from: number, to: number) =>
    s.f.db.prepare('SELECT * FROM vital_chunks WHERE chair_id = ? AND end_ms >= ? AND start_ms <= ? ORDER BY start_ms').all(CHAIR, from, to) as Chunk[];

  it('refuses UPDATE, DELETE and INSERT OR REPLACE of a chunk in the signed range, and a new chunk inside it', () => {
    const s = fresh();
    const inside = chunksOverlapping(s, T0, T0 + 30 * MIN)[0]!;
    const samples = decodeChunk(inside.start_ms, inside.data).map((x, i) => (i === 0 ? { ...x, value: 50 } : x));
    const forged = encodeChunk(inside.start_ms, samples);
    const key = [inside.chair_id, inside.parameter, inside.start_ms] as const;
    expect(() => s.f.db.prepare('UPDATE vital_chunks SET data = ? WHERE chair_id = ? AND parameter = ? AND start_ms = ?').run(forged, ...key)).toThrow(/signed session are locked/);
    expect(() => s.f.db.prepare('DELETE FROM vital_chunks WHERE chair_id = ? AND parameter = ? AND start_ms = ?').run(...key)).toThrow(/never deleted/);
    expect(() =>
      s.f.db
        .prepare('INSERT OR REPLACE INTO vital_chunks (chair_id, parameter, start_ms, end_ms, sample_count, device_offset_ms, data) VALUES (?, ?, ?, ?, ?, NULL, ?)')
        .run(...key, inside.end_ms, inside.sample_count, forged),
    ).toThrow(/signed session are locked/);
    const extra = encodeChunk(T0 + 5 * MIN + 1, [{ t: T0 + 5 * MIN + 1, value: 60, state: 'valid' }]);
    expect(() =>
      s.f.db
        .prepare("INSERT INTO vital_chunks (chair_id, parameter, start_ms, end_ms, sample_count, data) VALUES (1, 'hr', ?, ?, 1, ?)")
        .run(T0 + 5 * MIN + 1, T0 + 5 * MIN + 1, extra),
    ).toThrow(/no readings can be added/);
    expect(() => s.f.api.appendReadings(CHAIR, [{ parameter: 'respRate', value: 12, unit: '/min', state: 'valid', receivedAt: T0 + 7 * MIN }])).toThrow(/no readings can be added/);
    expect(chunksOverlapping(s, T0, T0 + 30 * MIN)[0]).toEqual(inside);
  });

  it('lets the chunk open across the range end grow after signing, but not rewrite what it held', () => {
    const s = fresh();
    const crossing = s.f.db
      .prepare("SELECT * FROM vital_chunks WHERE chair_id = ? AND parameter = 'hr' AND start_ms <= ? AND end_ms > ?")
      .get(CHAIR, s.dischargedAt, s.dischargedAt) as Chunk;
    expect(crossing).toBeDefined();
    monitor(s.f, s.dischargedAt + 100_000, s.dischargedAt + 3 * MIN);
    const grown = s.f.db.prepare("SELECT * FROM vital_chunks WHERE chair_id = ? AND parameter = 'hr' AND start_ms = ?").get(CHAIR, crossing.start_ms) as Chunk;
    expect(grown.sample_count).toBeGreaterThan(crossing.sample_count);
    expect(Buffer.from(grown.data.subarray(0, crossing.data.length)).equals(Buffer.from(crossing.data))).toBe(true);
    // Rewriting it, even with more samples, changes what was signed: refused.
    const rewritten = decodeChunk(grown.start_ms, grown.data).map((x, i) => (i === 0 ? { ...x, value: 40 } : x));
    expect(() =>
      s.f.db.prepare("UPDATE vital_chunks SET data = ?, sample_count = sample_count WHERE chair_id = ? AND parameter = 'hr' AND start_ms = ?").run(encodeChunk(grown.start_ms, rewritten), CHAIR, grown.start_ms),
    ).toThrow(/signed session are locked/);
    expect(s.f.api.checkSessionRecord(s.sessionId).status).toBe('intact');
  });

  it('starts a new chunk after the range when the last one ended inside it: the next patient\'s readings are stored', () => {
    // A sporadic parameter (the cuff) and a monitor switched off before the discharge: each one's last chunk ends
    // inside the signed range. Appending the next patient's readings to it was refused by the trigger, and the store
    // retried the same batch forever, so no reading of that chair was written any more.
    const f = fileFixture();
    const { sessionId, stop } = stoppedSession(f);
    const dischargedAt = readyForDischarge(f, sessionId, stop);
    monitor(f, dischargedAt - 4 * MIN, dischargedAt - 30_000);
    f.api.appendReadings(CHAIR, [{ parameter: 'nibpSys', value: 128, unit: 'mmHg', state: 'valid', receivedAt: dischargedAt - 3 * MIN }]);
    discharge(f, sessionId, dischargedAt);
    f.api.signSession({ userId: f.physician, at: dischargedAt + MIN }, sessionId);
    const next = dischargedAt + 3 * MIN;
    const later = [
      { parameter: 'nibpSys' as const, value: 141, unit: 'mmHg', state: 'valid' as const, receivedAt: next },
      { parameter: 'hr' as const, value: 88, unit: '/min', state: 'valid' as const, receivedAt: next },
    ];
    f.api.appendReadings(CHAIR, later);
    const stored = (parameter: string) =>
      (f.db.prepare('SELECT start_ms, data FROM vital_chunks WHERE chair_id = ? AND parameter = ? ORDER BY start_ms').all(CHAIR, parameter) as Chunk[])
        .flatMap((c) => decodeChunk(c.start_ms, c.data));
    expect(stored('nibpSys').map((x) => [x.t, x.value])).toEqual([[dischargedAt - 3 * MIN, 128], [next, 141]]);
    expect(stored('hr').at(-1)).toMatchObject({ t: next, value: 88 });
    expect(f.api.checkSessionRecord(sessionId).status).toBe('intact');
  });

  it('never deletes vitals, signed or not, and writes normally on other chairs and while a session runs', () => {
    const f = fileFixture();
    const { sessionId } = stoppedSession(f);
    monitor(f, T0 - 20 * MIN, T0 + 90 * MIN);
    monitor(f, T0, T0 + 5 * MIN, 2);
    expect(f.db.prepare('SELECT count(*) FROM vital_chunks').pluck().get()).toBeGreaterThan(10);
    expect(() => f.db.prepare('DELETE FROM vital_chunks WHERE chair_id = 2').run()).toThrow(/never deleted/);
    expect(f.api.checkSessionRecord(sessionId)).toEqual({ sessionId, status: 'unsigned', contentHash: null, problems: [] });
  });
});

describe('the alarm log and chair events', () => {
  it('refuses an alarm entry dated inside a signed range on that chair, takes one after it or on another chair', () => {
    const s = fresh();
    const alarm = (at: number) => ({ at, type: 'raised', alarmId: 'x', code: 'hr.high', priority: 'medium' as const, userName: null, detail: {} });
    expect(() => s.f.api.appendAlarmEvents(CHAIR, null, [alarm(T0 + 20 * MIN)])).toThrow(/alarm log of a signed session is locked/);
    s.f.api.appendAlarmEvents(CHAIR, null, [alarm(s.dischargedAt + MIN)]);
    s.f.api.appendAlarmEvents(2, null, [alarm(T0 + 20 * MIN)]);
    expect(s.f.db.prepare('SELECT count(*) FROM alarm_log').pluck().get()).toBe(3);
  });

  it('keeps chair events append-only', () => {
    const f = fileFixture();
    f.api.recordChairEvent(1, T0, 'link', 'receiving');
    expect(() => f.db.prepare("UPDATE chair_events SET detail = 'x'").run()).toThrow(/append-only/);
    expect(() => f.db.prepare('DELETE FROM chair_events').run()).toThrow(/append-only/);
    expect(f.api.chairEvents(1, 0)).toHaveLength(1);
  });
});

describe('users and patients change only with their audit entry', () => {
  /** The audited path as a repo would take it: the entry first, then the change naming the entry's seq. */
  const audited = (db: Database.Database, entity: string, entityId: number, action: string, detail: unknown, change: (seq: number) => void) =>
    db.transaction(() => change(createAuditLog(db, Buffer.alloc(32, 7)).append({ at: T0, userId: 1, action, entity, entityId, detail })))();

  it('refuses a direct change of a role, a password hash or the active flag; takes the audited path', async () => {
    const f = fileFixture();
    expect(() => f.db.prepare("UPDATE users SET role = 'admin' WHERE id = ?").run(f.mfa)).toThrow(/audit/);
    expect(() => f.db.prepare("UPDATE users SET password_hash = 'forged' WHERE id = ?").run(f.physician)).toThrow(/needs its audit entry/);
    expect(() => f.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(f.physician)).toThrow(/needs its audit entry/);
    // The newest entry is about someone else, or does not name the new role: refused.
    const seqOfMfa = f.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    expect(() => f.db.prepare("UPDATE users SET password_hash = 'forged', audit_seq = ? WHERE id = ?").run(seqOfMfa, f.physician)).toThrow(/needs its audit entry/);
    expect(() => audited(f.db, 'user', f.mfa, 'user.roleChanged', { role: 'physician' }, (seq) => f.db.prepare("UPDATE users SET role = 'admin', audit_seq = ? WHERE id = ?").run(seq, f.mfa))).toThrow(
      /names the new role/,
    );
    audited(f.db, 'user', f.mfa, 'user.roleChanged', { role: 'physician' }, (seq) => f.db.prepare("UPDATE users SET role = 'physician', audit_seq = ? WHERE id = ?").run(seq, f.mfa));
    expect(f.api.credentialsById(f.mfa)!.role).toBe('physician');
    // The same entry cannot be used twice.
    const used = f.db.prepare('SELECT audit_seq FROM users WHERE id = ?').pluck().get(f.mfa) as number;
    expect(() => f.db.prepare("UPDATE users SET password_hash = 'again', audit_seq = ? WHERE id = ?").run(used, f.mfa)).toThrow(/needs its audit entry/);
    // The repo's own path.
    f.api.setUserActive({ userId: f.admin, at: T0 }, f.physician, false);
    f.api.setUserActive({ userId: f.admin, at: T0 }, f.physician, true);
    expect(f.api.credentialsById(f.physician)!.active).toBe(true);
    expect((await f.api.verifyAudit()).ok).toBe(true);
  });

  it('never deletes a patient; changes only audited; keeps the identity of a patient with a signed session', () => {
    const s = fresh();
    const { db } = s.f;
    const patientId = s.f.api.getSession(s.sessionId)!.patientId;
    expect(() => db.prepare('DELETE FROM patients WHERE id = ?').run(patientId)).toThrow(/never deleted/);
    const other = s.f.api.createPatient({ userId: s.f.mfa, at: T0 }, { familyName: 'Roth', givenName: 'Ben', birthDate: '1980-01-01' });
    expect(() => db.prepare('DELETE FROM patients WHERE id = ?').run(other.id)).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE patients SET family_name = 'Rot' WHERE id = ?").run(other.id)).toThrow(/needs its audit entry/);
    audited(db, 'patient', other.id, 'patient.corrected', { familyName: 'Rot' }, (seq) => db.prepare("UPDATE patients SET family_name = 'Rot', audit_seq = ? WHERE id = ?").run(seq, other.id));
    expect(s.f.api.getPatient(other.id)!.familyName).toBe('Rot');
    expect(() =>
      audited(db, 'patient', patientId, 'patient.corrected', { familyName: 'Maier' }, (seq) => db.prepare("UPDATE patients SET family_name = 'Maier', audit_seq = ? WHERE id = ?").run(seq, patientId)),
    ).toThrow(/signed session cannot change/);
    expect(s.f.api.getPatient(patientId)!.familyName).toBe('Huber');
  });
});

describe('migration 0060 on a database with rows from before', () => {
  it('applies over existing users and patients, whose later changes then need their audit entry', () => {
    const dir = tempDir('record-protection-');
    cleanup.push(() => dir.remove());
    const db = new Database(join(dir.path, 'clinic.sqlite'));
    cleanup.unshift(() => db.close());
    migrate(db, 50);
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('doc', 'Dr. D', 'physician', 'x', 0)").run();
    db.prepare("INSERT INTO patients (family_name, given_name, birth_date, created_at) VALUES ('Huber', 'Anna', '1970-03-04', 0)").run();
    db.prepare("UPDATE users SET active = 0").run(); // allowed before 0060
    migrate(db);
    expect(db.prepare('SELECT audit_seq FROM users').pluck().get()).toBeNull();
    expect(() => db.prepare('UPDATE users SET active = 1').run()).toThrow(/needs its audit entry/);
    expect(() => db.prepare('DELETE FROM patients').run()).toThrow(/never deleted/);
  });
});
