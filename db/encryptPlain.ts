/**
 * The one-time encryption of a database written before encryption at rest. Crash-safe: the plain original stays in
 * place, untouched but for a checkpoint, until an encrypted and checked copy replaces it in one rename; a kill at any
 * moment leaves either the plain original or the finished encrypted file, and a half-made copy is removed at the
 * next start, which begins again. The copy is a plain file in the data folder (0600) only while it is being made.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { encryptWithKey, useDatabaseKey } from './cipher';

/** The copy being encrypted, beside the database. */
export const ENCRYPTING_SUFFIX = '.encrypting';
const CHUNK = 1 << 20;

/** Removes what an encryption cut short left behind (the plain original is still in place then). */
export function removeUnfinishedEncryption(file: string): void {
  for (const leftover of [`${file}${ENCRYPTING_SUFFIX}`, `${file}${ENCRYPTING_SUFFIX}-journal`]) rmSync(leftover, { force: true });
}

function rowCounts(db: Database.Database): Map<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return new Map(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/** Everything in the WAL moved into the file and the file closed alone, so a byte copy is the whole database. */
function checkpointAndCount(file: string, nativeBinding?: string): Map<string, number> {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result && result.busy !== 0) throw new Error(`could not checkpoint ${file} before encrypting it`);
    return rowCounts(db);
  } finally {
    db.close();
  }
}

function copyWithProgress(from: string, to: string, progress: (line: string) => void): void {
  const src = openSync(from, 'r');
  const dst = openSync(to, 'wx', 0o600);
  try {
    const size = fstatSync(src).size;
    const buf = Buffer.alloc(CHUNK);
    let done = 0;
    let shown = 0;
    for (let n = readSync(src, buf, 0, CHUNK, 0); n > 0; n = readSync(src, buf, 0, CHUNK, done)) {
      writeSync(dst, buf, 0, n);
      done += n;
      const percent = Math.floor((done / size) * 100);
      if (percent >= shown + 10) {
        shown = percent - (percent % 10);
        progress(`copying ${shown} %`);
      }
    }
    fsyncSync(dst);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder; its rename is durable once it returns.
  }
}

/**
 * Replaces the plain database `file` by an encrypted one with the same content. `progress` gets one short line per
 * step (the host prints them). Throws, leaving the plain original as it was, when a step fails.
 */
export function encryptPlainDatabase(file: string, key: Buffer, progress: (line: string) => void, nativeBinding?: string): void {
  const started = performance.now();
  const mb = (statSync(file).size / 1e6).toFixed(1);
  progress(`${basename(file)} is not encrypted yet: encrypting it now (${mb} MB, once)`);
  const before = checkpointAndCount(file, nativeBinding);
  // A WAL left after the last close would hold pages the copy lacks.
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) throw new Error(`${file}-wal is still in use; the database was not encrypted`);
  const copy = `${file}${ENCRYPTING_SUFFIX}`;
  removeUnfinishedEncryption(file);
  try {
    copyWithProgress(file, copy, progress);
    progress('encrypting');
    const db = new Database(copy, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
      encryptWithKey(db, key);
    } finally {
      db.close();
    }
    progress('checking');
    const check = new Database(copy, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      useDatabaseKey(check, key);
      const ok = check.pragma('quick_check', { simple: true });
      if (ok !== 'ok') throw new Error(`the encrypted copy failed its integrity check: ${String(ok)}`);
      const after = rowCounts(check);
      for (const [table, rows] of before) {
        if (after.get(table) !== rows) throw new Error(`the encrypted copy has ${after.get(table)} rows in ${table}, the original ${rows}`);
      }
    } finally {
      check.close();
    }
    // A stale shared-memory index of the plain file must not meet the encrypted one.
    rmSync(`${file}-shm`, { force: true });
    renameSync(copy, file);
    syncFolder(dirname(file));
  } catch (err) {
    removeUnfinishedEncryption(file);
    throw err;
  }
  progress(`encrypted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
