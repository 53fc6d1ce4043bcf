/**
 * Vitals storage: the chunked store against a row per reading, both with one transaction per chair a second (the
 * steady state; a fair baseline), the store with a backlog's big batches, the size of a 3-hour session of
 * 6 parameters at 1 Hz on disk, and a soak: readings received vs stored over 10 minutes at 50× speed.
 * The row baseline's SQL lives here on purpose: it is the thing the app does not do.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredReading } from '../core/api/schemas';
import type { VitalParameter } from '../core/vitals';
import { DbClient } from '../db/client';
import { openDatabase } from '../db/open';
import { createVitalsRepo } from '../db/repos/vitals';
import { TEST_DATABASE_KEY } from '../tests/helpers/clinicFile';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../tests/helpers/tempDir';
import { runVitalsSoak } from '../tests/helpers/vitalsSoak';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  detail?: string;
}

const SIX: VitalParameter[] = ['hr', 'spo2', 'nibpSys', 'nibpDia', 'respRate', 'etco2'];

export function second(t: number, i: number): StoredReading[] {
  return SIX.map((parameter, k) => ({ parameter, value: 60 + ((i + k * 7) % 40) + (i % 10) / 10, unit: '', state: 'valid', receivedAt: t }));
}

export function benchStorage(): BenchRow[] {
  const dir = tempDir('infusion-bench-');
  try {
    // Batched: the app's write path (vitals repo, chunked, WAL, synchronous=FULL) with 100 s of readings per
    // transaction, as when readings pile up (several chairs, fast oximeters) between flushes.
    const seconds = 20_000;
    const batchedDb = openDatabase(join(dir.path, 'batched.sqlite'), { key: TEST_DATABASE_KEY });
    const repo = createVitalsRepo(batchedDb);
    let t0 = performance.now();
    for (let i = 0; i < seconds; i += 100) {
      const batch: StoredReading[] = [];
      for (let k = i; k < i + 100; k++) batch.push(...second(1e12 + k * 1000, k));
      repo.appendReadings(1, batch);
    }
    const batchedRowsPerSec = (seconds * SIX.length) / ((performance.now() - t0) / 1000);
    batchedDb.close();

    // The app's steady state: one transaction a second per chair.
    const steadyDb = openDatabase(join(dir.path, 'steady.sqlite'), { key: TEST_DATABASE_KEY });
    const steadyRepo = createVitalsRepo(steadyDb);
    t0 = performance.now();
    for (let i = 0; i < 2000; i++) steadyRepo.appendReadings(1, second(1e12 + i * 1000, i));
    const steadyRowsPerSec = (2000 * SIX.length) / ((performance.now() - t0) / 1000);
    steadyDb.close();

    // Fair baseline: the same one transaction a second per chair, but a row per reading (no chunks).
    const rows = new Database(join(dir.path, 'rows.sqlite'));
    rows.pragma('journal_mode = WAL');
    rows.pragma('synchronous = FULL');
    rows.exec('CREATE TABLE samples (chair_id INTEGER, parameter TEXT, t INTEGER, value REAL, state TEXT, PRIMARY KEY (chair_id, parameter, t)) STRICT, WITHOUT ROWID');
    const insert = rows.prepare('INSERT INTO samples VALUES (?, ?, ?, ?, ?)');
    const insertSecond = rows.transaction((readings: StoredReading[]) => {
      for (const r of readings) insert.run(1, r.parameter, r.receivedAt, r.value, r.state);
    });
    t0 = performance.now();
    for (let i = 0; i < 2000; i++) insertSecond(second(1e12 + i * 1000, i));
    const rowsPerSec = (2000 * SIX.length) / ((performance.now() - t0) / 1000);
    rows.close();

    // Size: a 3-hour session, 6 parameters at 1 Hz, written as the app writes it; file size after a checkpoint.
    const sizeFile = join(dir.path, 'size.sqlite');
    const sizeDb = openDatabase(sizeFile, { key: TEST_DATABASE_KEY });
    const before = (sizeDb.pragma('page_count', { simple: true }) as number) * (sizeDb.pragma('page_size', { simple: true }) as number);
    const sizeRepo = createVitalsRepo(sizeDb);
    for (let i = 0; i < 3 * 3600; i++) sizeRepo.appendReadings(1, second(1e12 + i * 1000, i));
    sizeDb.pragma('wal_checkpoint(TRUNCATE)');
    sizeDb.exec('VACUUM');
    const after = (sizeDb.pragma('page_count', { simple: true }) as number) * (sizeDb.pragma('page_size', { simple: true }) as number);
    sizeDb.close();
    const sessionMb = (after - before) / 1e6;
    return [
      {
        name: 'Vitals store vs row per reading, 1 transaction/chair/s each',
        value: steadyRowsPerSec / rowsPerSec,
        unit: '×',
        target: '≥ 1×',
        detail: `${Math.round(steadyRowsPerSec)} vs ${Math.round(rowsPerSec)} readings/s (steady state: 6 readings a transaction; WAL, synchronous=FULL)`,
      },
      {
        name: 'Vitals store, 100-s batches (backlog) vs the same row baseline',
        value: batchedRowsPerSec / rowsPerSec,
        unit: '×',
        detail: `${Math.round(batchedRowsPerSec)} vs ${Math.round(rowsPerSec)} readings/s (600 readings a transaction after a backlog vs 6)`,
      },
      {
        name: '3-hour session, 6 parameters at 1 Hz, on disk',
        value: sessionMb,
        unit: 'MB',
        target: '≤ 0.5 MB',
        detail: `${(3 * 3600 * SIX.length).toLocaleString('en')} readings, ${(((after - before) / (3 * 3600 * SIX.length))).toFixed(2)} B/reading; 10 000 sessions ≈ ${((sessionMb * 10_000) / 1000).toFixed(1)} GB (file ${statSync(sizeFile).size} B)`,
      },
    ];
  } finally {
    dir.remove();
  }
}

/**
 * The soak: 4 chairs for 10 minutes at 50× speed (500 simulated minutes; the app flushes once a real second, so
 * every 50 simulated seconds) through VitalsStore and the real database worker, with a 20-second disk outage
 * (1000 simulated seconds) in the middle. Received and stored must be equal.
 */
export async function benchVitalsSoak(): Promise<BenchRow[]> {
  const dir = tempDir('infusion-bench-');
  const file = join(dir.path, 'soak.sqlite');
  const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
  try {
    const t0 = performance.now();
    const r = await runVitalsSoak({ db, file, chairs: 4, simulatedSeconds: 30_000, flushEverySeconds: 50, outage: { from: 15_000, to: 16_000 } });
    const seconds = (performance.now() - t0) / 1000;
    return [
      {
        name: 'Soak, 4 chairs, 10 min at 50×: readings stored / received',
        value: r.stored / r.received,
        unit: '',
        target: '= 1 exactly',
        detail: `received ${r.received.toLocaleString('en')}, stored ${r.stored.toLocaleString('en')}${r.stored === r.received ? ' (equal)' : ` (${r.received - r.stored} LOST)`}; up to ${r.maxQueuedReported.toLocaleString('en')} waiting in app.health during the 20-s outage; ${seconds.toFixed(1)} s`,
      },
    ];
  } finally {
    await db.close();
    dir.remove();
  }
}
