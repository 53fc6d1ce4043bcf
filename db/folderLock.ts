/**
 * One app per data folder: two writers on one clinic database would interleave their audit chains. The lock is
 * SQLite's own exclusive file lock on a small database beside the clinic database, held by an open write
 * transaction for as long as the lock connection lives. The operating system drops it when the process ends, even
 * by SIGKILL or a power cut, so a stale file never blocks a start, and taking it is one atomic step (no race).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';

/** The lock database in the data folder (empty; only its lock matters). */
export const LOCK_FILE = 'app.lock';

export class DataFolderInUse extends Error {
  constructor(dir: string) {
    super(`the data folder ${dir} is in use by another running app (browser host or window); close that one first`);
    this.name = 'DataFolderInUse';
  }
}

export interface FolderLock {
  release(): void;
}

export function lockDataFolder(dir: string, nativeBinding?: string): FolderLock {
  const db = new Database(join(dir, LOCK_FILE), { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    // EXCLUSIVE locking mode keeps the lock past any commit; the open BEGIN EXCLUSIVE takes it now, or fails at once.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUse(dir);
    throw err;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
