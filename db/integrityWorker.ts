/**
 * The integrity checker thread (db/integrity.ts): its own read-only connection runs quick_check on a schedule.
 * WAL lets the writer go on meanwhile; this thread writes nothing. Posts one IntegrityReport per check.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openClinicFile } from './open';
import { quickCheck, type IntegrityReport, type IntegrityWorkerData } from './integrity';

const port = parentPort!;
const { file, nativeBinding, auditKey, schedule } = workerData as IntegrityWorkerData;

function check(): void {
  let report: IntegrityReport;
  try {
    const db = openClinicFile(file, Buffer.from(auditKey), { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      report = { problem: quickCheck(db) };
    } finally {
      db.close();
    }
  } catch (err) {
    // A file SQLite cannot even read as a database is damaged as well.
    const e = err as Error & { code?: string };
    report = { problem: /^SQLITE_(CORRUPT|NOTADB)/.test(e.code ?? '') ? e.message : null };
    if (report.problem === null) console.error(`db: integrity check failed to run: ${e.message}`);
  }
  port.postMessage(report);
  setTimeout(check, schedule.everyMs);
}

setTimeout(check, schedule.firstAfterMs);
