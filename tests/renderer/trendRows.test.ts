/** Live trend rows: readings folded in batch by batch agree with the stored trend of the same readings. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { bucketStart, bucketTrend, CHART_MAX_BUCKETS } from '../../core/trendBuckets';
import { addReadings, NO_TREND, rowsOf, withLiveTail, type TrendRows } from '../../renderer/stores/trendRows';

const T0 = 1_700_000_000_000;

const readingArb = fc.record({
  parameter: fc.constantFrom('hr' as const, 'spo2' as const, 'nibpSys' as const, 'temp' as const),
  value: fc.option(fc.integer({ min: 0, max: 250 }), { nil: null, freq: 8 }),
  unit: fc.constant(''),
  state: fc.constantFrom('valid' as const, 'valid' as const, 'valid' as const, 'sensorOff' as const),
  receivedAt: fc.integer({ min: T0, max: T0 + 20 * 60_000 }),
});

/** Mostly in time order (as the monitor sends), with a few late readings. */
const streamArb = fc
  .array(readingArb, { maxLength: 400 })
  .map((rs) => rs.sort((a, b) => a.receivedAt - b.receivedAt))
  .chain((rs) => fc.tuple(fc.constant(rs), fc.array(readingArb, { maxLength: 5 }), fc.integer({ min: 1, max: 40 })));

function batches<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const charted = (r: StoredReading) => ['hr', 'spo2', 'nibpSys'].includes(r.parameter);

function foldAll(readings: StoredReading[], size: number, start: TrendRows = NO_TREND): TrendRows {
  return batches(readings, size).reduce(addReadings, start);
}

describe('live trend rows', () => {
  it('match the stored trend of the same readings, bucket by bucket, whatever the batches', () => {
    fc.assert(
      fc.property(streamArb, ([inOrder, late, size]) => {
        const readings = [...inOrder, ...late];
        const live = foldAll(readings, size);
        const stored = bucketTrend(T0, T0 + 20 * 60_000, new Map(['hr', 'spo2', 'nibpSys'].map((p) => [p as 'hr', readings.filter((r) => r.parameter === p).map((r) => ({ t: r.receivedAt, ...r }))])), 600);
        expect(stored.bucketMs).toBe(live.bucketMs);
        const expected = rowsOf(stored).rows.filter((r) => Object.keys(r).length > 1);
        expect(live.rows.filter((r) => Object.keys(r).length > 1)).toEqual(expected);
        // Rows ascend, and two filled rows further apart than a bucket have an empty row between (the line breaks).
        const filled = (r: object) => Object.keys(r).length > 1;
        live.rows.forEach((r, i) => {
          const prev = live.rows[i - 1];
          if (!prev) return;
          expect(r.t).toBeGreaterThan(prev.t);
          expect(filled(r) && filled(prev) && r.t - prev.t > live.bucketMs).toBe(false);
        });
      }),
    );
  });

  it('a long live run is merged into wider buckets, within budget, keeping every reading inside its band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 120 }), fc.integer({ min: 0, max: 10_000 }), (size, dip) => {
        // 4 h at 1 Hz: 2880 buckets of 5 s before merging.
        const readings: StoredReading[] = Array.from({ length: 4 * 3600 }, (_, i) => ({ parameter: 'spo2', value: i === dip ? 81 : 96 + (i % 3), unit: '%', state: 'valid', receivedAt: T0 + i * 1000 }));
        const live = foldAll(readings, size);
        expect(live.rows.length).toBeLessThanOrEqual(2 * CHART_MAX_BUCKETS);
        expect(Math.min(...live.rows.map((r) => r.spo2![0]))).toBe(81);
        const byTime = new Map(live.rows.map((r) => [r.t, r]));
        for (const r of readings) {
          const row = byTime.get(bucketStart(r.receivedAt, live.bucketMs))!;
          expect(r.value).toBeGreaterThanOrEqual(row.spo2![0]);
          expect(r.value).toBeLessThanOrEqual(row.spo2![1]);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('readings that came while the stored trend was read are kept in its grid', () => {
    const early: StoredReading[] = [{ parameter: 'hr', value: 70, unit: '', state: 'valid', receivedAt: T0 + 1000 }];
    const tail: StoredReading[] = [{ parameter: 'hr', value: 140, unit: '', state: 'valid', receivedAt: T0 + 3 * 3600_000 - 500 }];
    const stored = rowsOf(bucketTrend(T0, T0 + 3 * 3600_000 - 2000, new Map([['hr', early.map((r) => ({ t: r.receivedAt, ...r }))]]), 600));
    const merged = withLiveTail(stored, foldAll(tail, 1));
    expect(merged.bucketMs).toBe(20_000);
    expect(merged.rows[0]!.hr).toEqual([70, 70]);
    expect(merged.rows.at(-1)!.hr).toEqual([140, 140]);
  });

  it('an invalid reading leaves a gap, never a number', () => {
    const live = foldAll([{ parameter: 'spo2', value: 12, unit: '%', state: 'sensorOff', receivedAt: T0 }], 1);
    expect(live.rows).toEqual([{ t: bucketStart(T0, live.bucketMs) }]);
  });
});
