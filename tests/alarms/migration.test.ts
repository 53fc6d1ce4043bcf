/** Migration 0040: the alarm log and patient overrides are append-only, strict, and tied to chairs. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrations';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

describe('0040 alarm log', () => {
  it('creates alarm_log and alarm_overrides', () => {
    const db = migrated();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['alarm_log', 'alarm_overrides']));
  });

  it('refuses UPDATE and DELETE of alarm log rows', () => {
    const db = migrated();
    db.prepare("INSERT INTO alarm_log (chair_id, at, type, code, priority, detail) VALUES (1, 1000, 'raised', 'spo2.desat', 'high', '{}')").run();
    expect(() => db.prepare("UPDATE alarm_log SET priority = 'low'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM alarm_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) FROM alarm_log').pluck().get()).toBe(1);
  });

  it('checks type, priority, JSON detail and the chair', () => {
    const db = migrated();
    const insert = (chair: number, type: string, priority: string | null, detail: string) =>
      db.prepare('INSERT INTO alarm_log (chair_id, at, type, priority, detail) VALUES (?, 0, ?, ?, ?)').run(chair, type, priority, detail);
    expect(() => insert(1, 'silenced', null, '{}')).toThrow(/CHECK/);
    expect(() => insert(1, 'raised', 'urgent', '{}')).toThrow(/CHECK/);
    expect(() => insert(1, 'raised', 'high', 'not json')).toThrow(/CHECK/);
    expect(() => insert(99, 'raised', 'high', '{}')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO alarm_log (chair_id, at, type, detail) VALUES (1, 'soon', 'raised', '{}')").run()).toThrow(/cannot store TEXT/);
  });

  it('keeps overrides append-only and needs a reason', () => {
    const db = migrated();
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('drm', 'Dr. M', 'physician', 'x', 0)").run();
    expect(() => db.prepare("INSERT INTO alarm_overrides (chair_id, at, user_id, reason, limits) VALUES (1, 0, 1, ' ', '{}')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO alarm_overrides (chair_id, at, user_id, reason, limits) VALUES (1, 0, 1, 'COPD', '{}')").run();
    expect(() => db.prepare("UPDATE alarm_overrides SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM alarm_overrides').run()).toThrow(/append-only/);
  });
});
