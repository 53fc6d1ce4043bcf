/**
 * The audit key never lives in the data folder: sources (key file, environment), refusal of a key file inside the
 * data folder, the one-time move of an old `audit.key` from beside the database (with its unsealed anchor), and a
 * wrong or missing key named in one line at open. Real files, real database worker.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../db/audit';
import { DbClient } from '../../db/client';
import { closeDatabase, openDatabase } from '../../db/open';
import { AuditKeyError, envKeyStore, fileKeyStore, resolveAuditKey } from '../../electron/services/auditKey';
import { DB_WORKER, tempDir } from '../helpers/tempDir';
import { rawClinicDb } from '../helpers/clinicFile';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function dirs() {
  const data = tempDir();
  const keys = tempDir('infusion-test-key-');
  cleanup.push(() => data.remove(), () => keys.remove());
  return { data: data.path, keyFile: join(keys.path, 'sub', 'audit.key') };
}

/** A clinic database with `entries` audit entries, written as an app version before the seal wrote it. */
function oldInstallation(data: string, key: Buffer, entries = 3): void {
  writeFileSync(join(data, 'audit.key'), key, { mode: 0o600 });
  const db = openDatabase(join(data, 'clinic.sqlite'));
  const audit = createAuditLog(db, key);
  for (let i = 1; i <= entries; i++) db.transaction(() => audit.append({ at: i, userId: null, action: 'user.created', entity: 'user', entityId: i, detail: {} }))();
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  closeDatabase(db);
  writeFileSync(join(data, 'audit.anchor'), JSON.stringify(last)); // unsealed, as before
}

const open = async (data: string, auditKey: Buffer) => {
  const db = await DbClient.open(DB_WORKER, join(data, 'clinic.sqlite'), { auditKey });
  cleanup.push(() => db.close());
  return db;
};

describe('audit key sources', () => {
  it('creates the key once in the key file (owner-only, outside the data folder) and reads the same key after', () => {
    const { data, keyFile } = dirs();
    const key = resolveAuditKey(data, fileKeyStore(keyFile, data), () => {});
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(resolveAuditKey(data, fileKeyStore(keyFile, data), () => {}).equals(key)).toBe(true);
    expect(existsSync(join(data, 'audit.key'))).toBe(false);
  });

  it('refuses a key file inside the data folder, also through a symlink or ..', () => {
    const { data, keyFile } = dirs();
    expect(() => fileKeyStore(join(data, 'audit.key'), data)).toThrow(/inside the data folder.*Keep it elsewhere/);
    expect(() => fileKeyStore(join(data, 'keys', '..', 'x.key'), data)).toThrow(AuditKeyError);
    const link = join(keyFile, '..', '..', 'data-link');
    symlinkSync(data, link);
    expect(() => fileKeyStore(join(link, 'audit.key'), data)).toThrow(/inside the data folder/);
    expect(() => fileKeyStore(keyFile, data)).not.toThrow();
  });

  it('takes the key from INFUSION_AUDIT_KEY as hex or base64 and names a malformed one', () => {
    const key = randomBytes(32);
    expect(envKeyStore({ INFUSION_AUDIT_KEY: key.toString('hex') })!.read()!.equals(key)).toBe(true);
    expect(envKeyStore({ INFUSION_AUDIT_KEY: key.toString('base64') })!.read()!.equals(key)).toBe(true);
    expect(envKeyStore({})).toBeNull();
    expect(() => envKeyStore({ INFUSION_AUDIT_KEY: 'abc123' })!.read()).toThrow(/INFUSION_AUDIT_KEY is not 32 bytes/);
    expect(() => envKeyStore({ INFUSION_AUDIT_KEY: randomBytes(16).toString('hex') })!.read()).toThrow(/not 32 bytes/);
  });

  it('refuses to make up a new key when a database already exists without one', () => {
    const { data, keyFile } = dirs();
    closeDatabase(openDatabase(join(data, 'clinic.sqlite')));
    expect(() => resolveAuditKey(data, fileKeyStore(keyFile, data), () => {})).toThrow(/No audit key in the key file .* but .*clinic.sqlite exists/);
    expect(existsSync(keyFile)).toBe(false);
  });
});

