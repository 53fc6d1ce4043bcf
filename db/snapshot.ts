/**
 * The online snapshot for a backup, taken outside the database worker (dist/db-check.mjs) by a read connection of
 * its own: the worker keeps writing vitals meanwhile, and the copy is the state when the snapshot began. What the
 * manifest says about the copy (snapshotFacts) is read there too: counting a year of vitals takes a second.
 */
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { databaseFacts, type DatabaseFacts } from './databaseFacts';
import { openClinicFile } from './open';

/**
 * Copies the live database `liveFile` to `file` through a read connection of its own (run it outside the database
 * worker: the writer goes on, WAL keeps this copy one consistent state). VACUUM INTO writes the copy encrypted with
 * the live file's cipher and key (SQLite3 Multiple Ciphers), so no plain copy of the record is ever on disk. The file
 * is created 0600 first; a failed copy is removed.
 */
export function snapshotToFile(liveFile: string, file: string, auditKey: Buffer, nativeBinding?: string): { bytes: number } {
  closeSync(openSync(file, 'wx', 0o600));
  try {
    const live = openClinicFile(liveFile, auditKey, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      live.prepare('VACUUM INTO ?').run(file);
    } finally {
      live.close();
    }
  } catch (err) {
    rmSync(file, { force: true });
    throw err;
  }
  return { bytes: statSync(file).size };
}

/** The manifest facts of a snapshot (opened with the database key derived from `auditKey`). */
export function snapshotFacts(file: string, auditKey: Buffer, nativeBinding?: string): DatabaseFacts {
  const copy = openClinicFile(file, auditKey, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return databaseFacts(copy);
  } finally {
    copy.close();
  }
}
