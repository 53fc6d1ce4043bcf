/**
 * Issue 15 figures: a backup of a year of data (1000 infusions of the ten-year bench, cached under .bench-cache/)
 * through the app's path — online snapshot in the database worker, AES-256-GCM, restored to a temporary place and
 * checked — with its size; how vitals writes fared while it ran; and the restore drill (decrypt + full check).
 * Run alone: npm run build && node --import tsx bench/backup.ts
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DbClient } from '../db/client';
import { BackupService } from '../electron/services/backup/backupService';
import { checksHere, checksInWorker, restoreBackup } from '../electron/services/backup/restore';
import { EventBus } from '../electron/services/eventBus';
import { TEST_AUDIT_KEY } from '../tests/helpers/tempDir';
import type { BenchRow } from './storage';
import { benchDbDir, buildBenchDb } from './tenYears';

/** A year of the clinic (1000 infusions); BENCH_BACKUP_SESSIONS sizes a shorter run when the cache is not built yet. */
const YEAR_OF_SESSIONS = Number(process.env.BENCH_BACKUP_SESSIONS ?? 1000);
const DB_WORKER = new URL('../dist/db-worker.mjs', import.meta.url);

export async function benchBackup(): Promise<BenchRow[]> {
  const cache = benchDbDir(YEAR_OF_SESSIONS);
  if (!cache.complete) {
    buildBenchDb(cache.dir, YEAR_OF_SESSIONS);
    cache.markComplete();
  }
  const work = mkdtempSync(join(tmpdir(), 'infusion-bench-backup-'));
  try {
    const dataDir = join(work, 'data');
    mkdirSync(dataDir);
    for (const f of ['clinic.sqlite', 'audit.anchor']) copyFileSync(join(cache.dir, f), join(dataDir, f));
    const dbBytes = statSync(join(dataDir, 'clinic.sqlite')).size;
    const db = await DbClient.open(DB_WORKER, join(dataDir, 'clinic.sqlite'), { auditKey: TEST_AUDIT_KEY });
    const target = join(work, 'target');
    await db.call('setBackupSetting', { userId: 1, at: Date.now() }, 'folder', target, '', 'bench');
    const backups = new BackupService({
      db,
      bus: new EventBus(),
      dataDir,
      secret: TEST_AUDIT_KEY,
      appVersion: 'bench',
      checks: checksInWorker(new URL('db-check.mjs', DB_WORKER), TEST_AUDIT_KEY),
      log: () => {},
    });
    // A chair keeps writing a second of vitals at a time, as the write queue would: alone, then during the backup.
    let running = true;
    let i = 0;
    const writeWhile = async (latencies: number[], until: () => boolean) => {
      while (!until()) {
        const t = performance.now();
        await db.call('appendReadings', 1, [{ parameter: 'hr', value: 70, unit: '/min', state: 'valid', receivedAt: Date.UTC(2031, 0, 1) + i++ * 1000 }]);
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const alone: number[] = [];
    const quietUntil = performance.now() + 10_000;
    await writeWhile(alone, () => performance.now() > quietUntil);
    const during: number[] = [];
    const writer = writeWhile(during, () => !running);
    const started = performance.now();
    const run = await backups.run(null);
    const backupSeconds = (performance.now() - started) / 1000;
    running = false;
    await writer;
    await db.close();
    if (run.outcome !== 'verified') throw new Error(`the bench backup failed: ${run.problem}`);
    const restoreStarted = performance.now();
    await restoreBackup(join(target, run.fileName!), join(work, 'drill'), TEST_AUDIT_KEY, checksHere(TEST_AUDIT_KEY).restored);
    const restoreSeconds = (performance.now() - restoreStarted) / 1000;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const scale = `${YEAR_OF_SESSIONS} infusions, database ${(dbBytes / 1e6).toFixed(0)} MB`;
    return [
      { name: `backup of ${YEAR_OF_SESSIONS === 1000 ? "a year" : "part of a year"} (${scale}): snapshot, encrypt, restore + check`, value: backupSeconds, unit: 's', detail: `${(dbBytes / 1e6 / backupSeconds).toFixed(0)} MB/s of database` },
      { name: 'backup file size / database size', value: run.sizeBytes! / dbBytes, unit: '×', detail: `${(run.sizeBytes! / 1e6).toFixed(0)} MB encrypted (GCM chunks add 21 bytes per MiB)` },
      {
        name: `vitals write during the backup / alone: slowest (${during.length} / ${alone.length} writes)`,
        value: Math.max(...during) / Math.max(...alone),
        unit: '×',
        detail: `slowest ${Math.max(...during).toFixed(0)} ms vs ${Math.max(...alone).toFixed(0)} ms, median ${median(during).toFixed(1)} ms vs ${median(alone).toFixed(1)} ms`,
      },
      { name: 'restore drill of that backup (decrypt + full check, CLI path)', value: restoreSeconds, unit: 's' },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchBackup()) console.log(`${r.name.padEnd(72)} ${r.value.toFixed(r.value >= 100 ? 0 : 2).padStart(8)} ${r.unit}  ${r.detail ?? ''}`);
}
