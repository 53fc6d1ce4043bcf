/**
 * The backup settings an administrator can change (target folder, how often, when to warn), each default with
 * its reason in the shape of a clinic setting (core/settings.ts), and the rotation: which backups are kept.
 */
import type { SettingDefault } from '../settings';

export const BACKUP_DEFAULTS = {
  /** '' means the folder "infusion-backups" beside the data folder (the services know where that is). */
  folder: {
    value: '',
    source: 'issue 15: a folder beside the data folder until the administrator names an external disk or network share (a backup on the same disk does not survive that disk)',
  },
  intervalHours: {
    value: 24,
    unit: 'h',
    source: 'issue 15: daily backups (§630f BGB keeps records 10 years; at most one day of documentation at risk)',
    range: { min: 1, max: 168, integer: true, source: 'at least hourly is pointless load, more than weekly puts a week of records at risk' },
  },
  warnAfterHours: {
    value: 36,
    unit: 'h',
    source: 'one missed daily backup plus half a day: a single failed night is noticed the next working day',
    range: { min: 2, max: 336, integer: true, source: 'engineering: between two hours and two weeks' },
  },
} satisfies Record<string, SettingDefault<string | number>>;

export type BackupSettingKey = keyof typeof BACKUP_DEFAULTS;
export interface BackupSettings {
  folder: string;
  intervalHours: number;
  warnAfterHours: number;
}

/** The rotation of issue 15: the newest backup of each of the last 7 days, 4 weeks, 12 months, and of every year. */
export const KEEP = { daily: 7, weekly: 4, monthly: 12 } as const;

const DAY_MS = 86_400_000;
const periods = {
  daily: (t: number) => Math.floor(t / DAY_MS),
  // Weeks start on Monday (1970-01-01 was a Thursday, 3 days after a Monday).
  weekly: (t: number) => Math.floor((Math.floor(t / DAY_MS) + 3) / 7),
  monthly: (t: number) => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth(),
  yearly: (t: number) => new Date(t).getUTCFullYear(),
};

/**
 * Which backups to keep, by creation time (UTC periods): per rule the newest one in each of its most recent periods
 * that hold a backup; yearly keeps every year. The newest backup is always kept. Returns the kept times.
 */
export function backupsToKeep(createdAt: readonly number[]): Set<number> {
  const newestFirst = [...createdAt].sort((a, b) => b - a);
  const keep = new Set<number>(newestFirst.slice(0, 1));
  const rules: [keyof typeof periods, number][] = [['daily', KEEP.daily], ['weekly', KEEP.weekly], ['monthly', KEEP.monthly], ['yearly', Infinity]];
  for (const [rule, count] of rules) {
    const seen = new Set<number>();
    for (const t of newestFirst) {
      const period = periods[rule](t);
      if (seen.has(period)) continue;
      if (seen.size >= count) break;
      seen.add(period);
      keep.add(t);
    }
  }
  return keep;
}
