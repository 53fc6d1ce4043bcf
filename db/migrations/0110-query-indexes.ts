/**
 * Indexes for the lists a clinic opens all day, so they stay fast after ten years (issue: "queries that use their
 * indexes at any size"): sessions by chair, course or state in date order, and a patient name search on normalised
 * keys (patient_search, kept by the patients repository in the same transaction as the name it derives from).
 */
import { nameSearchKey } from '../../core/patients/searchKey';
import type { Migration } from './index';

const migration: Migration = {
  version: 110,
  name: 'query-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX infusion_sessions_chair_planned ON infusion_sessions(chair_id, planned_for);
      CREATE INDEX infusion_sessions_course_planned ON infusion_sessions(course_id, planned_for);
      CREATE INDEX infusion_sessions_state_planned ON infusion_sessions(state, planned_for);
      CREATE TABLE patient_search (
        patient_id INTEGER PRIMARY KEY REFERENCES patients(id),
        family_key TEXT NOT NULL,
        given_key TEXT NOT NULL
      ) STRICT;
      CREATE INDEX patient_search_family ON patient_search(family_key, given_key);
      CREATE INDEX patient_search_given ON patient_search(given_key);
    `);
    const insert = db.prepare('INSERT INTO patient_search (patient_id, family_key, given_key) VALUES (?, ?, ?)');
    const patients = db.prepare('SELECT id, family_name, given_name FROM patients').all() as {
      id: number;
      family_name: string;
      given_name: string;
    }[];
    for (const p of patients) {
      insert.run(p.id, nameSearchKey(p.family_name), nameSearchKey(p.given_name));
    }
  },
};
export default migration;
