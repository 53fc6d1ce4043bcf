/**
 * A patient's sessions found by index: the PVS's 6311 asks for the session of one patient on one day
 * (db/repos/gdtShow.ts), and without this index that query read every session of ten years (tests/db/queryPlans.test.ts).
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 212,
  name: 'sessions-by-patient',
  up(db) {
    db.exec('CREATE INDEX infusion_sessions_patient ON infusion_sessions(patient_id, planned_for)');
  },
};

export default migration;
