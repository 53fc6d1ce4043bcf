/**
 * Integrity that covers the clinical record (issue 9), enforced in the database whatever the caller:
 * - Signing writes a signature row first (session_signatures: the SHA-256 of the signed content, its part hashes,
 *   and the record range on the chair), then marks the session signed; a session cannot be marked signed without
 *   it, nor inserted already signed. Signature rows are append-only.
 * - The vitals and alarm log of a signed session's record range on its chair are locked: no new chunk or alarm
 *   entry in the range, no change or removal of a chunk that overlaps it. The open chunk that runs past the end of
 *   the range may still grow (its stored bytes are kept as they are, new samples only after the range), so a chair
 *   that keeps monitoring after the discharge keeps writing. Vital chunks are never deleted.
 * - Amendments carry their own content hash and the signature hash they amend.
 * - Users and patients are changed only with their audit entry: the repo appends the entry first and sets
 *   audit_seq to its seq, which must be the newest entry, about this row, and newer than the last one used (so an
 *   entry cannot be reused). A role change must name the new role in that entry. Patients are never deleted, and
 *   the identity of a patient with a signed session does not change.
 * - Chair events are append-only.
 * A direct edit of the file with the triggers dropped is not refused, but found: the content hash is recomputed by
 * the review and by `npm run verify-audit` (db/recordSeal.ts), and the hash itself is in the HMAC-chained audit log.
 */
import type { Migration } from './index';

/** A signed record range on the chair overlaps [from, to]. */
const signedRange = (chair: string, from: string, to: string) =>
  `EXISTS (SELECT 1 FROM session_signatures g WHERE g.chair_id = ${chair} AND g.vitals_to >= ${from} AND g.vitals_from <= ${to})`;

/**
 * `n` only appends samples to the stored chunk `o`, all after every signed range: same key, the stored bytes kept
 * as their prefix (the chunk codec appends per sample), and the new samples (at or after o.end_ms) outside every
 * signed range.
 */
const appendsAfterSigned = (o: string, n = 'NEW') => `(${n}.chair_id = ${o}.chair_id AND ${n}.parameter = ${o}.parameter
  AND ${n}.start_ms = ${o}.start_ms AND ${n}.sample_count >= ${o}.sample_count AND ${n}.end_ms >= ${o}.end_ms
  AND substr(${n}.data, 1, length(${o}.data)) = ${o}.data
  AND (${o}.device_offset_ms IS NULL OR ${n}.device_offset_ms IS ${o}.device_offset_ms)
  AND NOT EXISTS (SELECT 1 FROM session_signatures g WHERE g.chair_id = ${o}.chair_id AND g.vitals_to > ${o}.end_ms AND g.vitals_from <= ${n}.end_ms))`;

/** The row is changed together with its own, fresh audit entry (see above). */
const auditedChange = (table: string, entity: string) => `
    CREATE TRIGGER ${table}_audited_update BEFORE UPDATE ON ${table} BEGIN
      SELECT RAISE(ABORT, '${table} rows keep their id') WHERE NEW.id IS NOT OLD.id;
      SELECT RAISE(ABORT, 'a change of ${table} needs its audit entry: append it first and set audit_seq to its seq')
        WHERE NEW.audit_seq IS NULL OR NEW.audit_seq IS NOT (SELECT max(seq) FROM audit_log)
          OR NEW.audit_seq <= coalesce(OLD.audit_seq, 0)
          OR NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.audit_seq AND entity = '${entity}' AND entity_id = NEW.id);
    END;`;

