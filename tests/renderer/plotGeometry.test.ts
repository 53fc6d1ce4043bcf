/**
 * The session chart's own geometry (issue 13): a band breaks exactly where a bucket has no value (a gap stays a gap,
 * no stretch is joined across it, none is lost), every point lands inside the plot, cuff values are joined over
 * gaps with one dot each, the rate is a step line, and the readout finds the nearest bucket. Random rows against a
 * plain reference computed here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandPaths, dotsPath, linear, nearestRow, plotBox, stepPath, timeTicks, valueTicks } from '../../renderer/components/chart/plotGeometry';
import type { TrendRow } from '../../renderer/stores/trendRows';

const x = linear(0, 600 * 20_000, 64, 1464);
const y = linear(0, 200, 300, 8);

/** Rows every 20 s; hr present or missing at random (min ≤ max). */
const rowsArb = fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 })), { nil: null }), { maxLength: 300 }).map((cells) =>
  cells.map((c, i): TrendRow => (c === null ? { t: i * 20_000 } : { t: i * 20_000, hr: [c[0], Math.min(200, c[0] + c[1])] })),
);

/** The stretches of consecutive rows holding hr: the reference. */
function stretches(rows: TrendRow[]): TrendRow[][] {
  const out: TrendRow[][] = [];
  let run: TrendRow[] = [];
  for (const r of rows) {
    if (r.hr) run.push(r);
    else if (run.length > 0) (out.push(run), (run = []));
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** The subpaths of a path: each starts with M; its points as [x, y]. */
function subpaths(d: string): number[][][] {
  return d
    .split('M')
    .filter((s) => s.length > 0)
    .map((s) =>
      s
        .replace(/Z$/, '')
        .split('L')
        .map((p) => p.trim().split(' ').map(Number)),
    );
}

describe('session chart geometry', () => {
  it('a band has one stretch per run of buckets with data: gaps stay gaps, every bucket is drawn inside the plot', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const ref = stretches(rows);
        const band = bandPaths(rows, 'hr', x, y, false);
        expect(band.runs).toBe(ref.length);
        // The outline: a top and a bottom line per stretch of two or more, one stroke per lone bucket.
        const lines = subpaths(band.stroke);
        expect(lines.length).toBe(ref.reduce((n, r) => n + (r.length > 1 ? 2 : 1), 0));
        let k = 0;
        for (const run of ref) {
          if (run.length === 1) {
            expect(lines[k++]!.map((p) => p[0])).toEqual([x(run[0]!.t), x(run[0]!.t)].map((v) => Math.round(v * 10) / 10));
            continue;
          }
          const top = lines[k++]!;
          const bottom = lines[k++]!;
          expect(top.length).toBe(run.length);
          expect(bottom.length).toBe(run.length);
          run.forEach((r, i) => {
            expect(top[i]![0]).toBeCloseTo(x(r.t), 1);
            expect(top[i]![1]).toBeCloseTo(y(r.hr![1]), 1);
            expect(bottom[i]![1]).toBeCloseTo(y(r.hr![0]), 1);
          });
        }
        // The fill: one closed area per stretch of two or more, all inside the plot.
        const areas = subpaths(band.fill);
        expect(areas.length).toBe(ref.filter((r) => r.length > 1).length);
        for (const p of areas.flat()) {
          expect(p[0]).toBeGreaterThanOrEqual(64);
          expect(p[0]).toBeLessThanOrEqual(1464);
          expect(p[1]).toBeGreaterThanOrEqual(8);
          expect(p[1]).toBeLessThanOrEqual(300);
        }
      }),
    );
  });

  it('cuff values: joined over the gaps into one line, a dot for every measurement', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const withValue = rows.filter((r) => r.hr);
        const band = bandPaths(rows, 'hr', x, y, true);
        expect(band.runs).toBe(withValue.length > 0 ? 1 : 0);
        expect(subpaths(dotsPath(rows, 'hr', x, y)).length).toBe(withValue.length);
      }),
    );
  });

  it('a parameter with no value anywhere draws nothing', () => {
    const rows: TrendRow[] = [{ t: 0 }, { t: 20_000, spo2: [97, 98] }];
    expect(bandPaths(rows, 'hr', x, y, false)).toEqual({ fill: '', stroke: '', runs: 0 });
  });

  it('the rate is a step line: level until the next event, then straight up or down', () => {
    const d = stepPath(
      [
        { t: 0, v: 0.1 },
        { t: 600_000, v: 0.2 },
        { t: 1_200_000, v: 0 },
      ],
      linear(0, 1_200_000, 0, 120),
      linear(0, 0.2, 100, 0),
    );
    expect(d).toBe('M0 50H60V0H120V100');
  });

  it('the readout takes the nearest bucket', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: -50_000, max: 7_000_000 }), (rows, t) => {
        const i = nearestRow(rows, t);
        if (rows.length === 0) {
          expect(i).toBe(-1);
          return;
        }
        const best = Math.min(...rows.map((r) => Math.abs(r.t - t)));
        expect(Math.abs(rows[i]!.t - t)).toBe(best);
      }),
    );
  });

  it('ticks: whole minutes, at most 9, inside the range; value ticks from 0 to the top', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 60_000, max: 6 * 3_600_000 }), (from, span) => {
        const ticks = timeTicks(from, from + span);
        expect(ticks.length).toBeLessThanOrEqual(9);
        for (const t of ticks) {
          expect(t % 60_000).toBe(0);
          expect(t).toBeGreaterThanOrEqual(from);
          expect(t).toBeLessThanOrEqual(from + span);
        }
      }),
    );
    expect(valueTicks(0.3)).toEqual([0, 0.075, 0.15, 0.3 * 0.75, 0.3]);
    expect(plotBox(10, 10)).toEqual({ left: 64, top: 8, width: 0, height: 0 });
  });
});
