/** First tables: patients, chairs, infusion sessions, vitals (chunked), events. */
import type { Migration } from './index';

const migration: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE patients (
        id INTEGER PRIMARY KEY,
        family_name TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
        given_name TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
        birth_date TEXT NOT NULL CHECK (birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        created_at INTEGER NOT NULL
      ) STRICT;

      -- A treatment chair and the device on its serial line. port_path NULL = built-in simulated monitor.
      CREATE TABLE chairs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        protocol_id TEXT NOT NULL DEFAULT 'datex-s5',
        port_path TEXT
      ) STRICT;

      CREATE TABLE infusion_sessions (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id),
        chair_id INTEGER NOT NULL REFERENCES chairs(id),
        state TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        stopped_at INTEGER
      ) STRICT;
      CREATE INDEX infusion_sessions_chair ON infusion_sessions(chair_id, created_at);

      -- Vitals are stored per chair, parameter and chunk of up to 60 samples: one row per sample would
      -- need about 30 bytes a sample; a chunk of delta-encoded samples needs about 5 (see db/vitalCodec.ts).
      -- Sessions are time ranges on a chair, so the baseline before the start is kept too.
      CREATE TABLE vital_chunks (
        chair_id INTEGER NOT NULL REFERENCES chairs(id),
        parameter TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        sample_count INTEGER NOT NULL,
        device_offset_ms INTEGER,
        data BLOB NOT NULL,
        PRIMARY KEY (chair_id, parameter, start_ms)
      ) STRICT, WITHOUT ROWID;

      -- What happened on a chair that is not a vital value: link changes, rejected frames, device notices.
      CREATE TABLE chair_events (
        id INTEGER PRIMARY KEY,
        chair_id INTEGER NOT NULL REFERENCES chairs(id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
      CREATE INDEX chair_events_time ON chair_events(chair_id, at);

      INSERT INTO chairs (name) VALUES ('Platz 1'), ('Platz 2'), ('Platz 3'), ('Platz 4');
    `);
  },
};
export default migration;
