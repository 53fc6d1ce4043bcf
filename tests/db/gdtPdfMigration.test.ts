/** Migration 0175: the partner's PDF folders (the one the PVS sees fits 6305) and a result file → its signed protocol. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 130);
  db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', 'A', 'admin', 'x', 0)").run();
  db.prepare(`INSERT INTO gdt_partners (name, active, inbox_dir, outbox_dir, pvs_gdt_id, own_gdt_id, pvs_short_id, own_short_id, file_naming, charset, poll_ms, updated_at, updated_by)
    VALUES ('PVS', 1, '/in', '/out', 'PVS', 'ESKINF', 'PVS', 'ESK', 'fixed', 'iso-8859-15', 2000, 0, 1)`).run();
  migrate(db, 175);
  return db;
}

const insertFile = (db: Database.Database, documentId: number | null, sessionId: number | null = null) =>
  db.prepare(`INSERT INTO gdt_files (partner_id, direction, file_name, bytes, at, record_type, outcome, reason, parse, session_id, document_id)
    VALUES (1, 'out', 'PVSESK.gdt', x'00', 0, '6310', 'written', NULL, '{}', ?, ?)`).run(sessionId, documentId);

describe('0175 gdt pdf attachment', () => {
  it('is migration 175; a partner from before keeps working with no PDF folders set', () => {
    const db = migrated();
    expect(schemaVersion(db)).toBe(175);
    expect(db.prepare('SELECT pdf_dir, pvs_pdf_dir FROM gdt_partners').get()).toEqual({ pdf_dir: null, pvs_pdf_dir: null });
  });

  it('the folder as the PVS sees it leaves room for the file name in 6305 (60 characters); blanks are refused', () => {
    const db = migrated();
    db.prepare("UPDATE gdt_partners SET pdf_dir = '/mnt/praxis/pdf', pvs_pdf_dir = '\\\\praxis-srv\\gdt\\pdf'").run();
    expect(() => db.prepare(`UPDATE gdt_partners SET pvs_pdf_dir = '${'x'.repeat(35)}'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE gdt_partners SET pdf_dir = '  '").run()).toThrow(/CHECK/);
  });

  it('a result file references only an existing signed protocol of its own session', () => {
    const db = migrated();
    insertFile(db, null);
    expect(() => insertFile(db, 99, 1)).toThrow(/only the signed protocol of its own session/);
    expect(() => db.prepare('UPDATE gdt_files SET document_id = 1').run()).toThrow(/append-only/);
  });
});
