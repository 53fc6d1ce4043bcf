/**
 * The infusion session end to end (issue 5): courses, prescriptions, the dose timeline, the pre-infusion checklist,
 * observations, discharge scores, escort confirmations, discharge steps (instructions, physician release, override),
 * physician sign-off with amendments, and clinic settings.
 *
 * Clinical rows are append-only (a correction is a new row, or an amendment after sign-off); the database itself
 * refuses what must never happen, whatever the caller:
 * - a discharge that the gate does not allow (infusion stopped, observation time over, escort confirmed, complete
 *   score at or above its threshold taken after the stop, instructions acknowledged, physician release — or a
 *   physician's override with a reason);
 * - any change of a signed session or of its rows, and new rows for it other than amendments;
 * - a release, override, prescription, sign-off or amendment by someone who is not a physician;
 * - a psychiatric indication without a psychiatrist's attestation.
 * "No unresolved high-priority alarm" is checked in the main process (the alarm engine is in memory).
 */
import type { Migration } from './index';

const PAIN = "'crps','spinalCordInjuryPain','mixedNeuropathicPain','phantomLimbPain','postherpeticNeuralgia','fibromyalgia','cancerPain','ischaemicPain','migraineHeadache','lowBackPain'";

/** Rows belonging to one session: locked with it when it is signed. */
const SESSION_ROWS = ['prescriptions', 'dose_events', 'checklist_entries', 'observations', 'discharge_scores', 'escort_confirmations', 'discharge_steps'];

