/**
 * A shorter soak than the bench's (npm run bench prints the 10-minute figure): 4 chairs for 2 simulated hours at
 * 50× speed (a flush every 50 simulated seconds), with a 15-minute disk outage in the middle. Every reading received
 * is stored, exactly once and in order, app.health counted the waiting readings and is all clear afterwards.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DbClient } from '../../db/client';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import { runVitalsSoak } from '../helpers/vitalsSoak';

const dir = tempDir();
afterAll(() => dir.remove());

describe('vitals soak', () => {
  it('stores exactly the readings it received, through a disk outage', async () => {
    const file = join(dir.path, 'clinic.sqlite');
    const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
    try {
      const r = await runVitalsSoak({ db, file, chairs: 4, simulatedSeconds: 2 * 3600, flushEverySeconds: 50, outage: { from: 3000, to: 3900 } });
      expect(r.received).toBeGreaterThan(100_000);
      expect(r.stored).toBe(r.received);
      expect(r.actual).toEqual(r.expected);
      expect(r.maxQueuedReported).toBeGreaterThan(10_000);
      expect(r.healthAfter).toEqual({ storageErrors: [], queued: [] });
    } finally {
      await db.close();
    }
  }, 120_000);
});
