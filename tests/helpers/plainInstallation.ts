/**
 * A data folder as an app version before encryption at rest left it: a plain clinic.sqlite (admin, a patient,
 * `readings` vital readings) and its sealed audit anchor, written with `auditKey`.
 */
import { join } from 'node:path';
import { createAuditLog } from '../../db/audit';
import { createDbApi } from '../../db/api';
import { closeDatabase, openDatabase } from '../../db/open';
import type { StoredReading } from '../../core/api/schemas';

/** A name that must never be found in the bytes of an encrypted data folder. */
export const PATIENT_FAMILY_NAME = 'Klartextmann';
const T0 = Date.UTC(2026, 0, 12, 8, 0);

export function writePlainInstallation(dataDir: string, auditKey: Buffer, readings = 0): void {
  const anchor = join(dataDir, 'audit.anchor');
  const db = openDatabase(join(dataDir, 'clinic.sqlite')); // no key: as before encryption at rest
  const api = createDbApi(db, { auditKey, auditAnchorFile: anchor });
  const admin = api.createFirstAdmin(T0, { username: 'admin', displayName: 'Alex Admin', passwordHash: 'x', pinHash: null });
  api.createPatient({ userId: admin, at: T0 }, { familyName: PATIENT_FAMILY_NAME, givenName: 'Anna', birthDate: '1970-03-04' });
  // Noisy values, so the file grows as a real one does (the codec packs steady values tightly).
  for (let done = 0; done < readings; done += 5000) {
    const batch: StoredReading[] = Array.from({ length: Math.min(5000, readings - done) }, (_, i) => ({
      parameter: 'hr',
      value: 40 + Math.floor(Math.random() * 120),
      unit: '/min',
      state: 'valid',
      receivedAt: T0 + (done + i) * 1000,
    }));
    db.transaction(() => api.appendReadings(1 + ((done / 5000) % 4), batch))();
  }
  createAuditLog(db, auditKey, anchor).syncAnchor();
  closeDatabase(db);
}
