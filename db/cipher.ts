/**
 * Encryption at rest of the clinic database, through SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers) in
 * SQLCipher 4's format: AES-256-CBC per page with an HMAC-SHA512 per page (a changed page is refused, not read).
 * SQLCipher's format rather than the library's default (chacha20) because independent, maintained tools read it
 * (SQLCipher, DB Browser for SQLite): the record must stay readable for ten years (docs/threat-model.md).
 * The key is the raw 32-byte key from db/keys.ts (no password stretching: it is random already), handed to SQLite
 * through sqlite3_key and never as SQL text, so it cannot show up in a statement, an error message or a log.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

/** The first 16 bytes of every unencrypted SQLite database file. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Chooses SQLCipher 4's format on the connection and gives the key in SQLCipher's raw-key form x'…'. */
function sqlcipherRawKey(db: Database.Database, key: Buffer): Buffer {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  return Buffer.from(`x'${key.toString('hex')}'`, 'latin1');
}

/** Gives the connection its key; must come before its first read. */
export function useDatabaseKey(db: Database.Database, key: Buffer): void {
  db.key(sqlcipherRawKey(db, key));
}

/** Encrypts the unencrypted database of `db` in place (SQLite refuses this in WAL mode). */
export function encryptWithKey(db: Database.Database, key: Buffer): void {
  db.rekey(sqlcipherRawKey(db, key));
}

/** True when `file` is an unencrypted SQLite database (an empty or missing file is not: it becomes encrypted). */
export function isPlainDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

export class DatabaseKeyError extends Error {
  constructor(file: string) {
    super(
      `the database ${file} does not open with this key (encrypted with another audit key, damaged, or not a clinic database); nothing was changed: start with the audit key it was written with (docs/threat-model.md)`,
    );
    this.name = 'DatabaseKeyError';
  }
}
