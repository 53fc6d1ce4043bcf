/**
 * Issue 10, points 6, 8, 9: clinic settings with their previous value, the discharge scale actually used, rate
 * orders with their confirmation, and structured corrections of dose events.
 * - clinic_settings.previous_value: the value in force before the change (history shows old → new as it was).
 * - discharge_scores.other_scale_reason: why a score was taken on another scale than the configured one.
 * - rate_orders: a rate the physician ordered; rate_confirmations: the MFA (or the pump's read-back) confirming the
 *   pump runs at it, with the dose event written at that moment. At most one confirmation per order, never before it.
 * - dose_amendments: old → new value of one field of a dose event, part of a signed amendment (physician, reason).
 * All append-only and locked with the signed session like the rows of 0030.
 */
import type { Migration } from './index';

const signed = (ref: 'OLD' | 'NEW') => `(SELECT signed_at FROM infusion_sessions WHERE id = ${ref}.session_id) IS NOT NULL`;
const isPhysician = (userColumn: string) => `(SELECT role FROM users WHERE id = ${userColumn}) = 'physician'`;

function appendOnly(table: string, lockedWhenSigned: boolean): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN
      SELECT RAISE(ABORT, '${table}: append-only, record a new entry instead');
    END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN
      SELECT RAISE(ABORT, '${table}: append-only, record a new entry instead');
    END;
    ${
      lockedWhenSigned
        ? `CREATE TRIGGER ${table}_no_insert_when_signed BEFORE INSERT ON ${table} WHEN ${signed('NEW')} BEGIN
      SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments');
    END;`
        : ''
    }
    CREATE INDEX ${table}_session ON ${table}(session_id, id);`;
}

const migration: Migration = {
  version: 90,
  name: 'settings-and-orders',
  up(db) {
    db.exec(`
      ALTER TABLE clinic_settings ADD COLUMN previous_value TEXT CHECK (previous_value IS NULL OR json_valid(previous_value));
      ALTER TABLE discharge_scores ADD COLUMN other_scale_reason TEXT CHECK (other_scale_reason IS NULL OR length(trim(other_scale_reason)) > 0);

      CREATE TABLE rate_orders (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        rate_ml_per_h REAL NOT NULL CHECK (rate_ml_per_h > 0),
        reason TEXT,
        ordered_at INTEGER NOT NULL,
        ordered_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE TRIGGER rate_orders_by_physician BEFORE INSERT ON rate_orders WHEN NOT ${isPhysician('NEW.ordered_by')} BEGIN
        SELECT RAISE(ABORT, 'only a physician orders a rate');
      END;
      ${appendOnly('rate_orders', true)}

      CREATE TABLE rate_confirmations (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL UNIQUE REFERENCES rate_orders(id),
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        dose_event_id INTEGER NOT NULL UNIQUE REFERENCES dose_events(id),
        via TEXT NOT NULL CHECK (via IN ('mfa', 'pumpReadback')),
        at INTEGER NOT NULL,
        -- A person confirms by hand; the pump's read-back has no person.
        confirmed_by INTEGER REFERENCES users(id),
        pump_rate_ml_per_h REAL,
        CHECK ((via = 'mfa') = (confirmed_by IS NOT NULL)),
        CHECK ((via = 'pumpReadback') = (pump_rate_ml_per_h IS NOT NULL))
      ) STRICT;
      CREATE TRIGGER rate_confirmations_valid BEFORE INSERT ON rate_confirmations BEGIN
        SELECT RAISE(ABORT, 'a confirmation belongs to an order of the same session')
          WHERE (SELECT session_id FROM rate_orders WHERE id = NEW.order_id) IS NOT NEW.session_id;
        SELECT RAISE(ABORT, 'a rate cannot be confirmed before it was ordered')
          WHERE NEW.at < (SELECT ordered_at FROM rate_orders WHERE id = NEW.order_id);
        SELECT RAISE(ABORT, 'the confirmed rate must be the dose event of the order')
          WHERE NOT EXISTS (SELECT 1 FROM dose_events d JOIN rate_orders o ON o.id = NEW.order_id
            WHERE d.id = NEW.dose_event_id AND d.session_id = NEW.session_id AND d.kind = 'rateChange'
              AND d.rate_ml_per_h = o.rate_ml_per_h AND d.at = NEW.at);
      END;
      ${appendOnly('rate_confirmations', true)}

      -- Part of a signed amendment (amendments: physician, reason); allowed after sign-off like every amendment.
      CREATE TABLE dose_amendments (
        id INTEGER PRIMARY KEY,
        amendment_id INTEGER NOT NULL UNIQUE REFERENCES amendments(id),
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        dose_event_id INTEGER NOT NULL REFERENCES dose_events(id),
        field TEXT NOT NULL CHECK (field IN ('rateMlPerH', 'amount', 'at')),
        old_value REAL NOT NULL,
        new_value REAL NOT NULL CHECK (new_value > 0),
        CHECK (new_value <> old_value)
      ) STRICT;
      CREATE TRIGGER dose_amendments_valid BEFORE INSERT ON dose_amendments BEGIN
        SELECT RAISE(ABORT, 'a dose correction belongs to an amendment of the same dose event')
          WHERE NOT EXISTS (SELECT 1 FROM amendments a WHERE a.id = NEW.amendment_id AND a.session_id = NEW.session_id
            AND a.target = 'doseEvent' AND a.target_id = NEW.dose_event_id)
            OR NOT EXISTS (SELECT 1 FROM dose_events d WHERE d.id = NEW.dose_event_id AND d.session_id = NEW.session_id);
      END;
      ${appendOnly('dose_amendments', false)}
    `);
  },
};
export default migration;
