/**
 * The discharge gate in the database, rebuilt on the whole record (issue 10), replacing the gate of 0030:
 * - A session is inserted only as 'planned' (an INSERT of a discharged session bypassed the old UPDATE trigger).
 * - Discharged, transferred and cancelled are final: no status change and no change of their times afterwards;
 *   every other status change follows the state machine (core/session/stateMachine.ts).
 * - Discharge recomputes instead of trusting stored flags: escort complete from its fields (never overridable),
 *   observation time from the stop and the setting in force then, the score total from its item rows against the
 *   threshold setting, score and release later than the latest adverse event, abnormal observation (clinic
 *   thresholds) and high-priority alarm of the stored alarm log, no high alarm active or within the last N minutes.
 *   A physician override waives only the criteria it names (observationTime, score, instructions, highAlarm) and
 *   stands for the release.
 * - Transferred (emergency hand-over to an ambulance or hospital) only with a transfer row by a physician.
 * Setting lookups fall back to the defaults shipped with this migration (core/clinic/defaults.ts at the time).
 */
import type { Migration } from './index';

/** The clinic setting in force (newest row), or the shipped default. */
const setting = (key: string, fallback: number, before?: string) =>
  `coalesce((SELECT json_extract(value, '$') FROM clinic_settings WHERE key = '${key}'${before ? ` AND set_at <= ${before}` : ''} ORDER BY id DESC LIMIT 1), ${fallback})`;

const OVERRIDABLE = "'observationTime', 'score', 'instructions', 'highAlarm'";

/** The override step of this session waives `criterion`. */
const waived = (criterion: string) =>
  `EXISTS (SELECT 1 FROM discharge_steps d, json_each(d.criteria) c WHERE d.session_id = NEW.id AND d.kind = 'override' AND c.value = '${criterion}')`;

const SCALE_ITEMS: Record<string, string[]> = {
  padss: ['vitalSigns', 'activityMentalStatus', 'painNauseaVomiting', 'bleeding', 'intakeOutput'],
  modifiedPadss: ['vitalSigns', 'ambulation', 'nauseaVomiting', 'pain', 'bleeding'],
  modifiedAldrete: ['activity', 'respiration', 'circulation', 'consciousness', 'spo2'],
};
const ITEMS_PER_SCALE = 5;
const knownItem = `CASE s.scale ${Object.entries(SCALE_ITEMS)
  .map(([scale, items]) => `WHEN '${scale}' THEN j.key IN (${items.map((i) => `'${i}'`).join(', ')})`)
  .join(' ')} ELSE 0 END`;
const thresholdSetting = `CASE s.scale WHEN 'padss' THEN ${setting('padssThreshold', 9)} WHEN 'modifiedPadss' THEN ${setting('modifiedPadssThreshold', 9)} ELSE ${setting('modifiedAldreteThreshold', 9)} END`;

/** An observation outside the clinic thresholds (core/session/dischargeRecord.ts isAbnormal). */
const score = "json_extract(o.data, '$.score')";
const abnormal = `(
  (o.kind = 'sedation' AND json_extract(o.data, '$.scale') = 'rass'
    AND (${score} <= ${setting('abnormalRassAtMost', -2)} OR ${score} >= ${setting('abnormalRassAtLeast', 2)}))
  OR (o.kind = 'sedation' AND json_extract(o.data, '$.scale') = 'moaas' AND ${score} <= ${setting('abnormalMoaasAtMost', 3)})
  OR (o.kind = 'dissociation' AND ${score} >= ${setting('abnormalDissociationAtLeast', 2)})
  OR (o.kind = 'bloodPressure' AND (json_extract(o.data, '$.systolicMmHg') < ${setting('abnormalSystolicBelowMmHg', 90)}
    OR json_extract(o.data, '$.systolicMmHg') > ${setting('abnormalSystolicAboveMmHg', 180)}
    OR coalesce(json_extract(o.data, '$.spo2'), 100) < ${setting('abnormalSpo2BelowPercent', 94)})))`;

/** Alarms of this session that were high-priority at some time (core highAlarmHistory). */
const highAlarmIds = "(SELECT alarm_id FROM alarm_log WHERE session_id = NEW.id AND priority = 'high' AND alarm_id IS NOT NULL)";
/** The latest adverse event, abnormal observation or high-alarm activity: score and release must be later. */
const latestEventAt = `max(
  coalesce((SELECT max(o.recorded_at) FROM observations o WHERE o.session_id = NEW.id AND (o.kind = 'adverseEvent' OR ${abnormal})), 0),
  coalesce((SELECT max(a.at) FROM alarm_log a WHERE a.session_id = NEW.id AND a.alarm_id IN ${highAlarmIds}), 0))`;

const filled = (path: string) => `length(trim(coalesce(json_extract(e.escort, '$.${path}'), ''))) > 0`;
const phoneDigits = `length(json_extract(e.escort, '$.phone')) - length(${'0123456789'
  .split('')
  .reduce((expr, d) => `replace(${expr}, '${d}', '')`, "json_extract(e.escort, '$.phone')")})`;
