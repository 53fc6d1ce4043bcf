/**
 * The chart model of vital trends: every parameter on the same time buckets, lowest and highest valid value per
 * bucket. One shared time array keeps the chart's rows full (no half-empty rows, no fragments); min and max keep
 * a short desaturation visible in a 3-hour trend. Pure: the database worker and the renderer both use it.
 */
import type { MeasurementState, VitalParameter } from './vitals';

export interface TimedSample {
  t: number;
  value: number | null;
  state: MeasurementState;
}

export interface BucketSeries {
  parameter: VitalParameter;
  /** Per bucket, null where the bucket holds no valid value (a gap in the chart). */
  min: (number | null)[];
  max: (number | null)[];
}

export interface BucketedTrend {
  bucketMs: number;
  /** Start of every bucket, epoch ms, ascending, bucketMs apart. */
  times: number[];
  series: BucketSeries[];
}

/** The parameters a trend chart draws (the bedside monitor's trend page). */
export const CHART_PARAMETERS: readonly VitalParameter[] = ['hr', 'spo2', 'nibpSys', 'nibpDia', 'respRate', 'etco2'];

/** A chart is about 1000 px wide: a min/max band per 2 px shows every extreme; more buckets only cost time. */
export const CHART_MAX_BUCKETS = 600;

/**
 * Monitors send about once a second, with jitter of a few hundred ms: a bucket of 5 s always holds a sample while
 * data flows, so an empty bucket means data really is missing.
 */
export const MIN_BUCKET_MS = 5_000;

/** Round widths, so buckets start on whole seconds and minutes and live buckets line up with stored ones. */
const NICE_WIDTHS_MS = [5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);

/** The narrowest round width that covers [from, to] in at most maxBuckets buckets (never below MIN_BUCKET_MS). */
export function bucketWidth(from: number, to: number, maxBuckets: number): number {
  // The first bucket starts at or before `from`, so the grid may need two buckets more than span / width.
  const need = Math.max(1, to - from) / Math.max(1, maxBuckets - 2);
  return NICE_WIDTHS_MS.find((w) => w >= need) ?? Math.ceil(need / 3_600_000) * 3_600_000;
}

export function bucketStart(t: number, bucketMs: number): number {
  return Math.floor(t / bucketMs) * bucketMs;
}

/** A value a chart may draw: valid and a number (anything else is a gap). */
export function isUsable<S extends { value: number | null; state: MeasurementState }>(s: S): s is S & { value: number } {
  return s.state === 'valid' && s.value !== null && Number.isFinite(s.value);
}

/**
 * Buckets the samples of each parameter on one time grid covering [from, to]. Samples outside the range and
 * samples that are not valid numbers are left out (an invalid stretch is a gap, as no data is).
 */
export function bucketTrend(
  from: number,
  to: number,
  samples: ReadonlyMap<VitalParameter, readonly TimedSample[]>,
  maxBuckets: number,
): BucketedTrend {
  const bucketMs = bucketWidth(from, to, maxBuckets);
  const first = bucketStart(from, bucketMs);
  const count = Math.floor((to - first) / bucketMs) + 1;
  const times = Array.from({ length: count }, (_, i) => first + i * bucketMs);
  const series = [...samples].map(([parameter, list]): BucketSeries => {
    const min: (number | null)[] = new Array(count).fill(null);
    const max: (number | null)[] = new Array(count).fill(null);
    for (const s of list) {
      if (s.t < from || s.t > to || !isUsable(s)) continue;
      const i = Math.floor((s.t - first) / bucketMs);
      const lo = min[i];
      const hi = max[i];
      if (lo === null || lo === undefined || s.value < lo) min[i] = s.value;
      if (hi === null || hi === undefined || s.value > hi) max[i] = s.value;
    }
    return { parameter, min, max };
  });
  return { bucketMs, times, series };
}
