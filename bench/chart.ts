/**
 * Review chart render time in Chromium: the page gets the JSON of 'sessions.review' of real bench sessions and
 * draws the chart (bench/chart/chart.page.tsx, the app's own components, production React); each figure is from the
 * data to the first painted frame that shows every band, with the long tasks in between.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/browser';

export interface ChartFigures {
  /** The very first render after the page loaded (nothing compiled yet). */
  coldMs: number;
  ms: number[];
  longTasks: number[];
  longestMs: number[];
}

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

export async function benchChart(reviewsFile: string): Promise<ChartFigures> {
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
    const figures: ChartFigures = { coldMs: NaN, ms: [], longTasks: [], longestMs: [] };
    // Two untimed renders first: the bundle's first run compiles; a clinic PC keeps the app open all day.
    for (const [k, json] of [reviews[0]!, reviews[1 % reviews.length]!, ...reviews].entries()) {
      const r = await page.evaluate((j) => (globalThis as unknown as { renderReview(j: string): Promise<{ ms: number; longTasks: number; longestMs: number }> }).renderReview(j), json);
      if (k === 0) figures.coldMs = r.ms;
      if (k < 2) continue;
      figures.ms.push(r.ms);
      figures.longTasks.push(r.longTasks);
      figures.longestMs.push(r.longestMs);
    }
    await page.screenshot({ path: join(ROOT, '.bench-cache', 'chart-last.png') });
    return figures;
  } finally {
    await browser.close();
  }
}
