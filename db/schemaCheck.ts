/**
 * The schema check at every open: tables, indexes, triggers and views must be exactly those the app's migrations
 * made. Whoever edits the file with a SQLite tool can drop the triggers that keep signed records and the audit log
 * append-only; the app then refuses the file instead of showing what was forged. The reference is the same
 * migrations run on an empty in-memory database, so every future migration is covered without a list.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** SQLite's own statistics tables, made by ANALYZE / PRAGMA optimize at run time, not by a migration. */
const STATISTICS = "('sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4')";
const MAX_NAMED = 5;

function schemaObjects(db: Database.Database): Map<string, SchemaObject> {
  const rows = db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE NOT (type = 'table' AND name IN ${STATISTICS})`)
    .all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r]));
}

const normalised = (o: SchemaObject) => `${o.tbl_name}\u001f${(o.sql ?? '').replace(/\s+/g, ' ').trim()}`;

const references = new Map<number, Map<string, SchemaObject>>();
function reference(version: number, nativeBinding?: string): Map<string, SchemaObject> {
  let objects = references.get(version);
  if (!objects) {
    const fresh = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      migrate(fresh, version);
      objects = schemaObjects(fresh);
    } finally {
      fresh.close();
    }
    references.set(version, objects);
  }
  return objects;
}

/**
 * What differs from the schema the migrations make at this file's version, one phrase each (empty when none).
 * `nativeBinding`: the same better-sqlite3 build the file was opened with (Electron's differs from Node's).
 */
export function schemaDifferences(db: Database.Database, nativeBinding?: string): string[] {
  const version = schemaVersion(db);
  if (version > LATEST_VERSION) return [`schema version ${version} is newer than this app knows (${LATEST_VERSION})`];
  const expected = reference(version, nativeBinding);
  const found = schemaObjects(db);
  const differences: string[] = [];
  for (const [id, object] of expected) {
    const there = found.get(id);
    if (!there) differences.push(`${id} is missing`);
    else if (normalised(there) !== normalised(object)) differences.push(`${id} differs from the app's`);
  }
  for (const id of found.keys()) if (!expected.has(id)) differences.push(`${id} is not one the app made`);
  return differences;
}

export class SchemaChangedError extends Error {
  constructor(differences: string[]) {
    const named = differences.slice(0, MAX_NAMED).join('; ');
    const more = differences.length > MAX_NAMED ? ` and ${differences.length - MAX_NAMED} more` : '';
    super(
      `The database's schema is not the one this app made (${named}${more}): it was changed outside the app. ` +
        'It was not opened and nothing in it was changed; restore it from a backup and report it (docs/threat-model.md).',
    );
    this.name = 'SchemaChangedError';
  }
}

export function assertSchemaAsMigrated(db: Database.Database, nativeBinding?: string): void {
  const differences = schemaDifferences(db, nativeBinding);
  if (differences.length > 0) throw new SchemaChangedError(differences);
}
