/**
 * The database's integrity check (SQLite quick_check) off the start path (issue 13): on a ten-year file it takes
 * 4–18 s, so it runs on a read-only connection in a thread of its own (db/integrityWorker.ts), a while after the
 * start and then once a day; the writer is never held. When it finds damage:
 * - a marker file beside the database names the problem, so every later start checks at once and refuses loudly;
 * - the connection stops writing (query_only): every write after that fails as a storage failure, so what the app
 *   has taken on (readings, alarm log, chair events) waits in memory, the red storage banner names the damage, and
 *   a person's entry is refused with the reason instead of being written into a damaged file. Reads go on, so the
 *   running session stays visible. Nothing acknowledged is dropped: the file is restored from the backup or repaired.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DB } from './open';

export interface IntegritySchedule {
  /** After the start, before the first check (the start's own reads go first). */
  firstAfterMs: number;
  everyMs: number;
}

export const DEFAULT_INTEGRITY_SCHEDULE: IntegritySchedule = { firstAfterMs: 60_000, everyMs: 24 * 3_600_000 };

/** What the checker thread reports: null when the file is sound. */
export interface IntegrityReport {
  problem: string | null;
}

export class DatabaseDamagedError extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(problem: string) {
    super(
      `The database file is damaged (integrity check: ${problem}). Nothing more is written to it; what waits is kept ` +
        'in memory while the app runs. Restore the last backup or have the file repaired, then start the app again.',
    );
    this.name = 'DatabaseDamagedError';
  }
}

const markerOf = (file: string) => `${file}.damaged`;

/** Runs quick_check now; the problem in words, null when the file is sound. */
export function quickCheck(db: DB): string | null {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (err) {
    // An encrypted page whose HMAC fails is refused at its read: the check cannot even list it, it is damage too.
    const e = err as Error & { code?: string };
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(e.code ?? '')) return e.message;
    throw err;
  }
  if (rows.length === 1 && rows[0]!.quick_check === 'ok') return null;
  // One line for the banner and the marker: the first few findings are enough to name the damage.
  const lines = rows.flatMap((r) => r.quick_check.split('\n')).filter((l) => l.trim() !== '' && !l.startsWith('***'));
  return `${lines.slice(0, 3).join('; ')}${lines.length > 3 ? ` (${lines.length - 3} more)` : ''}`;
}

/** Remembers found damage beside the database, so the next start does not open the file unchecked. */
export function markDamaged(file: string, problem: string): void {
  writeFileSync(markerOf(file), `${new Date().toISOString()} ${problem}\n`);
}

/**
 * At open: a file marked damaged is checked at once and refused while the damage is there; a file that checks out
 * again (restored from the backup) loses its mark. Unmarked files open without waiting for the check.
 */
export function refuseIfMarkedDamaged(db: DB, file: string): void {
  if (!existsSync(markerOf(file))) return;
  const problem = quickCheck(db);
  if (problem !== null) throw new DatabaseDamagedError(problem);
  console.warn(`db: ${file} was marked damaged (${readFileSync(markerOf(file), 'utf8').trim()}) and checks out now`);
  rmSync(markerOf(file));
}

export interface IntegrityWorkerData {
  file: string;
  nativeBinding?: string;
  /** The audit key: the checker derives the database key from it itself, so that key never travels in a message. */
  auditKey: Uint8Array;
  schedule: IntegritySchedule;
}

/** Starts the checker thread; `onReport` hears every finished check. Stop it with the returned function. */
export function watchIntegrity(workerFile: URL, data: IntegrityWorkerData, onReport: (r: IntegrityReport) => void): () => Promise<void> {
  const checker = new Worker(workerFile, { workerData: data });
  checker.unref();
  checker.on('message', onReport);
  // A checker that cannot run is a check that did not happen: said on the console, the app goes on.
  checker.on('error', (err) => console.error(`db: the integrity check could not run: ${err.message}`));
  return async () => {
    await checker.terminate();
  };
}
