/**
 * How a patient is insured (issue 14): 'statutory' (gesetzlich), 'private' (privat) or 'selfPay' (Selbstzahler);
 * NULL until known. Set from the PVS's 6301/6302 when it says so, else on the patient form; each change carries its
 * audit entry (migration 0060's rule for patients). The cost-coverage application goes only to a private insurer,
 * so the dossier is refused for a statutory patient.
 */
import type { Migration } from './index';

const migration: Migration = {
  version: 202,
  name: 'patient-insurance',
  up(db) {
    db.exec(`ALTER TABLE patients ADD COLUMN insurance TEXT CHECK (insurance IS NULL OR insurance IN ('statutory', 'private', 'selfPay'));`);
  },
};
export default migration;