describe('moving the key of an older installation', () => {
  it('moves audit.key out of the data folder once, with a notice, seals the anchor, and the app opens the log intact', async () => {
    const { data, keyFile } = dirs();
    const key = randomBytes(32);
    oldInstallation(data, key);
    const notices: string[] = [];
    const moved = resolveAuditKey(data, fileKeyStore(keyFile, data), (line) => notices.push(line));
    expect(moved.equals(key)).toBe(true);
    expect(notices).toEqual([expect.stringMatching(/audit key was moved from .*audit\.key to the key file/)]);
    expect(existsSync(join(data, 'audit.key'))).toBe(false);
    expect(JSON.parse(readFileSync(join(data, 'audit.anchor'), 'utf8'))).toHaveProperty('mac');
    // Second start: nothing to move, no notice.
    expect(resolveAuditKey(data, fileKeyStore(keyFile, data), (line) => notices.push(line)).equals(key)).toBe(true);
    expect(notices).toHaveLength(1);
    const db = await open(data, moved);
    expect(await db.call('verifyAudit')).toEqual({ ok: true, entries: 3, problem: null });
  });

  it('with INFUSION_AUDIT_KEY holding the same key, removes the old copy', () => {
    const { data } = dirs();
    const key = randomBytes(32);
    oldInstallation(data, key);
    const notices: string[] = [];
    expect(resolveAuditKey(data, envKeyStore({ INFUSION_AUDIT_KEY: key.toString('hex') })!, (l) => notices.push(l)).equals(key)).toBe(true);
    expect(existsSync(join(data, 'audit.key'))).toBe(false);
    expect(notices[0]).toMatch(/moved .* to the environment variable INFUSION_AUDIT_KEY/);
  });

  it('refuses two different keys and changes nothing', () => {
    const { data, keyFile } = dirs();
    oldInstallation(data, randomBytes(32));
    mkdirSync(join(keyFile, '..'), { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString('hex'));
    const anchorBefore = readFileSync(join(data, 'audit.anchor'), 'utf8');
    expect(() => resolveAuditKey(data, fileKeyStore(keyFile, data), () => {})).toThrow(/Two different audit keys.*Nothing was changed/);
    expect(existsSync(join(data, 'audit.key'))).toBe(true);
    expect(readFileSync(join(data, 'audit.anchor'), 'utf8')).toBe(anchorBefore);
  });
});

describe('the key at open (database worker)', () => {
  it('refuses a wrong key in one line, naming the last entry, and leaves the log as it was', async () => {
    const { data, keyFile } = dirs();
    const key = randomBytes(32);
    oldInstallation(data, key);
    resolveAuditKey(data, fileKeyStore(keyFile, data), () => {});
    const error = await DbClient.open(DB_WORKER, join(data, 'clinic.sqlite'), { auditKey: randomBytes(32) }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^The audit trail does not check out: the last audit entry \(3\) does not verify with this audit key/);
    expect((error as Error).message).not.toContain('\n');
    const db = await open(data, key);
    expect(await db.call('verifyAudit')).toEqual({ ok: true, entries: 3, problem: null });
  });

  it('refuses a log with entries whose anchor was deleted, or replaced by an unsealed one', async () => {
    const { data } = dirs();
    const key = randomBytes(32);
    oldInstallation(data, key); // its anchor is unsealed: never moved, so never sealed
    await expect(DbClient.open(DB_WORKER, join(data, 'clinic.sqlite'), { auditKey: key })).rejects.toThrow(/audit anchor .* has no seal/);
    writeFileSync(join(data, 'audit.anchor'), '');
    await expect(DbClient.open(DB_WORKER, join(data, 'clinic.sqlite'), { auditKey: key })).rejects.toThrow(/is not an audit anchor/);
    rmSync(join(data, 'audit.anchor'));
    await expect(DbClient.open(DB_WORKER, join(data, 'clinic.sqlite'), { auditKey: key })).rejects.toThrow(/audit anchor .* is missing/);
  });

  it('writes the sealed anchor after each committed audited call, so a later cut shows', async () => {
    const { data, keyFile } = dirs();
    const key = resolveAuditKey(data, fileKeyStore(keyFile, data), () => {});
    const db = await open(data, key);
    expect(existsSync(join(data, 'audit.anchor'))).toBe(false);
    const admin = await db.call('createFirstAdmin', 1000, { username: 'admin', displayName: 'Admin', passwordHash: 'x', pinHash: null });
    expect(JSON.parse(readFileSync(join(data, 'audit.anchor'), 'utf8'))).toMatchObject({ seq: 1, mac: expect.any(String) });
    await db.call('createUser', { userId: admin, at: 2000 }, { username: 'mfa', displayName: 'MFA', role: 'mfa', passwordHash: 'x', pinHash: null });
    await db.close();
    // A forger cuts the last entry and puts the trigger back exactly, so the schema check passes: the anchor remains.
    const raw = rawClinicDb(join(data, 'clinic.sqlite'), key);
    const trigger = raw.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log_no_delete'").pluck().get() as string;
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.exec(trigger);
    raw.close();
    await expect(DbClient.open(DB_WORKER, join(data, 'clinic.sqlite'), { auditKey: key })).rejects.toThrow(/entries after 1 were removed \(the last written was 2\)/);
  });
});
