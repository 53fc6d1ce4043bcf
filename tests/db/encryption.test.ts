/**
 * Encryption at rest (db/cipher.ts, db/keys.ts, db/encryptPlain.ts) through the real database worker: nothing of
 * the record is readable in the data folder's bytes, a wrong key is refused in one line with nothing changed, and a
 * plain database from before is checked, then encrypted once with its steps shown.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainDatabase } from '../../db/cipher';
import { DbClient } from '../../db/client';
import { ENCRYPTING_SUFFIX } from '../../db/encryptPlain';
import { deriveKey, KEY_LABELS } from '../../db/keys';
import { openClinicFile } from '../../db/open';
import { verifyAuditInDataDir } from '../../db/verifyAudit';
import { rawClinicDb } from '../helpers/clinicFile';
import { PATIENT_FAMILY_NAME, writePlainInstallation } from '../helpers/plainInstallation';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function dataDir(): string {
  const dir = tempDir();
  cleanup.push(() => dir.remove());
  return dir.path;
}

async function open(dir: string, auditKey = TEST_AUDIT_KEY, progress: string[] = []): Promise<DbClient> {
  const db = await DbClient.open(DB_WORKER, join(dir, 'clinic.sqlite'), { auditKey, onProgress: (line) => progress.push(line) });
  cleanup.push(() => db.close());
  return db;
}

/** Every file of the folder with the SHA-256 of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]));
}

/** The ways a key could be spelled in a message or a log line. */
function spellings(...keys: Buffer[]): string[] {
  return keys.flatMap((k) => [k.toString('hex'), k.toString('hex').toUpperCase(), k.toString('base64')]);
}

describe('keys derived from the one secret', () => {
  it('are HKDF-SHA256 with the label of their purpose (RFC 5869, recomputed by hand here)', () => {
    const secret = randomBytes(32);
    const hkdf = (label: string) => {
      const prk = createHmac('sha256', 'infusion-session-monitor').update(secret).digest();
      return createHmac('sha256', prk).update(Buffer.concat([Buffer.from(label), Buffer.from([1])])).digest();
    };
    expect(KEY_LABELS).toEqual({ database: 'database-v1', backup: 'backup-v1' });
    expect(deriveKey(secret, 'database').equals(hkdf('database-v1'))).toBe(true);
    expect(deriveKey(secret, 'backup').equals(hkdf('backup-v1'))).toBe(true);
    expect(deriveKey(secret, 'database').equals(deriveKey(secret, 'backup'))).toBe(false);
    expect(() => deriveKey(randomBytes(16), 'database')).toThrow(/32 bytes/);
  });
});

describe('the clinic database at rest', () => {
  it('is encrypted in its file and its WAL: no name in the bytes, unreadable without the key, WAL still on', async () => {
    const dir = dataDir();
    const db = await open(dir);
    const admin = await db.call('createFirstAdmin', 1000, { username: 'admin', displayName: 'Alex Admin', passwordHash: 'x', pinHash: null });
    await db.call('createPatient', { userId: admin, at: 2000 }, { familyName: PATIENT_FAMILY_NAME, givenName: 'Anna', birthDate: '1970-03-04' });
    // While open, the newest pages sit in the WAL: it must be encrypted too.
    const wal = join(dir, 'clinic.sqlite-wal');
    expect(existsSync(wal)).toBe(true);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).includes(PATIENT_FAMILY_NAME), name).toBe(false);
    await db.close();
    cleanup.pop();
    const file = join(dir, 'clinic.sqlite');
    expect(isPlainDatabase(file)).toBe(false);
    expect(readFileSync(file).includes(PATIENT_FAMILY_NAME)).toBe(false);

    const noKey = new Database(file, { readonly: true });
    expect(() => noKey.prepare('SELECT count(*) FROM patients').get()).toThrow(/file is not a database/);
    noKey.close();
    const keyed = openClinicFile(file, TEST_AUDIT_KEY, { readonly: true });
    expect(keyed.prepare('SELECT family_name FROM patients').pluck().all()).toEqual([PATIENT_FAMILY_NAME]);
    expect(keyed.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(keyed.pragma('cipher', { simple: true })).toBe('sqlcipher');
    keyed.close();
  });

  it('refuses a wrong key in one line that names no key, and changes no byte of the data folder', async () => {
    const dir = dataDir();
    const db = await open(dir);
    const admin = await db.call('createFirstAdmin', 1000, { username: 'admin', displayName: 'Alex Admin', passwordHash: 'x', pinHash: null });
    await db.call('createPatient', { userId: admin, at: 2000 }, { familyName: PATIENT_FAMILY_NAME, givenName: 'Anna', birthDate: '1970-03-04' });
    await db.close();
    cleanup.pop();
    const before = snapshot(dir);

    const wrong = randomBytes(32);
    const error = await DbClient.open(DB_WORKER, join(dir, 'clinic.sqlite'), { auditKey: wrong }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^the database .*clinic\.sqlite does not open with this key \(encrypted with another audit key, damaged, or not a clinic database\); nothing was changed/);
    expect(message).not.toContain('\n');
    for (const s of spellings(wrong, deriveKey(wrong, 'database'), TEST_AUDIT_KEY, deriveKey(TEST_AUDIT_KEY, 'database'))) expect(message).not.toContain(s);
    expect(snapshot(dir)).toEqual(before);
    expect(() => openClinicFile(join(dir, 'clinic.sqlite'), wrong)).toThrow(/does not open with this key/);

    // The right key still opens it, with everything in it.
    const again = await open(dir);
    expect((await again.call('listPatients')).map((p) => p.familyName)).toEqual([PATIENT_FAMILY_NAME]);
    expect(await again.call('verifyAudit')).toEqual({ ok: true, entries: 2, problem: null });
  });
});

