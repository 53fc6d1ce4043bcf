/**
 * A corrected 6310 after an amendment of a signed session (issue 14): the new result file names the amendment it
 * reports and the first 6310 it corrects; the first one stays as it was (the files are append-only).
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 204,
  name: 'gdt-corrections',
  up(db) {
    db.exec(`
      ALTER TABLE gdt_files ADD COLUMN amendment_id INTEGER REFERENCES amendments(id);
      ALTER TABLE gdt_files ADD COLUMN corrects_file_id INTEGER REFERENCES gdt_files(id);
      CREATE TRIGGER gdt_files_correction_of_own_session BEFORE INSERT ON gdt_files
      WHEN NEW.amendment_id IS NOT NULL AND (NEW.direction <> 'out' OR NOT EXISTS (
        SELECT 1 FROM amendments a WHERE a.id = NEW.amendment_id AND a.session_id IS NEW.session_id)) BEGIN
        SELECT RAISE(ABORT, 'a corrected result names an amendment of its own session');
      END;
      CREATE TRIGGER gdt_files_corrects_a_result BEFORE INSERT ON gdt_files
      WHEN NEW.corrects_file_id IS NOT NULL AND (NEW.amendment_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM gdt_files f WHERE f.id = NEW.corrects_file_id AND f.direction = 'out' AND f.record_type = '6310'
          AND f.session_id IS NEW.session_id AND f.corrects_file_id IS NULL)) BEGIN
        SELECT RAISE(ABORT, 'a correction refers to the first result of its own session');
      END;
    `);
  },
};
export default migration;
