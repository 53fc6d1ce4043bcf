/** The chair's live numerics (the same Numeric as the chair screen) and the vitals + dose chart of this session. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { isStale } from '../../../core/freshness';
import { Numeric } from '../../components/Numeric';
import { useLiveStore } from '../../stores/liveStore';
import { SessionChart } from './SessionChart';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(Math.round(v)));
const MIN = 60_000;

/** From 2 min before the start (or the last 10 min before it) to now, or to the discharge; at least 5 min wide. */
export function sessionWindow(detail: SessionDetail, now: number): { from: number; to: number } {
  const s = detail.session;
  const to = s.dischargedAt ?? now;
  const from = s.startedAt !== null ? s.startedAt - 2 * MIN : to - 10 * MIN;
  return { from, to: Math.max(to, from + 5 * MIN) };
}

/** Statuses after which the chair's live values belong to nobody in this session (issue 12): only its chart is shown. */
const ENDED = ['discharged', 'transferred', 'cancelled'];

/** Numerics of the chair, then what the caller puts between (dose, countdown), then the vitals + dose chart. */
export function SessionVitals({ detail, now, children }: { detail: SessionDetail; now: number; children?: ReactNode }) {
  const { t } = useTranslation();
  const chair = useLiveStore((s) => s.chairs[detail.session.chairId]);
  const liveNow = useLiveStore((s) => s.now);
  if (!chair) return null;
  const l = chair.latest;
  const lastData = chair.link.lastDataAt;
  const silent = chair.link.state !== 'receiving' || lastData === null || isStale('hr', lastData, liveNow);
  const { from, to } = sessionWindow(detail, now);
  if (ENDED.includes(detail.session.status)) {
    return (
      <section className="session-vitals" aria-label={t('session.vitals')}>
        {children}
        <SessionChart detail={detail} rows={chair.trend.rows} from={from} to={to} />
      </section>
    );
  }
  return (
    <section className="session-vitals" aria-label={t('session.vitals')}>
      {silent && (
        <div className="banner banner--nodata" role="alert">
          {lastData === null ? t('vitals.noDataYet') : t('vitals.noDataSince', { seconds: Math.round((liveNow - lastData) / 1000) })}
        </div>
      )}
      <div className="numerics numerics--compact">
        <Numeric parameter="hr" label={t('params.hr')} readings={[l.hr]} now={liveNow} />
        <Numeric parameter="spo2" label={t('params.spo2')} readings={[l.spo2]} now={liveNow} />
        <Numeric
          parameter="nibpSys"
          label={t('params.nibp')}
          readings={[l.nibpSys, l.nibpDia, l.nibpMean]}
          now={liveNow}
          linkSilent={silent}
          format={([s, d, m]) => `${fmt(s)}/${fmt(d)} (${fmt(m)})`}
        />
        <Numeric parameter="respRate" label={t('params.respRate')} readings={[l.respRate]} now={liveNow} />
      </div>
      {children}
      <SessionChart detail={detail} rows={chair.trend.rows} from={from} to={to} />
    </section>
  );
}
