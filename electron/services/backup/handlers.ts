/** The backup calls: state, files, runs, a backup now, restore into a folder, and the settings with their sources. */
import { join } from 'node:path';
import { BACKUP_DEFAULTS, type BackupSettingKey } from '../../../core/backup/settings';
import type { DbClient } from '../../../db/client';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { EventBus } from '../eventBus';
import { readBackupManifest } from './archive';
import { backupFiles } from './backupFolder';
import type { BackupService } from './backupService';
import { refusal } from './refusal';
import { checkBackupSetting, loadBackupSettings } from './backupSettings';

export type BackupsMethods = 'backups.status' | 'backups.list' | 'backups.runs' | 'backups.runNow' | 'backups.restore' | 'backups.settings' | 'backups.configure';

const HOUR_MS = 3_600_000;
const KEYS = Object.keys(BACKUP_DEFAULTS) as BackupSettingKey[];

export function createBackupHandlers(o: { db: DbClient; bus: EventBus; backups: BackupService; dataDir: string; secret: Buffer; now?: () => number }): HandlersFor<BackupsMethods> {
  const now = o.now ?? Date.now;
  const settingRows = async () => {
    const { values, changes } = await loadBackupSettings(o.db, o.dataDir);
    const users = new Map((await o.db.call('listUsers')).map((u) => [u.id, u.displayName]));
    return KEYS.map((key) => {
      const d = BACKUP_DEFAULTS[key];
      const c = changes.find((x) => x.key === key);
      return {
        key,
        value: values[key],
        defaultValue: d.value,
        unit: 'unit' in d ? d.unit : null,
        source: c ? `changed by ${users.get(c.userId) ?? `user ${c.userId}`}: ${c.reason} (default: ${d.source})` : d.source,
        range: 'range' in d ? { min: d.range.min, max: d.range.max } : null,
      };
    });
  };
  return {
    'backups.status': async () => {
      const [settings, lastVerified, runs, installedAt, nextDueAt] = await Promise.all([
        o.backups.settings(),
        o.db.call('lastVerifiedBackup'),
        o.db.call('backupRuns', 1),
        o.db.call('installedAt'),
        o.backups.nextDueAt(),
      ]);
      const since = lastVerified?.finishedAt ?? installedAt ?? now();
      return { settings, lastVerified, lastRun: runs[0] ?? null, running: o.backups.isRunning(), warning: now() - since > settings.warnAfterHours * HOUR_MS, nextDueAt };
    },
    'backups.list': async () => {
      const { folder } = await o.backups.settings();
      const runs = await o.db.call('backupRuns', 500);
      const verified = new Set(runs.filter((r) => r.outcome === 'verified').map((r) => r.fileName));
      let files: ReturnType<typeof backupFiles>;
      try {
        files = backupFiles(folder);
      } catch (err) {
        // Before the first run the folder is not there yet: no backups, not an error (the run creates it). Once a
        // backup ran, a missing folder (a disk not mounted) stays loud.
        const notYet = (err as NodeJS.ErrnoException).code === 'ENOENT' && runs.length === 0;
        if (!notYet) throw refusal('STORAGE', 'backup.folderUnreadable', { folder, reason: (err as Error).message });
        files = [];
      }
      return Promise.all(
        files.map(async (f) => {
          try {
            const m = await readBackupManifest(join(folder, f.fileName), o.secret);
            return {
              fileName: f.fileName,
              sizeBytes: f.sizeBytes,
              createdAt: m.createdAt,
              schemaVersion: m.schemaVersion,
              appVersion: m.appVersion,
              auditEntries: m.auditHead?.seq ?? 0,
              rows: Object.values(m.rowCounts).reduce((a, b) => a + b, 0),
              state: verified.has(f.fileName) ? ('verified' as const) : ('readable' as const),
              problem: null,
            };
          } catch (err) {
            const empty = { createdAt: null, schemaVersion: null, appVersion: null, auditEntries: null, rows: null };
            return { fileName: f.fileName, sizeBytes: f.sizeBytes, ...empty, state: 'damaged' as const, problem: (err as Error).message };
          }
        }),
      );
    },
    'backups.runs': ({ limit }) => o.db.call('backupRuns', limit),
    'backups.runNow': (_input, ctx) => o.backups.run(userOf(ctx).id),
    'backups.restore': ({ fileName, toDir }, ctx) => o.backups.restoreTo(fileName, toDir, userOf(ctx).id),
    'backups.settings': () => settingRows(),
    'backups.configure': async ({ reason, ...changes }, ctx) => {
      const { values } = await loadBackupSettings(o.db, o.dataDir);
      const given = KEYS.filter((k) => changes[k] !== undefined);
      if (given.length === 0) throw refusal('BAD_INPUT', 'backup.nothingToChange');
      for (const key of given) checkBackupSetting(key, changes[key]!, o.dataDir);
      const at = now();
      for (const key of given) await o.db.call('setBackupSetting', { userId: userOf(ctx).id, at }, key, changes[key], values[key], reason);
      o.bus.emit('backups.changed', { running: o.backups.isRunning() });
      return settingRows();
    },
  };
}
