/**
 * The review chart in Debian's Chromium (issue 13), the app's component on a page of its own at 1366×768: every
 * parameter drawn (EtCO2 too, dashed), each band broken exactly where the data has a gap, the dose step line and
 * the bolus on the same time axis as the vitals, the readout under the pointer, a narrower window redraws, and a
 * session without vitals draws an empty chart without an error. Screenshot: test-results/review-chart-1366.png.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketTrend, CHART_MAX_BUCKETS, type TimedSample } from '../../core/trendBuckets';
import type { VitalParameter } from '../../core/vitals';
import { bandText } from '../../renderer/components/vitalLines';
import { nearestRow } from '../../renderer/components/chart/plotGeometry';
import { rowsOf, type TrendRow } from '../../renderer/stores/trendRows';
import { reviewFixture, type SessionReview } from '../documents/reviewFixture';
import { launchChromium } from './browser';

const ROOT = join(import.meta.dirname, '..', '..');
const MIN = 60_000;
let browser: Browser;
let page: Page;
const errors: string[] = [];

/** The fixture's review with EtCO2 added and HR missing for 12 minutes (a cable off): gaps the chart must keep. */
function reviewWithGaps(): SessionReview {
  const review = reviewFixture({ signed: true });
  const { vitalsFrom: from, vitalsTo: to } = review;
  const samples = new Map<VitalParameter, TimedSample[]>();
  const gap = (t: number) => t > from + 60 * MIN && t < from + 72 * MIN;
  for (let t = from; t <= to; t += 15_000) {
    for (const [p, v] of [['hr', 75 + Math.round(10 * Math.sin(t / (30 * MIN)))], ['etco2', 36 + ((t / 15_000) % 4)]] as const) {
      const list = samples.get(p) ?? [];
      list.push(p === 'hr' && gap(t) ? { t, value: null, state: 'invalid' } : { t, value: v, state: 'valid' });
      samples.set(p, list);
    }
  }
  const added = bucketTrend(from, to, samples, CHART_MAX_BUCKETS);
  expect(added.bucketMs).toBe(review.vitals.bucketMs);
  review.vitals.series = [...review.vitals.series.filter((s) => s.parameter !== 'hr'), ...added.series];
  return review;
}

/** The reference: stretches of consecutive rows holding the parameter (cuff values are joined into one). */
function stretches(rows: TrendRow[], parameter: VitalParameter): number {
  if (parameter.startsWith('nibp')) return rows.some((r) => r[parameter]) ? 1 : 0;
  return rows.filter((r, i) => r[parameter] && !rows[i - 1]?.[parameter]).length;
}

const show = (review: SessionReview) => page.evaluate((json) => (globalThis as unknown as { show(j: string): Promise<void> }).show(json), JSON.stringify(review));
/** An element as the page sees it (the Node tsconfig has no DOM types). */
type El = { textContent: string | null; getAttribute(name: string): string | null };
const bands = () =>
  page.$$eval('path[data-band]', (paths) =>
    paths.map((node) => {
      const p = node as unknown as El;
      return { parameter: p.getAttribute('data-band')!, runs: Number(p.getAttribute('data-runs')), d: p.getAttribute('d') ?? '', style: p.getAttribute('style') ?? '' };
    }),
  );

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [join(ROOT, 'tests/e2e/reviewChart.page.tsx')],
    write: false,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const html = `<!doctype html><html lang="de"><head><style>${readFileSync(join(ROOT, 'renderer/styles.css'), 'utf8')}</style></head>
    <body><div id="root" style="padding: 16px"></div><script>${bundled.outputFiles[0]!.text}</script></body></html>`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => errors.push(e.message));
  // A page of its own origin (no server): i18n keeps the language in localStorage.
  await page.route('http://chart.test/', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('http://chart.test/');
});

afterAll(async () => {
  await browser?.close();
});

