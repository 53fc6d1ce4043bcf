/**
 * The signed PDF protocol travels with the 6310 (records-out.md §1.7: file group 6302–6305, the PDF written beside
 * the exchange directory, the GDT file only points at it):
 * - gdt_partners.pdf_dir: where this app writes the PDFs for that PVS (NULL: its outbox directory);
 *   gdt_partners.pvs_pdf_dir: the same folder as the PVS workstations see it, e.g. \\praxis-srv\gdt\pdf (NULL: pdf_dir).
 *   6305 holds at most 60 characters: the file name takes up to 26 (\ESK-YYYYMMDD-<document id, ≤ 8 digits>.pdf),
 *   so the folder the PVS sees has at most 34.
 * - gdt_files.document_id: which stored document (0130) a 6310 referenced, so the screens show what went out.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 175,
  name: 'gdt-pdf-attachment',
  up(db) {
    db.exec(`
      ALTER TABLE gdt_partners ADD COLUMN pdf_dir TEXT CHECK (pdf_dir IS NULL OR length(trim(pdf_dir)) > 0);
      ALTER TABLE gdt_partners ADD COLUMN pvs_pdf_dir TEXT CHECK (pvs_pdf_dir IS NULL OR length(trim(pvs_pdf_dir)) BETWEEN 1 AND 34);
      ALTER TABLE gdt_files ADD COLUMN document_id INTEGER REFERENCES documents(id);
      CREATE TRIGGER gdt_files_document_is_signed_protocol BEFORE INSERT ON gdt_files
      WHEN NEW.document_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM documents d WHERE d.id = NEW.document_id AND d.kind = 'sessionProtocol' AND d.session_id IS NEW.session_id) BEGIN
        SELECT RAISE(ABORT, 'a result file references only the signed protocol of its own session');
      END;
    `);
  },
};
export default migration;
