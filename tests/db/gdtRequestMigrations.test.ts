/**
 * Migrations 0200 (a PVS request → its planned session), 0202 (insurance on the patient) and 0204 (a corrected
 * 6310 names its amendment and the first result): what the database itself refuses, whatever the caller.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../db/migrations';

function migrated(target = 204) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 190);
  db.exec(`
    INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', 'A', 'admin', 'x', 0);
    INSERT INTO patients (family_name, given_name, birth_date, created_at) VALUES ('Müller', 'Jörg', '1970-02-01', 0), ('Roth', 'Eva', '1971-02-01', 0);
    INSERT INTO courses (patient_id, kind, planned_infusions, indication, prior_failed_therapies, created_at, created_by) VALUES (1, 'weekly', 4, 'crps', '[]', 0, 1);
    INSERT INTO infusion_sessions (patient_id, chair_id, state, created_at, course_id, session_number, planned_for) VALUES (1, 1, 'planned', 0, 1, 1, 0);
    INSERT INTO gdt_partners (name, active, inbox_dir, outbox_dir, pvs_gdt_id, own_gdt_id, pvs_short_id, own_short_id, file_naming, charset, poll_ms, updated_at, updated_by)
      VALUES ('PVS', 1, '/in', '/out', 'PVS', 'ESKINF', 'PVS', 'ESK', 'fixed', 'iso-8859-15', 2000, 0, 1);
  `);
  migrate(db, target);
  return db;
}

const insertFile = (db: Database.Database, over: Record<string, unknown> = {}) =>
  Number(
    db
      .prepare(`INSERT INTO gdt_files (partner_id, direction, file_name, bytes, at, record_type, outcome, reason, parse, patient_id, session_id,
        requested_for, amendment_id, corrects_file_id) VALUES (1, @direction, 'f.gdt', x'00', 0, @recordType, @outcome, @reason, '{}', @patientId,
        @sessionId, @requestedFor, @amendmentId, @correctsFileId)`)
      .run({
        direction: 'in', recordType: '6302', outcome: 'accepted', reason: null, patientId: 1, sessionId: null, requestedFor: null, amendmentId: null,
        correctsFileId: null, ...over,
      }).lastInsertRowid,
  );
const plan = (db: Database.Database, fileId: number, sessionId = 1) =>
  db.prepare("INSERT INTO gdt_request_plans (file_id, session_id, at, how) VALUES (?, ?, 0, 'planned')").run(fileId, sessionId);

describe('0200 gdt request plans', () => {
  it('is migration 200; the requested day is a real date', () => {
    expect(schemaVersion(migrated(200))).toBe(200);
    const db = migrated();
    insertFile(db, { requestedFor: '2026-12-03' });
    expect(() => insertFile(db, { requestedFor: '2026-02-30' })).toThrow(/CHECK/);
    expect(() => insertFile(db, { requestedFor: '03.12.2026' })).toThrow(/CHECK/);
  });

  it('only an accepted 6301/6302 plans a session, only of its own patient, once, and the plan is append-only', () => {
    const db = migrated();
    const request = insertFile(db);
    expect(() => plan(db, insertFile(db, { outcome: 'rejected', reason: 'broken' }))).toThrow(/only an accepted 6301\/6302/);
    expect(() => plan(db, insertFile(db, { recordType: '6311' }))).toThrow(/only an accepted 6301\/6302/);
    expect(() => plan(db, insertFile(db, { patientId: 2 }))).toThrow(/only one of its own patient/);
    plan(db, request);
    expect(() => plan(db, request)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare('UPDATE gdt_request_plans SET session_id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM gdt_request_plans').run()).toThrow(/append-only/);
  });
});

describe('0202 patient insurance', () => {
  it('is one of statutory, private, self-payer or not known; a change needs its audit entry (0060)', () => {
    const db = migrated(202);
    expect(db.prepare('SELECT insurance FROM patients WHERE id = 1').pluck().get()).toBeNull();
    db.prepare("INSERT INTO patients (family_name, given_name, birth_date, created_at, insurance) VALUES ('Neu', 'Eva', '1980-01-01', 0, 'private')").run();
    expect(() => db.prepare("INSERT INTO patients (family_name, given_name, birth_date, created_at, insurance) VALUES ('X', 'Y', '1980-01-01', 0, 'gold')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE patients SET insurance = 'statutory' WHERE id = 1").run()).toThrow(/needs its audit entry/);
  });
});

describe('0204 gdt corrections', () => {
  it('a correction names an amendment of its own session and that session’s first result', () => {
    const db = migrated();
    const first = insertFile(db, { direction: 'out', outcome: 'written', recordType: '6310', sessionId: 1, patientId: 1 });
    expect(() => insertFile(db, { direction: 'out', outcome: 'written', recordType: '6310', sessionId: 1, correctsFileId: first })).toThrow(
      /refers to the first result of its own session/,
    );
    expect(() => insertFile(db, { direction: 'out', outcome: 'written', recordType: '6310', sessionId: 1, amendmentId: 99, correctsFileId: first })).toThrow(
      /an amendment of its own session/,
    );
    expect(() => db.prepare('UPDATE gdt_files SET corrects_file_id = 1').run()).toThrow(/append-only/);
  });
});
