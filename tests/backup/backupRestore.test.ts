/**
 * Backups of a walked session through the app's API (issue 15): who may start and restore one, the file verified
 * right after writing, a restore into a folder that holds every table as the live database had it, that opens as a
 * data folder with the key, and damaged files refused with their reason (by the screen's call and by the CLI).
 */
import { rawClinicDb } from '../helpers/clinicFile';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbClient } from '../../db/client';
import { LATEST_VERSION } from '../../db/migrations';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';
import { DB_WORKER, tempDir } from '../helpers/tempDir';
import type { WsTestClient } from '../helpers/wsClient';
import { ok, refusal, runSession, type Staff } from '../session/runThrough';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let app: TestApp;
let staff: Staff;
let admin: WsTestClient;
const work = tempDir('infusion-backup-test-');
const target = join(work.path, 'external-disk');

beforeAll(async () => {
  app = await startTestApp({ simulate: 'never', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  staff = { mfa: await app.login('mfa'), physician: await app.login('physician') };
  admin = await app.login('admin');
  await ok(staff.physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'test clinic' });
  const patient = await ok(staff.mfa, 'patients.create', { familyName: 'Sicher', givenName: 'Berta', birthDate: '1961-03-14' });
  const course = await ok(staff.physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 4, indication: 'crps', icd10: 'G90.5', priorFailedTherapies: [] });
  const t = Date.now();
  app.services.vitalsStore.push(1, Array.from({ length: 120 }, (_, i) => ({ parameter: 'hr' as const, value: 70 + (i % 9), unit: '/min', state: 'valid' as const, receivedAt: t + i * 1000 })));
  await app.services.vitalsStore.flush();
  const sessionId = await runSession(staff, course.id, 1, 7, 3);
  await ok(staff.physician, 'sessions.sign', { sessionId, password: TEST_USERS.physician.password });
  await ok(admin, 'backups.configure', { folder: target, reason: 'USB-Platte im Serverschrank' });
}, 60_000);
afterAll(async () => {
  await app?.close();
  work.remove();
});

