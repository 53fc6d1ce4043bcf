/**
 * The target folder of the backups: the names the app writes (UTC time to the millisecond, so they sort by age),
 * what a killed backup can leave there (a `.partial` file, never under a backup's name), and the rotation.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupsToKeep } from '../../../core/backup/settings';

const NAME = /^backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})Z\.ibak$/;
/** A backup being written: renamed to its name only after it was restored and checked. */
export const PARTIAL = /^\.backup-.*\.partial$/;

export function backupFileName(at: number): string {
  const iso = new Date(at).toISOString(); // 2026-12-03T02:00:00.000Z
  return `backup-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}Z.ibak`;
}

export const partialName = (fileName: string) => `.${fileName}.partial`;

/** The time in a backup's name, or null for any other file. */
export function backupTime(fileName: string): number | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
}

/** The app's backups in the folder, newest first, with their size. */
export function backupFiles(dir: string): { fileName: string; at: number; sizeBytes: number }[] {
  return readdirSync(dir)
    .map((fileName) => ({ fileName, at: backupTime(fileName) }))
    .filter((f): f is { fileName: string; at: number } => f.at !== null)
    .map((f) => ({ ...f, sizeBytes: statSync(join(dir, f.fileName)).size }))
    .sort((a, b) => b.at - a.at);
}

/** Removes what a killed backup left in the target folder. */
export function removePartials(dir: string): void {
  for (const name of readdirSync(dir)) if (PARTIAL.test(name)) rmSync(join(dir, name), { force: true });
}

/** Deletes the backups the rotation does not keep (core/backup/settings.ts); returns their names. */
export function rotate(dir: string): string[] {
  const files = backupFiles(dir);
  const keep = backupsToKeep(files.map((f) => f.at));
  const gone = files.filter((f) => !keep.has(f.at)).map((f) => f.fileName);
  for (const name of gone) rmSync(join(dir, name), { force: true });
  return gone;
}
