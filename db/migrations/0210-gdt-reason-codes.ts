/**
 * Why a GDT file was refused or a result not written, as a code with its args (core/gdt/gdtReason.ts), so the
 * screens say it in the user's language (issue 12). The English `reason` stays as it was (NOT NULL for refused and
 * failed rows, 0120); the rows are append-only, so the code is written with the row. Rows from before have no code
 * and keep showing their text.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 210,
  name: 'gdt-reason-codes',
  up(db) {
    db.exec(`
      ALTER TABLE gdt_files ADD COLUMN reason_code TEXT
        -- A code is a camelCase name (core/gdt/gdtReason.ts), never a sentence.
        CHECK (reason_code IS NULL OR (reason IS NOT NULL AND reason_code GLOB '[a-z]*' AND reason_code NOT GLOB '*[^a-zA-Z0-9]*' AND length(reason_code) <= 40));
      ALTER TABLE gdt_files ADD COLUMN reason_args TEXT
        CHECK ((reason_args IS NULL) = (reason_code IS NULL) AND (reason_args IS NULL OR (json_valid(reason_args) AND json_type(reason_args) = 'object')));
    `);
  },
};
export default migration;
