/**
 * The GDT 2.1 link with practice management systems (PVS), issue 14 part 2 (records-out.md §1):
 * - gdt_partners: one row per PVS link (directories, GDT ids, file naming, charset); changed with an audit entry
 *   holding the old and the new values, switched off rather than deleted.
 * - pvs_patients: which app patient a PVS patient number (field 3000) is; append-only, one number per patient and
 *   partner, so a 6310 always goes back under the number the PVS sent.
 * - gdt_files: every file exchanged, raw bytes and what was made of it (for the audit); append-only.
 */
import type { Migration } from './index';

const appendOnly = (table: string, what: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN
    SELECT RAISE(ABORT, '${what} are append-only');
  END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN
    SELECT RAISE(ABORT, '${what} are append-only');
  END;`;

const migration: Migration = {
  version: 120,
  name: 'gdt',
  up(db) {
    db.exec(`
      CREATE TABLE gdt_partners (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        inbox_dir TEXT NOT NULL CHECK (length(trim(inbox_dir)) > 0),
        outbox_dir TEXT NOT NULL CHECK (length(trim(outbox_dir)) > 0),
        -- Long GDT ids (8315 receiver / 8316 sender, at most 8) and short ids (file names, at most 4).
        pvs_gdt_id TEXT NOT NULL CHECK (length(pvs_gdt_id) BETWEEN 1 AND 8),
        own_gdt_id TEXT NOT NULL CHECK (length(own_gdt_id) BETWEEN 1 AND 8),
        pvs_short_id TEXT NOT NULL CHECK (length(pvs_short_id) BETWEEN 1 AND 4),
        own_short_id TEXT NOT NULL CHECK (length(own_short_id) BETWEEN 1 AND 4),
        file_naming TEXT NOT NULL CHECK (file_naming IN ('fixed', 'numbered')),
        charset TEXT NOT NULL CHECK (charset IN ('iso-8859-15', 'cp437', 'utf-8')),
        poll_ms INTEGER NOT NULL CHECK (poll_ms BETWEEN 500 AND 60000),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE TRIGGER gdt_partners_no_delete BEFORE DELETE ON gdt_partners BEGIN
        SELECT RAISE(ABORT, 'a GDT partner is switched off, never deleted (its files refer to it)');
      END;

      CREATE TABLE pvs_patients (
        partner_id INTEGER NOT NULL REFERENCES gdt_partners(id),
        pvs_number TEXT NOT NULL CHECK (length(trim(pvs_number)) BETWEEN 1 AND 10),
        patient_id INTEGER NOT NULL REFERENCES patients(id),
        linked_at INTEGER NOT NULL,
        PRIMARY KEY (partner_id, pvs_number),
        UNIQUE (partner_id, patient_id)
      ) STRICT, WITHOUT ROWID;
      ${appendOnly('pvs_patients', 'PVS patient numbers')}

      CREATE TABLE gdt_files (
        id INTEGER PRIMARY KEY,
        partner_id INTEGER NOT NULL REFERENCES gdt_partners(id),
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        file_name TEXT NOT NULL,
        -- NULL only for an outbound result that failed before it had bytes.
        bytes BLOB,
        at INTEGER NOT NULL,
        record_type TEXT,
        -- in: accepted / rejected (moved to error/); out: written / failed.
        outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'written', 'failed')),
        reason TEXT,
        parse TEXT NOT NULL CHECK (json_valid(parse)),
        patient_id INTEGER REFERENCES patients(id),
        session_id INTEGER REFERENCES infusion_sessions(id),
        CHECK ((direction = 'in') = (outcome IN ('accepted', 'rejected'))),
        CHECK (outcome IN ('accepted', 'written') OR coalesce(length(trim(reason)), 0) > 0)
      ) STRICT;
      CREATE INDEX gdt_files_partner ON gdt_files(partner_id, id);
      CREATE INDEX gdt_files_patient ON gdt_files(patient_id, id) WHERE patient_id IS NOT NULL;
      CREATE INDEX gdt_files_session ON gdt_files(session_id, id) WHERE session_id IS NOT NULL;
      ${appendOnly('gdt_files', 'exchanged GDT files')}
    `);
  },
};
export default migration;
