/** Checks a clinic database's audit chain without changing anything (read-only connection, no migration). */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAuditLog, type AuditVerification } from './audit';

export function verifyAuditInDataDir(dataDir: string): AuditVerification {
  const db = new Database(join(dataDir, 'clinic.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const key = readFileSync(join(dataDir, 'audit.key'));
    return createAuditLog(db, key, join(dataDir, 'audit.anchor')).verify();
  } finally {
    db.close();
  }
}
