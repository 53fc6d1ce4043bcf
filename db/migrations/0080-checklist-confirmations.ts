/**
 * Checklist items that a person other than the one filling the form must vouch for (issue 10):
 * - the contraindications of §1.3 are confirmed by a physician as that physician's own act (a row here, audited),
 *   not typed as a name into the checklist by anybody;
 * - the check-in time of a session, so an observation cannot be dated before the session began.
 * Confirmations are append-only (the latest counts) and locked with their session when it is signed.
 */
import type { Migration } from './index';

const signed = (ref: 'OLD' | 'NEW') => `(SELECT signed_at FROM infusion_sessions WHERE id = ${ref}.session_id) IS NOT NULL`;

const migration: Migration = {
  version: 80,
  name: 'checklist-confirmations',
  up(db) {
    db.exec(`
      CREATE TABLE contraindication_confirmations (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        absolute_contraindication_found INTEGER NOT NULL CHECK (absolute_contraindication_found IN (0, 1)),
        at INTEGER NOT NULL,
        confirmed_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX contraindication_confirmations_session ON contraindication_confirmations(session_id, id);
      CREATE TRIGGER contraindication_confirmations_by_physician BEFORE INSERT ON contraindication_confirmations
      WHEN (SELECT role FROM users WHERE id = NEW.confirmed_by) IS NOT 'physician' BEGIN
        SELECT RAISE(ABORT, 'only a physician confirms the contraindications');
      END;
      CREATE TRIGGER contraindication_confirmations_no_insert_when_signed BEFORE INSERT ON contraindication_confirmations
      WHEN ${signed('NEW')} BEGIN
        SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments');
      END;
      CREATE TRIGGER contraindication_confirmations_no_update BEFORE UPDATE ON contraindication_confirmations BEGIN
        SELECT RAISE(ABORT, 'clinical records are append-only: record a new entry instead');
      END;
      CREATE TRIGGER contraindication_confirmations_no_delete BEFORE DELETE ON contraindication_confirmations BEGIN
        SELECT RAISE(ABORT, 'clinical records are append-only: record a new entry instead');
      END;

      ALTER TABLE infusion_sessions ADD COLUMN checked_in_at INTEGER;
      -- Sessions checked in before this version: the time of their check-in entry in the audit log (signed ones are
      -- locked and take no more observations).
      UPDATE infusion_sessions SET checked_in_at = (
        SELECT min(a.at) FROM audit_log a WHERE a.entity = 'session' AND a.entity_id = infusion_sessions.id AND a.action = 'session.checkIn')
      WHERE signed_at IS NULL AND state <> 'planned';
    `);
  },
};
export default migration;
