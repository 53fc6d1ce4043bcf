/** Migration 170 (issue 15): backup runs and backup settings, append-only, settings by administrators only. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';

function db170() {
  const db = new Database(':memory:');
  migrate(db, 170);
  db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES
    (1, 'admin', 'Admin', 'admin', 'x', 0), (2, 'doc', 'Doc', 'physician', 'x', 0)`);
  return db;
}

const run = (over: Record<string, unknown> = {}) => ({
  started_at: 1, finished_at: 2, requested_by: null, target_dir: '/mnt/usb', file_name: 'backup-x.ibak', size_bytes: 10, sha256: 'a'.repeat(64), outcome: 'verified', problem: null, ...over,
});
const insertRun = (db: Database.Database, r: Record<string, unknown>) =>
  db.prepare(`INSERT INTO backup_runs (started_at, finished_at, requested_by, target_dir, file_name, size_bytes, sha256, outcome, problem)
    VALUES (@started_at, @finished_at, @requested_by, @target_dir, @file_name, @size_bytes, @sha256, @outcome, @problem)`).run(r);

describe('migration 170: backups', () => {
  it('is migration 170', () => {
    expect(schemaVersion(db170())).toBe(170);
  });

  it('a verified run names its file, size and hash; a failed run its reason; runs are append-only', () => {
    const db = db170();
    insertRun(db, run());
    insertRun(db, run({ outcome: 'failed', file_name: null, size_bytes: null, sha256: null, problem: 'the folder is full' }));
    expect(() => insertRun(db, run({ file_name: null }))).toThrow(/CHECK constraint/);
    expect(() => insertRun(db, run({ outcome: 'failed', file_name: null, size_bytes: null, sha256: null }))).toThrow(/CHECK constraint/);
    expect(() => insertRun(db, run({ sha256: 'not hex' }))).toThrow(/CHECK constraint/);
    expect(() => insertRun(db, run({ finished_at: 0 }))).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE backup_runs SET outcome = 'verified' WHERE id = 2")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM backup_runs')).toThrow(/append-only/);
  });

  it('backup settings are changed by an administrator only, for known keys, and never rewritten', () => {
    const db = db170();
    const set = db.prepare('INSERT INTO backup_settings (key, value, reason, set_at, set_by) VALUES (?, ?, ?, 1, ?)');
    set.run('folder', '"/mnt/nas"', 'NAS', 1);
    expect(() => set.run('folder', '"/tmp"', 'x', 2)).toThrow(/only an administrator/);
    expect(() => set.run('colour', '1', 'x', 1)).toThrow(/CHECK constraint/);
    expect(() => set.run('intervalHours', 'not json', 'x', 1)).toThrow(/CHECK constraint/);
    expect(() => set.run('intervalHours', '12', ' ', 1)).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE backup_settings SET value = '\"/\"'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM backup_settings')).toThrow(/append-only/);
  });
});
