/** A session walked to its signature in a real database file, with vitals and an alarm on its chair, and a tamperer. */
import type Database from 'better-sqlite3-multiple-ciphers';
import { writeAnchor } from '../../db/auditAnchor';
import { join } from 'node:path';
import type { StoredReading } from '../../core/api/schemas';
import { rawClinicDb } from '../helpers/clinicFile';
import { tempDir } from '../helpers/tempDir';
import { discharge, FIXTURE_AUDIT_KEY, MIN, openFixture, readyForDischarge, stoppedSession, T0, type Fixture } from './sessions.fixtures';

export const CHAIR = 1;
const STEP_MS = 20_000;

export interface SignedSession {
  f: Fixture;
  dir: string;
  file: string;
  sessionId: number;
  dischargedAt: number;
  signedAt: number;
  remove(): void;
}

/** Heart rate and SpO2 every 20 s on the chair from `from` to `to` (in batches of six, as the store writes them). */
export function monitor(f: Fixture, from: number, to: number, chairId = CHAIR): void {
  let batch: StoredReading[] = [];
  for (let t = from; t <= to; t += STEP_MS) {
    const wave = Math.round(Math.sin(t / 60_000) * 5);
    batch.push({ parameter: 'hr', value: 72 + wave, unit: '/min', state: 'valid', receivedAt: t });
    batch.push({ parameter: 'spo2', value: 97 + (wave > 3 ? 1 : 0), unit: '%', state: 'valid', receivedAt: t });
    if (batch.length >= 12) {
      f.api.appendReadings(chairId, batch);
      batch = [];
    }
  }
  if (batch.length > 0) f.api.appendReadings(chairId, batch);
}

/**
 * Planned at T0 on chair 1, monitored from 20 min before the start, an alarm during the infusion, discharged and
 * signed. The monitor keeps running 90 s past the discharge, so the open chunks reach over the record range's end.
 */
export function signedSession(): SignedSession {
  const dir = tempDir('record-protection-');
  const file = join(dir.path, 'clinic.sqlite');
  const f = openFixture(file);
  const { sessionId, stop } = stoppedSession(f);
  const dischargedAt = readyForDischarge(f, sessionId, stop);
  monitor(f, T0 - 20 * MIN, dischargedAt + 90_000);
  f.api.appendAlarmEvents(CHAIR, sessionId, [
    { at: T0 + 10 * MIN, type: 'raised', alarmId: 'a1', code: 'spo2.low', priority: 'medium', userName: null, detail: { value: 91 } },
  ]);
  discharge(f, sessionId, dischargedAt);
  const signedAt = dischargedAt + 2 * MIN;
  f.api.signSession({ userId: f.physician, at: signedAt }, sessionId);
  // The sealed anchor the app writes after each call (db/worker.ts), so the file opens like an app's.
  const head = f.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  writeAnchor(join(dir.path, 'audit.anchor'), FIXTURE_AUDIT_KEY, head);
  return {
    f,
    dir: dir.path,
    file,
    sessionId,
    dischargedAt,
    signedAt,
    remove() {
      f.db.close();
      dir.remove();
    },
  };
}

/** Someone who edits the file directly: a second connection with every trigger dropped. */
export function tamper(file: string, edit: (db: Database.Database) => void): void {
  const db = rawClinicDb(file, FIXTURE_AUDIT_KEY);
  try {
    // A careful attacker drops the triggers, edits, and puts them back exactly, so the schema check at open passes.
    const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    edit(db);
    for (const { sql } of triggers) db.exec(sql);
  } finally {
    db.close();
  }
}