function lockTriggers(table: string): string {
  const signed = (ref: 'OLD' | 'NEW') => `(SELECT signed_at FROM infusion_sessions WHERE id = ${ref}.session_id) IS NOT NULL`;
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN
      SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments') WHERE ${signed('OLD')};
      SELECT RAISE(ABORT, 'clinical records are append-only: record a new entry instead');
    END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN
      SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments') WHERE ${signed('OLD')};
      SELECT RAISE(ABORT, 'clinical records are append-only: record a new entry instead');
    END;
    CREATE TRIGGER ${table}_no_insert_when_signed BEFORE INSERT ON ${table} WHEN ${signed('NEW')} BEGIN
      SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments');
    END;
    CREATE INDEX ${table}_session ON ${table}(session_id, id);`;
}

const isPhysician = (userColumn: string) => `(SELECT role FROM users WHERE id = ${userColumn}) = 'physician'`;

const migration: Migration = {
  version: 30,
  name: 'sessions',
  up(db) {
    db.exec(`
      ALTER TABLE patients ADD COLUMN created_by INTEGER REFERENCES users(id);

      CREATE TABLE courses (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id),
        kind TEXT NOT NULL CHECK (kind IN ('weekly', 'daily')),
        planned_infusions INTEGER NOT NULL CHECK (planned_infusions BETWEEN 1 AND 31),
        indication TEXT NOT NULL CHECK (indication IN (${PAIN}, 'treatmentResistantDepression', 'otherPsychiatric')),
        icd10 TEXT,
        psychiatrist TEXT,
        psychiatrist_attested_at INTEGER,
        prior_failed_therapies TEXT NOT NULL CHECK (json_valid(prior_failed_therapies)),
        created_at INTEGER NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        -- A pain centre: a psychiatric indication only with a psychiatrist's attestation (§1.1).
        CHECK (indication IN (${PAIN}) OR (length(trim(psychiatrist)) > 0 AND psychiatrist_attested_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX courses_patient ON courses(patient_id);
      CREATE TRIGGER courses_no_delete BEFORE DELETE ON courses BEGIN
        SELECT RAISE(ABORT, 'courses are never deleted');
      END;
      CREATE TRIGGER courses_no_update BEFORE UPDATE ON courses BEGIN
        SELECT RAISE(ABORT, 'a course is changed by amendment, not by editing it');
      END;

      ALTER TABLE infusion_sessions ADD COLUMN course_id INTEGER REFERENCES courses(id);
      ALTER TABLE infusion_sessions ADD COLUMN session_number INTEGER;
      ALTER TABLE infusion_sessions ADD COLUMN planned_for INTEGER;
      ALTER TABLE infusion_sessions ADD COLUMN created_by INTEGER REFERENCES users(id);
      ALTER TABLE infusion_sessions ADD COLUMN last_event_at INTEGER;
      ALTER TABLE infusion_sessions ADD COLUMN observation_ends_at INTEGER;
      ALTER TABLE infusion_sessions ADD COLUMN discharged_at INTEGER;
      ALTER TABLE infusion_sessions ADD COLUMN cancel_reason TEXT;
      ALTER TABLE infusion_sessions ADD COLUMN signed_at INTEGER;
      ALTER TABLE infusion_sessions ADD COLUMN signed_by INTEGER REFERENCES users(id);
      CREATE UNIQUE INDEX infusion_sessions_course_number ON infusion_sessions(course_id, session_number) WHERE course_id IS NOT NULL;
      CREATE INDEX infusion_sessions_planned ON infusion_sessions(planned_for);

      CREATE TRIGGER infusion_sessions_state_valid_insert BEFORE INSERT ON infusion_sessions
      WHEN NEW.state NOT IN ('planned', 'checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation', 'discharged', 'cancelled') BEGIN
        SELECT RAISE(ABORT, 'unknown session state');
      END;
      CREATE TRIGGER infusion_sessions_state_valid_update BEFORE UPDATE OF state ON infusion_sessions
      WHEN NEW.state NOT IN ('planned', 'checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation', 'discharged', 'cancelled') BEGIN
        SELECT RAISE(ABORT, 'unknown session state');
      END;

      -- Signed = locked. Signing itself is the last update: only a physician, only a finished session.
      CREATE TRIGGER infusion_sessions_locked_update BEFORE UPDATE ON infusion_sessions WHEN OLD.signed_at IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments');
      END;
      CREATE TRIGGER infusion_sessions_no_delete BEFORE DELETE ON infusion_sessions BEGIN
        SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments') WHERE OLD.signed_at IS NOT NULL;
        SELECT RAISE(ABORT, 'sessions are never deleted: cancel them with a reason');
      END;
      CREATE TRIGGER infusion_sessions_sign BEFORE UPDATE OF signed_at ON infusion_sessions WHEN NEW.signed_at IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'only a discharged or cancelled session can be signed') WHERE NEW.state NOT IN ('discharged', 'cancelled');
        SELECT RAISE(ABORT, 'only a physician signs a session') WHERE NOT ${isPhysician('NEW.signed_by')} OR NEW.signed_by IS NULL;
      END;

      CREATE TABLE prescriptions (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        substance TEXT NOT NULL CHECK (substance IN ('esketamine', 'racemicKetamine')),
        concentration_mg_per_ml REAL NOT NULL CHECK (concentration_mg_per_ml > 0),
        weight_kg REAL NOT NULL CHECK (weight_kg > 0),
        target_mg_per_kg_per_h REAL NOT NULL CHECK (target_mg_per_kg_per_h > 0),
        hard_limit_mg_per_kg_per_h REAL NOT NULL,
        soft_limit_reason TEXT,
        limit_problems TEXT NOT NULL CHECK (json_valid(limit_problems)),
        prescribed_at INTEGER NOT NULL,
        prescribed_by INTEGER NOT NULL REFERENCES users(id),
        CHECK (target_mg_per_kg_per_h <= hard_limit_mg_per_kg_per_h)
      ) STRICT;
      CREATE TRIGGER prescriptions_by_physician BEFORE INSERT ON prescriptions WHEN NOT ${isPhysician('NEW.prescribed_by')} BEGIN
        SELECT RAISE(ABORT, 'only a physician prescribes');
      END;

      -- The dose timeline: what the pump was told to do, when and by whom (core/dose/timeline.ts DoseEvent).
      CREATE TABLE dose_events (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        prescription_id INTEGER NOT NULL REFERENCES prescriptions(id),
        kind TEXT NOT NULL CHECK (kind IN ('start', 'rateChange', 'pause', 'resume', 'stop', 'bolus')),
        at INTEGER NOT NULL,
        rate_ml_per_h REAL,
        amount REAL,
        unit TEXT CHECK (unit IS NULL OR unit IN ('ml', 'mg')),
        reason TEXT,
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        CHECK ((kind IN ('start', 'rateChange')) = (rate_ml_per_h IS NOT NULL AND rate_ml_per_h > 0)),
        CHECK ((kind = 'bolus') = (amount IS NOT NULL AND amount > 0 AND unit IS NOT NULL))
      ) STRICT;
      CREATE TRIGGER dose_events_in_order BEFORE INSERT ON dose_events
      WHEN NEW.at < (SELECT max(at) FROM dose_events WHERE session_id = NEW.session_id) BEGIN
        SELECT RAISE(ABORT, 'a dose event may not be dated before the previous one');
      END;

      CREATE TABLE checklist_entries (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        items TEXT NOT NULL CHECK (json_valid(items)),
        saved_at INTEGER NOT NULL,
        saved_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        kind TEXT NOT NULL CHECK (kind IN ('pain', 'sedation', 'dissociation', 'nausea', 'bloodPressure', 'note', 'adverseEvent')),
        at INTEGER NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        recorded_at INTEGER NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      CREATE TABLE discharge_scores (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        scale TEXT NOT NULL CHECK (scale IN ('padss', 'modifiedPadss', 'modifiedAldrete')),
        answers TEXT NOT NULL CHECK (json_valid(answers)),
        total INTEGER NOT NULL,
        max_points INTEGER NOT NULL,
        threshold INTEGER NOT NULL,
        complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
        at INTEGER NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      CREATE TABLE escort_confirmations (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        escort TEXT NOT NULL CHECK (json_valid(escort)),
        complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
        at INTEGER NOT NULL,
        confirmed_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;

      CREATE TABLE discharge_steps (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        kind TEXT NOT NULL CHECK (kind IN ('instructionsAcknowledged', 'physicianRelease', 'override')),
        reason TEXT,
        at INTEGER NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        CHECK (kind <> 'override' OR length(trim(reason)) > 0)
      ) STRICT;
      CREATE TRIGGER discharge_steps_physician BEFORE INSERT ON discharge_steps
      WHEN NEW.kind IN ('physicianRelease', 'override') AND NOT ${isPhysician('NEW.user_id')} BEGIN
        SELECT RAISE(ABORT, 'only a physician releases a patient or overrides the discharge gate');
      END;

      -- The discharge gate in the database (§1.11): the main process checks the same and names every missing
      -- condition; this is the last line if anything else tries to write a discharge.
      CREATE TRIGGER infusion_sessions_discharge_gate BEFORE UPDATE OF state ON infusion_sessions
      WHEN NEW.state = 'discharged' AND OLD.state <> 'discharged' BEGIN
        SELECT RAISE(ABORT, 'discharge refused: the infusion has not been stopped') WHERE OLD.state <> 'postObservation';
        SELECT RAISE(ABORT, 'discharge refused: no discharge time') WHERE NEW.discharged_at IS NULL;
        SELECT RAISE(ABORT, 'discharge refused: the post-infusion observation time is not over')
          WHERE NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind = 'override')
            AND (NEW.observation_ends_at IS NULL OR NEW.discharged_at < NEW.observation_ends_at);
        SELECT RAISE(ABORT, 'discharge refused: the escort is not confirmed')
          WHERE NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind = 'override')
            AND coalesce((SELECT complete FROM escort_confirmations WHERE session_id = NEW.id ORDER BY id DESC LIMIT 1), 0) <> 1;
        SELECT RAISE(ABORT, 'discharge refused: no complete discharge score at or above the threshold after the stop')
          WHERE NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind = 'override')
            AND NOT EXISTS (
              SELECT 1 FROM (SELECT * FROM discharge_scores WHERE session_id = NEW.id ORDER BY id DESC LIMIT 1) s
              WHERE s.complete = 1 AND s.total >= s.threshold AND s.at >= NEW.stopped_at);
        SELECT RAISE(ABORT, 'discharge refused: the discharge instructions are not acknowledged')
          WHERE NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind = 'override')
            AND NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind = 'instructionsAcknowledged');
        SELECT RAISE(ABORT, 'discharge refused: no physician released the patient')
          WHERE NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind IN ('physicianRelease', 'override'));
      END;

      ${SESSION_ROWS.map(lockTriggers).join('\n')}

      -- Corrections after (or before) sign-off: the original row stays; each amendment is signed by a physician.
      CREATE TABLE amendments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        target TEXT NOT NULL CHECK (target IN ('session', 'prescription', 'doseEvent', 'checklist', 'observation', 'dischargeScore', 'escort', 'discharge')),
        target_id INTEGER,
        correction TEXT NOT NULL CHECK (length(trim(correction)) > 0),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        signed_at INTEGER NOT NULL,
        signed_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX amendments_session ON amendments(session_id, id);
      CREATE TRIGGER amendments_by_physician BEFORE INSERT ON amendments WHEN NOT ${isPhysician('NEW.signed_by')} BEGIN
        SELECT RAISE(ABORT, 'only a physician signs an amendment');
      END;
      CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments BEGIN
        SELECT RAISE(ABORT, 'amendments are signed and append-only');
      END;
      CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments BEGIN
        SELECT RAISE(ABORT, 'amendments are signed and append-only');
      END;

      -- Clinic settings: the newest row per key is in force; older rows are the history. Only a physician.
      CREATE TABLE clinic_settings (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        set_at INTEGER NOT NULL,
        set_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX clinic_settings_key ON clinic_settings(key, id);
      CREATE TRIGGER clinic_settings_by_physician BEFORE INSERT ON clinic_settings WHEN NOT ${isPhysician('NEW.set_by')} BEGIN
        SELECT RAISE(ABORT, 'only a physician changes clinic settings');
      END;
      CREATE TRIGGER clinic_settings_no_update BEFORE UPDATE ON clinic_settings BEGIN
        SELECT RAISE(ABORT, 'clinic settings are append-only');
      END;
      CREATE TRIGGER clinic_settings_no_delete BEFORE DELETE ON clinic_settings BEGIN
        SELECT RAISE(ABORT, 'clinic settings are append-only');
      END;
    `);
  },
};
export default migration;
