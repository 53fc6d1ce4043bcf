/**
 * Chart rows of a vital trend: one row per time bucket, each charted parameter as [min, max] or absent (a gap).
 * The stored trend comes bucketed from main (core/trendBuckets.ts); live readings are folded into the same grid,
 * so a tick changes one row and never rebuilds the others.
 */
import type { StoredReading, VitalTrend } from '../../core/api/schemas';
import { bucketStart, CHART_MAX_BUCKETS, CHART_PARAMETERS, isUsable, MIN_BUCKET_MS } from '../../core/trendBuckets';
import type { VitalParameter } from '../../core/vitals';

export type Band = readonly [min: number, max: number];
export type TrendRow = { t: number } & Partial<Record<VitalParameter, Band>>;

export interface TrendRows {
  bucketMs: number;
  rows: TrendRow[];
}

/** Twice the stored budget: a live chart may grow to this before its buckets are merged in pairs. */
const MAX_LIVE_ROWS = 2 * CHART_MAX_BUCKETS;
const CHARTED = new Set<VitalParameter>(CHART_PARAMETERS);

export const NO_TREND: TrendRows = { bucketMs: MIN_BUCKET_MS, rows: [] };

const hasData = (row: TrendRow) => CHART_PARAMETERS.some((p) => row[p] !== undefined);

/** Rows of a stored trend; empty buckets before the first and after the last data are left out. */
export function rowsOf(trend: VitalTrend): TrendRows {
  const rows: TrendRow[] = trend.times.map((t) => ({ t }));
  for (const s of trend.series) {
    if (!CHARTED.has(s.parameter)) continue;
    s.min.forEach((lo, i) => {
      const hi = s.max[i];
      if (lo !== null && lo !== undefined && hi !== null && hi !== undefined) rows[i]![s.parameter] = [lo, hi];
    });
  }
  const first = rows.findIndex(hasData);
  const last = rows.findLastIndex(hasData);
  return { bucketMs: trend.bucketMs, rows: first < 0 ? [] : rows.slice(first, last + 1) };
}

/** Index of the row of bucket `t`, added if missing. */
function rowAt(rows: TrendRow[], t: number): number {
  const last = rows[rows.length - 1];
  if (!last || t > last.t) return rows.push({ t }) - 1;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  if (rows[lo]?.t !== t) rows.splice(lo, 0, { t }); // a late reading: rare, so the copy does not matter
  return lo;
}

/** An empty row between filled rows more than a bucket apart, so the line breaks where data is missing. */
function keepGaps(rows: TrendRow[], i: number, bucketMs: number): void {
  const t = rows[i]!.t;
  const next = rows[i + 1];
  if (next && hasData(next) && next.t - t > bucketMs) rows.splice(i + 1, 0, { t: t + bucketMs });
  const prev = rows[i - 1];
  if (prev && hasData(prev) && t - prev.t > bucketMs) rows.splice(i, 0, { t: t - bucketMs });
}

function widen(rows: TrendRow[], i: number, parameter: VitalParameter, lo: number, hi: number, bucketMs: number): void {
  const row = rows[i]!;
  const band = row[parameter];
  rows[i] = { ...row, [parameter]: band ? [Math.min(band[0], lo), Math.max(band[1], hi)] : [lo, hi] };
  if (!hasData(row)) keepGaps(rows, i, bucketMs);
}

/** Adds a row (of this or a narrower grid) into the bucket of `bucketMs` that holds it. */
function foldRow(rows: TrendRow[], row: TrendRow, bucketMs: number): void {
  const t = bucketStart(row.t, bucketMs);
  rowAt(rows, t);
  for (const p of CHART_PARAMETERS) {
    const band = row[p];
    if (band) widen(rows, rowAt(rows, t), p, band[0], band[1], bucketMs);
  }
}

/** Folds rows into buckets twice as wide until they fit the live budget. */
function coarsen(trend: TrendRows): TrendRows {
  let { bucketMs, rows } = trend;
  while (rows.length > MAX_LIVE_ROWS) {
    bucketMs *= 2;
    const merged: TrendRow[] = [];
    for (const row of rows) foldRow(merged, row, bucketMs);
    rows = merged;
  }
  return { bucketMs, rows };
}

/** The trend with live readings folded in; rows the readings do not touch stay the same objects. */
export function addReadings(trend: TrendRows, readings: readonly StoredReading[]): TrendRows {
  const rows = trend.rows.slice();
  for (const r of readings) {
    if (!CHARTED.has(r.parameter)) continue;
    const i = rowAt(rows, bucketStart(r.receivedAt, trend.bucketMs));
    if (isUsable(r)) widen(rows, i, r.parameter, r.value, r.value, trend.bucketMs);
  }
  return coarsen({ bucketMs: trend.bucketMs, rows });
}

/** A stored trend, with the live rows that arrived after it was read folded into its grid. */
export function withLiveTail(stored: TrendRows, live: TrendRows): TrendRows {
  const lastStored = stored.rows[stored.rows.length - 1]?.t ?? -Infinity;
  const rows = stored.rows.slice();
  for (const row of live.rows) {
    if (row.t + live.bucketMs > lastStored) foldRow(rows, row, stored.bucketMs);
  }
  return coarsen({ bucketMs: stored.bucketMs, rows });
}
