/** Migration 0120 (GDT link): partners are switched off, never deleted; PVS numbers and exchanged files are append-only. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';

function migrated() {
  const db = new Database(':memory:');
  migrate(db, 120);
  db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', 'A', 'admin', 'x', 0)").run();
  db.prepare("INSERT INTO patients (family_name, given_name, birth_date, created_at) VALUES ('Müller', 'Jörg', '1970-02-01', 0)").run();
  db.prepare(`INSERT INTO gdt_partners (name, active, inbox_dir, outbox_dir, pvs_gdt_id, own_gdt_id, pvs_short_id, own_short_id, file_naming, charset, poll_ms, updated_at, updated_by)
    VALUES ('PVS', 1, '/in', '/out', 'PVS', 'ESKINF', 'PVS', 'ESK', 'fixed', 'iso-8859-15', 2000, 0, 1)`).run();
  return db;
}

const file = (over: Record<string, unknown> = {}) => ({
  partner_id: 1, direction: 'in', file_name: 'ESKPVS.gdt', bytes: Buffer.from('x'), at: 0, record_type: '6302', outcome: 'accepted', reason: null, parse: '{}', ...over,
});
const insertFile = (db: Database.Database, f: Record<string, unknown>) =>
  db.prepare(`INSERT INTO gdt_files (partner_id, direction, file_name, bytes, at, record_type, outcome, reason, parse)
    VALUES (@partner_id, @direction, @file_name, @bytes, @at, @record_type, @outcome, @reason, @parse)`).run(f);

describe('0120 gdt', () => {
  it('is migration 120', () => {
    expect(schemaVersion(migrated())).toBe(120);
  });

  it('a partner is changed or switched off, never deleted; its settings are checked', () => {
    const db = migrated();
    db.prepare('UPDATE gdt_partners SET active = 0').run();
    expect(() => db.prepare('DELETE FROM gdt_partners').run()).toThrow(/switched off, never deleted/);
    expect(() => db.prepare("UPDATE gdt_partners SET pvs_short_id = 'TOOLONG'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE gdt_partners SET charset = 'latin2'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE gdt_partners SET file_naming = 'random'").run()).toThrow(/CHECK/);
  });

  it('a PVS number names one patient per partner, and the link is append-only', () => {
    const db = migrated();
    db.prepare("INSERT INTO pvs_patients (partner_id, pvs_number, patient_id, linked_at) VALUES (1, '4711', 1, 0)").run();
    expect(() => db.prepare("INSERT INTO pvs_patients (partner_id, pvs_number, patient_id, linked_at) VALUES (1, '4712', 1, 0)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE pvs_patients SET pvs_number = '1'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM pvs_patients').run()).toThrow(/append-only/);
  });

  it('exchanged files are append-only; direction and outcome agree; a refusal has its reason', () => {
    const db = migrated();
    insertFile(db, file());
    insertFile(db, file({ direction: 'out', outcome: 'failed', reason: 'disk full', bytes: null }));
    expect(() => insertFile(db, file({ direction: 'out' }))).toThrow(/CHECK/);
    expect(() => insertFile(db, file({ outcome: 'rejected' }))).toThrow(/CHECK/);
    expect(() => insertFile(db, file({ parse: 'not json' }))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE gdt_files SET outcome = 'rejected', reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM gdt_files').run()).toThrow(/append-only/);
  });
});
