/**
 * A soak of the vitals path in simulated time: several chairs' monitors and pumps hand readings to a VitalsStore
 * that writes through the real database worker, flushed as often as the app flushes at the chosen speed, with a
 * disk outage in the middle. Afterwards everything is read back: readings received vs stored.
 * Used by tests/services/vitalsSoak.test.ts (exact equality) and bench/storage.ts (the 10-minute figure).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { StoredReading } from '../../core/api/schemas';
import { VITAL_PARAMETERS, type VitalParameter } from '../../core/vitals';
import type { DbClient } from '../../db/client';
import { EventBus } from '../../electron/services/eventBus';
import { StorageHealth } from '../../electron/services/storageHealth';
import { VitalsStore } from '../../electron/services/vitalsStore';
import { rawClinicDb } from './clinicFile';

/** Each stored series as [time, value] pairs, keyed 'chairId:parameter'. */
export type Series = Map<string, [number, number | null][]>;

/** Makes the database refuse vital chunks as a full disk would (a trigger); returns the cure. */
export function refuseVitals(conn: Database.Database): () => void {
  conn.exec("CREATE TRIGGER disk_full BEFORE INSERT ON vital_chunks BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
  conn.exec("CREATE TRIGGER disk_full_update BEFORE UPDATE ON vital_chunks BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
  return () => conn.exec('DROP TRIGGER disk_full; DROP TRIGGER disk_full_update');
}

/** Everything stored for the chairs, read back sample by sample through the database worker. */
export async function readBack(db: DbClient, chairIds: readonly number[]): Promise<Series> {
  const out: Series = new Map();
  for (const chairId of chairIds) {
    for (const parameter of VITAL_PARAMETERS) {
      const samples = await db.call('vitalSamples', chairId, parameter, 0, 8.64e15);
      if (samples.length > 0) out.set(`${chairId}:${parameter}`, samples.map((s) => [s.t, s.value]));
    }
  }
  return out;
}

export interface SoakOptions {
  db: DbClient;
  /** The database file, for the outage (a second connection adds the refusing trigger). */
  file: string;
  chairs: number;
  simulatedSeconds: number;
  /** Simulated seconds between flushes: the app flushes once a real second, so at 50× speed every 50 s. */
  flushEverySeconds: number;
  /** Simulated seconds during which the disk refuses writes. */
  outage?: { from: number; to: number };
}

export interface SoakResult {
  received: number;
  stored: number;
  /** What went in and what came back out, for an exact comparison. */
  expected: Series;
  actual: Series;
  /** The most readings app.health reported waiting during the outage. */
  maxQueuedReported: number;
  /** app.health after the run (must be all clear). */
  healthAfter: ReturnType<StorageHealth['status']>;
}

/** Monitor numerics each second (a fast oximeter twice), NIBP every 5 min, the pump every 5 s. */
const SOURCES: { parameters: VitalParameter[]; periodMs: number }[] = [
  { parameters: ['hr', 'respRate'], periodMs: 1000 },
  { parameters: ['spo2', 'pulseRate'], periodMs: 500 },
  { parameters: ['nibpSys', 'nibpDia', 'nibpMean'], periodMs: 300_000 },
  { parameters: ['pumpRate', 'pumpVolume'], periodMs: 5000 },
];
const T0 = 1_700_000_000_000;

export async function runVitalsSoak(o: SoakOptions): Promise<SoakResult> {
  const bus = new EventBus();
  const health = new StorageHealth(bus);
  let maxQueuedReported = 0;
  bus.subscribe((event) => {
    if (event !== 'app.health') return;
    for (const q of health.status().queued) maxQueuedReported = Math.max(maxQueuedReported, q.count);
  });
  const store = new VitalsStore(o.db, (h) => health.report('vitals', h));
  const saboteur = rawClinicDb(o.file);
  let heal: (() => void) | null = null;
  const chairIds = Array.from({ length: o.chairs }, (_, i) => i + 1);
  const expected: Series = new Map();
  let received = 0;
  let rnd = 12345;
  const jitter = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) % 97;
  try {
    for (let s = 0; s < o.simulatedSeconds; s++) {
      if (o.outage && s === o.outage.from) heal = refuseVitals(saboteur);
      if (o.outage && s === o.outage.to) {
        heal?.();
        heal = null;
      }
      for (const chairId of chairIds) {
        const readings: StoredReading[] = [];
        for (const source of SOURCES) {
          // Chairs are out of phase, and every link delivers a little late by a varying amount.
          for (let at = Math.ceil((s * 1000 - chairId * 137) / source.periodMs) * source.periodMs + chairId * 137; at < (s + 1) * 1000; at += source.periodMs) {
            const receivedAt = T0 + at + jitter();
            for (const parameter of source.parameters) {
              const value = parameter === 'spo2' && at % 60_000 < 1000 ? null : Math.round(50 + 40 * Math.sin(at / 100_000 + chairId) + jitter()) / 10;
              readings.push({ parameter, value, unit: '', state: value === null ? 'invalid' : 'valid', receivedAt });
            }
          }
        }
        readings.sort((a, b) => a.receivedAt - b.receivedAt);
        for (const r of readings) {
          const key = `${chairId}:${r.parameter}`;
          const list = expected.get(key) ?? [];
          list.push([r.receivedAt, r.value]);
          expected.set(key, list);
        }
        received += readings.length;
        store.push(chairId, readings);
      }
      if ((s + 1) % o.flushEverySeconds === 0) await store.flush();
    }
    heal?.();
    heal = null;
    await store.stop();
    const actual = await readBack(o.db, chairIds);
    let stored = 0;
    for (const list of actual.values()) stored += list.length;
    return { received, stored, expected, actual, maxQueuedReported, healthAfter: health.status() };
  } finally {
    heal?.();
    saboteur.close();
  }
}
