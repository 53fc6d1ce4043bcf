/**
 * A bare connection to a clinic database file as someone holding the key would open it (the sqlite3 shell with
 * SQLCipher): no pragmas, no migrations. Creates the file, encrypted, when it does not exist.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { useDatabaseKey } from '../../db/cipher';
import { deriveKey } from '../../db/keys';
import { TEST_AUDIT_KEY } from './tempDir';

/** The database key of files written with the tests' audit key (as the worker derives it). */
export const TEST_DATABASE_KEY = deriveKey(TEST_AUDIT_KEY, 'database');

export function rawClinicDb(file: string, auditKey: Buffer = TEST_AUDIT_KEY, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false });
  useDatabaseKey(db, deriveKey(auditKey, 'database'));
  return db;
}
