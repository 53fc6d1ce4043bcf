/**
 * The cost of the record's protections, measured in one run: the sealed anchor write after an audited call (temp
 * file, fsync, rename) against the audited commit itself (synchronous=FULL), and an open with its schema check.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createAuditLog } from '../db/audit';
import { closeDatabase, openDatabase } from '../db/open';
import { tempDir } from '../tests/helpers/tempDir';
import type { BenchRow } from './storage';

const CALLS = 200;

export function benchAuditAnchor(): BenchRow[] {
  const dir = tempDir('infusion-bench-anchor-');
  try {
    const file = join(dir.path, 'clinic.sqlite');
    let t = performance.now();
    const db = openDatabase(file);
    const firstOpen = performance.now() - t;
    const audit = createAuditLog(db, randomBytes(32), join(dir.path, 'audit.anchor'));
    const entry = (i: number) => ({ at: i, userId: null, action: 'observation.recorded', entity: 'observation', entityId: i, detail: { nrs: i % 10 } });
    t = performance.now();
    for (let i = 0; i < CALLS; i++) db.transaction(() => audit.append(entry(i)))();
    const commitOnly = (performance.now() - t) / CALLS;
    t = performance.now();
    for (let i = 0; i < CALLS; i++) {
      db.transaction(() => audit.append(entry(i)))();
      audit.syncAnchor();
    }
    const withAnchor = (performance.now() - t) / CALLS;
    closeDatabase(db);
    t = performance.now();
    closeDatabase(openDatabase(file));
    const reopen = performance.now() - t;
    return [
      { name: 'audited call with its sealed anchor vs the commit alone', value: withAnchor / commitOnly, unit: '×', detail: `${withAnchor.toFixed(2)} ms vs ${commitOnly.toFixed(2)} ms per call` },
      { name: 'open an existing database (migrations + schema check)', value: reopen, unit: 'ms', detail: `first open, creating it: ${firstOpen.toFixed(0)} ms` },
    ];
  } finally {
    dir.remove();
  }
}
