/**
 * Restoring a backup into a folder (the restore drill, and the check after every backup): decrypt with every
 * chunk authenticated, seal the audit anchor at the manifest's audit head, then check the copy (integrity, schema,
 * audit chain, manifest). A copy that does not check out is removed and refused with its reasons.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeAnchor } from '../../../db/auditAnchor';
import { checkRestoredFolder } from '../../../db/checkRestored';
import type { CheckReply, CheckRequest } from '../../../db/checkWorker';
import type { DatabaseFacts } from '../../../db/databaseFacts';
import { snapshotFacts, snapshotToFile } from '../../../db/snapshot';
import { BackupFileError, decryptBackupFile, type BackupManifest } from './archive';

/** Checks a restored folder against the manifest's facts; resolves to the problems found (empty: it checks out). */
export type RestoredCheck = (dir: string, expected: DatabaseFacts) => Promise<string[]>;

/** The slow work of a backup: the snapshot of the live file, its manifest facts, and the check of a restored copy. */
export interface BackupChecks {
  snapshot(liveFile: string, file: string): Promise<{ bytes: number }>;
  facts(file: string): Promise<DatabaseFacts>;
  restored: RestoredCheck;
}

/** In this thread (the command-line tool and tests, where nothing else waits). */
export const checksHere = (auditKey: Buffer, nativeBinding?: string): BackupChecks => ({
  snapshot: async (liveFile, file) => snapshotToFile(liveFile, file, auditKey, nativeBinding),
  facts: async (file) => snapshotFacts(file, auditKey, nativeBinding),
  restored: async (dir, expected) => checkRestoredFolder(dir, auditKey, expected, nativeBinding),
});

/** In a thread of their own (dist/db-check.mjs): the app's main process and database worker keep running. */
export function checksInWorker(workerFile: URL, auditKey: Buffer, nativeBinding?: string): BackupChecks {
  const inThread = <T>(request: CheckRequest) =>
    new Promise<T>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: request });
      worker.once('message', (reply: CheckReply) => (reply.ok ? resolve(reply.value as T) : reject(new Error(reply.error))));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the backup check thread stopped (exit code ${code})`)));
    });
  return {
    snapshot: (liveFile, file) => inThread<{ bytes: number }>({ task: 'snapshot', liveFile, file, auditKey, nativeBinding }),
    facts: (file) => inThread<DatabaseFacts>({ task: 'facts', file, auditKey, nativeBinding }),
    restored: (dir, expected) => inThread<string[]>({ task: 'check', dir, auditKey, expected, nativeBinding }),
  };
}

const DATABASE = 'clinic.sqlite';
const ANCHOR = 'audit.anchor';
const PARTIAL = '.clinic.sqlite.restoring';

/**
 * Restores `backupFile` into `toDir` (created if missing; refused if it already holds a clinic database) and checks
 * it. Returns the manifest; throws BackupFileError naming every reason when the backup or the copy is not right.
 */
export async function restoreBackup(backupFile: string, toDir: string, secret: Buffer, check: RestoredCheck): Promise<BackupManifest> {
  mkdirSync(toDir, { recursive: true, mode: 0o700 });
  if (existsSync(join(toDir, DATABASE))) throw new BackupFileError(`${toDir} already holds a ${DATABASE}: restore into an empty folder`);
  const partial = join(toDir, PARTIAL);
  rmSync(partial, { force: true });
  const remove = () => {
    for (const name of [PARTIAL, DATABASE, ANCHOR, `${ANCHOR}.tmp`]) rmSync(join(toDir, name), { force: true });
  };
  try {
    const manifest = await decryptBackupFile(backupFile, secret, partial);
    renameSync(partial, join(toDir, DATABASE));
    if (manifest.auditHead) writeAnchor(join(toDir, ANCHOR), secret, manifest.auditHead);
    const problems = await check(toDir, manifest);
    if (problems.length > 0) throw new BackupFileError(`the restored copy does not check out: ${problems.join('; ')}`);
    return manifest;
  } catch (err) {
    remove();
    throw err;
  }
}

/** A restored folder that nobody needs any more (the check after writing a backup). */
export function removeRestored(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Names in `dir` that a killed backup or restore can leave behind. */
export function leftovers(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => pattern.test(n));
}
