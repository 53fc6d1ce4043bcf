/**
 * Bench page: the review chart of one session, from the JSON of 'sessions.review' (as the page receives it) to the
 * first frame that shows every band, drawn by the app's chart ('app') or by the recharts one it replaced
 * ('recharts', bench/chart/RechartsSessionChart.page.tsx). Long tasks in between are counted with a PerformanceObserver.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { MethodOutput } from '../../core/api/contract';
import { SessionChart } from '../../renderer/features/session/SessionChart';
import { initI18n } from '../../renderer/i18n';
import { rowsOf } from '../../renderer/stores/trendRows';
import { RechartsSessionChart } from './RechartsSessionChart.page';

type Review = MethodOutput<'sessions.review'>;
export type ChartVariant = 'app' | 'recharts';

const CHARTS = { app: SessionChart, recharts: RechartsSessionChart };
/** The drawn outline of each band, by chart. */
const BANDS = { app: '[data-testid="session-chart"] path[data-band]', recharts: '[data-testid="session-chart"] .recharts-area-curve' };

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
initI18n();
const root = createRoot(document.getElementById('root')!);
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
/** After the frame is painted: a message posted from the rAF callback runs after the frame's paint. */
const afterPaint = () => new Promise<number>((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); });

async function renderReview(json: string, variant: ChartVariant): Promise<{ ms: number; longTasks: number; longestMs: number; bands: number; svgElements: number }> {
  flushSync(() => root.render(null));
  await frame();
  await frame();
  const t0 = performance.now();
  const review = JSON.parse(json) as Review;
  const rows = rowsOf(review.vitals).rows;
  const Chart = CHARTS[variant];
  root.render(<div className="page review"><Chart detail={review.detail} rows={rows} from={review.vitalsFrom} to={review.vitalsTo} height="full" /></div>);
  const drawn = new Set(review.vitals.series.filter((s) => s.max.some((v) => v !== null)).map((s) => s.parameter)).size;
  for (;;) {
    await frame();
    const bands = [...document.querySelectorAll(BANDS[variant])].filter((p) => (p.getAttribute('d') ?? '').length > 0).length;
    if (bands >= Math.min(drawn, 6)) {
      const t1 = await afterPaint();
      const tasks = longTasks.filter((e) => e.startTime >= t0 - 1 && e.startTime < t1);
      const svgElements = document.querySelectorAll('[data-testid="session-chart"] svg *').length;
      return { ms: t1 - t0, longTasks: tasks.length, longestMs: Math.max(0, ...tasks.map((e) => e.duration)), bands, svgElements };
    }
    if (performance.now() - t0 > 10_000) throw new Error(`chart not drawn within 10 s (${bands}/${drawn} bands)`);
  }
}
(window as unknown as { renderReview: typeof renderReview }).renderReview = renderReview;
