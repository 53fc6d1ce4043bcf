/**
 * Backups (issue 15): on schedule (every intervalHours after the last verified one) and on demand. One run: an
 * online snapshot in the database worker (vitals keep being written), encrypted into `.backup-….partial` in the
 * target folder, restored to a temporary place in the data folder and checked, and only then renamed to its name;
 * then the rotation. Plain copies live only in the data folder (0600) and are removed after the run, or at the next
 * start after a kill. Each run's outcome is stored (and audited) in the database.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { BackupSettings } from '../../../core/backup/settings';
import type { DbClient } from '../../../db/client';
import type { BackupRun } from '../../../db/repos/backupRuns';
import type { EventBus } from '../eventBus';
import { writeBackupFile } from './archive';
import { backupFileName, partialName, removePartials, rotate } from './backupFolder';
import { loadBackupSettings } from './backupSettings';
import { refusal } from './refusal';
import { leftovers, removeRestored, restoreBackup, type BackupChecks } from './restore';

const HOUR_MS = 3_600_000;
/** After a failed run the schedule tries again an hour later (a network share may be back by then). */
const RETRY_MS = HOUR_MS;
/** Plain copies in the data folder: the snapshot and the restored check copy. */
const PLAIN_LEFTOVER = /^\.backup-(snapshot|check)-/;

export interface BackupServiceOptions {
  db: DbClient;
  bus: EventBus;
  dataDir: string;
  /** The installation's secret kept outside the data folder (the audit key); backup keys are derived from it. */
  secret: Buffer;
  appVersion: string;
  checks: BackupChecks;
  now?: () => number;
  log?: (line: string) => void;
}

