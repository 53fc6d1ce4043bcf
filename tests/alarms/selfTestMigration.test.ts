/** Migration 0155: the self-test log is strict, append-only, and each row names its operator. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrations';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('sm', 'S', 'mfa', 'x', 0)").run();
  return db;
}

const RUN = '0b7c1d2e-run';

describe('0155 alarm self-test', () => {
  it('refuses UPDATE and DELETE', () => {
    const db = migrated();
    db.prepare("INSERT INTO alarm_self_tests (run_id, at, step, priority, sound, user_id, detail) VALUES (?, 1, 'shown', 'high', 1, 1, '{}')").run(RUN);
    expect(() => db.prepare('UPDATE alarm_self_tests SET sound = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM alarm_self_tests').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT sound FROM alarm_self_tests').pluck().get()).toBe(1);
  });

  it('checks the shape of a step, the operator and the JSON', () => {
    const db = migrated();
    const insert = (step: string, priority: string | null, sound: number | null, result: string | null, user = 1, detail = '{}', run = RUN) =>
      db.prepare('INSERT INTO alarm_self_tests (run_id, at, step, priority, sound, result, user_id, detail) VALUES (?, 0, ?, ?, ?, ?, ?, ?)').run(run, step, priority, sound, result, user, detail);
    expect(() => insert('shown', null, 1, null)).toThrow(/CHECK/); // a shown step names its priority
    expect(() => insert('shown', 'high', null, null)).toThrow(/CHECK/); // … and whether it sounded
    expect(() => insert('shown', 'high', 1, 'passed')).toThrow(/CHECK/);
    expect(() => insert('result', 'high', null, 'passed')).toThrow(/CHECK/);
    expect(() => insert('result', null, null, 'maybe')).toThrow(/CHECK/);
    expect(() => insert('shown', 'urgent', 1, null)).toThrow(/CHECK/);
    expect(() => insert('shown', 'low', 2, null)).toThrow(/CHECK/);
    expect(() => insert('shown', 'low', 1, null, 99)).toThrow(/FOREIGN KEY/);
    expect(() => insert('shown', 'low', 1, null, 1, 'nope')).toThrow(/CHECK/);
    expect(() => insert('shown', 'low', 1, null, 1, '{}', 'short')).toThrow(/CHECK/);
    insert('shown', 'low', 0, null);
    insert('result', null, null, 'notConfirmed', 1, '{"reason":"noSound"}');
    expect(db.prepare('SELECT count(*) FROM alarm_self_tests').pluck().get()).toBe(2);
  });
});
