/** Backup runs (outcome of each), restores to a folder and the backup settings; what a person does is audited with it. */
import type { AuditLog } from '../audit';
import type { DB } from '../open';

export interface BackupRun {
  id: number;
  startedAt: number;
  finishedAt: number;
  /** null: the schedule started it. */
  requestedBy: number | null;
  targetDir: string;
  fileName: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  outcome: 'verified' | 'failed';
  problem: string | null;
}

export type NewBackupRun = Omit<BackupRun, 'id'>;

const COLUMNS = `id, started_at AS startedAt, finished_at AS finishedAt, requested_by AS requestedBy, target_dir AS targetDir,
  file_name AS fileName, size_bytes AS sizeBytes, sha256, outcome, problem`;

export function createBackupRunsRepo(db: DB, audit: AuditLog) {
  const insert = db.prepare(`INSERT INTO backup_runs (started_at, finished_at, requested_by, target_dir, file_name, size_bytes, sha256, outcome, problem)
    VALUES (@startedAt, @finishedAt, @requestedBy, @targetDir, @fileName, @sizeBytes, @sha256, @outcome, @problem)`);
  const recent = db.prepare(`SELECT ${COLUMNS} FROM backup_runs ORDER BY id DESC LIMIT ?`);
  const insertSetting = db.prepare('INSERT INTO backup_settings (key, value, reason, set_at, set_by) VALUES (?, ?, ?, ?, ?)');
  const settings = db.prepare(`SELECT key, value, reason, set_at AS at, set_by AS userId FROM backup_settings
    WHERE id IN (SELECT max(id) FROM backup_settings GROUP BY key)`);
  const firstAudit = db.prepare('SELECT min(at) FROM audit_log').pluck();
  const lastVerified = db.prepare(`SELECT ${COLUMNS} FROM backup_runs WHERE outcome = 'verified' ORDER BY finished_at DESC, id DESC LIMIT 1`);
  return {
    recordBackupRun: db.transaction((run: NewBackupRun): number => {
      const id = Number(insert.run(run).lastInsertRowid);
      const { startedAt: _s, finishedAt: at, requestedBy: userId, ...detail } = run;
      audit.append({ at, userId, action: run.outcome === 'verified' ? 'backup.written' : 'backup.failed', entity: 'backupRun', entityId: id, detail });
      return id;
    }),
    backupRuns: (limit: number) => recent.all(limit) as BackupRun[],
    /** When the installation began (its first audit entry): the clock of the first backup and of the warning. */
    installedAt: () => (firstAudit.get() as number | null) ?? null,
    lastVerifiedBackup: () => (lastVerified.get() as BackupRun | undefined) ?? null,
    /** The change in force per key the administrator changed (defaults live in core/backup/settings.ts). */
    backupSettingChanges: () =>
      (settings.all() as { key: string; value: string; reason: string; at: number; userId: number }[]).map((r) => ({ ...r, value: JSON.parse(r.value) as unknown })),
    setBackupSetting: db.transaction((actor: { userId: number; at: number }, key: string, value: unknown, previous: unknown, reason: string) => {
      const id = Number(insertSetting.run(key, JSON.stringify(value), reason, actor.at, actor.userId).lastInsertRowid);
      audit.append({ at: actor.at, userId: actor.userId, action: 'backupSetting.changed', entity: 'backupSetting', entityId: id, detail: { key, previous, value, reason } });
    }),
    /** A person restored a backup to a folder (the restore drill): who, which file, where, and how it checked out. */
    recordBackupRestore: db.transaction((actor: { userId: number; at: number }, detail: { fileName: string; toDir: string; outcome: 'restored' | 'failed'; problem: string | null }) => {
      audit.append({ at: actor.at, userId: actor.userId, action: 'backup.restoredToFolder', entity: 'backupRun', entityId: null, detail });
    }),
  };
}
