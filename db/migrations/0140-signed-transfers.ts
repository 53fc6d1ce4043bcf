/**
 * A transfer hand-over (0070) is locked with its signed session like every other row of the record (0030, 0060):
 * 0060 ran before the table existed, so the lock is added here.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 140,
  name: 'signed-transfers',
  up(db) {
    db.exec(`
      CREATE TRIGGER session_transfers_no_insert_when_signed BEFORE INSERT ON session_transfers
      WHEN (SELECT signed_at FROM infusion_sessions WHERE id = NEW.session_id) IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments');
      END;
    `);
  },
};
export default migration;
