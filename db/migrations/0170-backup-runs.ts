/**
 * Backups (issue 15): each run's outcome, whether started by the schedule (no user) or by a person, with the file
 * written and whether restoring it to a temporary place checked out; and the administrator's backup settings (target
 * folder, interval, warning age) with who, when and why, the newest row per key in force. Both append-only.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 170,
  name: 'backup-runs',
  up(db) {
    db.exec(`
      CREATE TABLE backup_runs (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL CHECK (finished_at >= started_at),
        requested_by INTEGER REFERENCES users(id),
        target_dir TEXT NOT NULL,
        file_name TEXT,
        size_bytes INTEGER CHECK (size_bytes >= 0),
        sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
        outcome TEXT NOT NULL CHECK (outcome IN ('verified', 'failed')),
        problem TEXT,
        -- a verified run names its file; a failed one says why
        CHECK ((outcome = 'verified') = (file_name IS NOT NULL AND size_bytes IS NOT NULL AND sha256 IS NOT NULL AND problem IS NULL)),
        CHECK (outcome = 'verified' OR problem IS NOT NULL)
      ) STRICT;
      CREATE INDEX backup_runs_verified ON backup_runs(outcome, finished_at);
      CREATE TRIGGER backup_runs_no_update BEFORE UPDATE ON backup_runs BEGIN
        SELECT RAISE(ABORT, 'backup runs are append-only');
      END;
      CREATE TRIGGER backup_runs_no_delete BEFORE DELETE ON backup_runs BEGIN
        SELECT RAISE(ABORT, 'backup runs are append-only');
      END;

      CREATE TABLE backup_settings (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL CHECK (key IN ('folder', 'intervalHours', 'warnAfterHours')),
        value TEXT NOT NULL CHECK (json_valid(value)),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        set_at INTEGER NOT NULL,
        set_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX backup_settings_key ON backup_settings(key, id);
      CREATE TRIGGER backup_settings_by_admin BEFORE INSERT ON backup_settings
      WHEN (SELECT role FROM users WHERE id = NEW.set_by) IS NOT 'admin' BEGIN
        SELECT RAISE(ABORT, 'only an administrator changes the backup settings');
      END;
      CREATE TRIGGER backup_settings_no_update BEFORE UPDATE ON backup_settings BEGIN
        SELECT RAISE(ABORT, 'backup settings are append-only');
      END;
      CREATE TRIGGER backup_settings_no_delete BEFORE DELETE ON backup_settings BEGIN
        SELECT RAISE(ABORT, 'backup settings are append-only');
      END;
    `);
  },
};

export default migration;
