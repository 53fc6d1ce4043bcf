/**
 * User administration (issue 12 item 8): a password set by an administrator is a one-time password; the user must
 * choose a new one at the next login before anything else. The flag changes like every user column, with its audit
 * entry first (0060 auditedChange). The physician's worklist asks for the finished sessions not yet signed: a partial
 * index keeps that a short seek however many signed years the database holds.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 185,
  name: 'user-administration',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
      CREATE INDEX infusion_sessions_unsigned ON infusion_sessions(state) WHERE signed_at IS NULL;
    `);
  },
};
export default migration;