/** The latest escort confirmation, complete from its own fields (core escortConfirmationProblems). */
const escortComplete = `EXISTS (SELECT 1 FROM (SELECT escort FROM escort_confirmations WHERE session_id = NEW.id ORDER BY id DESC LIMIT 1) e
  WHERE json_extract(e.escort, '$.arrivalAt') IS NOT NULL AND (
    (json_extract(e.escort, '$.kind') = 'person' AND ${filled('name')} AND ${filled('relation')} AND ${filled('phone')} AND ${phoneDigits} >= 5)
    OR (json_extract(e.escort, '$.kind') = 'taxi' AND ${filled('company')} AND ${filled('bookingReference')})))`;

/** The latest score: complete, total from its items at or above the threshold, after the stop and the latest event. */
const scoreCounts = `EXISTS (SELECT 1 FROM (SELECT * FROM discharge_scores WHERE session_id = NEW.id ORDER BY id DESC LIMIT 1) s
  WHERE s.at >= NEW.stopped_at AND s.at > ${latestEventAt}
    AND (SELECT count(DISTINCT j.key) FROM json_each(s.answers) j WHERE ${knownItem} AND j.value IN (0, 1, 2)) = ${ITEMS_PER_SCALE}
    AND NOT EXISTS (SELECT 1 FROM json_each(s.answers) j WHERE NOT (${knownItem}) OR j.value NOT IN (0, 1, 2))
    AND (SELECT sum(j.value) FROM json_each(s.answers) j) >= max(s.threshold, ${thresholdSetting}))`;

const isPhysician = (userColumn: string) => `(SELECT role FROM users WHERE id = ${userColumn}) = 'physician'`;

const FINAL = "'discharged', 'transferred', 'cancelled'";
const STATES = "'planned', 'checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation', 'discharged', 'transferred', 'cancelled'";
/** The state machine's status changes (core LEGAL_EVENTS), as old>new. */
const TRANSITIONS = [
  'planned>checkedIn', 'planned>cancelled', 'checkedIn>checklistComplete', 'checkedIn>cancelled', 'checklistComplete>running',
  'checklistComplete>cancelled', 'running>paused', 'running>postObservation', 'running>transferred', 'paused>running',
  'paused>postObservation', 'paused>transferred', 'postObservation>discharged', 'postObservation>transferred',
].map((t) => `'${t}'`).join(', ');

