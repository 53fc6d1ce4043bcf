/**
 * Opens the clinic database with the settings a clinical record needs: WAL for concurrent reads,
 * synchronous=FULL so a committed observation survives a power cut, foreign keys on; and only when its schema is
 * exactly the one the migrations made (db/schemaCheck.ts).
 */
import Database from 'better-sqlite3';
import { refuseIfMarkedDamaged } from './integrity';
import { migrate } from './migrations';
import { assertSchemaAsMigrated } from './schemaCheck';

export type DB = Database.Database;

export interface OpenOptions {
  /** Path to the Electron-ABI build of better-sqlite3 (release builds); tests and the web host use the Node build. */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
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

export function closeDatabase(db: DB): void {
  // SQLite recommends optimize right before closing a long-lived connection.
  db.pragma('optimize');
  db.close();
}
