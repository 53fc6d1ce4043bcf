/**
 * The alarm log (clinical-requirements §4.2 "alarm log persisted across power loss", §4.3 item 1) and the
 * per-patient alarm limit overrides (§4.3 item 2). Both append-only: triggers refuse UPDATE and DELETE, so a
 * correction is a new row. Sessions are referenced where known; a chair's alarms outside a session keep NULL.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 40,
  name: 'alarm-log',
  up(db) {
    db.exec(`
      CREATE TABLE alarm_log (
        id INTEGER PRIMARY KEY,
        chair_id INTEGER NOT NULL REFERENCES chairs(id),
        session_id INTEGER REFERENCES infusion_sessions(id),
        at INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('raised', 'priorityChanged', 'acknowledged', 'reminder', 'escalated', 'cleared',
          'audioPaused', 'audioPauseEnded', 'switchedOff', 'switchOffRefused', 'switchedOn', 'overridesSet')),
        alarm_id TEXT,
        code TEXT,
        priority TEXT CHECK (priority IS NULL OR priority IN ('high', 'medium', 'low')),
        user_id INTEGER REFERENCES users(id),
        user_name TEXT,
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX alarm_log_chair ON alarm_log(chair_id, at);
      CREATE INDEX alarm_log_session ON alarm_log(session_id, at) WHERE session_id IS NOT NULL;
      CREATE TRIGGER alarm_log_no_update BEFORE UPDATE ON alarm_log BEGIN
        SELECT RAISE(ABORT, 'alarm log entries are append-only');
      END;
      CREATE TRIGGER alarm_log_no_delete BEFORE DELETE ON alarm_log BEGIN
        SELECT RAISE(ABORT, 'alarm log entries are append-only');
      END;

      -- The newest row per chair (and session) is in force; older rows are the history.
      CREATE TABLE alarm_overrides (
        id INTEGER PRIMARY KEY,
        chair_id INTEGER NOT NULL REFERENCES chairs(id),
        session_id INTEGER REFERENCES infusion_sessions(id),
        at INTEGER NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) >= 3),
        limits TEXT NOT NULL CHECK (json_valid(limits))
      ) STRICT;
      CREATE INDEX alarm_overrides_chair ON alarm_overrides(chair_id, at);
      CREATE TRIGGER alarm_overrides_no_update BEFORE UPDATE ON alarm_overrides BEGIN
        SELECT RAISE(ABORT, 'alarm overrides are append-only');
      END;
      CREATE TRIGGER alarm_overrides_no_delete BEFORE DELETE ON alarm_overrides BEGIN
        SELECT RAISE(ABORT, 'alarm overrides are append-only');
      END;
    `);
  },
};
export default migration;
