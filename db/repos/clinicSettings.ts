/**
 * The clinic's approved changes of clinical settings: the newest row per key is in force, older rows are history.
 * Keys are stored by their stored names (storedNames.ts: 'alarm.rr.high.medium').
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import { fromStored, toStored } from '../storedNames';
import type { StampRow } from './patients';
import type { Actor } from './users';

export interface ClinicSettingChange {
  key: string;
  value: unknown;
  reason: string;
  by: StampRow;
}

export interface ClinicSettingHistoryRow extends ClinicSettingChange {
  /** null for changes stored before 0090 kept the previous value. */
  previousValue: unknown;
}

export function createClinicSettingsRepo(db: DB, audit: AuditLog) {
  const current = db.prepare(`SELECT c.key, c.value, c.reason, c.set_at AS at, c.set_by AS userId, u.display_name AS userName
    FROM clinic_settings c JOIN users u ON u.id = c.set_by
    WHERE c.id IN (SELECT max(id) FROM clinic_settings GROUP BY key) ORDER BY c.key`);
  const insert = db.prepare('INSERT INTO clinic_settings (key, value, previous_value, reason, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?)');
  const history = db.prepare(`SELECT c.key, c.value, c.previous_value AS previousValue, c.reason, c.set_at AS at, c.set_by AS userId, u.display_name AS userName
    FROM clinic_settings c JOIN users u ON u.id = c.set_by ORDER BY c.id DESC LIMIT 1000`);
  return {
    /** The change in force for each key the clinic changed. */
    clinicSettingChanges(): ClinicSettingChange[] {
      return (current.all() as { key: string; value: string; reason: string; at: number; userId: number; userName: string }[]).map((r) => ({
        key: fromStored(r.key),
        value: JSON.parse(r.value),
        reason: r.reason,
        by: { userId: r.userId, userName: r.userName, at: r.at },
      }));
    },
    /** Every change, newest first: who, when, old → new, why. */
    clinicSettingHistory(): ClinicSettingHistoryRow[] {
      return (history.all() as { key: string; value: string; previousValue: string | null; reason: string; at: number; userId: number; userName: string }[]).map((r) => ({
        key: fromStored(r.key),
        value: JSON.parse(r.value),
        previousValue: r.previousValue === null ? null : JSON.parse(r.previousValue),
        reason: r.reason,
        by: { userId: r.userId, userName: r.userName, at: r.at },
      }));
    },
    /** `previous`: the value in force before (default or last change), kept with the change. */
    setClinicSetting: db.transaction((actor: Actor, codeKey: string, value: unknown, previous: unknown, reason: string) => {
      const key = toStored(codeKey);
      const id = Number(insert.run(key, JSON.stringify(value), JSON.stringify(previous), reason, actor.at, actor.userId).lastInsertRowid);
      audit.append({ at: actor.at, userId: actor.userId, action: 'clinicSetting.changed', entity: 'clinicSetting', entityId: id, detail: { key, previous, value, reason } });
    }),
  };
}
