/**
 * The check of a restored backup, without changing it: SQLite's full integrity check, the schema against the
 * migrations, the audit chain and its anchor with the installation's key, and the manifest's facts (schema
 * version, rows per table, audit head) against what the restored file holds. Every problem in one line.
 */
import { join } from 'node:path';
import { createAuditLog } from './audit';
import { databaseFacts, type DatabaseFacts } from './databaseFacts';
import { openClinicFile } from './open';
import { schemaDifferences } from './schemaCheck';

const MAX_NAMED = 5;

export function checkRestoredFolder(dir: string, auditKey: Buffer, expected: DatabaseFacts, nativeBinding?: string): string[] {
  const db = openClinicFile(join(dir, 'clinic.sqlite'), auditKey, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (integrity.length > 0) return [`integrity check: ${integrity.slice(0, MAX_NAMED).join('; ')}`];
    const problems = schemaDifferences(db, nativeBinding).map((d) => `schema: ${d}`);
    const audit = createAuditLog(db, auditKey, join(dir, 'audit.anchor')).verify();
    if (audit.problem) problems.push(`audit trail: ${audit.problem}`);
    const facts = databaseFacts(db);
    if (facts.schemaVersion !== expected.schemaVersion) problems.push(`schema version ${facts.schemaVersion}, the manifest says ${expected.schemaVersion}`);
    const tables = new Set([...Object.keys(facts.rowCounts), ...Object.keys(expected.rowCounts)]);
    const differ = [...tables].filter((t) => facts.rowCounts[t] !== expected.rowCounts[t]);
    if (differ.length > 0) {
      const named = differ.slice(0, MAX_NAMED).map((t) => `${t} ${facts.rowCounts[t] ?? 'missing'} ≠ ${expected.rowCounts[t] ?? 'missing'}`);
      problems.push(`row counts differ from the manifest: ${named.join(', ')}`);
    }
    if (JSON.stringify(facts.auditHead) !== JSON.stringify(expected.auditHead)) {
      problems.push(`the audit trail ends at entry ${facts.auditHead?.seq ?? 0}, the manifest says ${expected.auditHead?.seq ?? 0}`);
    }
    return problems;
  } finally {
    db.close();
  }
}
