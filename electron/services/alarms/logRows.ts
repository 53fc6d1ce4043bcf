/**
 * An engine event as a row of the append-only alarm log: the alarm it belongs to, the operator where one acted, and
 * the rest of the event as detail.
 */
import type { AlarmLogEvent } from '../../../core/alarms/output';
import type { AlarmLogInput } from '../../../db/repos/alarms';

/** One engine log write: its rows go in one transaction, with the operator's audit entries. */
export interface AlarmLogWrite {
  sessionId: number | null;
  rows: AlarmLogInput[];
  actor: { userId: number; at: number } | null;
}

export function toLogRow(e: AlarmLogEvent): AlarmLogInput {
  const base = { at: Math.round(e.at), type: e.type };
  switch (e.type) {
    case 'raised':
    case 'priorityChanged':
    case 'acknowledged':
    case 'reminder':
    case 'escalated':
    case 'cleared': {
      const { at: _at, type: _type, alarmId, code, priority, ...detail } = e;
      const userName = e.type === 'acknowledged' ? e.user : null;
      if ('user' in detail) delete (detail as { user?: string }).user;
      return { ...base, alarmId, code, priority, userName, detail };
    }
    case 'audioPaused': {
      const { at: _at, type: _type, user, ...detail } = e;
      return { ...base, alarmId: null, code: null, priority: null, userName: user, detail };
    }
    case 'audioPauseEnded': {
      const { at: _at, type: _type, alarmId, ...detail } = e;
      return { ...base, alarmId, code: null, priority: null, userName: null, detail };
    }
    case 'switchedOff':
    case 'switchOffRefused': {
      const { at: _at, type: _type, user, code, ...detail } = e;
      return { ...base, alarmId: null, code, priority: null, userName: user, detail };
    }
    case 'switchedOn': {
      const { at: _at, type: _type, ...detail } = e;
      return { ...base, alarmId: null, code: null, priority: null, userName: null, detail };
    }
  }
}
