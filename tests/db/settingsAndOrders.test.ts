/** Migration 0090: rate orders, confirmations and dose corrections are guarded by the database itself. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrations';

function seeded() {
  const db = new Database(':memory:');
  migrate(db);
  db.exec(`
    INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES
      (1, 'doc', 'Dr. D', 'physician', 'x', 0), (2, 'mfa', 'M', 'mfa', 'x', 0);
    INSERT INTO patients (id, family_name, given_name, birth_date, created_at) VALUES (1, 'P', 'Q', '1970-01-01', 0);
    INSERT INTO courses (id, patient_id, kind, planned_infusions, indication, prior_failed_therapies, created_at, created_by)
      VALUES (1, 1, 'weekly', 3, 'crps', '[]', 0, 1);
    INSERT INTO infusion_sessions (id, patient_id, chair_id, state, created_at, course_id, session_number, planned_for, created_by)
      VALUES (1, 1, 1, 'planned', 0, 1, 1, 0, 2);
    -- A session is created planned; it reaches 'running' by the state machine's steps (0070).
    UPDATE infusion_sessions SET state = 'checkedIn' WHERE id = 1;
    UPDATE infusion_sessions SET state = 'checklistComplete' WHERE id = 1;
    UPDATE infusion_sessions SET state = 'running', started_at = 0 WHERE id = 1;
    INSERT INTO prescriptions (id, session_id, substance, concentration_mg_per_ml, weight_kg, target_mg_per_kg_per_h, hard_limit_mg_per_kg_per_h, limit_problems, prescribed_at, prescribed_by)
      VALUES (1, 1, 'esketamine', 1, 72, 0.1, 1, '[]', 0, 1);
    INSERT INTO dose_events (id, session_id, prescription_id, kind, at, rate_ml_per_h, recorded_by) VALUES (1, 1, 1, 'start', 0, 7.2, 2);
  `);
  return db;
}

describe('migration 0090 settings-and-orders', () => {
  it('a rate order only by a physician, append-only', () => {
    const db = seeded();
    expect(() => db.exec("INSERT INTO rate_orders (session_id, rate_ml_per_h, ordered_at, ordered_by) VALUES (1, 10.8, 100, 2)")).toThrow(/only a physician/);
    db.exec('INSERT INTO rate_orders (id, session_id, rate_ml_per_h, ordered_at, ordered_by) VALUES (1, 1, 10.8, 100, 1)');
    expect(() => db.exec('UPDATE rate_orders SET rate_ml_per_h = 12')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM rate_orders')).toThrow(/append-only/);
  });

  it('a confirmation never before its order, with the dose event of that rate at that time, at most once', () => {
    const db = seeded();
    db.exec('INSERT INTO rate_orders (id, session_id, rate_ml_per_h, ordered_at, ordered_by) VALUES (1, 1, 10.8, 100, 1)');
    db.exec("INSERT INTO dose_events (id, session_id, prescription_id, kind, at, rate_ml_per_h, recorded_by) VALUES (2, 1, 1, 'rateChange', 200, 10.8, 2), (3, 1, 1, 'rateChange', 300, 9, 2)");
    const confirm = (doseEventId: number, at: number) =>
      db.prepare("INSERT INTO rate_confirmations (order_id, session_id, dose_event_id, via, at, confirmed_by) VALUES (1, 1, ?, 'mfa', ?, 2)").run(doseEventId, at);
    expect(() => confirm(2, 50)).toThrow(/before it was ordered/);
    expect(() => confirm(3, 300)).toThrow(/dose event of the order/);
    expect(() => db.exec("INSERT INTO rate_confirmations (order_id, session_id, dose_event_id, via, at) VALUES (1, 1, 2, 'mfa', 200)")).toThrow(/CHECK/);
    confirm(2, 200);
    expect(() => confirm(2, 200)).toThrow(/UNIQUE/);
  });

  it('a dose correction belongs to a doseEvent amendment of the same event and changes the value', () => {
    const db = seeded();
    // Amendments carry their own content hash (0060); any 64 hex digits satisfy the trigger here.
    const hash = 'a'.repeat(64);
    db.exec(`INSERT INTO amendments (id, session_id, target, target_id, correction, reason, signed_at, signed_by, content_hash) VALUES
      (1, 1, 'doseEvent', 1, 'rate 7.2 → 8', 'pump log', 500, 1, '${hash}'), (2, 1, 'observation', 1, 'x', 'y', 500, 1, '${hash}')`);
    const insert = (amendmentId: number, doseEventId: number, oldValue: number, newValue: number) =>
      db.prepare("INSERT INTO dose_amendments (amendment_id, session_id, dose_event_id, field, old_value, new_value) VALUES (?, 1, ?, 'rateMlPerH', ?, ?)").run(amendmentId, doseEventId, oldValue, newValue);
    expect(() => insert(2, 1, 7.2, 8)).toThrow(/same dose event/);
    expect(() => insert(1, 1, 7.2, 7.2)).toThrow(/CHECK/);
    insert(1, 1, 7.2, 8);
    expect(() => db.exec('UPDATE dose_amendments SET new_value = 9')).toThrow(/append-only/);
  });

  it('keeps the previous value of a clinic setting and why another discharge scale was used', () => {
    const db = seeded();
    db.exec("INSERT INTO clinic_settings (key, value, previous_value, reason, set_at, set_by) VALUES ('padssThreshold', '10', '9', 'stricter', 0, 1)");
    expect(db.prepare('SELECT previous_value FROM clinic_settings').pluck().get()).toBe('9');
    expect(() => db.exec("INSERT INTO discharge_scores (session_id, scale, answers, total, max_points, threshold, complete, at, recorded_by, other_scale_reason) VALUES (1, 'padss', '{}', 10, 10, 9, 1, 0, 2, ' ')")).toThrow(/CHECK/);
  });
});
