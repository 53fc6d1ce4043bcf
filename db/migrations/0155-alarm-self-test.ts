/**
 * The alarm self-test at start (clinical-requirements §4.3 item 5, IEC 60601-1-8 §4.3.5, issue 11 item 9): each
 * priority's sound and colour shown once, and the operator's answer. One row per step, append-only like the alarm
 * log (triggers refuse UPDATE and DELETE); the station's start (run_id) groups the steps of one self-test.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 155,
  name: 'alarm-self-test',
  up(db) {
    db.exec(`
      CREATE TABLE alarm_self_tests (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL CHECK (length(run_id) BETWEEN 8 AND 64),
        at INTEGER NOT NULL,
        step TEXT NOT NULL CHECK (step IN ('shown', 'result')),
        priority TEXT CHECK (priority IS NULL OR priority IN ('high', 'medium', 'low')),
        sound INTEGER CHECK (sound IS NULL OR sound IN (0, 1)),
        result TEXT CHECK (result IS NULL OR result IN ('passed', 'notConfirmed')),
        user_id INTEGER NOT NULL REFERENCES users(id),
        detail TEXT NOT NULL CHECK (json_valid(detail)),
        -- A shown step names its priority and whether the sound played; a result step names only the result.
        CHECK (step <> 'shown' OR (priority IS NOT NULL AND sound IS NOT NULL AND result IS NULL)),
        CHECK (step <> 'result' OR (priority IS NULL AND sound IS NULL AND result IS NOT NULL))
      ) STRICT;
      CREATE INDEX alarm_self_tests_at ON alarm_self_tests(at);
      CREATE TRIGGER alarm_self_tests_no_update BEFORE UPDATE ON alarm_self_tests BEGIN
        SELECT RAISE(ABORT, 'alarm self-test entries are append-only');
      END;
      CREATE TRIGGER alarm_self_tests_no_delete BEFORE DELETE ON alarm_self_tests BEGIN
        SELECT RAISE(ABORT, 'alarm self-test entries are append-only');
      END;
    `);
  },
};
export default migration;
