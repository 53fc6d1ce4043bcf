/**
 * The vitals repository loses nothing and doubles nothing: random batches (any size, any chunk boundary), real
 * SQLite write failures in the middle of a transaction (a temporary trigger that RAISEs on insert or update of a
 * chunk) or before it (another connection holds the write lock), each failed batch written again as the store does,
 * and restarts (a new repository on the same connection, or a reopened database). Everything is read back and
 * compared with the list of what was handed over.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { MEASUREMENT_STATES, type VitalParameter } from '../../core/vitals';
import { openDatabase, type DB } from '../../db/open';
import { CHUNK_MAX_SPAN_MS, createVitalsRepo } from '../../db/repos/vitals';
import type { VitalSample } from '../../db/vitalCodec';
import { tempDir } from '../helpers/tempDir';

const dir = tempDir();
afterAll(() => dir.remove());

const PARAMETERS: VitalParameter[] = ['hr', 'spo2', 'nibpSys'];
const CHAIRS = [1, 2];
const T0 = 1_700_000_000_000;

type Failure = 'insertTrigger' | 'updateTrigger' | 'anyTrigger' | 'locked';

const readingArb = fc.record({
  parameter: fc.constantFrom(...PARAMETERS),
  // Mostly a second apart; sometimes the same ms, sometimes a gap longer than a chunk may span.
  dt: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3000 }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: CHUNK_MAX_SPAN_MS - 2000, max: CHUNK_MAX_SPAN_MS + 2000 }) }),
  value: fc.option(fc.integer({ min: -500, max: 30000 }).map((x) => x / 100), { nil: null }),
  state: fc.constantFrom(...MEASUREMENT_STATES),
});

const stepArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('batch' as const),
      chairId: fc.constantFrom(...CHAIRS),
      readings: fc.array(readingArb, { minLength: 1, maxLength: 300, size: 'max' }),
      // A serial backlog read at once: every reading of the batch gets the same receive time.
      burst: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fail' as const), failure: fc.constantFrom<Failure>('insertTrigger', 'updateTrigger', 'anyTrigger', 'locked'), parameter: fc.constantFrom(...PARAMETERS) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'heal' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), reopen: fc.boolean() }) },
);

/** The real failures: what the repository's connection meets when the disk refuses or another writer holds the lock. */
class Saboteur {
  private readonly conn: DB;
  private locked = false;
  private triggered: { failure: Failure; parameter: string } | null = null;
  constructor(file: string) {
    this.conn = new Database(file);
  }
  /**
   * The refusing triggers step aside while the app opens the file (its schema check refuses a file with triggers it
   * did not make) and come back at once: the disk stays full across the restart. Returns the way back.
   */
  pauseTriggers(): () => void {
    const again = this.triggered;
    if (!again) return () => {};
    this.heal();
    return () => this.fail(again.failure, again.parameter);
  }
  fail(failure: Failure, parameter: string): void {
    this.heal();
    if (failure === 'locked') {
      this.conn.exec('BEGIN IMMEDIATE');
      this.locked = true;
      return;
    }
    const on = failure === 'insertTrigger' ? 'INSERT' : 'UPDATE';
    // Only one parameter's chunks fail, so the batch fails after other chunks were already written in it.
    const when = `WHEN NEW.parameter = '${parameter}'`;
    const events = failure === 'anyTrigger' ? ['INSERT', 'UPDATE'] : [on];
    for (const e of events) {
      this.conn.exec(`CREATE TRIGGER disk_refuses_${e} BEFORE ${e} ON vital_chunks ${when} BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    }
    this.triggered = { failure, parameter };
  }
  heal(): void {
    if (this.locked) this.conn.exec('ROLLBACK');
    if (this.triggered) for (const e of ['INSERT', 'UPDATE']) this.conn.exec(`DROP TRIGGER IF EXISTS disk_refuses_${e}`);
    this.locked = false;
    this.triggered = null;
  }
  close(): void {
    this.heal();
    this.conn.close();
  }
}

function open(file: string): DB {
  const db = openDatabase(file);
  db.pragma('busy_timeout = 0'); // a held lock fails at once instead of after 5 s
  db.pragma('synchronous = OFF'); // speed only: durability is not what this test is about
  return db;
}

let runs = 0;

describe('vitals repository under random batches, failures and restarts', () => {
  it('stores every reading exactly once and in order', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'medium' }), (steps) => {
        const file = join(dir.path, `run-${runs++}.sqlite`);
        let db = open(file);
        let repo = createVitalsRepo(db);
        const saboteur = new Saboteur(file);
        const clock = new Map<number, number>(CHAIRS.map((c) => [c, T0]));
        const expected = new Map<string, VitalSample[]>();
        /** Batches handed over and not yet written, per chair, oldest first (what VitalsStore keeps). */
        const waiting = new Map<number, StoredReading[][]>(CHAIRS.map((c) => [c, []]));
        let failures = 0;

        const writeWaiting = () => {
          for (const [chairId, batches] of waiting) {
            while (batches.length > 0) {
              try {
                repo.appendReadings(chairId, batches[0]!);
              } catch (err) {
                expect((err as Error).message).toMatch(/disk is full|locked|busy/);
                failures++;
                break;
              }
              batches.shift();
            }
          }
        };

        try {
          for (const step of steps) {
            if (step.kind === 'batch') {
              let t = clock.get(step.chairId)!;
              const batch = step.readings.map((r): StoredReading => ({ parameter: r.parameter, value: r.value, unit: '', state: r.state, receivedAt: step.burst ? t : (t += r.dt) }));
              clock.set(step.chairId, t);
              for (const r of batch) {
                const key = `${step.chairId}:${r.parameter}`;
                expected.set(key, [...(expected.get(key) ?? []), { t: r.receivedAt, value: r.value, state: r.state }]);
              }
              waiting.get(step.chairId)!.push(batch);
            } else if (step.kind === 'fail') saboteur.fail(step.failure, step.parameter);
            else if (step.kind === 'heal') saboteur.heal();
            else {
              if (step.reopen) {
                db.close();
                const refuseAgain = saboteur.pauseTriggers();
                db = open(file);
                refuseAgain();
              }
              repo = createVitalsRepo(db);
            }
            writeWaiting();
          }
          saboteur.heal();
          writeWaiting();
          for (const batches of waiting.values()) expect(batches).toEqual([]);

          const reader = createVitalsRepo(db);
          for (const chairId of CHAIRS) {
            for (const parameter of PARAMETERS) {
              const want = expected.get(`${chairId}:${parameter}`) ?? [];
              const got = reader.samples(chairId, parameter, T0, clock.get(chairId)!);
              expect(got, `chair ${chairId} ${parameter} (${failures} failed writes)`).toEqual(want);
            }
          }
        } finally {
          saboteur.close();
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
