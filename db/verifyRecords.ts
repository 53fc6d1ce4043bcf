/** Recomputes the content hash of every signed session of a clinic database (read-only connection, no migration). */
import { join } from 'node:path';
import { openClinicFile } from './open';
import { createRecordSeal, type SessionRecordCheck } from './recordSeal';
import { createVitalsRepo } from './repos/vitals';

export interface RecordsVerification {
  /** Signed sessions checked (0 when the database predates content hashes, migration 0060). */
  checked: number;
  /** Sessions whose record differs from what was signed, each difference in words. */
  changed: SessionRecordCheck[];
}

export function verifyRecordsInDataDir(dataDir: string, auditKey: Buffer): RecordsVerification {
  const db = openClinicFile(join(dataDir, 'clinic.sqlite'), auditKey, { readonly: true });
  try {
    if ((db.pragma('user_version', { simple: true }) as number) < 60) return { checked: 0, changed: [] };
    const checks = createRecordSeal(db, createVitalsRepo(db).samples, auditKey).checkAll();
    return { checked: checks.length, changed: checks.filter((c) => c.status === 'changed') };
  } finally {
    db.close();
  }
}
