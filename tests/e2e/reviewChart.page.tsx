/** Test page: the session chart of one review (the JSON of 'sessions.review'), drawn by the app's component. */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { MethodOutput } from '../../core/api/contract';
import { SessionChart } from '../../renderer/features/session/SessionChart';
import { initI18n } from '../../renderer/i18n';
import { rowsOf } from '../../renderer/stores/trendRows';

initI18n();
const root = createRoot(document.getElementById('root')!);

function show(json: string): Promise<void> {
  const review = JSON.parse(json) as MethodOutput<'sessions.review'>;
  flushSync(() =>
    root.render(
      <section className="panel">
        <SessionChart detail={review.detail} rows={rowsOf(review.vitals).rows} from={review.vitalsFrom} to={review.vitalsTo} height="full" />
      </section>,
    ),
  );
  return new Promise((r) => requestAnimationFrame(() => r()));
}
(window as unknown as { show: typeof show }).show = show;
