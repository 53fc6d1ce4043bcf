/**
 * Numbered migrations in order, tracked in PRAGMA user_version, all pending ones in one transaction.
 * Append only: never edit a migration that has shipped; add the next number (steps of 10).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import m0010 from './0010-initial';
import m0020 from './0020-users-audit';
import m0030 from './0030-sessions';
import m0040 from './0040-alarm-log';
import m0050 from './0050-chair-devices';
import m0060 from './0060-record-protection';
import m0070 from './0070-discharge-gate';
import m0080 from './0080-checklist-confirmations';
import m0090 from './0090-settings-and-orders';
import m0110 from './0110-query-indexes';
import m0120 from './0120-gdt';
import m0130 from './0130-documents';
import m0140 from './0140-signed-transfers';
import m0155 from './0155-alarm-self-test';
import m0170 from './0170-backup-runs';
import m0175 from './0175-gdt-pdf-attachment';
import m0185 from './0185-user-administration';
import m0190 from './0190-audit-checkpoints';
import m0200 from './0200-gdt-request-plans';
import m0202 from './0202-patient-insurance';
import m0204 from './0204-gdt-corrections';
import m0206 from './0206-chair-move';
import m0210 from './0210-gdt-reason-codes';
import m0212 from './0212-sessions-by-patient';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: Migration[] = [m0010, m0020, m0030, m0040, m0050, m0060, m0070, m0080, m0090, m0110, m0120, m0130, m0140, m0155, m0170, m0175, m0185, m0190, m0200, m0202, m0204, m0206, m0210, m0212];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export class DatabaseFromNewerAppError extends Error {
  constructor(found: number) {
    super(
      `This database was written by a newer version of the app (schema ${found}, this app knows up to ${LATEST_VERSION}). ` +
        'It was not opened, so nothing in it was changed. Install the newer app version again.',
    );
    this.name = 'DatabaseFromNewerAppError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs pending migrations up to `target` (tests pass a target to check one migration at a time). */
export function migrate(db: Database.Database, target = LATEST_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DatabaseFromNewerAppError(current);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}
