/**
 * Runs checkRestoredFolder in its own thread (built as dist/db-check.mjs): a full integrity check of a large
 * restored database takes seconds, and neither the main process (serial links) nor the database worker (vitals
 * writes) may wait for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseFacts } from './databaseFacts';
import { checkRestoredFolder } from './checkRestored';

export interface CheckRequest {
  dir: string;
  auditKey: Uint8Array;
  expected: DatabaseFacts;
  nativeBinding?: string;
}
export type CheckReply = { ok: true; problems: string[] } | { ok: false; error: string };

const { dir, auditKey, expected, nativeBinding } = workerData as CheckRequest;
let reply: CheckReply;
try {
  reply = { ok: true, problems: checkRestoredFolder(dir, Buffer.from(auditKey), expected, nativeBinding) };
} catch (err) {
  reply = { ok: false, error: (err as Error).message };
}
parentPort!.postMessage(reply);
