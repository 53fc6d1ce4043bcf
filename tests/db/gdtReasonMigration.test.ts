/**
 * Migration 0210: a GDT file's reason as a code with JSON args beside its English text. Rows from before keep their
 * text and get no code; a code needs the text and its args; the rows stay append-only, so a code is never added later.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';

function before0210() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 206);
  db.exec(`
    INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', 'A', 'admin', 'x', 0);
    INSERT INTO gdt_partners (name, active, inbox_dir, outbox_dir, pvs_gdt_id, own_gdt_id, pvs_short_id, own_short_id, file_naming, charset, poll_ms, updated_at, updated_by)
      VALUES ('PVS', 1, '/in', '/out', 'PVS', 'ESKINF', 'PVS', 'ESK', 'fixed', 'iso-8859-15', 2000, 0, 1);
    INSERT INTO gdt_files (partner_id, direction, file_name, bytes, at, record_type, outcome, reason, parse)
      VALUES (1, 'in', 'ESKPVS.gdt', x'00', 0, '6300', 'rejected', 'record type 6300 (Stammdaten anfordern) is not handled here', '{}'),
             (1, 'in', 'ESKPVS.001', x'00', 0, '6302', 'accepted', NULL, '{}');
  `);
  return db;
}

const insert = (db: Database.Database, over: Record<string, unknown>) =>
  db
    .prepare(`INSERT INTO gdt_files (partner_id, direction, file_name, bytes, at, record_type, outcome, reason, reason_code, reason_args, parse)
      VALUES (1, 'in', 'f.gdt', x'00', 0, '6302', @outcome, @reason, @code, @args, '{}')`)
    .run({ outcome: 'rejected', reason: 'addressed to GDT id "XY" (8315), this app is "ESKINF"', code: 'wrongReceiver', args: '{"receiver":"XY","ownGdtId":"ESKINF"}', ...over });

describe('0210 gdt reason codes', () => {
  it('old rows keep their text and have no code', () => {
    const db = before0210();
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(210);
    expect(db.prepare('SELECT reason, reason_code AS code, reason_args AS args FROM gdt_files ORDER BY id').all()).toEqual([
      { reason: 'record type 6300 (Stammdaten anfordern) is not handled here', code: null, args: null },
      { reason: null, code: null, args: null },
    ]);
  });

  it('a code comes with its English text and a JSON object of args; the row stays append-only', () => {
    const db = before0210();
    migrate(db);
    const id = Number(insert(db, {}).lastInsertRowid);
    expect(db.prepare('SELECT reason_code FROM gdt_files WHERE id = ?').pluck().get(id)).toBe('wrongReceiver');
    insert(db, { code: 'recordCount', args: '{"count":2}' });
    expect(() => insert(db, { outcome: 'accepted', reason: null })).toThrow(/CHECK/);
    expect(() => insert(db, { args: null })).toThrow(/CHECK/);
    expect(() => insert(db, { code: null })).toThrow(/CHECK/);
    expect(() => insert(db, { args: '["XY"]' })).toThrow(/CHECK/);
    expect(() => insert(db, { args: 'not json' })).toThrow(/CHECK/);
    expect(() => insert(db, { code: 'addressed to XY' })).toThrow(/CHECK/);
    // A row from before cannot be given a code afterwards: it shows its text.
    expect(() => db.prepare("UPDATE gdt_files SET reason_code = 'recordTypeNotHandled', reason_args = '{}' WHERE id = 1").run()).toThrow(/append-only/);
  });
});
