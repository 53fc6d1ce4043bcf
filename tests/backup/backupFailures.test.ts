/**
 * Backups where they break (issue 15): vitals keep being written while the snapshot is taken; kill -9 at each step
 * of a backup leaves no file under a backup's name that is not good, no plain copy after the next start, and the
 * next backup works; a full target folder fails the run with the reason and leaves nothing half-written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchDb } from '../../bench/tenYears';
import { DbClient } from '../../db/client';
import { isPlainDatabase } from '../../db/cipher';
import { snapshotFacts } from '../../db/snapshot';
import { BackupService } from '../../electron/services/backup/backupService';
import { PARTIAL } from '../../electron/services/backup/backupFolder';
import { createBackupHandlers } from '../../electron/services/backup/handlers';
import { checksHere, checksInWorker, restoreBackup } from '../../electron/services/backup/restore';
import { EventBus } from '../../electron/services/eventBus';
import { rawClinicDb } from '../helpers/clinicFile';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = tempDir('infusion-backup-fail-');
const template = join(work.path, 'template');
let n = 0;

beforeAll(() => {
  // 16 infusions of the ten-year bench (6 parameters at 1 Hz): about 6 MB, a snapshot of many steps.
  buildBenchDb(template, 16);
}, 120_000);
afterAll(() => work.remove());

/** A data folder with a copy of the template database and its anchor. */
function dataFolder(): string {
  const dir = join(work.path, `data-${n++}`);
  mkdirSync(dir);
  for (const f of ['clinic.sqlite', 'audit.anchor']) copyFileSync(join(template, f), join(dir, f));
  return dir;
}

async function service(dataDir: string, target: string) {
  const db = await DbClient.open(DB_WORKER, join(dataDir, 'clinic.sqlite'), { auditKey: TEST_AUDIT_KEY });
  await db.call('setBackupSetting', { userId: 1, at: Date.now() }, 'folder', target, '', 'test');
  const backups = new BackupService({ db, bus: new EventBus(), dataDir, secret: TEST_AUDIT_KEY, appVersion: 'test', checks: checksHere(TEST_AUDIT_KEY), log: () => {} });
  return { db, backups };
}

const plainLeftovers = (dataDir: string) => readdirSync(dataDir).filter((f) => f.startsWith('.backup-'));

