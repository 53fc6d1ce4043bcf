/**
 * The slow work of a backup in a thread of their own (built as dist/db-check.mjs): the snapshot, the manifest facts of a
 * snapshot (row counts of a year of vitals) and the full check of a restored copy take seconds, and neither the
 * main process (serial links) nor the database worker (vitals writes) may wait for them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseFacts } from './databaseFacts';
import { checkRestoredFolder } from './checkRestored';
import { snapshotFacts, snapshotToFile } from './snapshot';

export type CheckRequest =
  | { task: 'snapshot'; liveFile: string; file: string; auditKey: Uint8Array; nativeBinding?: string }
  | { task: 'facts'; file: string; auditKey: Uint8Array; nativeBinding?: string }
  | { task: 'check'; dir: string; auditKey: Uint8Array; expected: DatabaseFacts; nativeBinding?: string };
export type CheckReply = { ok: true; value: unknown } | { ok: false; error: string };

const request = workerData as CheckRequest;
let reply: CheckReply;
try {
  const key = Buffer.from(request.auditKey);
  const value =
    request.task === 'snapshot'
      ? snapshotToFile(request.liveFile, request.file, key, request.nativeBinding)
      : request.task === 'facts'
        ? snapshotFacts(request.file, key, request.nativeBinding)
        : checkRestoredFolder(request.dir, key, request.expected, request.nativeBinding);
  reply = { ok: true, value };
} catch (err) {
  reply = { ok: false, error: (err as Error).message };
}
parentPort!.postMessage(reply);
