/**
 * A failing disk loses nothing: readings that cannot be written stay queued, the failure is reported to every
 * window (app.health), and they are written once the database accepts them again. Real SQLite, real worker;
 * the failure is a trigger that refuses writes, as a full disk or a locked file would.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { DbClient } from '../../db/client';
import { EventBus } from '../../electron/services/eventBus';
import { StorageHealth } from '../../electron/services/storageHealth';
import { VitalsStore } from '../../electron/services/vitalsStore';
import { DB_WORKER, tempDir } from '../helpers/tempDir';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const hr = (value: number, receivedAt: number): StoredReading => ({ parameter: 'hr', value, unit: '/min', state: 'valid', receivedAt });

describe('VitalsStore', () => {
  it('keeps readings through a write failure, says so loudly, and writes them when the disk recovers', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const file = join(dir.path, 'clinic.sqlite');
    const db = await DbClient.open(DB_WORKER, file);
    cleanup.push(() => db.close());
    const bus = new EventBus();
    const health = new StorageHealth(bus);
    const pushed: unknown[] = [];
    bus.subscribe((event, payload) => event === 'app.health' && pushed.push(payload));
    const store = new VitalsStore(db, (error) => health.report('vitals', error));

    const saboteur = new Database(file);
    cleanup.push(() => saboteur.close());
    saboteur.exec("CREATE TRIGGER disk_full BEFORE INSERT ON vital_chunks BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");

    store.push(1, [hr(70, 1000), hr(71, 2000)]);
    await store.flush();
    expect(store.saveError).toMatch(/disk is full/);
    expect(health.status().storageErrors).toEqual([{ source: 'vitals', error: expect.stringMatching(/disk is full/) }]);
    expect(pushed).toHaveLength(1);

    store.push(1, [hr(72, 3000)]);
    await store.flush();
    expect(pushed).toHaveLength(1); // the same error is not announced again

    saboteur.exec('DROP TRIGGER disk_full');
    await store.flush();
    expect(store.saveError).toBeNull();
    expect(health.status().storageErrors).toEqual([]);
    expect(pushed).toHaveLength(2);
    const [series] = await db.call('vitalTrend', 1, 0, 10_000, ['hr'], 100);
    expect(series!.values).toEqual([70, 71, 72]);
  });
});