describe('review chart in Chromium', () => {
  it('draws every parameter, gaps where data is missing, the dose on the same axis, the readout under the pointer', async () => {
    const review = reviewWithGaps();
    const rows = rowsOf(review.vitals).rows;
    await show(review);
    const drawn = await bands();
    expect(drawn.map((b) => b.parameter).sort()).toEqual(['etco2', 'hr', 'nibpDia', 'nibpSys', 'respRate', 'spo2']);
    for (const b of drawn) {
      expect(b.d.length, b.parameter).toBeGreaterThan(0);
      expect(b.runs, b.parameter).toBe(stretches(rows, b.parameter as VitalParameter));
    }
    // The gaps of the data: HR's cable off, RR's invalid stretch.
    expect(drawn.find((b) => b.parameter === 'hr')!.runs).toBeGreaterThanOrEqual(2);
    expect(drawn.find((b) => b.parameter === 'respRate')!.runs).toBeGreaterThanOrEqual(2);
    expect(drawn.find((b) => b.parameter === 'etco2')!.style).toContain('stroke-dasharray');

    expect(await page.getByTestId('dose-rate-line').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+H/);
    expect(await page.getByTestId('dose-bolus').count()).toBe(review.detail.doseEvents.filter((e) => e.kind === 'bolus').length);
    // One time axis: the same tick labels at the same x in both plots.
    const ticks = (id: string) =>
      page
        .getByTestId(id)
        .locator('.plot-axes g[text-anchor="middle"] text')
        .evaluateAll((ts) => ts.map((node) => `${(node as unknown as El).textContent}@${(node as unknown as El).getAttribute('x')}`));
    expect(await ticks('vitals-plot')).toEqual(await ticks('dose-plot'));
    expect((await ticks('vitals-plot')).length).toBeGreaterThanOrEqual(3);

    await page.screenshot({ path: join(ROOT, 'test-results', 'review-chart-1366.png') });

    // The readout: the nearest bucket's values, as the tooltip formats them; in HR's gap, no HR.
    const plot = (await page.getByTestId('vitals-plot').boundingBox())!;
    const hover = async (share: number) => {
      await page.mouse.move(plot.x + 64 + (plot.width - 64 - 24) * share, plot.y + 100);
      const row = rows[nearestRow(rows, review.vitalsFrom + share * (review.vitalsTo - review.vitalsFrom))]!;
      return { tip: await page.getByTestId('chart-tip').innerText(), row };
    };
    const inData = await hover(0.5);
    expect(inData.row.hr).toBeDefined();
    expect(inData.tip).toContain(`HF: ${bandText(inData.row.hr)}`);
    expect(inData.tip).toContain(`etCO₂: ${bandText(inData.row.etco2)}`);
    expect(inData.tip).toContain('Dosisrate mg/kg/h');
    const inGap = await hover(66 / 230);
    expect(inGap.row.hr).toBeUndefined();
    expect(inGap.tip).not.toContain('HF');
    expect(inGap.tip).toContain('SpO₂');
    await page.mouse.move(plot.x + 5, plot.y + 5); // over the value labels, outside the plot
    expect(await page.getByTestId('chart-tip').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('redraws for a narrower window, and draws an empty chart for a session without vitals', async () => {
    await show(reviewWithGaps());
    const wide = Number(await page.getByTestId('vitals-plot').getAttribute('width'));
    await page.setViewportSize({ width: 1000, height: 768 });
    await expect.poll(async () => Number(await page.getByTestId('vitals-plot').getAttribute('width'))).toBeLessThan(wide - 300);
    await page.setViewportSize({ width: 1366, height: 768 });

    const empty = reviewFixture();
    empty.vitals.series = empty.vitals.series.map((s) => ({ ...s, min: s.min.map(() => null), max: s.max.map(() => null) }));
    await show(empty);
    const drawn = await bands();
    expect(drawn.every((b) => b.d === '' && b.runs === 0)).toBe(true);
    expect(await page.getByTestId('dose-rate-line').getAttribute('d')).not.toBe('');
    expect(errors).toEqual([]);
  });
});