describe('a plain database from before encryption at rest', () => {
  it('is encrypted once at open, showing each step, with its content, audit trail and anchor intact', async () => {
    const dir = dataDir();
    writePlainInstallation(dir, TEST_AUDIT_KEY, 40_000);
    const file = join(dir, 'clinic.sqlite');
    const plain = new Database(file, { readonly: true });
    const readingsBefore = plain.prepare('SELECT count(*) FROM vital_chunks').pluck().get();
    plain.close();
    // What a migration killed midway leaves: a half copy, removed at the next start.
    writeFileSync(`${file}${ENCRYPTING_SUFFIX}`, 'half a copy');

    const progress: string[] = [];
    const db = await open(dir, TEST_AUDIT_KEY, progress);
    expect(progress[0]).toMatch(/^clinic\.sqlite is not encrypted yet: encrypting it now \([\d.]+ MB, once\)$/);
    expect(progress).toContain('copying 100 %');
    expect(progress.slice(-3, -1)).toEqual(['encrypting', 'checking']);
    expect(progress.at(-1)).toMatch(/^encrypted in [\d.]+ s$/);
    for (const s of spellings(TEST_AUDIT_KEY, deriveKey(TEST_AUDIT_KEY, 'database'))) expect(progress.join('\n')).not.toContain(s);

    expect((await db.call('listPatients')).map((p) => p.familyName)).toEqual([PATIENT_FAMILY_NAME]);
    expect(await db.call('verifyAudit')).toEqual({ ok: true, entries: 2, problem: null });
    await db.close();
    cleanup.pop();
    expect(isPlainDatabase(file)).toBe(false);
    expect(existsSync(`${file}${ENCRYPTING_SUFFIX}`)).toBe(false);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).includes(PATIENT_FAMILY_NAME), name).toBe(false);
    const keyed = rawClinicDb(file, TEST_AUDIT_KEY, { readonly: true });
    expect(keyed.prepare('SELECT count(*) FROM vital_chunks').pluck().get()).toBe(readingsBefore);
    keyed.close();
    expect(verifyAuditInDataDir(dir, TEST_AUDIT_KEY)).toEqual({ entries: 2, problems: [] });

    // Opened again: already encrypted, no second migration.
    const quiet: string[] = [];
    await open(dir, TEST_AUDIT_KEY, quiet);
    expect(quiet).toEqual([]);
  });

  it('with the wrong audit key is refused before anything is encrypted (no record locked under a key nobody keeps)', async () => {
    const dir = dataDir();
    writePlainInstallation(dir, TEST_AUDIT_KEY);
    const file = join(dir, 'clinic.sqlite');
    const progress: string[] = [];
    const error = await DbClient.open(DB_WORKER, file, { auditKey: randomBytes(32), onProgress: (l) => progress.push(l) }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^The audit trail does not check out: the last audit entry \(2\) does not verify with this audit key/);
    expect(progress).toEqual([]);
    expect(isPlainDatabase(file)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes(ENCRYPTING_SUFFIX))).toEqual([]);
    const db = await open(dir, TEST_AUDIT_KEY);
    expect(await db.call('verifyAudit')).toEqual({ ok: true, entries: 2, problem: null });
  });
});
