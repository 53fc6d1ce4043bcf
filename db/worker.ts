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
const { file, nativeBinding, auditKey: keyBytes } = workerData as WorkerData;

let api: DbApi;
let db: DB;
let folderLock: FolderLock | undefined;
/** Keeps the sealed anchor (beside the database) at the last committed audit entry. */
let anchorKeeper: AuditLog;
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
  port.postMessage({ ready: true } satisfies WorkerStartup);
} catch (err) {
  const e = err as Error;
  // E.g. a database from a newer version: free the folder at once, the process may try another start.
  folderLock?.release();
  port.postMessage({ ready: false, error: { name: e.name, message: e.message } } satisfies WorkerStartup);
  process.exit(1);
}

port.on('message', (msg: WorkerRequest | 'close') => {
  if (msg === 'close') {
    closeDatabase(db);
    folderLock?.release();
    port.close();
    return;
  }
  const started = performance.now();
  let reply: WorkerReply;
  try {
    if (!Object.hasOwn(api, msg.method)) throw new Error(`unknown database call ${msg.method}`);
    const fn = api[msg.method as keyof DbApi] as (...args: unknown[]) => unknown;
    reply = { id: msg.id, ok: true, value: fn(...msg.args) };
  } catch (err) {
    const e = err as Error & { code?: unknown };
    const code = typeof e.code === 'string' ? e.code : undefined;
    reply = { id: msg.id, ok: false, error: { name: e.name, message: e.message, code } };
  }
  // The anchor follows the commit before the caller hears of it.
  try {
    anchorKeeper.syncAnchor();
  } catch (err) {
    // The change is committed; the anchor lags until the next call writes it (a lag is harmless, a cut still shows).
    console.error(`db: could not write the audit anchor: ${(err as Error).message}`);
  }
  port.postMessage(reply);
  const ms = performance.now() - started;
  if (ms > SLOW_QUERY_MS) console.warn(`db: slow call ${msg.method} took ${ms.toFixed(0)} ms`);
});
