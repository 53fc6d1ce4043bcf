import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { MEASUREMENT_STATES } from '../../core/vitals';
import { migrate } from '../../db/migrations';
import { CHUNK_MAX_SAMPLES, createVitalsRepo } from '../../db/repos/vitals';
import { decodeChunk, encodeChunk, type VitalSample } from '../../db/vitalCodec';

const sampleArb = fc.record({
  dt: fc.integer({ min: 0, max: 120_000 }),
  value: fc.option(fc.integer({ min: -5000, max: 100000 }).map((x) => x / 100), { nil: null }),
  state: fc.constantFrom(...MEASUREMENT_STATES),
});

function freshDb() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

const reading = (parameter: StoredReading['parameter'], value: number | null, receivedAt: number): StoredReading => ({
  parameter,
  value,
  unit: '/min',
  state: value === null ? 'invalid' : 'valid',
  receivedAt,
});

describe('vital chunk codec', () => {
  it('decodes exactly what it encoded (values in hundredths)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.array(sampleArb, { maxLength: 80 }), (start, raw) => {
        let t = start;
        const samples: VitalSample[] = raw.map((s) => ({ t: (t += s.dt), value: s.value, state: s.state }));
        expect(decodeChunk(start, encodeChunk(start, samples))).toEqual(samples);
      }),
    );
  });

  it('stores an hour of 1-Hz heart rate in well under 5 bytes a sample', () => {
    const samples = Array.from({ length: 3600 }, (_, i) => ({ t: 1e12 + i * 1000, value: 70 + Math.round(Math.sin(i / 50) * 8), state: 'valid' as const }));
    expect(encodeChunk(1e12, samples).length / samples.length).toBeLessThan(5);
  });

  it('refuses out-of-order samples and unknown formats', () => {
    expect(() => encodeChunk(10, [{ t: 5, value: 1, state: 'valid' }])).toThrow(/time order/);
    expect(() => decodeChunk(0, Uint8Array.of(9))).toThrow(/unknown vital chunk format/);
  });
});

describe('vitals repository', () => {
  it('returns what was appended, across chunk boundaries, for the asked window only', () => {
    const repo = createVitalsRepo(freshDb());
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 150; i++) repo.appendReadings(1, [reading('hr', 60 + (i % 20), t0 + i * 1000)]);
    const all = repo.samples(1, 'hr', t0, t0 + 149_000);
    expect(all).toHaveLength(150);
    expect(all[CHUNK_MAX_SAMPLES]!.value).toBe(60 + (CHUNK_MAX_SAMPLES % 20));
    expect(repo.samples(1, 'hr', t0 + 10_000, t0 + 19_000)).toHaveLength(10);
    expect(repo.samples(2, 'hr', t0, t0 + 149_000)).toHaveLength(0);
  });

  it('keeps invalid samples as gaps, never as numbers', () => {
    const repo = createVitalsRepo(freshDb());
    repo.appendReadings(1, [reading('spo2', 97, 1000), reading('spo2', null, 7000), reading('spo2', 96, 13_000)]);
    const trend = repo.trend(1, 0, 20_000, ['spo2'], 100);
    expect(trend.times).toEqual([0, 5000, 10_000, 15_000, 20_000]);
    expect(trend.series).toEqual([{ parameter: 'spo2', min: [97, null, 96, null, null], max: [97, null, 96, null, null] }]);
  });

  it('never overwrites a stored chunk when the clock jumps back', () => {
    const db = freshDb();
    const repo = createVitalsRepo(db);
    repo.appendReadings(1, [reading('hr', 70, 5000), reading('hr', 71, 6000)]);
    repo.appendReadings(1, [reading('hr', 90, 5000)]); // clock set back to the same ms
    const values = repo.samples(1, 'hr', 0, 10_000).map((s) => s.value).sort();
    expect(values).toEqual([70, 71, 90]);
  });

  it('a later repository (after a restart) adds to what is stored', () => {
    const db = freshDb();
    createVitalsRepo(db).appendReadings(1, [reading('hr', 70, 1000)]);
    createVitalsRepo(db).appendReadings(1, [reading('hr', 72, 2000)]);
    expect(createVitalsRepo(db).samples(1, 'hr', 0, 5000).map((s) => s.value)).toEqual([70, 72]);
  });
});
