/**
 * Audit checkpoints (issue 13): "entries 1..seq were verified, the last one with this hash", sealed with an HMAC
 * under the audit key (db/auditVerifier.ts), so a verification goes on from the last checkpoint instead of the
 * whole log. Append-only like the log: a checkpoint that was written stays as it was.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 190,
  name: 'audit-checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE audit_checkpoints (
        seq INTEGER PRIMARY KEY REFERENCES audit_log(seq),
        hash TEXT NOT NULL,
        verified_at INTEGER NOT NULL,
        mac TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN
        SELECT RAISE(ABORT, 'audit checkpoints are append-only');
      END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN
        SELECT RAISE(ABORT, 'audit checkpoints are append-only');
      END;
    `);
  },
};
export default migration;
