/**
 * The one-time encryption of a plain database (db/encryptPlain.ts) killed with SIGKILL in the browser host
 * (dist/host/host.mjs, as `npm start` runs it) at each of its steps and at random moments: the data folder then
 * holds either the untouched plain original or the finished encrypted database, never a mix, and the next start
 * finishes the job with every row and an intact audit trail. Needs `npm run build`.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlainDatabase } from '../../db/cipher';
import { ENCRYPTING_SUFFIX } from '../../db/encryptPlain';
import { verifyAuditInDataDir } from '../../db/verifyAudit';
import { rawClinicDb } from '../helpers/clinicFile';
import { runHost } from '../helpers/hostProcess';
import { writePlainInstallation } from '../helpers/plainInstallation';
import { tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const HOST = fileURLToPath(new URL('../../dist/host/host.mjs', import.meta.url));
const READINGS = 1_500_000; // ~10 MB: each step lasts long enough to be hit
/** Kill on the host's line for that step (its worker is then busy with the next), or after a random delay. */
const KILL_POINTS = ['copying 10 %', 'copying 50 %', 'encrypting', 'checking', 'encrypted in', 'random', 'random', 'random'];

const pristine = tempDir('encryption-kill-');
let pristineHash = '';
let pristineRows: Record<string, number> = {};

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  writePlainInstallation(pristine.path, TEST_AUDIT_KEY, READINGS);
  const file = join(pristine.path, 'clinic.sqlite');
  pristineHash = sha256(file);
  const db = new Database(file, { readonly: true });
  pristineRows = rowCounts(db);
  db.close();
}, 120_000);
afterAll(() => pristine.remove());

/** Starts the host on the folder and kills it with SIGKILL at `point`; resolves with what it printed. */
function killDuring(dataDir: string, point: string): Promise<string> {
  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--simulate', 'never'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, INFUSION_AUDIT_KEY: TEST_AUDIT_KEY.toString('hex') },
  });
  let out = '';
  const kill = () => child.kill('SIGKILL');
  // Killed at the latest once it runs (the encryption was already over).
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if ((point !== 'random' && out.includes(`database: ${point}`)) || out.includes('browser host) at')) kill();
  });
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  if (point === 'random') setTimeout(kill, Math.floor(Math.random() * 1500));
  return new Promise((resolve) => child.once('exit', () => resolve(out)));
}

const outcomes: string[] = [];
afterAll(() => console.log(`encryption kill rounds: ${outcomes.join(', ')}`));

describe('a kill -9 during the one-time encryption', () => {
  it.each(KILL_POINTS.map((p, i) => [i, p]))('round %i (kill at %s) leaves the plain original or the finished encrypted file', { timeout: 120_000 }, async (_i, point) => {
    const data = tempDir('encryption-kill-data-');
    try {
      cpSync(pristine.path, data.path, { recursive: true });
      const file = join(data.path, 'clinic.sqlite');
      const log = await killDuring(data.path, point as string);

      outcomes.push(`${point}: ${isPlainDatabase(file) ? 'plain' : 'encrypted'}`);
      if (isPlainDatabase(file)) {
        expect(sha256(file), `plain after a kill at ${point}`).toBe(pristineHash);
      } else {
        const db = rawClinicDb(file, TEST_AUDIT_KEY, { readonly: true });
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
        expect(rowCounts(db)).toEqual(pristineRows);
        db.close();
      }

      // The next start finishes (or skips) the encryption and opens the record whole.
      const next = runHost(['--data-dir', data.path, '--simulate', 'never']);
      const h = await next.started;
      await h.stop();
      expect(isPlainDatabase(file)).toBe(false);
      expect(readdirSync(data.path).filter((n) => n.includes(ENCRYPTING_SUFFIX))).toEqual([]);
      const db = rawClinicDb(file, TEST_AUDIT_KEY, { readonly: true });
      expect(rowCounts(db)).toEqual(pristineRows);
      db.close();
      expect(verifyAuditInDataDir(data.path, TEST_AUDIT_KEY)).toEqual({ entries: 2, problems: [] });
      expect(log).not.toContain(TEST_AUDIT_KEY.toString('hex'));
    } finally {
      data.remove();
    }
  });
});
