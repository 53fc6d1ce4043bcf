/**
 * The content hash of a signed session: stored with the signature and in its audit entry, recomputed by the review
 * (checkSessionRecord) and by verify-audit. Each tampering is done the way an attacker would: directly in the file,
 * with the triggers dropped. The recomputation must name what differs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/session/signedContent';
import { createRecordSeal } from '../../db/recordSeal';
import { createVitalsRepo } from '../../db/repos/vitals';
import { decodeChunk, encodeChunk } from '../../db/vitalCodec';
import { verifyRecordsInDataDir } from '../../db/verifyRecords';
import { FIXTURE_AUDIT_KEY, MIN, T0 } from './sessions.fixtures';
import { CHAIR, monitor, signedSession, tamper, type SignedSession } from './signedSession.fixtures';

const open: SignedSession[] = [];
afterEach(() => open.splice(0).forEach((s) => s.remove()));
const fresh = () => {
  const s = signedSession();
  open.push(s);
  return s;
};
const named = (s: SignedSession) => {
  const check = s.f.api.checkSessionRecord(s.sessionId);
  return { status: check.status, codes: check.problems.map((p) => p.code), parts: check.problems.filter((p) => p.code === 'record.partChanged').map((p) => p.params?.part) };
};

describe('signing stores the hash of the whole signed content', () => {
  it('in the signature row and in the audit entry, and the untouched record checks intact', () => {
    const s = fresh();
    const row = s.f.db.prepare('SELECT * FROM session_signatures WHERE session_id = ?').get(s.sessionId) as Record<string, unknown>;
    const entry = s.f.db.prepare("SELECT detail FROM audit_log WHERE action = 'session.signed' AND entity_id = ?").pluck().get(s.sessionId) as string;
    const detail = JSON.parse(entry) as { contentHash: string; parts: Record<string, string>; vitalsFrom: number; vitalsTo: number };
    expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.contentHash).toBe(row.content_hash);
    expect(canonicalJson(detail.parts)).toBe(row.part_hashes);
    expect([row.vitals_from, row.vitals_to]).toEqual([T0 - 15 * MIN, s.dischargedAt]);
    expect(s.f.api.checkSessionRecord(s.sessionId)).toEqual({ sessionId: s.sessionId, status: 'intact', contentHash: row.content_hash, problems: [] });
  });

  it('stays intact while the chair goes on: vitals and alarms after the discharge, the next session, an amendment', () => {
    const s = fresh();
    monitor(s.f, s.dischargedAt + 100_000, s.dischargedAt + 30 * MIN); // the open chunks grow past the range's end
    s.f.api.appendAlarmEvents(CHAIR, null, [{ at: s.dischargedAt + 5 * MIN, type: 'raised', alarmId: 'a2', code: 'hr.high', priority: 'medium', userName: null, detail: {} }]);
    s.f.api.amendSession({ userId: s.f.physician, at: s.signedAt + MIN }, s.sessionId, { target: 'observation', targetId: 1, correction: 'NRS 4', reason: 'typo' });
    expect(named(s)).toEqual({ status: 'intact', codes: [], parts: [] });
    expect(verifyRecordsInDataDir(s.dir, FIXTURE_AUDIT_KEY)).toEqual({ checked: 1, changed: [] });
  });

  it('gives the same hash for the same content (recomputed by a fresh reader of the file)', () => {
    const s = fresh();
    const again = createRecordSeal(s.f.db, createVitalsRepo(s.f.db).samples).seal(s.sessionId);
    const stored = s.f.db.prepare('SELECT content_hash FROM session_signatures WHERE session_id = ?').pluck().get(s.sessionId);
    expect(again.contentHash).toBe(stored);
  });
});

describe('a direct edit of the file is named', () => {
  const cases: [string, (s: SignedSession) => (db: import('better-sqlite3-multiple-ciphers').Database) => void, string[]][] = [
    ['a dose event’s rate', (s) => (db) => db.prepare("UPDATE dose_events SET rate_ml_per_h = 21 WHERE session_id = ? AND kind = 'start'").run(s.sessionId), ['dose events']],
    ['an observation', (s) => (db) => db.prepare("UPDATE observations SET data = json_set(data, '$.nrs', 1) WHERE session_id = ? AND kind = 'pain'").run(s.sessionId), ['observations']],
    ['the escort', (s) => (db) => db.prepare("UPDATE escort_confirmations SET escort = json_set(escort, '$.company', 'Nobody') WHERE session_id = ?").run(s.sessionId), ['escort']],
    [
      'a vital sample chunk (re-encoded, so it still decodes)',
      () => (db) => {
        const row = db.prepare("SELECT start_ms AS startMs, data FROM vital_chunks WHERE chair_id = 1 AND parameter = 'spo2' AND start_ms > ? ORDER BY start_ms LIMIT 1").get(T0) as { startMs: number; data: Uint8Array };
        const samples = decodeChunk(row.startMs, row.data).map((x, i) => (i === 3 ? { ...x, value: 99 } : x));
        db.prepare("UPDATE vital_chunks SET data = ? WHERE chair_id = 1 AND parameter = 'spo2' AND start_ms = ?").run(encodeChunk(row.startMs, samples), row.startMs);
      },
      ['vitals'],
    ],
    ['a vital chunk removed', () => (db) => db.prepare("DELETE FROM vital_chunks WHERE chair_id = 1 AND parameter = 'hr' AND start_ms BETWEEN ? AND ?").run(T0, T0 + 20 * MIN), ['vitals']],
    ['the patient’s name', () => (db) => db.prepare("UPDATE patients SET family_name = 'Maier'").run(), ['patient identity']],
    ['an alarm log entry removed', () => (db) => db.prepare("DELETE FROM alarm_log WHERE code = 'spo2.low'").run(), ['alarm log']],
    ['the discharge time', (s) => (db) => db.prepare('UPDATE infusion_sessions SET discharged_at = discharged_at - 600000 WHERE id = ?').run(s.sessionId), ['session data (status, times, chair)', 'vitals']],
    ['a discharge score', (s) => (db) => db.prepare('UPDATE discharge_scores SET total = 9 WHERE session_id = ?').run(s.sessionId), ['discharge scores']],
    [
      'a rate order slipped in later',
      (s) => (db) => db.prepare('INSERT INTO rate_orders (session_id, rate_ml_per_h, ordered_at, ordered_by) VALUES (?, 30, ?, ?)').run(s.sessionId, T0 + 5 * MIN, s.f.physician),
      ['rate orders'],
    ],
    [
      'a contraindication confirmation slipped in later',
      (s) => (db) =>
        db.prepare('INSERT INTO contraindication_confirmations (session_id, absolute_contraindication_found, at, confirmed_by) VALUES (?, 0, ?, ?)').run(s.sessionId, T0 - MIN, s.f.physician),
      ["physician's contraindication confirmation"],
    ],
  ];

  it.each(cases)('%s', (_name, edit, parts) => {
    const s = fresh();
    tamper(s.file, edit(s));
    expect(named(s)).toEqual({ status: 'changed', codes: parts.map(() => 'record.partChanged'), parts });
    const verified = verifyRecordsInDataDir(s.dir, FIXTURE_AUDIT_KEY);
    expect(verified.changed.map((c) => c.problems.map((p) => p.params?.part))).toEqual([parts]);
  });

  it('a vital chunk overwritten with bytes that no longer decode: unreadable, and vitals named', () => {
    const s = fresh();
    tamper(s.file, (db) => db.prepare("UPDATE vital_chunks SET data = x'09' WHERE chair_id = 1 AND parameter = 'hr' AND start_ms BETWEEN ? AND ?").run(T0, T0 + 5 * MIN));
    const { codes, parts } = named(s);
    expect(codes).toEqual(['record.unreadable', 'record.partChanged']);
    expect(parts).toEqual(['vitals']);
  });

  it('an attacker who hashes the edit again and rewrites the signature row: the audit entry still names the part', () => {
    const s = fresh();
    tamper(s.file, (db) => {
      db.prepare("UPDATE dose_events SET rate_ml_per_h = 21 WHERE session_id = ? AND kind = 'start'").run(s.sessionId);
      const forged = createRecordSeal(db, createVitalsRepo(db).samples).seal(s.sessionId);
      db.prepare('UPDATE session_signatures SET content_hash = ?, part_hashes = ? WHERE session_id = ?').run(forged.contentHash, canonicalJson(forged.parts), s.sessionId);
    });
    expect(named(s)).toEqual({ status: 'changed', codes: ['record.signatureRowChanged', 'record.partChanged'], parts: ['dose events'] });
  });

  it('an attacker who also rewrites the audit entry of the signing: its HMAC no longer holds, and the part is named', async () => {
    const s = fresh();
    tamper(s.file, (db) => {
      db.prepare("UPDATE dose_events SET rate_ml_per_h = 21 WHERE session_id = ? AND kind = 'start'").run(s.sessionId);
      const forged = createRecordSeal(db, createVitalsRepo(db).samples).seal(s.sessionId);
      db.prepare('UPDATE session_signatures SET content_hash = ?, part_hashes = ? WHERE session_id = ?').run(forged.contentHash, canonicalJson(forged.parts), s.sessionId);
      db.prepare("UPDATE audit_log SET detail = json_set(json_set(detail, '$.contentHash', ?), '$.parts', json(?)) WHERE action = 'session.signed'").run(
        forged.contentHash,
        canonicalJson(forged.parts),
      );
    });
    expect(named(s)).toEqual({ status: 'changed', codes: ['record.auditEntryChanged'], parts: [] });
    expect((await s.f.api.verifyAudit()).problem).toMatch(/was changed after it was written/);
  });

  it('the lock removed to add a late observation: the incomplete signature and the observations are named', () => {
    const s = fresh();
    tamper(s.file, (db) => {
      db.prepare('UPDATE infusion_sessions SET signed_at = NULL, signed_by = NULL WHERE id = ?').run(s.sessionId);
      db.prepare("INSERT INTO observations (session_id, kind, at, data, recorded_at, recorded_by) VALUES (?, 'note', ?, '{}', ?, ?)").run(s.sessionId, s.dischargedAt, s.dischargedAt, s.f.mfa);
    });
    expect(named(s)).toEqual({ status: 'changed', codes: ['record.signatureMissing', 'record.partChanged'], parts: ['observations'] });
  });

  it('the signature row deleted: named from the audit entry', () => {
    const s = fresh();
    tamper(s.file, (db) => db.prepare('DELETE FROM session_signatures').run());
    expect(named(s)).toEqual({ status: 'changed', codes: ['record.signatureMissing'], parts: [] });
  });

  it('an amendment’s correction edited after it was signed', () => {
    const s = fresh();
    s.f.api.amendSession({ userId: s.f.physician, at: s.signedAt + MIN }, s.sessionId, { target: 'observation', targetId: 1, correction: 'NRS 4', reason: 'typo' });
    tamper(s.file, (db) => db.prepare("UPDATE amendments SET correction = 'NRS 0'").run());
    expect(named(s)).toEqual({ status: 'changed', codes: ['record.amendmentChanged'], parts: [] });
  });
});

describe('by design outside the signed content (no false alarm)', () => {
  it('vitals before the baseline, a staff member’s display name and chair events do not change the signed content', () => {
    const s = fresh();
    tamper(s.file, (db) => {
      db.prepare("DELETE FROM vital_chunks WHERE chair_id = 1 AND end_ms < ?").run(T0 - 15 * MIN);
      db.prepare("UPDATE users SET display_name = 'Dr. Other' WHERE id = ?").run(s.f.physician);
      db.prepare("INSERT INTO chair_events (chair_id, at, kind, detail) VALUES (1, ?, 'link', 'edited')").run(T0);
    });
    expect(named(s)).toEqual({ status: 'intact', codes: [], parts: [] });
  });
});
