/**
 * Geometry of the session chart, drawn as a few SVG paths (issue 13): each parameter's band is one filled path and
 * one stroked path however many buckets and gaps it has, instead of recharts' hundreds of elements and render passes.
 * Pure: rows and scales in, path strings out.
 */
import type { VitalParameter } from '../../../core/vitals';
import type { TrendRow } from '../../stores/trendRows';

export type Scale = (v: number) => number;

/** The plot area inside the SVG, in px. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

const MIN = 60_000;

/** Room around the plot area: the value labels left, the time labels below. The same in every plot, so the time axes line up. */
const MARGIN = { top: 8, right: 24, bottom: 34, left: 64 };

export function plotBox(width: number, height: number): PlotBox {
  return {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(0, width - MARGIN.left - MARGIN.right),
    height: Math.max(0, height - MARGIN.top - MARGIN.bottom),
  };
}

/** Maps [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** The same whole-minute ticks for both charts, so their grids line up. */
export function timeTicks(from: number, to: number): number[] {
  const span = to - from;
  const step = [1, 2, 5, 10, 15, 30, 60].map((m) => m * MIN).find((s) => span / s <= 8) ?? 120 * MIN;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

/** `count` evenly spaced ticks from 0 to top. */
export function valueTicks(top: number, count = 5): number[] {
  return Array.from({ length: count }, (_, i) => (top * i) / (count - 1));
}

/** A coordinate to 0.1 px: shorter path text, no visible difference. */
const px = (v: number) => Math.round(v * 10) / 10;

export interface BandPaths {
  /** Closed areas between lowest and highest, one per stretch of two or more buckets. */
  fill: string;
  /** The highest and the lowest line of each stretch; a lone bucket is a vertical stroke (a dot where min = max). */
  stroke: string;
  /** Number of stretches (a gap where data is missing ends one). */
  runs: number;
}

/**
 * The band of one parameter. A row without the parameter is a gap that ends the stretch, unless `joinGaps`
 * (cuff values, minutes apart: joined from one measurement to the next).
 */
export function bandPaths(rows: readonly TrendRow[], parameter: VitalParameter, x: Scale, y: Scale, joinGaps: boolean): BandPaths {
  let fill = '';
  let stroke = '';
  let runs = 0;
  let xs: number[] = [];
  let his: number[] = [];
  let los: number[] = [];
  const flush = () => {
    const n = xs.length;
    if (n === 0) return;
    runs++;
    if (n === 1) {
      stroke += `M${xs[0]} ${his[0]}L${xs[0]} ${los[0]}`;
    } else {
      let top = `M${xs[0]} ${his[0]}`;
      let bottom = `M${xs[0]} ${los[0]}`;
      let back = '';
      for (let i = 1; i < n; i++) {
        top += `L${xs[i]} ${his[i]}`;
        bottom += `L${xs[i]} ${los[i]}`;
      }
      for (let i = n - 1; i >= 0; i--) back += `L${xs[i]} ${los[i]}`;
      stroke += top + bottom;
      fill += `${top}${back}Z`;
    }
    xs = [];
    his = [];
    los = [];
  };
  for (const row of rows) {
    const band = row[parameter];
    if (!band) {
      if (!joinGaps) flush();
      continue;
    }
    xs.push(px(x(row.t)));
    his.push(px(y(band[1])));
    los.push(px(y(band[0])));
  }
  flush();
  return { fill, stroke, runs };
}

/** One dot per row holding the parameter, at its highest value: zero-length strokes drawn with round caps. */
export function dotsPath(rows: readonly TrendRow[], parameter: VitalParameter, x: Scale, y: Scale): string {
  let d = '';
  for (const row of rows) {
    const band = row[parameter];
    if (band) d += `M${px(x(row.t))} ${px(y(band[1]))}h0`;
  }
  return d;
}

/** A step line that holds each value until the next point (the pump rate between events). */
export function stepPath(points: readonly { t: number; v: number }[], x: Scale, y: Scale): string {
  let d = '';
  points.forEach((p, i) => {
    const px0 = px(x(p.t));
    const py = px(y(p.v));
    d += i === 0 ? `M${px0} ${py}` : `H${px0}V${py}`;
  });
  return d;
}

/** Index of the row nearest to time t (rows ascending), or -1 without rows. */
export function nearestRow(rows: readonly TrendRow[], t: number): number {
  if (rows.length === 0) return -1;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && t - rows[lo - 1]!.t < rows[lo]!.t - t ? lo - 1 : lo;
}