const migration: Migration = {
  version: 60,
  name: 'record-protection',
  up(db) {
    db.exec(`
      CREATE TABLE session_signatures (
        session_id INTEGER PRIMARY KEY REFERENCES infusion_sessions(id),
        chair_id INTEGER NOT NULL REFERENCES chairs(id),
        signed_at INTEGER NOT NULL,
        signed_by INTEGER NOT NULL REFERENCES users(id),
        content_version INTEGER NOT NULL,
        content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
        part_hashes TEXT NOT NULL CHECK (json_valid(part_hashes)),
        vitals_from INTEGER NOT NULL,
        vitals_to INTEGER NOT NULL CHECK (vitals_to >= vitals_from)
      ) STRICT;
      -- Every vitals write asks whether it touches a signed range: a seek on the chair's newest ranges.
      CREATE INDEX session_signatures_range ON session_signatures(chair_id, vitals_to);
      CREATE TRIGGER session_signatures_insert BEFORE INSERT ON session_signatures BEGIN
        SELECT RAISE(ABORT, 'the session is signed and locked: corrections are amendments')
          WHERE (SELECT signed_at FROM infusion_sessions WHERE id = NEW.session_id) IS NOT NULL;
        SELECT RAISE(ABORT, 'only a discharged, transferred or cancelled session can be signed')
          WHERE (SELECT state FROM infusion_sessions WHERE id = NEW.session_id) NOT IN ('discharged', 'transferred', 'cancelled');
        SELECT RAISE(ABORT, 'only a physician signs a session') WHERE coalesce((SELECT role FROM users WHERE id = NEW.signed_by), '') <> 'physician';
        SELECT RAISE(ABORT, 'a signature covers the session on its own chair')
          WHERE NEW.chair_id IS NOT (SELECT chair_id FROM infusion_sessions WHERE id = NEW.session_id);
      END;
      CREATE TRIGGER session_signatures_no_update BEFORE UPDATE ON session_signatures BEGIN
        SELECT RAISE(ABORT, 'signatures are append-only');
      END;
      CREATE TRIGGER session_signatures_no_delete BEFORE DELETE ON session_signatures BEGIN
        SELECT RAISE(ABORT, 'signatures are append-only');
      END;

      -- verify-audit checks every signed session: found without scanning all sessions.
      CREATE INDEX infusion_sessions_signed ON infusion_sessions(signed_at) WHERE signed_at IS NOT NULL;
      CREATE TRIGGER infusion_sessions_sign_with_hash BEFORE UPDATE OF signed_at, signed_by ON infusion_sessions
      WHEN OLD.signed_at IS NULL AND (NEW.signed_at IS NOT NULL OR NEW.signed_by IS NOT NULL) BEGIN
        SELECT RAISE(ABORT, 'a session is signed with its content hash: the signature row comes first')
          WHERE NOT EXISTS (SELECT 1 FROM session_signatures WHERE session_id = NEW.id AND signed_at IS NEW.signed_at AND signed_by IS NEW.signed_by);
      END;
      CREATE TRIGGER infusion_sessions_no_insert_signed BEFORE INSERT ON infusion_sessions
      WHEN NEW.signed_at IS NOT NULL OR NEW.signed_by IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'a session is signed by signing it, never inserted signed');
      END;

      -- amends_hash: the session's signature hash the amendment corrects (NULL before sign-off).
      ALTER TABLE amendments ADD COLUMN content_hash TEXT;
      ALTER TABLE amendments ADD COLUMN amends_hash TEXT;
      CREATE TRIGGER amendments_with_hash BEFORE INSERT ON amendments
      WHEN NEW.content_hash IS NULL OR length(NEW.content_hash) <> 64 BEGIN
        SELECT RAISE(ABORT, 'an amendment is stored with its content hash');
      END;

      CREATE TRIGGER vital_chunks_no_delete BEFORE DELETE ON vital_chunks BEGIN
        SELECT RAISE(ABORT, 'vital readings are never deleted');
      END;
      -- An upsert runs the INSERT trigger first: the open chunk's row may be rewritten only by appending.
      CREATE TRIGGER vital_chunks_signed_insert BEFORE INSERT ON vital_chunks
      WHEN ${signedRange('NEW.chair_id', 'NEW.start_ms', 'NEW.end_ms')} BEGIN
        SELECT RAISE(ABORT, 'the vitals of a signed session are locked: no readings can be added to its time range')
          WHERE NOT EXISTS (SELECT 1 FROM vital_chunks o WHERE o.chair_id = NEW.chair_id AND o.parameter = NEW.parameter
            AND o.start_ms = NEW.start_ms AND ${appendsAfterSigned('o')});
      END;
      CREATE TRIGGER vital_chunks_signed_update BEFORE UPDATE ON vital_chunks
      WHEN ${signedRange('OLD.chair_id', 'OLD.start_ms', 'OLD.end_ms')} OR ${signedRange('NEW.chair_id', 'NEW.start_ms', 'NEW.end_ms')} BEGIN
        SELECT RAISE(ABORT, 'the vitals of a signed session are locked') WHERE NOT ${appendsAfterSigned('OLD')};
      END;

      CREATE TRIGGER alarm_log_signed_range BEFORE INSERT ON alarm_log
      WHEN EXISTS (SELECT 1 FROM session_signatures g WHERE g.chair_id = NEW.chair_id AND g.vitals_to >= NEW.at AND g.vitals_from <= NEW.at) BEGIN
        SELECT RAISE(ABORT, 'the alarm log of a signed session is locked: no entry can be added to its time range');
      END;

      CREATE TRIGGER chair_events_no_update BEFORE UPDATE ON chair_events BEGIN
        SELECT RAISE(ABORT, 'chair events are append-only');
      END;
      CREATE TRIGGER chair_events_no_delete BEFORE DELETE ON chair_events BEGIN
        SELECT RAISE(ABORT, 'chair events are append-only');
      END;

      ALTER TABLE users ADD COLUMN audit_seq INTEGER;
      ${auditedChange('users', 'user')}
      CREATE TRIGGER users_role_change_named BEFORE UPDATE OF role ON users WHEN NEW.role IS NOT OLD.role BEGIN
        SELECT RAISE(ABORT, 'a role change needs an audit entry that names the new role')
          WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.audit_seq AND json_extract(detail, '$.role') = NEW.role);
      END;

      ALTER TABLE patients ADD COLUMN audit_seq INTEGER;
      CREATE TRIGGER patients_no_delete BEFORE DELETE ON patients BEGIN
        SELECT RAISE(ABORT, 'patients are never deleted');
      END;
      CREATE TRIGGER patients_signed_identity BEFORE UPDATE OF family_name, given_name, birth_date ON patients
      WHEN (NEW.family_name IS NOT OLD.family_name OR NEW.given_name IS NOT OLD.given_name OR NEW.birth_date IS NOT OLD.birth_date)
        AND EXISTS (SELECT 1 FROM infusion_sessions WHERE patient_id = OLD.id AND signed_at IS NOT NULL) BEGIN
        SELECT RAISE(ABORT, 'the identity of a patient with a signed session cannot change');
      END;
      ${auditedChange('patients', 'patient')}
    `);
  },
};
export default migration;
