/**
 * A failing disk loses nothing: readings that cannot be written stay queued in order, the failure and how many
 * readings wait are reported to every window (app.health) until all are written, and they are written once the
 * database accepts them again. Real SQLite, real worker; the failure is a trigger that refuses writes, as a full
 * disk or a locked file would.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { DbClient } from '../../db/client';
import { EventBus } from '../../electron/services/eventBus';
import { StorageHealth } from '../../electron/services/storageHealth';
import { VitalsStore } from '../../electron/services/vitalsStore';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import { readBack, refuseVitals } from '../helpers/vitalsSoak';
import { rawClinicDb } from '../helpers/clinicFile';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const hr = (value: number, receivedAt: number): StoredReading => ({ parameter: 'hr', value, unit: '/min', state: 'valid', receivedAt });

async function setUp() {
  const dir = tempDir();
  cleanup.push(() => dir.remove());
  const file = join(dir.path, 'clinic.sqlite');
  const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
  cleanup.push(() => db.close());
  const saboteur = rawClinicDb(file);
  cleanup.push(() => saboteur.close());
  return { dir, file, db, saboteur };
}

describe('VitalsStore', () => {
  it('keeps readings through a write failure, says so loudly with the count, and writes them in order when the disk recovers', async () => {
    const { db, saboteur } = await setUp();
    const bus = new EventBus();
    const health = new StorageHealth(bus);
    const pushed: unknown[] = [];
    bus.subscribe((event, payload) => event === 'app.health' && pushed.push(payload));
    const store = new VitalsStore(db, (h) => health.report('vitals', h));

    const heal = refuseVitals(saboteur);
    store.push(1, [hr(70, 1000), hr(71, 2000)]);
    await store.flush();
    expect(store.saveError).toMatch(/disk is full/);
    expect(health.status()).toEqual({
      storageErrors: [{ source: 'vitals', error: expect.stringMatching(/disk is full/) }],
      queued: [{ source: 'vitals', count: 2 }],
    });
    expect(pushed).toHaveLength(1);

    store.push(1, [hr(72, 3000)]);
    await store.flush();
    expect(pushed).toHaveLength(2); // the count changed: told again
    expect(health.status().queued).toEqual([{ source: 'vitals', count: 3 }]);
    await store.flush();
    expect(pushed).toHaveLength(2); // nothing changed: not told again

    heal();
    store.push(1, [hr(73, 4000)]);
    await store.flush();
    expect(store.saveError).toBeNull();
    expect(store.waiting).toBe(0);
    expect(health.status()).toEqual({ storageErrors: [], queued: [] });
    expect(pushed).toHaveLength(3);
    const samples = await db.call('vitalSamples', 1, 'hr', 0, 10_000);
    expect(samples.map((s) => s.value)).toEqual([70, 71, 72, 73]);
  });

  it('writes a backlog larger than one transaction takes, in order', async () => {
    const { db, saboteur } = await setUp();
    const store = new VitalsStore(db);
    const heal = refuseVitals(saboteur);
    const readings = Array.from({ length: 12_345 }, (_, i) => hr(40 + (i % 100), 1000 + i * 100));
    for (let i = 0; i < readings.length; i += 1000) {
      store.push(1, readings.slice(i, i + 1000));
      await store.flush();
    }
    expect(store.waiting).toBe(readings.length);
    heal();
    await store.flush();
    expect(store.waiting).toBe(0);
    const stored = await readBack(db, [1]);
    expect(stored.get('1:hr')).toEqual(readings.map((r) => [r.receivedAt, r.value]));
  });

  it('stores every reading exactly once and in time order through random batches, failures and restarts', async () => {
    const stepArb = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('push' as const), chairId: fc.constantFrom(1, 2), count: fc.integer({ min: 1, max: 400 }), dtMax: fc.constantFrom(0, 1000, 700_000) }) },
      { weight: 4, arbitrary: fc.constant({ kind: 'flush' as const }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'fail' as const }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'heal' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
    );
    let clock = 1_700_000_000_000;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 25 }), fc.integer({ min: 0, max: 2 ** 31 }), async (steps, seed) => {
        const { file, saboteur, db: first } = await setUp();
        const chairs = [1, 2];
        let db = first;
        let store = new VitalsStore(db);
        let heal: (() => void) | null = null;
        const expected = new Map<string, [number, number | null][]>();
        let rnd = seed;
        const next = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31);
        try {
          for (const step of steps) {
            if (step.kind === 'push') {
              const chairId = chairs[step.chairId - 1]!;
              const batch: StoredReading[] = [];
              for (let i = 0; i < step.count; i++) {
                clock += step.dtMax === 0 ? next() % 2 : (next() % step.dtMax) + 1;
                const parameter = (['hr', 'spo2', 'pumpRate'] as const)[next() % 3]!;
                const value = next() % 4 === 0 ? null : (next() % 20_000) / 100;
                batch.push({ parameter, value, unit: '', state: value === null ? 'invalid' : 'valid', receivedAt: clock });
                const key = `${chairId}:${parameter}`;
                expected.set(key, [...(expected.get(key) ?? []), [clock, value]]);
              }
              store.push(chairId, batch);
            } else if (step.kind === 'flush') await store.flush();
            else if (step.kind === 'fail') heal ??= refuseVitals(saboteur);
            else if (step.kind === 'heal') {
              heal?.();
              heal = null;
            } else {
              // A restart keeps only what is on disk: the store writes its queue on the way down.
              heal?.();
              heal = null;
              await store.stop();
              expect(store.waiting).toBe(0);
              await db.close();
              db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
              store = new VitalsStore(db);
            }
          }
          heal?.();
          heal = null;
          await store.flush();
          expect(store.waiting).toBe(0);
          expect(store.saveError).toBeNull();
          const stored = await readBack(db, chairs);
          for (const key of new Set([...expected.keys(), ...stored.keys()])) expect(stored.get(key) ?? [], key).toEqual(expected.get(key) ?? []);
        } finally {
          heal?.();
          await db.close();
          for (const fn of cleanup.splice(0).reverse()) await fn();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
