/**
 * A session moves to another chair (issue 14 follow-up): the patient sits where a chair is free on the day. Vitals
 * and alarms are bound to the chair from the start of the infusion, so the database itself refuses a move after
 * the start (or once the session ended or is signed) and a move onto a chair where another patient is seated.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 206,
  name: 'chair-move',
  up(db) {
    db.exec(`
      CREATE TRIGGER infusion_sessions_chair_before_start BEFORE UPDATE OF chair_id ON infusion_sessions
      WHEN NEW.chair_id IS NOT OLD.chair_id
        AND (OLD.state NOT IN ('planned', 'checkedIn', 'checklistComplete') OR OLD.started_at IS NOT NULL OR OLD.signed_at IS NOT NULL) BEGIN
        SELECT RAISE(ABORT, 'a session changes chair only before the infusion starts');
      END;
      CREATE TRIGGER infusion_sessions_chair_free BEFORE UPDATE OF chair_id ON infusion_sessions
      WHEN NEW.chair_id IS NOT OLD.chair_id AND EXISTS (SELECT 1 FROM infusion_sessions o WHERE o.chair_id = NEW.chair_id AND o.id <> NEW.id
        AND o.state IN ('checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation')) BEGIN
        SELECT RAISE(ABORT, 'a session moves only to a chair where no other patient is seated');
      END;
    `);
  },
};
export default migration;
