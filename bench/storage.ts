/**
 * Vitals storage: batched transactions (what the app does: one transaction a second per chair) against per-row
 * autocommit inserts (the naive way), and the size of a 3-hour session of 6 parameters at 1 Hz on disk.
 * The naive baseline's SQL lives here on purpose: it is the thing the app does not do.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredReading } from '../core/api/schemas';
import type { VitalParameter } from '../core/vitals';
import { openDatabase } from '../db/open';
import { createVitalsRepo } from '../db/repos/vitals';
import { tempDir } from '../tests/helpers/tempDir';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  detail?: string;
}

const SIX: VitalParameter[] = ['hr', 'spo2', 'nibpSys', 'nibpDia', 'rr', 'etco2'];

function second(t: number, i: number): StoredReading[] {
  return SIX.map((parameter, k) => ({ parameter, value: 60 + ((i + k * 7) % 40) + (i % 10) / 10, unit: '', state: 'valid', receivedAt: t }));
}

export function benchStorage(): BenchRow[] {
  const dir = tempDir('infusion-bench-');
  try {
    // Batched: the app's write path (vitals repo, chunked, WAL, synchronous=FULL) with 100 s of readings per
    // transaction, as when readings pile up (several chairs, fast oximeters) between flushes.
    const seconds = 20_000;
    const batchedDb = openDatabase(join(dir.path, 'batched.sqlite'));
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
    const steadyDb = openDatabase(join(dir.path, 'steady.sqlite'));
    const steadyRepo = createVitalsRepo(steadyDb);
    t0 = performance.now();
    for (let i = 0; i < 2000; i++) steadyRepo.appendReadings(1, second(1e12 + i * 1000, i));
    const steadyRowsPerSec = (2000 * SIX.length) / ((performance.now() - t0) / 1000);
    steadyDb.close();

    // Naive: one autocommitted INSERT per reading into a row-per-sample table, same durability settings.
    const naive = new Database(join(dir.path, 'naive.sqlite'));
    naive.pragma('journal_mode = WAL');
    naive.pragma('synchronous = FULL');
    naive.exec('CREATE TABLE samples (chair_id INTEGER, parameter TEXT, t INTEGER, value REAL, state TEXT, PRIMARY KEY (chair_id, parameter, t)) STRICT, WITHOUT ROWID');
    const insert = naive.prepare('INSERT INTO samples VALUES (?, ?, ?, ?, ?)');
    const naiveSeconds = 300;
    t0 = performance.now();
    for (let i = 0; i < naiveSeconds; i++) for (const r of second(1e12 + i * 1000, i)) insert.run(1, r.parameter, r.receivedAt, r.value, r.state);
    const naiveRowsPerSec = (naiveSeconds * SIX.length) / ((performance.now() - t0) / 1000);
    naive.close();

    // Size: a 3-hour session, 6 parameters at 1 Hz, written as the app writes it; file size after a checkpoint.
    const sizeFile = join(dir.path, 'size.sqlite');
    const sizeDb = openDatabase(sizeFile);
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
        name: 'SQLite batched vs per-row autocommit inserts',
        value: batchedRowsPerSec / naiveRowsPerSec,
        unit: '×',
        target: '≥ 50×',
        detail: `${Math.round(batchedRowsPerSec)} vs ${Math.round(naiveRowsPerSec)} readings/s (600 readings a transaction; WAL, synchronous=FULL); one transaction a second per chair as in steady state: ${Math.round(steadyRowsPerSec)} readings/s = ${Math.round(steadyRowsPerSec / 6)} chair-seconds/s`,
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
