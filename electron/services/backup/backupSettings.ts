/** The backup settings in force: the defaults of core/backup/settings.ts merged with the administrator's changes. */
import { isAbsolute, resolve, sep } from 'node:path';
import { BACKUP_DEFAULTS, type BackupSettingKey, type BackupSettings } from '../../../core/backup/settings';
import type { DbClient } from '../../../db/client';
import { refusal } from './refusal';

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
      throw refusal('BAD_INPUT', 'backup.folderNotFullPath', { folder });
    }
    if (folder !== '' && (resolve(folder) === resolve(dataDir) || resolve(folder).startsWith(`${resolve(dataDir)}${sep}`))) {
      throw refusal('BAD_INPUT', 'backup.folderInDataFolder');
    }
    return;
  }
  const range = BACKUP_DEFAULTS[key].range;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw refusal('BAD_INPUT', 'backup.settingOutOfRange', { setting: key, min: range.min, max: range.max });
  }
}
