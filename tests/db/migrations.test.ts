import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFromNewerAppError, LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../db/migrations';
import { openDatabase } from '../../db/open';
import { tempDir } from '../helpers/tempDir';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('migrations', () => {
  // Steps of 10 leave room; parallel branches are given numbers in between (e.g. 0175), so only the order is fixed.
  it('are numbered in increasing order', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(Number.isInteger(m.version) && m.version > 0).toBe(true);
      if (i > 0) expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version);
    });
  });

  it('migrate an empty database to the latest version and record it in user_version', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    migrate(db); // idempotent
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('0010 creates strict tables, four chairs, and the vitals primary-key seek', () => {
    const db = new Database(':memory:');
    migrate(db, 10);
    expect(schemaVersion(db)).toBe(10);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['chairs', 'chair_events', 'infusion_sessions', 'patients', 'vital_chunks']));
    expect(db.prepare('SELECT count(*) FROM chairs').pluck().get()).toBe(4);
    // STRICT: a text in an integer column is refused, not silently stored.
    expect(() => db.prepare("INSERT INTO chair_events (chair_id, at, kind, detail) VALUES (1, 'soon', 'x', 'y')").run()).toThrow(/cannot store TEXT/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT data FROM vital_chunks WHERE chair_id = 1 AND parameter = 'hr' AND start_ms BETWEEN 0 AND 10")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH vital_chunks USING PRIMARY KEY \(chair_id=\? AND parameter=\? AND start_ms>\? AND start_ms<\?\)/);
  });

  it('0020 adds users and the append-only audit log', () => {
    const db = new Database(':memory:');
    migrate(db, 20);
    expect(schemaVersion(db)).toBe(20);
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('anna', 'Anna', 'mfa', 'x', 0)").run();
    expect(() => db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('ANNA', 'A', 'mfa', 'x', 0)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('bob', 'B', 'nurse', 'x', 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM users').run()).toThrow(/deactivated, never deleted/);
    db.prepare("INSERT INTO audit_log (seq, at, action, entity, detail, prev_hash, hash) VALUES (1, 0, 'a', 'b', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('a failing migration leaves the database as it was', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE chairs (x)'); // collides with 0010
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'patients'").pluck().get()).toBe(0);
  });
});

describe('0110 query indexes', () => {
  it('fills the name search keys of patients registered before it', () => {
    const db = new Database(':memory:');
    migrate(db, 50);
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', 'A', 'admin', 'x', 0)").run();
    db.prepare("INSERT INTO patients (family_name, given_name, birth_date, created_at, created_by) VALUES ('Öztürk', 'Ayşe', '1980-01-01', 0, 1)").run();
    migrate(db, 110);
    expect(db.prepare('SELECT family_key, given_key FROM patient_search').get()).toEqual({ family_key: 'ozturk', given_key: 'ayse' });
  });
});

describe('openDatabase', () => {
  it('uses WAL, synchronous=FULL and foreign keys', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openDatabase(join(dir.path, 'c.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO chair_events (chair_id, at, kind, detail) VALUES (99, 0, 'x', 'y')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database from a newer app version, with a clear message, and leaves it untouched', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'future.sqlite');
    const future = new Database(file);
    future.pragma(`user_version = ${LATEST_VERSION + 10}`);
    future.close();
    expect(() => openDatabase(file)).toThrow(DatabaseFromNewerAppError);
    expect(() => openDatabase(file)).toThrow(/newer version of the app/);
    const again = new Database(file);
    expect(schemaVersion(again)).toBe(LATEST_VERSION + 10);
    again.close();
  });
});

describe('0130 documents', () => {
  function seeded() {
    const db = new Database(':memory:');
    migrate(db, 50); // before 0070 a session could be inserted signed: session 2 is a signed one
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('doc', 'Dr. A', 'physician', 'x', 0)").run();
    db.prepare("INSERT INTO patients (family_name, given_name, birth_date, created_at, created_by) VALUES ('A', 'B', '1980-01-01', 0, 1)").run();
    db.prepare(
      "INSERT INTO courses (patient_id, kind, planned_infusions, indication, prior_failed_therapies, created_at, created_by) VALUES (1, 'weekly', 4, 'crps', '[]', 0, 1)",
    ).run();
    db.prepare("INSERT INTO infusion_sessions (patient_id, chair_id, state, created_at, course_id, session_number, planned_for) VALUES (1, 1, 'planned', 0, 1, 1, 0)").run();
    db.prepare(
      "INSERT INTO infusion_sessions (patient_id, chair_id, state, created_at, course_id, session_number, planned_for, signed_at, signed_by) VALUES (1, 1, 'cancelled', 0, 1, 2, 0, 1, 1)",
    ).run();
    migrate(db, 130);
    return db;
  }
  const insert = (db: Database.Database, kind: string, sessionId: number | null, courseId: number | null, sha = 'a'.repeat(64)) =>
    db
      .prepare("INSERT INTO documents (kind, session_id, course_id, language, created_at, created_by, sha256, bytes) VALUES (?, ?, ?, 'de', 0, 1, ?, x'25504446')")
      .run(kind, sessionId, courseId, sha);

  it('stores drafts and course documents; refuses a final protocol of an unsigned session, wrong owners and bad hashes', () => {
    const db = seeded();
    insert(db, 'sessionProtocolDraft', 1, null);
    insert(db, 'courseReport', null, 1);
    expect(() => insert(db, 'sessionProtocol', 1, null)).toThrow(/needs a signed session/);
    expect(() => insert(db, 'courseReport', 1, null)).toThrow(/CHECK/);
    expect(() => insert(db, 'sessionProtocolDraft', 1, 1)).toThrow(/CHECK/);
    expect(() => insert(db, 'coverageDossier', null, 1, 'Z'.repeat(64))).toThrow(/CHECK/);
    expect(() => insert(db, 'coverageDossier', null, 1, 'a'.repeat(63))).toThrow(/CHECK/);
    insert(db, 'sessionProtocol', 2, null);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(3);
  });

  it('documents and justification texts are append-only', () => {
    const db = seeded();
    insert(db, 'courseReport', null, 1);
    expect(() => db.prepare("UPDATE documents SET bytes = x'00'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM documents').run()).toThrow(/append-only/);
    db.prepare(`INSERT INTO coverage_justifications (course_id, texts, saved_at, saved_by) VALUES (1, '{"medicalNecessity":"x"}', 0, 1)`).run();
    expect(() => db.prepare("INSERT INTO coverage_justifications (course_id, texts, saved_at, saved_by) VALUES (1, '[1]', 0, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE coverage_justifications SET texts = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM coverage_justifications').run()).toThrow(/append-only/);
  });
});

describe('0185 user administration', () => {
  it('adds the one-time password flag (0 for existing users, changed only with its audit entry) and the unsigned-sessions index', () => {
    const db = new Database(':memory:');
    migrate(db, 140);
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('anna', 'Anna', 'mfa', 'x', 0)").run();
    migrate(db, 185);
    expect(db.prepare('SELECT must_change_password FROM users').pluck().get()).toBe(0);
    expect(() => db.prepare('UPDATE users SET must_change_password = 1').run()).toThrow(/needs its audit entry/);
    expect(() => db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at, must_change_password) VALUES ('b', 'B', 'mfa', 'x', 0, 2)").run()).toThrow(/CHECK/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM infusion_sessions WHERE state IN ('discharged', 'cancelled') AND signed_at IS NULL")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX infusion_sessions_unsigned/);
  });
});
