/**
 * Generated documents (issue 14): every PDF the app hands out is stored with its bytes and their SHA-256, so a
 * reprint is the very document given out before, never a regeneration. Append-only like the record they print.
 * The insurer dossier's medical justification texts are stored here too: each save is a new row, the newest counts.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 130,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('sessionProtocol', 'sessionProtocolDraft', 'courseReport', 'coverageDossier')),
        session_id INTEGER REFERENCES infusion_sessions(id),
        course_id INTEGER REFERENCES courses(id),
        language TEXT NOT NULL CHECK (language IN ('de', 'en')),
        created_at INTEGER NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        bytes BLOB NOT NULL CHECK (length(bytes) > 0),
        -- a session document belongs to a session, a course document to a course
        CHECK ((kind IN ('sessionProtocol', 'sessionProtocolDraft')) = (session_id IS NOT NULL AND course_id IS NULL)),
        CHECK ((kind IN ('courseReport', 'coverageDossier')) = (course_id IS NOT NULL AND session_id IS NULL))
      ) STRICT;
      CREATE INDEX documents_session ON documents(session_id, id) WHERE session_id IS NOT NULL;
      CREATE INDEX documents_course ON documents(course_id, id) WHERE course_id IS NOT NULL;
      CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents BEGIN
        SELECT RAISE(ABORT, 'generated documents are append-only');
      END;
      CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN
        SELECT RAISE(ABORT, 'generated documents are append-only');
      END;
      -- The final protocol only of a signed session (the draft is for anything else).
      CREATE TRIGGER documents_final_needs_signature BEFORE INSERT ON documents
      WHEN NEW.kind = 'sessionProtocol' AND (SELECT signed_at FROM infusion_sessions WHERE id = NEW.session_id) IS NULL BEGIN
        SELECT RAISE(ABORT, 'the final protocol needs a signed session');
      END;

      CREATE TABLE coverage_justifications (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES courses(id),
        texts TEXT NOT NULL CHECK (json_valid(texts) AND json_type(texts) = 'object'),
        saved_at INTEGER NOT NULL,
        saved_by INTEGER NOT NULL REFERENCES users(id)
      ) STRICT;
      CREATE INDEX coverage_justifications_course ON coverage_justifications(course_id, id);
      CREATE TRIGGER coverage_justifications_no_update BEFORE UPDATE ON coverage_justifications BEGIN
        SELECT RAISE(ABORT, 'justification texts are append-only: save a new version');
      END;
      CREATE TRIGGER coverage_justifications_no_delete BEFORE DELETE ON coverage_justifications BEGIN
        SELECT RAISE(ABORT, 'justification texts are append-only: save a new version');
      END;
    `);
  },
};

export default migration;
