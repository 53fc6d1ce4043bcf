/**
 * The online snapshot for a backup: SQLite's backup API copies the database page by page in small steps, and the
 * worker answers other calls between the steps, so the vitals write queue keeps being written during a backup.
 * Writes of this connection during the copy are carried into the snapshot by SQLite, so it is one consistent state.
 * What the manifest says about the copy (snapshotFacts) is read outside the database worker: counting the rows of
 * a year of vitals takes a second that the write queue must not wait.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { databaseFacts, type DatabaseFacts } from './databaseFacts';
import type { DB } from './open';

/** Pages copied per step: about 400 KB at 4 KB pages, a few milliseconds before the next waiting call runs. */
const PAGES_PER_STEP = 100;

/**
 * Copies the live database to `file` (plain SQLite: the caller encrypts it and removes it). The file is created
 * 0600 first, so no other user can read it while it exists; a failed copy is removed.
 */
export async function snapshotToFile(db: DB, file: string): Promise<{ bytes: number }> {
  closeSync(openSync(file, 'wx', 0o600));
  try {
    await db.backup(file, { progress: () => PAGES_PER_STEP });
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
  return { bytes: statSync(file).size };
}

/** Makes the snapshot one file (no -wal or -shm beside it to encrypt or leave behind) and reads its manifest facts. */
export function snapshotFacts(file: string, nativeBinding?: string): DatabaseFacts {
  const copy = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    copy.pragma('journal_mode = DELETE');
    return databaseFacts(copy);
  } finally {
    copy.close();
  }
}