describe('backups under failure', () => {
  it('vitals are written while the snapshot is taken, and the snapshot is one consistent state', async () => {
    const dataDir = dataFolder();
    // 48 MB more of (opaque) vital chunks on chair 4: a snapshot of ~150 steps, so writes interleave even on a busy machine.
    const bulk = rawClinicDb(join(dataDir, 'clinic.sqlite'));
    const insert = bulk.prepare("INSERT INTO vital_chunks (chair_id, parameter, start_ms, end_ms, sample_count, data) VALUES (4, 'bulk', ?, ?, 60, randomblob(4000))");
    bulk.transaction(() => {
      for (let i = 0; i < 12_000; i++) insert.run(i * 60_000, i * 60_000 + 59_000);
    })();
    bulk.close();
    const { db } = await service(dataDir, join(work.path, 'unused'));
    const snapshot = join(dataDir, '.backup-snapshot-test.sqlite');
    let done = false;
    // In the check thread, as the app takes it: the database worker is free to write meanwhile.
    const checks = checksInWorker(new URL('db-check.mjs', DB_WORKER), TEST_AUDIT_KEY);
    const taking = checks.snapshot(join(dataDir, 'clinic.sqlite'), snapshot).finally(() => (done = true));
    let writtenDuring = 0;
    const t0 = Date.UTC(2030, 0, 1);
    for (let i = 0; !done; i++) {
      await db.call('appendReadings', 1, [{ parameter: 'hr', value: 60 + (i % 30), unit: '/min', state: 'valid', receivedAt: t0 + i * 1000 }]);
      if (!done) writtenDuring++;
    }
    await taking;
    const facts = snapshotFacts(snapshot, TEST_AUDIT_KEY);
    expect(isPlainDatabase(snapshot)).toBe(false); // the copy is encrypted like the live file: no plain record on disk
    // The copy runs in its own thread: the worker answers every write meanwhile. Taken inside the worker (holding
    // it), only the writes that came before it started would be answered.
    expect(writtenDuring).toBeGreaterThan(10);
    expect((await db.call('vitalSamples', 1, 'hr', t0, t0 + writtenDuring * 1000)).length).toBeGreaterThanOrEqual(writtenDuring);
    const copy = rawClinicDb(snapshot, TEST_AUDIT_KEY, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM vital_chunks').pluck().get()).toBe(facts.rowCounts.vital_chunks);
    copy.close();
    rmSync(snapshot);
    await db.close();
  }, 60_000);

  for (const phase of ['snapshot', 'encrypting'] as const) {
    it(`kill -9 while ${phase === 'snapshot' ? 'the snapshot is taken' : 'the backup is encrypted'}: no half backup looks good, the next start removes the plain copy, the next backup works`, async () => {
      const dataDir = dataFolder();
      const target = join(work.path, `target-${phase}`);
      mkdirSync(target);
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/backup/backupChild.ts', dataDir, target], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
      // Kill at the moment the step's file shows up: the plain snapshot in the data folder, or the .partial in the target.
      const seen = () => (phase === 'snapshot' ? plainLeftovers(dataDir).length > 0 : readdirSync(target).some((f) => PARTIAL.test(f)));
      while (!seen()) {
        if (child.exitCode !== null) throw new Error(`the backup child ended: ${out}`);
        await new Promise((r) => setTimeout(r, 2));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      // Whatever the kill left carries no backup's name unless it restores and checks out.
      for (const f of readdirSync(target).filter((x) => x.endsWith('.ibak') && !PARTIAL.test(x))) {
        await restoreBackup(join(target, f), join(work.path, `check-${n++}`), TEST_AUDIT_KEY, checksHere(TEST_AUDIT_KEY).restored);
      }
      if (phase === 'snapshot') expect(plainLeftovers(dataDir).length).toBeGreaterThan(0);
      const { db, backups } = await service(dataDir, target);
      expect(plainLeftovers(dataDir)).toEqual([]); // removed at start, before anything else
      const run = await backups.run(null);
      expect(run).toMatchObject({ outcome: 'verified', problem: null });
      expect(readdirSync(target).filter((f) => PARTIAL.test(f))).toEqual([]);
      expect(readdirSync(target)).toContain(run.fileName);
      expect(plainLeftovers(dataDir)).toEqual([]);
      await db.close();
    }, 120_000);
  }

  it('the schedule backs up when the interval since the last verified backup is over, and not again before', async () => {
    const dataDir = dataFolder();
    const target = join(work.path, 'scheduled');
    const { db, backups } = await service(dataDir, target);
    // The bench database was installed in 2016 and never backed up: due at once.
    expect(await backups.nextDueAt()).toBeLessThan(Date.now());
    await backups.runIfDue();
    const [first] = await db.call('backupRuns', 5);
    expect(first).toMatchObject({ outcome: 'verified', requestedBy: null });
    expect(await backups.nextDueAt()).toBe(first!.finishedAt + 24 * 3_600_000);
    await backups.runIfDue();
    expect(await db.call('backupRuns', 5)).toHaveLength(1);
    // The state warns once the last verified backup is older than warnAfterHours (36 h by default).
    const ctx = { clientId: 'test', user: null };
    const statusAt = (t: number) => createBackupHandlers({ db, bus: new EventBus(), backups, dataDir, secret: TEST_AUDIT_KEY, now: () => t })['backups.status']({}, ctx);
    expect(await statusAt(first!.finishedAt + 35 * 3_600_000)).toMatchObject({ warning: false, lastVerified: { id: first!.id } });
    expect(await statusAt(first!.finishedAt + 37 * 3_600_000)).toMatchObject({ warning: true });
    await db.close();
  }, 60_000);

  // Needs root to mount a small tmpfs as the "full disk"; without root the case cannot be made here.
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.skipIf(!canMount)('a full target folder fails the run with the reason, keeps nothing half-written, and the next backup elsewhere works', async () => {
    const dataDir = dataFolder();
    const full = join(work.path, 'full-disk');
    mkdirSync(full);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full]);
    expect(mounted.status, String(mounted.stderr)).toBe(0);
    try {
      const { db, backups } = await service(dataDir, full);
      const run = await backups.run(null);
      expect(run).toMatchObject({ outcome: 'failed', fileName: null });
      expect(run.problem).toMatch(new RegExp(`the folder ${full} is full \\(no space left on the device\\)`));
      expect(readdirSync(full)).toEqual([]);
      expect(plainLeftovers(dataDir)).toEqual([]);
      const status = await db.call('backupRuns', 1);
      expect(status[0]).toMatchObject({ outcome: 'failed', problem: run.problem });
      const elsewhere = join(work.path, 'other-disk');
      await db.call('setBackupSetting', { userId: 1, at: Date.now() }, 'folder', elsewhere, full, 'Platte voll: andere Platte');
      expect(await backups.run(null)).toMatchObject({ outcome: 'verified' });
      expect(existsSync(elsewhere)).toBe(true);
      await db.close();
    } finally {
      spawnSync('umount', [full]);
    }
  }, 60_000);
});
