/**
 * Backups and the restore drill (issue 15): the state (last verified backup, warning when it is too old), the
 * files in the target folder, a backup now, restoring one into a folder, and the administrator's settings.
 * Backups are an administrator's job; a physician may start one before a risky change too.
 */
import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { EpochMs, Id } from '../schemas';

const OneLine = z.string().regex(/^[^\0\r\n]*$/, 'one line of text');
const Folder = OneLine.trim().max(260);
/** A backup file's name as the app writes it: no path, nothing else in the folder can be named. */
export const BackupFileName = z.string().regex(/^backup-\d{8}-\d{6}-\d{3}Z\.ibak$/, 'a backup file name of this app');

export const BackupRun = z.object({
  id: Id,
  startedAt: EpochMs,
  finishedAt: EpochMs,
  requestedBy: Id.nullable(),
  targetDir: z.string(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  sha256: z.string().nullable(),
  outcome: z.enum(['verified', 'failed']),
  problem: z.string().nullable(),
});

export const BackupSettings = z.object({
  /** The target folder in force (the default resolved to its real place). */
  folder: z.string(),
  intervalHours: z.number().int(),
  warnAfterHours: z.number().int(),
});

export const BackupSettingRow = z.object({
  key: z.enum(['folder', 'intervalHours', 'warnAfterHours']),
  value: z.union([z.string(), z.number()]),
  defaultValue: z.union([z.string(), z.number()]),
  unit: z.string().nullable(),
  /** Where the value comes from: the default's reason, or who changed it and why. */
  source: z.string(),
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
});

export const BackupStatus = z.object({
  settings: BackupSettings,
  lastVerified: BackupRun.nullable(),
  lastRun: BackupRun.nullable(),
  /** A backup is being written now. */
  running: z.boolean(),
  /** No verified backup, or the last one is older than warnAfterHours. */
  warning: z.boolean(),
  nextDueAt: EpochMs,
});

export const BackupFile = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** From the authenticated manifest; null when the file cannot be read. */
  createdAt: EpochMs.nullable(),
  schemaVersion: z.number().int().nullable(),
  appVersion: z.string().nullable(),
  auditEntries: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  /** 'verified': restored and checked right after writing; 'readable': its manifest authenticates (no record of the check); 'damaged': refused. */
  state: z.enum(['verified', 'readable', 'damaged']),
  problem: z.string().nullable(),
});

export const backupsMethods = methodTable({
  'backups.status': { access: ['admin', 'physician'], input: z.strictObject({}), output: BackupStatus },
  'backups.list': { access: ['admin'], input: z.strictObject({}), output: z.array(BackupFile) },
  'backups.runs': { access: ['admin'], input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }), output: z.array(BackupRun) },
  'backups.runNow': { access: ['admin', 'physician'], input: z.strictObject({}), output: BackupRun },
  'backups.restore': {
    access: ['admin'],
    input: z.strictObject({ fileName: BackupFileName, toDir: Folder.min(1) }),
    output: z.object({ toDir: z.string(), createdAt: EpochMs, rows: z.number().int(), auditEntries: z.number().int() }),
  },
  'backups.settings': { access: ['admin'], input: z.strictObject({}), output: z.array(BackupSettingRow) },
  'backups.configure': {
    access: ['admin'],
    input: z.strictObject({
      folder: Folder.optional(),
      intervalHours: z.number().int().optional(),
      warnAfterHours: z.number().int().optional(),
      reason: OneLine.trim().min(1).max(500),
    }),
    output: z.array(BackupSettingRow),
  },
});

export const backupsEvents = {
  /** A backup started or ended, or the settings changed: the backup screen and the status badge reload. */
  'backups.changed': z.object({ running: z.boolean() }),
};
