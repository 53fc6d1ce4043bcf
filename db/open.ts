/**
 * Opens the clinic database with the settings a clinical record needs: WAL for concurrent reads,
 * synchronous=FULL so a committed observation survives a power cut, foreign keys on; and only when its schema is
 * exactly the one the migrations made (db/schemaCheck.ts); encrypted with the database key (db/cipher.ts).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseKeyError, isPlainDatabase, useDatabaseKey } from './cipher';
import { refuseIfMarkedDamaged } from './integrity';
import { deriveKey } from './keys';
import { migrate } from './migrations';
import { assertSchemaAsMigrated } from './schemaCheck';

export type DB = Database.Database;

export interface OpenOptions {
  /** Path to the Electron-ABI build of better-sqlite3 (release builds); tests and the web host use the Node build. */
  nativeBinding?: string;
  /**
   * The database key (db/keys.ts); the file is encrypted with it (db/cipher.ts). Absent only for databases that hold
   * no clinic data on disk: in-memory ones, and the plain files of tests of the one-time encryption.
   */
  key?: Buffer;
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (options.key) useDatabaseKey(db, options.key);
    try {
      db.pragma('journal_mode = WAL');
    } catch (err) {
      // The first read of the file: with a wrong key SQLite finds no database in it, and has written nothing.
      if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError(file);
      throw err;
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The full check runs in the background (db/integrity.ts); only a file found damaged before waits for it.
    refuseIfMarkedDamaged(db, file);
    // One transaction: a file whose schema was changed outside the app is refused with any pending migration undone.
    db.transaction(() => {
      migrate(db);
      assertSchemaAsMigrated(db, options.nativeBinding);
    })();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A bare connection to an existing clinic database: no pragmas, no migration (verify-audit, checks of a copy, tests
 * that edit the file as an intruder would). Keyed with the database key derived from `auditKey`, unless the file
 * predates encryption at rest.
 */
export function openClinicFile(file: string, auditKey: Buffer, options: { readonly?: boolean; nativeBinding?: string } = {}): DB {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (!isPlainDatabase(file)) useDatabaseKey(db, deriveKey(auditKey, 'database'));
    db.pragma('schema_version');
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError(file);
    throw err;
  }
}

export function closeDatabase(db: DB): void {
  // SQLite recommends optimize right before closing a long-lived connection.
  db.pragma('optimize');
  db.close();
}
