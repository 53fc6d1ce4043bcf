/**
 * Review chart render time in Chromium: the page gets the JSON of 'sessions.review' of real bench sessions and
 * draws the chart (bench/chart/chart.page.tsx, the app's own components, production React); each figure is from the
 * data to the first painted frame that shows every band, with the long tasks in between. The app's SVG chart and
 * the recharts chart it replaced are drawn alternately in the same page, so their ratio is from one run.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/browser';
import { percentile } from './percentile';
import type { BenchRow } from './storage';

export interface ChartFigures {
  /** The very first render of this chart after the page loaded (its code not compiled yet). */
  coldMs: number;
  ms: number[];
  longTasks: number[];
  longestMs: number[];
  /** Elements in the chart's SVGs after the last render. */
  svgElements: number;
}

type Variant = 'app' | 'recharts';
type Render = { ms: number; longTasks: number; longestMs: number; svgElements: number };

const ROOT = join(import.meta.dirname, '..');

async function bundle(): Promise<string> {
  const outfile = join(ROOT, '.bench-cache', 'chart-page.js');
  mkdirSync(join(ROOT, '.bench-cache'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'bench/chart/chart.page.tsx')],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return outfile;
}

export async function benchChart(reviewsFile: string): Promise<Record<Variant, ChartFigures>> {
  const reviews = JSON.parse(readFileSync(reviewsFile, 'utf8')) as string[];
  const script = await bundle();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A page of its own origin (served from here, no server): i18n keeps the language in localStorage.
    const html = `<!doctype html><html lang="de"><head><style>${readFileSync(join(ROOT, 'renderer/styles.css'), 'utf8')}</style></head>
      <body><div id="root" style="width:1500px"></div><script>${readFileSync(script, 'utf8')}</script></body></html>`;
    await page.route('http://chart.bench/', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto('http://chart.bench/');
    if (errors.length > 0) throw new Error(`chart bench page failed: ${errors.join('; ')}`);
    const render = (json: string, variant: Variant) =>
      page.evaluate(([j, v]) => (globalThis as unknown as { renderReview(j: string, v: Variant): Promise<Render> }).renderReview(j, v), [json, variant] as const);
    const empty = (): ChartFigures => ({ coldMs: NaN, ms: [], longTasks: [], longestMs: [], svgElements: 0 });
    const figures: Record<Variant, ChartFigures> = { app: empty(), recharts: empty() };
    const variants: Variant[] = ['app', 'recharts'];
    // Two untimed renders of each first: the first run compiles; a clinic PC keeps the app open all day.
    for (const v of variants) figures[v].coldMs = (await render(reviews[0]!, v)).ms;
    for (const v of variants) await render(reviews[1 % reviews.length]!, v);
    // Alternating, so both meet the same load on a shared machine.
    for (const [k, json] of reviews.entries()) {
      for (const v of k % 2 === 0 ? variants : [...variants].reverse()) {
        const r = await render(json, v);
        figures[v].ms.push(r.ms);
        figures[v].longTasks.push(r.longTasks);
        figures[v].longestMs.push(r.longestMs);
        figures[v].svgElements = r.svgElements;
        if (k === reviews.length - 1 && v === 'app') await page.screenshot({ path: join(ROOT, '.bench-cache', 'chart-last.png') });
      }
    }
    return figures;
  } finally {
    await browser.close();
  }
}

/** The chart figures, the app's chart beside the recharts one it replaced (same page, drawn alternately). */
export function chartRows(chart: Record<'app' | 'recharts', ChartFigures>): BenchRow[] {
  const { app, recharts } = chart;
  const tasks = (f: ChartFigures) => `long tasks per render: p50 ${percentile(f.longTasks, 50)}, longest ${Math.max(...f.longestMs).toFixed(0)} ms; ${f.svgElements} SVG elements`;
  return [
    { name: 'review chart, data → painted, first render (cold page)', value: app.coldMs, unit: 'ms', target: '≤ 100 ms', detail: `recharts: ${recharts.coldMs.toFixed(0)} ms` },
    { name: `review chart, data → painted p50 (${app.ms.length} sessions)`, value: percentile(app.ms, 50), unit: 'ms', target: '≤ 100 ms' },
    { name: 'review chart, data → painted p99', value: percentile(app.ms, 99), unit: 'ms', target: '≤ 100 ms', detail: tasks(app) },
    { name: 'recharts chart (replaced), data → painted p50', value: percentile(recharts.ms, 50), unit: 'ms', detail: 'same sessions, drawn alternately in the same page' },
    { name: 'recharts chart (replaced), data → painted p99', value: percentile(recharts.ms, 99), unit: 'ms', detail: tasks(recharts) },
    { name: 'recharts / app chart, p50 ratio', value: percentile(recharts.ms, 50) / percentile(app.ms, 50), unit: '×' },
  ];
}

// `node --import tsx bench/chart.ts <reviews.json>` runs it alone (reviews.json: written by bench/reviewLoad.ts).
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of chartRows(await benchChart(process.argv[2]!))) console.log(`${r.name.padEnd(62)} ${r.value.toFixed(r.value >= 100 ? 0 : 2).padStart(10)} ${r.unit.padEnd(4)} ${r.target ? `(target ${r.target})` : ''}${r.detail ? `\n${''.padEnd(64)}${r.detail}` : ''}`);
}