const migration: Migration = {
  version: 70,
  name: 'discharge-gate',
  up(db) {
    db.exec(`
      DROP TRIGGER infusion_sessions_discharge_gate;
      DROP TRIGGER infusion_sessions_state_valid_insert;
      DROP TRIGGER infusion_sessions_state_valid_update;
      DROP TRIGGER infusion_sessions_sign;

      -- An override names the single criteria it overrides; never the escort.
      ALTER TABLE discharge_steps ADD COLUMN criteria TEXT CHECK (criteria IS NULL OR json_valid(criteria));
      CREATE TRIGGER discharge_steps_override_criteria BEFORE INSERT ON discharge_steps WHEN NEW.kind = 'override' BEGIN
        SELECT RAISE(ABORT, 'an override names each criterion it overrides')
          WHERE NEW.criteria IS NULL OR json_type(NEW.criteria) <> 'array' OR json_array_length(NEW.criteria) = 0;
        SELECT RAISE(ABORT, 'the escort is never overridden: document a transfer')
          WHERE EXISTS (SELECT 1 FROM json_each(NEW.criteria) WHERE value = 'escort');
        SELECT RAISE(ABORT, 'unknown override criterion')
          WHERE EXISTS (SELECT 1 FROM json_each(NEW.criteria) WHERE value NOT IN (${OVERRIDABLE}));
      END;

      -- Emergency end of a session: handed over to whom, where to, why; by a physician; append-only.
      CREATE TABLE session_transfers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES infusion_sessions(id),
        handed_over_to TEXT NOT NULL CHECK (length(trim(handed_over_to)) > 0),
        destination TEXT NOT NULL CHECK (length(trim(destination)) > 0),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        at INTEGER NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX session_transfers_session ON session_transfers(session_id, id);
      CREATE TRIGGER session_transfers_by_physician BEFORE INSERT ON session_transfers WHEN NOT ${isPhysician('NEW.user_id')} BEGIN
        SELECT RAISE(ABORT, 'only a physician documents a transfer');
      END;
      CREATE TRIGGER session_transfers_no_update BEFORE UPDATE ON session_transfers BEGIN
        SELECT RAISE(ABORT, 'clinical records are append-only: record a new entry instead');
      END;
      CREATE TRIGGER session_transfers_no_delete BEFORE DELETE ON session_transfers BEGIN
        SELECT RAISE(ABORT, 'clinical records are append-only: record a new entry instead');
      END;

      CREATE TRIGGER infusion_sessions_insert_planned BEFORE INSERT ON infusion_sessions
      WHEN NEW.state IS NOT 'planned' OR NEW.started_at IS NOT NULL OR NEW.stopped_at IS NOT NULL OR NEW.discharged_at IS NOT NULL
        OR NEW.observation_ends_at IS NOT NULL OR NEW.signed_at IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'a session is created as planned: every later step is a status change');
      END;
      CREATE TRIGGER infusion_sessions_state_valid_update BEFORE UPDATE OF state ON infusion_sessions
      WHEN NEW.state NOT IN (${STATES}) BEGIN
        SELECT RAISE(ABORT, 'unknown session state');
      END;
      CREATE TRIGGER infusion_sessions_final BEFORE UPDATE ON infusion_sessions WHEN OLD.state IN (${FINAL})
        AND (NEW.state IS NOT OLD.state OR NEW.started_at IS NOT OLD.started_at OR NEW.stopped_at IS NOT OLD.stopped_at
          OR NEW.discharged_at IS NOT OLD.discharged_at OR NEW.observation_ends_at IS NOT OLD.observation_ends_at
          OR NEW.patient_id IS NOT OLD.patient_id OR NEW.chair_id IS NOT OLD.chair_id) BEGIN
        SELECT RAISE(ABORT, 'a discharged, transferred or cancelled session is final');
      END;
      CREATE TRIGGER infusion_sessions_transition BEFORE UPDATE OF state ON infusion_sessions
      WHEN NEW.state IS NOT OLD.state AND OLD.state NOT IN (${FINAL}) AND (OLD.state || '>' || NEW.state) NOT IN (${TRANSITIONS}) BEGIN
        SELECT RAISE(ABORT, 'this status change is not allowed by the session state machine');
      END;

      CREATE TRIGGER infusion_sessions_sign BEFORE UPDATE OF signed_at ON infusion_sessions WHEN NEW.signed_at IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'only a discharged, transferred or cancelled session can be signed') WHERE NEW.state NOT IN (${FINAL});
        SELECT RAISE(ABORT, 'only a physician signs a session') WHERE NOT ${isPhysician('NEW.signed_by')} OR NEW.signed_by IS NULL;
      END;

      CREATE TRIGGER infusion_sessions_transfer BEFORE UPDATE OF state ON infusion_sessions
      WHEN NEW.state = 'transferred' AND OLD.state NOT IN (${FINAL}) BEGIN
        SELECT RAISE(ABORT, 'transfer refused: documented who, where to and why by a physician is missing')
          WHERE NOT EXISTS (SELECT 1 FROM session_transfers WHERE session_id = NEW.id);
        SELECT RAISE(ABORT, 'transfer refused: the pump stops with the hand-over') WHERE NEW.stopped_at IS NULL;
      END;

      CREATE TRIGGER infusion_sessions_discharge_gate BEFORE UPDATE OF state ON infusion_sessions
      WHEN NEW.state = 'discharged' AND OLD.state NOT IN (${FINAL}) BEGIN
        SELECT RAISE(ABORT, 'discharge refused: the infusion has not been stopped') WHERE OLD.state <> 'postObservation' OR NEW.stopped_at IS NULL;
        SELECT RAISE(ABORT, 'discharge refused: no discharge time') WHERE NEW.discharged_at IS NULL;
        SELECT RAISE(ABORT, 'discharge refused: the escort is not confirmed with every field (never overridable)') WHERE NOT ${escortComplete};
        SELECT RAISE(ABORT, 'discharge refused: the post-infusion observation time is not over')
          WHERE NOT ${waived('observationTime')} AND (NEW.observation_ends_at IS NULL OR NEW.discharged_at < NEW.observation_ends_at
            OR NEW.observation_ends_at < NEW.stopped_at + 60000 * ${setting('postInfusionObservationMin', 60, 'NEW.stopped_at')});
        SELECT RAISE(ABORT, 'discharge refused: no complete discharge score at or above the threshold after the stop and the latest event')
          WHERE NOT ${waived('score')} AND NOT ${scoreCounts};
        SELECT RAISE(ABORT, 'discharge refused: the discharge instructions are not acknowledged')
          WHERE NOT ${waived('instructions')}
            AND NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind = 'instructionsAcknowledged');
        SELECT RAISE(ABORT, 'discharge refused: a high-priority alarm is active or was within the last minutes')
          WHERE NOT ${waived('highAlarm')} AND (
            EXISTS (SELECT 1 FROM alarm_log r WHERE r.session_id = NEW.id AND r.alarm_id IN ${highAlarmIds}
              AND NOT EXISTS (SELECT 1 FROM alarm_log c WHERE c.session_id = NEW.id AND c.alarm_id = r.alarm_id AND c.type = 'cleared'))
            OR EXISTS (SELECT 1 FROM alarm_log a WHERE a.session_id = NEW.id AND a.alarm_id IN ${highAlarmIds}
              AND a.at > NEW.discharged_at - 60000 * ${setting('noHighAlarmWithinMin', 15)}));
        SELECT RAISE(ABORT, 'discharge refused: no physician release after the latest adverse event, abnormal observation or high alarm')
          WHERE NOT EXISTS (SELECT 1 FROM discharge_steps WHERE session_id = NEW.id AND kind IN ('physicianRelease', 'override') AND at > ${latestEventAt});
      END;
    `);
  },
};
export default migration;
