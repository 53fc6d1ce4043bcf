/** The raw bytes the database kept of an exchanged GDT file, read straight from the clinic file. */
import { join } from 'node:path';
import type { TestApp } from '../helpers/appHarness';
import { rawClinicDb } from '../helpers/clinicFile';

export function storedBytes(app: TestApp, fileId: number): Buffer {
  const db = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey, { readonly: true });
  try {
    return db.prepare('SELECT bytes FROM gdt_files WHERE id = ?').pluck().get(fileId) as Buffer;
  } finally {
    db.close();
  }
}
