/**
 * The audit log at SQL level: append-only by trigger, and any edit, insertion or cut detected by the HMAC chain and
 * the sealed anchor (written after each commit, as the worker does).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditEntry } from '../../db/audit';
import { writeAnchor } from '../../db/auditAnchor';
import { migrate } from '../../db/migrations';
import { tempDir } from '../helpers/tempDir';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function setUp(entries = 5) {
  const dir = tempDir();
  dirs.push(dir);
  const db = new Database(':memory:');
  migrate(db);
  const key = randomBytes(32);
  const anchor = join(dir.path, 'audit.anchor');
  const audit = createAuditLog(db, key, anchor);
  for (let i = 1; i <= entries; i++) {
    db.transaction(() => audit.append(observation(i)))();
    audit.syncAnchor();
  }
  return { db, audit, key, anchor };
}

const observation = (i: number): AuditEntry => ({ at: i * 1000, userId: null, action: 'observation.recorded', entity: 'observation', entityId: i, detail: { nrs: i } });

describe('audit log', () => {
  it('verifies an untouched chain', () => {
    const { audit } = setUp();
    expect(audit.verify()).toEqual({ ok: true, entries: 5, problem: null });
  });

  it('refuses UPDATE and DELETE by trigger', () => {
    const { db } = setUp();
    expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('refuses an entry written outside a transaction', () => {
    const { audit } = setUp(0);
    expect(() => audit.append({ at: 1, userId: null, action: 'x', entity: 'y', entityId: null, detail: null })).toThrow(/same transaction/);
  });

  it('detects an edited entry even when the trigger was dropped', () => {
    const { db, audit } = setUp();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET detail = '{"nrs":9}' WHERE seq = 3`).run();
    expect(audit.verify()).toMatchObject({ ok: false, problem: 'entry 3 was changed after it was written' });
  });

  it('detects a deleted entry in the middle', () => {
    const { db, audit } = setUp();
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(audit.verify()).toMatchObject({ ok: false, problem: 'entry 2 is missing (next is 3)' });
  });

  it('detects entries cut off the end, through the sealed anchor', () => {
    const { db, audit } = setUp();
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    expect(audit.verify()).toMatchObject({ ok: false, problem: 'entries after 3 were removed (the last written was 5)' });
  });

  it('detects a re-chained forgery made without the key', () => {
    const { db, key } = setUp();
    db.exec('DROP TRIGGER audit_log_no_update');
    // A forger recomputes the chain with a guessed key: verification with the real key fails.
    const forged = createAuditLog(db, randomBytes(32));
    expect(forged.verify().ok).toBe(false);
    expect(createAuditLog(db, key).verify().ok).toBe(true);
  });

  it('fails when the anchor is deleted while the log has entries (and not for an empty log)', () => {
    const { audit, anchor } = setUp();
    rmSync(anchor);
    expect(audit.verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/audit anchor .* is missing/) });
    const empty = setUp(0);
    expect(existsSync(empty.anchor)).toBe(false);
    expect(empty.audit.verify()).toEqual({ ok: true, entries: 0, problem: null });
  });

  it('fails when the anchor is rewritten by hand: plain JSON, another key, or garbage', () => {
    const { db, audit, anchor } = setUp();
    const row = db.prepare('SELECT seq, hash FROM audit_log WHERE seq = 3').get() as { seq: number; hash: string };
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    // The cut made to look whole: the anchor pointed at entry 3 without a seal, then with a seal under a guessed key.
    writeFileSync(anchor, JSON.stringify(row));
    expect(audit.verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/has no seal/) });
    writeAnchor(anchor, randomBytes(32), row);
    expect(audit.verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/does not verify with this audit key/) });
    writeFileSync(anchor, 'not json');
    expect(audit.verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/is not an audit anchor/) });
  });

  it('fails when the sealed anchor names a hash the log does not have there', () => {
    const { audit, anchor, key } = setUp();
    writeAnchor(anchor, key, { seq: 4, hash: 'f'.repeat(64) });
    expect(audit.verify()).toMatchObject({ ok: false, problem: 'entry 4 does not match the one the anchor recorded' });
  });

  it('writes the anchor only for committed entries: a rolled-back change leaves it where it was', () => {
    const { db, audit, anchor } = setUp(3);
    const before = readFileSync(anchor, 'utf8');
    expect(() =>
      db.transaction(() => {
        audit.append(observation(4));
        audit.syncAnchor(); // inside the transaction: must not write
        throw new Error('the change failed');
      })(),
    ).toThrow(/the change failed/);
    audit.syncAnchor();
    expect(readFileSync(anchor, 'utf8')).toBe(before);
    expect(audit.verify()).toEqual({ ok: true, entries: 3, problem: null });
  });

  it('accepts an anchor that lags behind the log (a crash between commit and anchor write)', () => {
    const { db, audit, anchor, key } = setUp(3);
    const lagging = readFileSync(anchor, 'utf8');
    const fresh = createAuditLog(db, key, anchor);
    db.transaction(() => fresh.append(observation(4)))();
    writeFileSync(anchor, lagging); // as if the process died before syncAnchor
    expect(audit.verify()).toEqual({ ok: true, entries: 4, problem: null });
    expect(audit.checkAtOpen()).toBeNull();
  });

  it('names a wrong key at open through the last entry', () => {
    const { db, anchor } = setUp();
    expect(createAuditLog(db, randomBytes(32), anchor).checkAtOpen()).toMatch(/the last audit entry \(5\) does not verify with this audit key/);
  });
});
