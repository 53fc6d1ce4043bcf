/** Users with roles, and the append-only, hash-chained audit log of every change. */
import type { Migration } from './index';

const migration: Migration = {
  version: 20,
  name: 'users-audit',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 2 AND 40),
        display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        role TEXT NOT NULL CHECK (role IN ('mfa', 'physician', 'admin')),
        password_hash TEXT NOT NULL,
        pin_hash TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;
      -- People leave; their name must stay on what they documented.
      CREATE TRIGGER users_no_delete BEFORE DELETE ON users BEGIN
        SELECT RAISE(ABORT, 'users are deactivated, never deleted');
      END;

      -- seq is contiguous from 1; hash = HMAC(key, prev_hash | fields): an edited, inserted or deleted entry
      -- breaks the chain (npm run verify-audit), and the key is not in the database.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit log entries are append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit log entries are append-only');
      END;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `);
  },
};
export default migration;
