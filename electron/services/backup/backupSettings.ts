/** The backup settings in force: the defaults of core/backup/settings.ts merged with the administrator's changes. */
import { isAbsolute, resolve, sep } from 'node:path';
import { AppError } from '../../../core/api/envelope';
import { BACKUP_DEFAULTS, type BackupSettingKey, type BackupSettings } from '../../../core/backup/settings';
import type { DbClient } from '../../../db/client';

export interface BackupSettingsInForce {
  values: BackupSettings;
  changes: { key: string; value: unknown; reason: string; at: number; userId: number }[];
}

/** Where backups go until the administrator names a place: a folder beside the data folder. */
export const defaultFolder = (dataDir: string) => `${resolve(dataDir)}-backups`;

export async function loadBackupSettings(db: DbClient, dataDir: string): Promise<BackupSettingsInForce> {
  const changes = await db.call('backupSettingChanges');
  const values: BackupSettings = { folder: '', intervalHours: BACKUP_DEFAULTS.intervalHours.value, warnAfterHours: BACKUP_DEFAULTS.warnAfterHours.value };
  for (const c of changes) {
    if (c.key === 'folder' && typeof c.value === 'string') values.folder = c.value;
    if ((c.key === 'intervalHours' || c.key === 'warnAfterHours') && typeof c.value === 'number') values[c.key] = c.value;
  }
  if (values.folder === '') values.folder = defaultFolder(dataDir);
  return { values, changes };
}

/** Refuses a value outside its range, or a target folder that is not a full path or lies in the data folder. */
export function checkBackupSetting(key: BackupSettingKey, value: string | number, dataDir: string): void {
  if (key === 'folder') {
    const folder = String(value);
    if (folder !== '' && !isAbsolute(folder)) {
      throw new AppError('BAD_INPUT', `the backup folder must be a full path, not '${folder}'`);
    }
    if (folder !== '' && (resolve(folder) === resolve(dataDir) || resolve(folder).startsWith(`${resolve(dataDir)}${sep}`))) {
      throw new AppError('BAD_INPUT', 'the backup folder must not lie inside the data folder: a backup must survive losing the data folder');
    }
    return;
  }
  const range = BACKUP_DEFAULTS[key].range;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw new AppError('BAD_INPUT', `${key} must be a whole number between ${range.min} and ${range.max} (${range.source})`);
  }
}