export class BackupService {
  private running: Promise<BackupRun> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly o: BackupServiceOptions) {
    this.now = o.now ?? Date.now;
    this.log = o.log ?? ((line) => console.error(line));
    // A backup killed mid-way left a plain copy here: health data, removed before anything else.
    for (const name of leftovers(o.dataDir, PLAIN_LEFTOVER)) rmSync(join(o.dataDir, name), { recursive: true, force: true });
  }

  settings(): Promise<BackupSettings> {
    return loadBackupSettings(this.o.db, this.o.dataDir).then((s) => s.values);
  }

  /** Checks every `checkEveryMs` whether a backup is due. */
  start(checkEveryMs = 60_000): void {
    this.timer = setInterval(() => void this.runIfDue(), checkEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  /** When the next scheduled backup is due: intervalHours after the last verified one (or after installation). */
  async nextDueAt(): Promise<number> {
    const [settings, last, runs, installedAt] = await Promise.all([
      this.settings(),
      this.o.db.call('lastVerifiedBackup'),
      this.o.db.call('backupRuns', 1),
      this.o.db.call('installedAt'),
    ]);
    const due = (last?.finishedAt ?? installedAt ?? this.now()) + settings.intervalHours * HOUR_MS;
    const lastRun = runs[0];
    return lastRun?.outcome === 'failed' ? Math.max(due, lastRun.finishedAt + RETRY_MS) : due;
  }

  async runIfDue(): Promise<void> {
    if (this.running || (await this.nextDueAt()) > this.now()) return;
    const run = await this.run(null).catch((err: Error) => this.log(`backup: ${err.message}`));
    if (run && run.outcome === 'failed') this.log(`backup failed: ${run.problem}`);
  }

  /** Writes, checks and rotates one backup; `requestedBy` null for the schedule. A second request while one runs is refused. */
  run(requestedBy: number | null): Promise<BackupRun> {
    if (this.running) return Promise.reject(refusal('REFUSED', 'backup.running'));
    const running = this.write(requestedBy).finally(() => {
      this.running = null;
      this.o.bus.emit('backups.changed', { running: false });
    });
    this.running = running;
    this.o.bus.emit('backups.changed', { running: true });
    return running;
  }

  private async write(requestedBy: number | null): Promise<BackupRun> {
    const startedAt = this.now();
    const { folder } = await this.settings();
    const fileName = backupFileName(startedAt);
    const stamp = fileName.slice(7, 26);
    const snapshot = join(this.o.dataDir, `.backup-snapshot-${stamp}.sqlite`);
    const checkDir = join(this.o.dataDir, `.backup-check-${stamp}`);
    const partial = join(folder, partialName(fileName));
    let result: Omit<BackupRun, 'id' | 'startedAt' | 'finishedAt' | 'requestedBy' | 'targetDir'>;
    try {
      mkdirSync(folder, { recursive: true });
      removePartials(folder);
      await this.o.checks.snapshot(join(this.o.dataDir, 'clinic.sqlite'), snapshot);
      let written: Awaited<ReturnType<typeof writeBackupFile>>;
      try {
        const facts = await this.o.checks.facts(snapshot);
        written = await writeBackupFile(snapshot, { createdAt: startedAt, appVersion: this.o.appVersion, ...facts }, partial, this.o.secret);
      } finally {
        rmSync(snapshot, { force: true });
      }
      try {
        await restoreBackup(partial, checkDir, this.o.secret, this.o.checks.restored);
      } finally {
        removeRestored(checkDir);
      }
      renameSync(partial, join(folder, fileName));
      const gone = rotate(folder);
      if (gone.length > 0) this.log(`backup: rotation removed ${gone.join(', ')}`);
      result = { fileName, sizeBytes: written.fileBytes, sha256: written.fileSha256, outcome: 'verified', problem: null };
    } catch (err) {
      rmSync(partial, { force: true });
      rmSync(snapshot, { force: true });
      result = { fileName: null, sizeBytes: null, sha256: null, outcome: 'failed', problem: describeFailure(err as NodeJS.ErrnoException, folder) };
    }
    const run = { startedAt, finishedAt: Math.max(startedAt, this.now()), requestedBy, targetDir: folder, ...result };
    const id = await this.o.db.call('recordBackupRun', run);
    return { id, ...run };
  }

  /** Restores a backup of the target folder into `toDir` (empty, outside the data folder) and checks it. */
  async restoreTo(fileName: string, toDir: string, userId: number) {
    if (!isAbsolute(toDir)) throw refusal('BAD_INPUT', 'backup.restoreDirNotFullPath', { dir: toDir });
    const inData = relative(resolve(this.o.dataDir), resolve(toDir));
    if (!inData.startsWith('..') && !isAbsolute(inData)) {
      throw refusal('REFUSED', 'backup.restoreIntoDataFolder');
    }
    const { folder } = await this.settings();
    const at = this.now();
    try {
      const m = await restoreBackup(join(folder, fileName), toDir, this.o.secret, this.o.checks.restored);
      await this.o.db.call('recordBackupRestore', { userId, at }, { fileName, toDir, outcome: 'restored', problem: null });
      const rows = Object.values(m.rowCounts).reduce((a, b) => a + b, 0);
      return { toDir, createdAt: m.createdAt, rows, auditEntries: m.auditHead?.seq ?? 0 };
    } catch (err) {
      const problem = describeFailure(err as NodeJS.ErrnoException, toDir);
      await this.o.db.call('recordBackupRestore', { userId, at }, { fileName, toDir, outcome: 'failed', problem });
      throw refusal('REFUSED', 'backup.notRestored', { file: fileName, reason: problem });
    }
  }
}

/** One line for the run's record and the screen; a full disk and a missing share are named as such. */
function describeFailure(err: NodeJS.ErrnoException, folder: string): string {
  if (err.code === 'ENOSPC') return `the folder ${folder} is full (no space left on the device); nothing half-written was kept`;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `the app may not write to ${folder} (${err.code})`;
  if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return `the folder ${folder} is not reachable (${err.message})`;
  return err.message;
}
