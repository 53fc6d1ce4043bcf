/**
 * What a backup's manifest says about its database, read the same way from the snapshot (when writing) and from the
 * restored copy (when checking): schema version, rows per table, and the audit trail's last entry.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { schemaVersion } from './migrations';

export interface DatabaseFacts {
  schemaVersion: number;
  /** Rows per table (every table of the schema, SQLite's own excluded), by name. */
  rowCounts: Record<string, number>;
  /** The audit trail's last entry; null for a database without entries. */
  auditHead: { seq: number; hash: string } | null;
}

export function databaseFacts(db: Database.Database): DatabaseFacts {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const rowCounts: Record<string, number> = {};
  for (const t of tables) rowCounts[t] = db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number;
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { schemaVersion: schemaVersion(db), rowCounts, auditHead: head ? { seq: head.seq, hash: head.hash } : null };
}
