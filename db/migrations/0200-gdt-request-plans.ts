/**
 * A request from the PVS (6301/6302) plans the session by itself (issue 14):
 * - gdt_files.requested_for: the day the request asks for (its 6200 when the file has one, else the day it was read),
 *   written with the file.
 * - gdt_request_plans: which planned session answers a request, and whether the request planned it or found a
 *   session of that course already planned that day (the same file read twice plans once). A request without a row
 *   waits for the physician ("Anforderung ohne Kurs") and is planned when the patient's course is created.
 *   Append-only, like the files.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 200,
  name: 'gdt-request-plans',
  up(db) {
    db.exec(`
      ALTER TABLE gdt_files ADD COLUMN requested_for TEXT CHECK (requested_for IS NULL OR date(requested_for) IS requested_for);
      CREATE TABLE gdt_request_plans (
        file_id INTEGER PRIMARY KEY REFERENCES gdt_files(id),
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        at INTEGER NOT NULL,
        how TEXT NOT NULL CHECK (how IN ('planned', 'alreadyPlanned'))
      ) STRICT;
      CREATE INDEX gdt_request_plans_session ON gdt_request_plans(session_id);
      CREATE TRIGGER gdt_request_plans_is_request BEFORE INSERT ON gdt_request_plans
      WHEN NOT EXISTS (SELECT 1 FROM gdt_files f JOIN infusion_sessions s ON s.id = NEW.session_id
        WHERE f.id = NEW.file_id AND f.direction = 'in' AND f.outcome = 'accepted' AND f.record_type IN ('6301', '6302')
          AND f.patient_id = s.patient_id) BEGIN
        SELECT RAISE(ABORT, 'only an accepted 6301/6302 plans a session, and only one of its own patient');
      END;
      CREATE TRIGGER gdt_request_plans_no_update BEFORE UPDATE ON gdt_request_plans BEGIN
        SELECT RAISE(ABORT, 'request plans are append-only');
      END;
      CREATE TRIGGER gdt_request_plans_no_delete BEFORE DELETE ON gdt_request_plans BEGIN
        SELECT RAISE(ABORT, 'request plans are append-only');
      END;
    `);
  },
};
export default migration;