function rowsOf(file: string): Map<string, unknown[]> {
  const db = rawClinicDb(file, app.auditKey, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    // Ordered by every column, first the key (some tables are WITHOUT ROWID).
    const order = (t: string) => db.prepare(`SELECT * FROM "${t}" LIMIT 0`).columns().map((_, i) => i + 1).join(', ');
    return new Map(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${order(t)}`).all()]));
  } finally {
    db.close();
  }
}

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/restore.ts', ...args], { cwd: ROOT, env: { ...process.env, INFUSION_AUDIT_KEY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('backups of a walked session', () => {
  let fileName: string;

  it('only administrators and physicians start a backup; it is verified, listed, and the state says so', async () => {
    expect((await refusal(staff.mfa, 'backups.runNow', {})).code).toBe('FORBIDDEN');
    expect((await refusal(staff.physician, 'backups.list', {})).code).toBe('FORBIDDEN');
    const before = await ok(admin, 'backups.status', {});
    expect(before).toMatchObject({ lastVerified: null, running: false, settings: { folder: target, intervalHours: 24, warnAfterHours: 36 } });
    const run = await ok(staff.physician, 'backups.runNow', {});
    expect(run).toMatchObject({ outcome: 'verified', problem: null, requestedBy: 2, targetDir: target });
    fileName = run.fileName;
    expect(readdirSync(target)).toEqual([fileName]); // no .partial left, nothing else
    expect(statSync(join(target, fileName)).mode & 0o777).toBe(0o600);
    // No plain copy stays in the data folder.
    expect(readdirSync(app.dataDir).filter((n) => n.startsWith('.backup-'))).toEqual([]);
    const listed = await ok(admin, 'backups.list', {});
    expect(listed).toEqual([expect.objectContaining({ fileName, state: 'verified', problem: null, schemaVersion: LATEST_VERSION, appVersion: 'test' })]);
    const status = await ok(admin, 'backups.status', {});
    expect(status).toMatchObject({ lastVerified: { fileName }, warning: false });
    const runs = await ok(admin, 'backups.runs', {});
    expect(runs[0]).toMatchObject({ id: run.id, outcome: 'verified' });
  });

  it('restores into a folder every table as it was at the backup, and the folder opens as a data folder with the key', async () => {
    const liveAtBackup = rowsOf(join(app.dataDir, 'clinic.sqlite'));
    const toDir = join(work.path, 'drill');
    expect((await refusal(staff.physician, 'backups.restore', { fileName, toDir })).code).toBe('FORBIDDEN');
    const restored = await ok(admin, 'backups.restore', { fileName, toDir });
    expect(restored.auditEntries).toBeGreaterThan(20);
    const copy = rowsOf(join(toDir, 'clinic.sqlite'));
    const live = rowsOf(join(app.dataDir, 'clinic.sqlite'));
    expect([...copy.keys()]).toEqual([...live.keys()]);
    expect(copy.get('infusion_sessions')).toHaveLength(1);
    expect(copy.get('vital_chunks')!.length).toBeGreaterThan(0);
    for (const [table, rows] of copy) {
      // The run's own record and audit entries were written after the snapshot: the copy holds what came before.
      if (table === 'audit_log' || table === 'backup_runs') expect(rows, table).toEqual(liveAtBackup.get(table)!.slice(0, rows.length));
      else expect(rows, table).toEqual(live.get(table));
    }
    expect(copy.get('backup_runs')).toEqual([]);
    expect((copy.get('audit_log') as unknown[]).length).toBe(restored.auditEntries);
    const key = Buffer.from(readFileSync(app.keyFile, 'utf8').trim(), 'hex');
    const reopened = await DbClient.open(DB_WORKER, join(toDir, 'clinic.sqlite'), { auditKey: key });
    expect((await reopened.call('verifyAudit')).ok).toBe(true);
    await reopened.close();
    // A second restore into the same folder does not overwrite it.
    expect((await refusal(admin, 'backups.restore', { fileName, toDir })).message).toMatch(/already holds a clinic\.sqlite/);
    expect((await refusal(admin, 'backups.restore', { fileName, toDir: app.dataDir })).message).toMatch(/outside the running data folder/);
  });

  it('the restore CLI restores and checks with the key file, and refuses a flipped byte and a cut file with the reason', async () => {
    const file = join(target, fileName);
    const good = await cli([file, '--to', join(work.path, 'cli-drill'), '--key-file', app.keyFile]);
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/checked: integrity ok, schema as migrated, audit trail intact to entry \d+/);
    expect(good.code).toBe(0);

    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.7)]! ^= 0x10;
    const flippedFile = join(work.path, 'flipped.ibak');
    writeFileSync(flippedFile, flipped);
    const bad = await cli([flippedFile, '--to', join(work.path, 'cli-flipped'), '--key-file', app.keyFile]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^restore: REFUSED: chunk \d+ does not authenticate: the file was changed or damaged at byte \d+\n$/);
    expect(readdirSync(join(work.path, 'cli-flipped'))).toEqual([]); // nothing restored is left behind

    const cut = join(work.path, 'cut.ibak');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const short = await cli([cut, '--to', join(work.path, 'cli-cut'), '--key-file', app.keyFile]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/REFUSED: the file ends inside chunk \d+ \(truncated\)/);

    const wrongKey = await cli([file, '--to', join(work.path, 'cli-wrong')], { INFUSION_AUDIT_KEY: 'ab'.repeat(32) });
    expect(wrongKey.stderr).toMatch(/REFUSED: the manifest does not authenticate: the backup was made with a different key/);
  }, 60_000);

  it('a damaged file in the target folder is listed as damaged and its restore is refused with the reason', async () => {
    const damaged = 'backup-20260101-020000-000Z.ibak';
    const bytes = readFileSync(join(target, fileName));
    bytes[100]! ^= 1;
    writeFileSync(join(target, damaged), bytes);
    const listed = await ok(admin, 'backups.list', {});
    expect(listed.find((f: { fileName: string }) => f.fileName === damaged)).toMatchObject({ state: 'damaged', problem: expect.stringMatching(/manifest does not authenticate/) });
    const r = await refusal(admin, 'backups.restore', { fileName: damaged, toDir: join(work.path, 'damaged') });
    expect(r.code).toBe('REFUSED');
    expect(r.message).toMatch(/was not restored: the manifest does not authenticate/);
    expect(existsSync(join(work.path, 'damaged', 'clinic.sqlite'))).toBe(false);
  });

  it('settings outside their range, a relative folder or one inside the data folder are refused; changes carry who and why', async () => {
    expect((await refusal(admin, 'backups.configure', { intervalHours: 0, reason: 'x' })).message).toMatch(/between 1 and 168/);
    expect((await refusal(admin, 'backups.configure', { folder: 'relative/dir', reason: 'x' })).message).toMatch(/full path/);
    expect((await refusal(admin, 'backups.configure', { folder: join(app.dataDir, 'b'), reason: 'x' })).message).toMatch(/inside the data folder/);
    expect((await refusal(staff.physician, 'backups.configure', { intervalHours: 12, reason: 'x' })).code).toBe('FORBIDDEN');
    const rows = await ok(admin, 'backups.configure', { intervalHours: 12, reason: 'zweimal täglich' });
    expect(rows.find((r: { key: string }) => r.key === 'intervalHours')).toMatchObject({ value: 12, defaultValue: 24, source: expect.stringMatching(/^changed by Alex Admin: zweimal täglich/) });
  });
});
