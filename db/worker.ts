/**
 * The database worker thread: the only thread that runs SQL, so a slow query never stalls the UI or the serial
 * links. One connection, one writer. Messages: {id, method, args} in; {id, ok, value | error} out.
 */
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createDbApi, type DbApi } from './api';
import { createAuditLog, type AuditLog } from './audit';
import { isPlainDatabase } from './cipher';
import { encryptPlainDatabase, removeUnfinishedEncryption } from './encryptPlain';
import { lockDataFolder, type FolderLock } from './folderLock';
import { DatabaseDamagedError, DEFAULT_INTEGRITY_SCHEDULE, markDamaged, watchIntegrity, type IntegrityReport, type IntegritySchedule } from './integrity';
import { deriveKey } from './keys';
import { closeDatabase, openDatabase, type DB } from './open';

const SLOW_QUERY_MS = 40;

export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown[];
}
/** code: SQLite's extended result code (SQLITE_BUSY, SQLITE_IOERR_WRITE …) when SQLite failed. */
export interface WorkerError {
  name: string;
  message: string;
  code?: string;
}
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerError };
export interface WorkerData {
  file: string;
  nativeBinding?: string;
  /** The audit key, never read from beside the database (electron/services/auditKey.ts); the database key derives from it. */
  auditKey: Uint8Array;
  /** When the background integrity check runs (db/integrity.ts); tests shorten it. */
  integrity?: IntegritySchedule;
}
/** Said by the worker on its own after each integrity check; with a problem it writes nothing from then on. */
export interface WorkerNotice {
  integrity: IntegrityReport;
}
/** Before ready: progress lines of a one-time encryption of a plain database (db/encryptPlain.ts). */
export type WorkerStartup = { ready: true } | { ready: false; error: { name: string; message: string } } | { progress: string };

/** The database opened, migrated and checked, and its audit trail's end checked with the audit key. */
function openChecked(auditKey: Buffer, auditAnchorFile: string, key?: Buffer): { db: DB; log: AuditLog } {
  const opened = openDatabase(file, { nativeBinding, key });
  const log = createAuditLog(opened, auditKey, auditAnchorFile);
  const problem = log.checkAtOpen();
  if (problem) {
    opened.close();
    throw Object.assign(new Error(`The audit trail does not check out: ${problem}. The database was not opened.`), { name: 'AuditCheckError' });
  }
  return { db: opened, log };
}

if (!parentPort) throw new Error('db/worker.ts must run as a worker thread');
const port = parentPort;
const { file, nativeBinding, auditKey: keyBytes, integrity } = workerData as WorkerData;
/** Beside this file once built (scripts/build.mjs). */
const INTEGRITY_WORKER = new URL('./db-integrity-worker.mjs', import.meta.url);

let api: DbApi;
let db: DB;
let folderLock: FolderLock | undefined;
/** Keeps the sealed anchor (beside the database) at the last committed audit entry. */
let anchorKeeper: AuditLog;
let stopIntegrityChecks: () => Promise<void> = async () => {};
/** The damage the integrity check found (then every write is refused), null while the file is sound. */
let damaged: string | null = null;

function stopWriting(problem: string): void {
  if (damaged !== null) return;
  damaged = problem;
  console.error(`db: the database file is damaged: ${problem}`);
  try {
    markDamaged(file, problem);
  } catch (err) {
    console.error(`db: could not mark the database damaged: ${(err as Error).message}`);
  }
  db.pragma('query_only = ON');
  port.postMessage({ integrity: { problem } } satisfies WorkerNotice);
}
try {
  const dir = dirname(file);
  // Before the database is opened or migrated: a second app on this folder stops here having written nothing.
  folderLock = lockDataFolder(dir, nativeBinding);
  const auditKey = Buffer.from(keyBytes);
  const auditAnchorFile = join(dir, 'audit.anchor');
  // Derived here so the key itself never travels in a message; it reaches SQLite only through sqlite3_key.
  const databaseKey = deriveKey(auditKey, 'database');
  removeUnfinishedEncryption(file);
  if (isPlainDatabase(file)) {
    // Checked with the audit key first: a wrong key must not encrypt the record with a key nobody keeps.
    closeDatabase(openChecked(auditKey, auditAnchorFile).db);
    encryptPlainDatabase(file, databaseKey, (line) => port.postMessage({ progress: line } satisfies WorkerStartup), nativeBinding);
  }
  ({ db, log: anchorKeeper } = openChecked(auditKey, auditAnchorFile, databaseKey));
  api = createDbApi(db, { auditKey, auditAnchorFile });
  anchorKeeper.syncAnchor();
  stopIntegrityChecks = watchIntegrity(INTEGRITY_WORKER, { file, nativeBinding, auditKey: keyBytes, schedule: integrity ?? DEFAULT_INTEGRITY_SCHEDULE }, (r) => {
    if (r.problem !== null) stopWriting(r.problem);
    else port.postMessage({ integrity: { problem: damaged } } satisfies WorkerNotice);
  });
  port.postMessage({ ready: true } satisfies WorkerStartup);
} catch (err) {
  const e = err as Error;
  // E.g. a database from a newer version: free the folder at once, the process may try another start.
  folderLock?.release();
  port.postMessage({ ready: false, error: { name: e.name, message: e.message } } satisfies WorkerStartup);
  process.exit(1);
}

function failure(id: number, err: unknown): WorkerReply {
  const e = err as Error & { code?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  // SQLite itself may meet the damage first (a read of a broken page): the same stop as the background check.
  if (code !== undefined && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) stopWriting(e.message);
  // A write refused because of the damage says so (a rule's refusal keeps its own words).
  const reason = damaged !== null && /^SQLITE_(READONLY|CORRUPT|NOTADB)/.test(code ?? '') ? new DatabaseDamagedError(damaged) : null;
  if (reason) return { id, ok: false, error: { name: reason.name, message: reason.message, code: reason.code } };
  return { id, ok: false, error: { name: e.name, message: e.message, code } };
}

function answer(reply: WorkerReply): void {
  // The anchor follows the commit before the caller hears of it.
  try {
    anchorKeeper.syncAnchor();
  } catch (err) {
    // The change is committed; the anchor lags until the next call writes it (a lag is harmless, a cut still shows).
    console.error(`db: could not write the audit anchor: ${(err as Error).message}`);
  }
  port.postMessage(reply);
}

port.on('message', (msg: WorkerRequest | 'close') => {
  if (msg === 'close') {
    void stopIntegrityChecks().finally(() => {
      closeDatabase(db);
      folderLock?.release();
      port.close();
    });
    return;
  }
  const started = performance.now();
  let value: unknown;
  try {
    if (!Object.hasOwn(api, msg.method)) throw new Error(`unknown database call ${msg.method}`);
    const fn = api[msg.method as keyof DbApi] as (...args: unknown[]) => unknown;
    value = fn(...msg.args);
  } catch (err) {
    answer(failure(msg.id, err));
    return;
  }
  // A call that works in slices (audit verification) answers when done; other calls are served between its slices.
  if (value instanceof Promise) {
    value.then((v: unknown) => answer({ id: msg.id, ok: true, value: v }), (err: unknown) => answer(failure(msg.id, err)));
    return;
  }
  answer({ id: msg.id, ok: true, value });
  const ms = performance.now() - started;
  if (ms > SLOW_QUERY_MS) console.warn(`db: slow call ${msg.method} took ${ms.toFixed(0)} ms`);
});
