/** The audit log at SQL level: append-only by trigger, and any edit, insertion or cut detected by the HMAC chain. */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../db/audit';
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
    db.transaction(() => audit.append({ at: i * 1000, userId: null, action: 'observation.recorded', entity: 'observation', entityId: i, detail: { nrs: i } }))();
  }
  return { db, audit, key, anchor };
}

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

  it('detects entries cut off the end, through the anchor beside the database', () => {
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
});
