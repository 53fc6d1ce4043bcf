/**
 * The main thread's handle on the database worker: the same calls as DbApi, as promises.
 * A failed write rejects its promise with the worker's error; callers decide how to alarm.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../core/api/envelope';
import { problem } from '../core/messages';
import type { DbApi, DbMethod } from './api';
import type { IntegrityReport, IntegritySchedule } from './integrity';
import type { WorkerData, WorkerError, WorkerNotice, WorkerReply, WorkerStartup } from './worker';

/** SQLite result codes (extended codes start with the primary one) that mean the storage failed, not a rule. */
const STORAGE_FAILURE = /^SQLITE_(IOERR|FULL|READONLY|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|NOMEM|PROTOCOL)/;

/** A storage failure becomes AppError STORAGE (its own envelope code); a rule's refusal keeps SQLite's name. */
export function dbError(e: WorkerError): Error {
  if (e.code !== undefined && STORAGE_FAILURE.test(e.code)) return storageFailure(`${e.code}: ${e.message}`);
  return Object.assign(new Error(e.message), { name: e.name });
}

function storageFailure(detail: string): AppError {
  return new AppError('STORAGE', `database failure: ${detail}`, [problem('storage.failed', { detail })]);
}

export class DbClient {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closed = false;
  private integrityListeners = new Set<(report: IntegrityReport) => void>();
  /** The damage the background integrity check found (db/integrity.ts); null while none was found. */
  damaged: string | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply | WorkerNotice) => {
      if ('integrity' in reply) {
        this.damaged = reply.integrity.problem;
        for (const listener of this.integrityListeners) listener(reply.integrity);
        return;
      }
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(dbError(reply.error));
    });
    worker.on('error', (err) => this.failAll(storageFailure(`the database worker failed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.closed) this.failAll(storageFailure(`the database worker stopped (exit code ${code})`));
    });
  }

  /**
   * Starts the worker (built file dist/db-worker.mjs) and waits until the database is open, migrated, its schema
   * checked and its audit trail's end checked with `auditKey`. A database written before encryption at rest is
   * encrypted first, telling `onProgress` each step.
   */
  static open(
    workerFile: string | URL,
    file: string,
    options: { auditKey: Buffer; nativeBinding?: string; integrity?: IntegritySchedule; onProgress?: (line: string) => void },
  ): Promise<DbClient> {
    const workerData: WorkerData = { file, nativeBinding: options.nativeBinding, auditKey: options.auditKey, integrity: options.integrity };
    const worker = new Worker(workerFile, { workerData });
    return new Promise((resolve, reject) => {
      const starting = (msg: WorkerStartup) => {
        if ('progress' in msg) return options.onProgress?.(msg.progress);
        worker.off('message', starting);
        if (msg.ready) resolve(new DbClient(worker));
        else reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
      };
      worker.on('message', starting);
      worker.once('error', reject);
    });
  }

  call<M extends DbMethod>(method: M, ...args: Parameters<DbApi[M]>): Promise<Awaited<ReturnType<DbApi[M]>>> {
    if (this.closed) return Promise.reject(storageFailure('the database is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  /** Told after every background integrity check; with a problem the worker refuses every write (db/integrity.ts). */
  onIntegrity(listener: (report: IntegrityReport) => void): () => void {
    this.integrityListeners.add(listener);
    return () => this.integrityListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exited = new Promise((r) => this.worker.once('exit', r));
    this.worker.postMessage('close');
    await exited;
  }

  private failAll(err: AppError) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
