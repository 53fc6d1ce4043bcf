/**
 * Checks a clinic database without changing anything (read-only connection, no migration): its schema against the
 * one the migrations make, and its audit chain and anchor with the installation's key.
 */
import { join } from 'node:path';
import { openClinicFile } from './open';
import { createAuditLog } from './audit';
import { schemaDifferences } from './schemaCheck';

export interface DataDirVerification {
  /** Audit entries checked before the first broken place (all of them when there is none). */
  entries: number;
  /** Each problem in one line (empty when all is well). */
  problems: string[];
}

export function verifyAuditInDataDir(dataDir: string, auditKey: Buffer): DataDirVerification {
  const db = openClinicFile(join(dataDir, 'clinic.sqlite'), auditKey, { readonly: true });
  try {
    const schema = schemaDifferences(db).map((d) => `schema: ${d} (changed outside the app)`);
    const audit = createAuditLog(db, auditKey, join(dataDir, 'audit.anchor')).verify();
    return { entries: audit.entries, problems: audit.problem ? [...schema, `audit trail: ${audit.problem}`] : schema };
  } finally {
    db.close();
  }
}
