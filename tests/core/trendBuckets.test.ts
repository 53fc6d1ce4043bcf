import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketTrend, bucketWidth, isUsable, MIN_BUCKET_MS, type TimedSample } from '../../core/trendBuckets';
import { MEASUREMENT_STATES, type VitalParameter } from '../../core/vitals';

const T0 = 1_700_000_000_000;
const H = 3_600_000;

const sampleArb = (from: number, to: number) =>
  fc.record({
    t: fc.integer({ min: from - 60_000, max: to + 60_000 }), // some outside the range: they must be left out
    value: fc.option(fc.integer({ min: 0, max: 3000 }).map((x) => x / 10), { nil: null, freq: 8 }),
    state: fc.constantFrom(...MEASUREMENT_STATES, 'valid', 'valid', 'valid'),
  });

/** A range of 1 min to 24 h, and up to three parameters of random samples (unsorted, repeated times). */
const caseArb = fc
  .record({ from: fc.integer({ min: T0, max: T0 + H }), span: fc.integer({ min: 60_000, max: 24 * H }), maxBuckets: fc.integer({ min: 10, max: 1200 }) })
  .chain(({ from, span, maxBuckets }) =>
    fc.record({
      from: fc.constant(from),
      to: fc.constant(from + span),
      maxBuckets: fc.constant(maxBuckets),
      samples: fc.array(fc.array(sampleArb(from, from + span), { maxLength: 300 }), { minLength: 1, maxLength: 3 }),
    }),
  );

const PARAMS: VitalParameter[] = ['hr', 'spo2', 'nibpSys'];

function run(c: { from: number; to: number; maxBuckets: number; samples: TimedSample[][] }) {
  const input = new Map(c.samples.map((list, k) => [PARAMS[k]!, list]));
  const trend = bucketTrend(c.from, c.to, input, c.maxBuckets);
  const inRange = (s: TimedSample) => s.t >= c.from && s.t <= c.to && isUsable(s);
  const index = (t: number) => Math.floor((t - trend.times[0]!) / trend.bucketMs);
  return { trend, inRange, index };
}

describe('bucketTrend', () => {
  it('puts every parameter on one time grid that covers the range in at most maxBuckets buckets', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { trend } = run(c);
        expect(trend.bucketMs).toBeGreaterThanOrEqual(MIN_BUCKET_MS);
        expect(trend.times.length).toBeLessThanOrEqual(c.maxBuckets);
        expect(trend.times[0]).toBeLessThanOrEqual(c.from);
        expect(trend.times.at(-1)! + trend.bucketMs).toBeGreaterThan(c.to);
        trend.times.forEach((t, i) => i > 0 && expect(t - trend.times[i - 1]!).toBe(trend.bucketMs));
        for (const s of trend.series) {
          expect(s.min).toHaveLength(trend.times.length);
          expect(s.max).toHaveLength(trend.times.length);
        }
      }),
    );
  });

  it('every valid sample lies within its bucket’s [min, max]; buckets without one are gaps, others are not', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { trend, inRange, index } = run(c);
        trend.series.forEach((s, k) => {
          const valid = c.samples[k]!.filter(inRange);
          const filled = new Set(valid.map((v) => index(v.t)));
          const measured = new Set(valid.map((v) => `${index(v.t)}:${v.value}`));
          const outside = valid.filter((v) => !(s.min[index(v.t)]! <= v.value! && v.value! <= s.max[index(v.t)]!));
          expect(outside).toEqual([]);
          const wrongGaps = s.min.flatMap((lo, i) => ((lo === null) !== !filled.has(i) || (s.max[i] === null) !== !filled.has(i) ? [i] : []));
          expect(wrongGaps).toEqual([]);
          // Each bound is a value that was measured in that bucket, not an invented one.
          const invented = [...s.min, ...s.max].flatMap((v, j) => (v !== null && !measured.has(`${j % s.min.length}:${v}`) ? [v] : []));
          expect(invented).toEqual([]);
        });
      }),
    );
  });

  it('keeps the extreme values of the whole range', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { trend, inRange } = run(c);
        trend.series.forEach((s, k) => {
          const values = c.samples[k]!.filter(inRange).map((v) => v.value!);
          const mins = s.min.filter((v): v is number => v !== null);
          const maxs = s.max.filter((v): v is number => v !== null);
          if (values.length === 0) return expect(mins).toEqual([]);
          expect(Math.min(...mins)).toBe(Math.min(...values));
          expect(Math.max(...maxs)).toBe(Math.max(...values));
        });
      }),
    );
  });

  it('1-Hz data with jitter never shows a false gap, at any zoom', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 * 3600 }),
        fc.integer({ min: 10, max: 1200 }),
        fc.array(fc.integer({ min: -450, max: 450 }), { minLength: 1, maxLength: 64 }),
        (seconds, maxBuckets, jitter) => {
          const samples = Array.from({ length: seconds }, (_, i) => ({ t: T0 + i * 1000 + jitter[i % jitter.length]!, value: 97, state: 'valid' as const }));
          const trend = bucketTrend(samples[0]!.t, samples.at(-1)!.t, new Map([['spo2', samples]]), maxBuckets);
          expect(trend.series[0]!.min).not.toContain(null);
        },
      ),
    );
  });

  it('a sparse cuff value minutes apart stays a point in its own bucket', () => {
    const nibp = [0, 5, 10].map((m, i) => ({ t: T0 + m * 60_000, value: 120 + i, state: 'valid' as const }));
    const trend = bucketTrend(T0, T0 + 15 * 60_000, new Map([['nibpSys', nibp]]), 600);
    const points = trend.series[0]!.max.flatMap((v, i) => (v === null ? [] : [[trend.times[i], v]]));
    expect(points).toEqual(nibp.map((s) => [s.t, s.value]));
  });

  it('a 3-hour session fits the chart budget with round 20-s buckets', () => {
    expect(bucketWidth(T0, T0 + 3 * H, 600)).toBe(20_000);
    expect(bucketWidth(T0, T0 + 10 * 60_000, 600)).toBe(MIN_BUCKET_MS);
  });
});
