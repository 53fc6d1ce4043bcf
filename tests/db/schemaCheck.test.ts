/**
 * The schema check at open, on real files edited with a SQLite tool as a forger would: a dropped, added or rewritten
 * trigger or index is refused by name, the file is left byte for byte as it was, an untouched file opens.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, schemaVersion } from '../../db/migrations';
import { closeDatabase, openDatabase } from '../../db/open';
import { schemaDifferences } from '../../db/schemaCheck';
import { tempDir } from '../helpers/tempDir';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

/** A clinic file made and closed by the app, then edited by `tamper` in a separate SQLite connection. */
function editedFile(tamper: (raw: Database.Database) => void): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = join(dir.path, 'clinic.sqlite');
  closeDatabase(openDatabase(file));
  const raw = new Database(file);
  tamper(raw);
  raw.close();
  return file;
}

function expectRefusedUnchanged(file: string, named: RegExp): void {
  const before = readFileSync(file);
  expect(() => openDatabase(file)).toThrow(named);
  expect(() => openDatabase(file)).toThrow(/not the one this app made.*nothing in it was changed/);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe('schema check at open', () => {
  it('opens an untouched file, again and again (statistics from PRAGMA optimize are not a difference)', () => {
    const file = editedFile((raw) => raw.exec('ANALYZE'));
    for (let i = 0; i < 2; i++) closeDatabase(openDatabase(file));
  });

  it('refuses a file whose append-only trigger was dropped, naming it', () => {
    expectRefusedUnchanged(
      editedFile((raw) => raw.exec('DROP TRIGGER audit_log_no_update')),
      /trigger audit_log_no_update is missing/,
    );
  });

  it('refuses a file with a trigger the app did not make, naming it', () => {
    const file = editedFile((raw) => raw.exec("CREATE TRIGGER hide_edits AFTER INSERT ON audit_log BEGIN SELECT 1; END"));
    expectRefusedUnchanged(file, /trigger hide_edits is not one the app made/);
  });

  it('refuses a file whose index was altered, naming it', () => {
    const file = editedFile((raw) => raw.exec('DROP INDEX audit_log_entity; CREATE INDEX audit_log_entity ON audit_log (entity)'));
    expectRefusedUnchanged(file, /index audit_log_entity differs from the app's/);
  });

  it('refuses a trigger rewritten in sqlite_schema itself (writable_schema), so the text cannot be faked either', () => {
    const file = editedFile((raw) => {
      raw.unsafeMode(true); // as the sqlite3 shell allows it (better-sqlite3 is defensive by default)
      raw.pragma('writable_schema = ON');
      // Same name, same table, never fires: the shape a forger would leave behind.
      raw.prepare("UPDATE sqlite_schema SET sql = replace(sql, 'ON audit_log BEGIN', 'ON audit_log WHEN 0 BEGIN') WHERE name = 'audit_log_no_delete'").run();
    });
    expectRefusedUnchanged(file, /trigger audit_log_no_delete differs from the app's/);
  });

  it('undoes a pending migration when the older file was edited: nothing in it is changed', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'old.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    migrate(raw, 20);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.close();
    expectRefusedUnchanged(file, /trigger audit_log_no_delete is missing/);
    const again = new Database(file, { readonly: true });
    expect(schemaVersion(again)).toBe(20);
    again.close();
  });

  it('compares with the migrations at the file’s own version (an older untouched file has no differences)', () => {
    for (const version of [0, 10, 20, LATEST_VERSION]) {
      const db = new Database(':memory:');
      migrate(db, version);
      expect(schemaDifferences(db)).toEqual([]);
      db.close();
    }
  });
});
