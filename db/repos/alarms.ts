/**
 * The alarm log and the per-patient limit overrides: append-only rows (migration 0040). Alarm events the engine
 * raises by itself have no actor; an operator action (acknowledge, audio pause, alarm off, overrides) carries the
 * user and gets its audit entry in the same transaction. Codes and alarm ids are stored by their stored names
 * (storedNames.ts), in the log, the overrides and the audit entries alike.
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import { fromStored, keysMapped, toStored } from '../storedNames';
import type { Actor } from './users';

export interface AlarmLogInput {
  at: number;
  type: string;
  alarmId: string | null;
  code: string | null;
  priority: 'high' | 'medium' | 'low' | null;
  userName: string | null;
  detail: Record<string, unknown>;
}

export interface AlarmLogRow extends Omit<AlarmLogInput, 'detail'> {
  id: number;
  chairId: number;
  sessionId: number | null;
  userId: number | null;
  detail: Record<string, unknown>;
}

export interface AlarmOverrideRow {
  id: number;
  chairId: number;
  sessionId: number | null;
  at: number;
  userId: number;
  userName: string;
  reason: string;
  limits: Record<string, { medium?: number; high?: number }>;
}

/** Operator actions that change what alarms, and so belong in the audit trail too. */
const AUDITED = new Set(['acknowledged', 'audioPaused', 'switchedOff', 'switchOffRefused']);

const LOG_COLUMNS = `id, chair_id AS chairId, session_id AS sessionId, at, type, alarm_id AS alarmId, code, priority,
  user_id AS userId, user_name AS userName, detail`;

export function createAlarmsRepo(db: DB, audit: AuditLog) {
  const insert = db.prepare(
    `INSERT INTO alarm_log (chair_id, session_id, at, type, alarm_id, code, priority, user_id, user_name, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bySession = db.prepare(`SELECT ${LOG_COLUMNS} FROM alarm_log WHERE session_id = ? ORDER BY at, id`);
  const byChair = db.prepare(`SELECT ${LOG_COLUMNS} FROM alarm_log WHERE chair_id = ? AND at BETWEEN ? AND ? ORDER BY at, id LIMIT 5000`);
  const insertOverride = db.prepare(
    'INSERT INTO alarm_overrides (chair_id, session_id, at, user_id, reason, limits) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const latestOverride = db.prepare(
    `SELECT o.id, o.chair_id AS chairId, o.session_id AS sessionId, o.at, o.user_id AS userId, u.display_name AS userName,
       o.reason, o.limits
     FROM alarm_overrides o JOIN users u ON u.id = o.user_id
     WHERE o.chair_id = ? AND o.session_id IS ? ORDER BY o.at DESC, o.id DESC LIMIT 1`,
  );
  /** An event's names as stored, or (fromStored) as the code calls them: code, alarm id, 'switchedOn' codes, override limits. */
  function named<E extends { alarmId: string | null; code: string | null; detail: Record<string, unknown> }>(e: E, map: (name: string) => string): E {
    const { codes, limits } = e.detail;
    const detail = { ...e.detail };
    if (Array.isArray(codes)) detail.codes = codes.map((c) => (typeof c === 'string' ? map(c) : c));
    if (limits && typeof limits === 'object') detail.limits = keysMapped(limits as Record<string, unknown>, map);
    return { ...e, alarmId: e.alarmId === null ? null : map(e.alarmId), code: e.code === null ? null : map(e.code), detail };
  }
  const parse = (r: AlarmLogRow & { detail: string | Record<string, unknown> }): AlarmLogRow =>
    named({ ...r, detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail }, fromStored);

  const append = db.transaction((chairId: number, sessionId: number | null, events: AlarmLogInput[], actor: Actor | null) => {
    for (const event of events) {
      const e = named(event, toStored);
      const userId = actor && e.userName !== null ? actor.userId : null;
      const id = Number(
        insert.run(chairId, sessionId, e.at, e.type, e.alarmId, e.code, e.priority, userId, e.userName, JSON.stringify(e.detail)).lastInsertRowid,
      );
      if (actor && AUDITED.has(e.type)) {
        audit.append({
          at: actor.at,
          userId: actor.userId,
          action: `alarm.${e.type}`,
          entity: 'alarm_log',
          entityId: id,
          detail: { chairId, sessionId, alarmId: e.alarmId, code: e.code, priority: e.priority, ...e.detail },
        });
      }
    }
  });

  const setOverrides = db.transaction(
    (actor: Actor, chairId: number, sessionId: number | null, reason: string, codeLimits: AlarmOverrideRow['limits']): number => {
      const limits = keysMapped(codeLimits, toStored);
      if (actor.userId === null) throw new Error('an override needs the physician who sets it');
      const id = Number(insertOverride.run(chairId, sessionId, actor.at, actor.userId, reason, JSON.stringify(limits)).lastInsertRowid);
      insert.run(chairId, sessionId, actor.at, 'overridesSet', null, null, null, actor.userId, null, JSON.stringify({ reason, limits }));
      audit.append({ at: actor.at, userId: actor.userId, action: 'alarm.overridesSet', entity: 'alarm_overrides', entityId: id, detail: { chairId, sessionId, reason, limits } });
      return id;
    },
  );

  return {
    /** Appends engine events of one chair; `actor` for events an operator caused. */
    appendAlarmEvents: (chairId: number, sessionId: number | null, events: AlarmLogInput[], actor: Actor | null = null): void =>
      append(chairId, sessionId, events, actor),
    alarmLogOfSession: (sessionId: number): AlarmLogRow[] => (bySession.all(sessionId) as AlarmLogRow[]).map(parse),
    alarmLogOfChair: (chairId: number, from: number, to: number): AlarmLogRow[] => (byChair.all(chairId, from, to) as AlarmLogRow[]).map(parse),
    setAlarmOverrides: setOverrides,
    currentAlarmOverrides(chairId: number, sessionId: number | null): AlarmOverrideRow | null {
      const r = latestOverride.get(chairId, sessionId) as (AlarmOverrideRow & { limits: string }) | undefined;
      return r ? { ...r, limits: keysMapped(JSON.parse(r.limits) as AlarmOverrideRow['limits'], fromStored) } : null;
    },
  };
}
