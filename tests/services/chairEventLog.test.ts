/**
 * Link and pump events are not fire-and-forget: while the database refuses them (a real SQLite refusal, a
 * trigger) they wait in memory in order, app.health counts them, and the retry writes them all once it works again.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DbClient } from '../../db/client';
import { ChairEventLog } from '../../electron/services/chairEventLog';
import { EventBus } from '../../electron/services/eventBus';
import { StorageHealth } from '../../electron/services/storageHealth';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import { waitFor } from '../helpers/wsClient';
import { rawClinicDb } from '../helpers/clinicFile';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('ChairEventLog', () => {
  it('keeps events through a write failure, counts them in app.health and writes them in order by itself', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const file = join(dir.path, 'clinic.sqlite');
    const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
    cleanup.push(() => db.close());
    const saboteur = rawClinicDb(file);
    cleanup.push(() => saboteur.close());
    const health = new StorageHealth(new EventBus());
    const events = new ChairEventLog(db, (h) => health.report('chairEvents', h));
    cleanup.push(() => events.stop());

    saboteur.exec("CREATE TRIGGER disk_full BEFORE INSERT ON chair_events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    events.record(1, 1000, 'link', '{"state":"silent"}');
    events.record(1, 2000, 'pump', '{"notice":"occlusion"}');
    events.record(2, 1500, 'link', '{"state":"receiving"}');
    await events.flush();
    expect(health.status()).toEqual({
      storageErrors: [{ source: 'chairEvents', error: expect.stringMatching(/disk is full/) }],
      queued: [{ source: 'chairEvents', count: 3 }],
    });

    saboteur.exec('DROP TRIGGER disk_full');
    await waitFor(() => health.status().storageErrors.length === 0, 10_000, 'the retry');
    expect(health.status().queued).toEqual([]);
    expect((await db.call('chairEvents', 1, 0)).map((e) => e.kind)).toEqual(['link', 'pump']);
    expect((await db.call('chairEvents', 2, 0)).map((e) => e.detail)).toEqual(['{"state":"receiving"}']);
  });
});
