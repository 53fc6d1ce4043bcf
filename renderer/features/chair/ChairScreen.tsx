/** One chair: large live numerics, the trend so far, and an unmistakable banner when the monitor is silent. */
import { useTranslation } from 'react-i18next';
import { isStale } from '../../../core/freshness';
import { LinkBadge } from '../../components/LinkBadge';
import { Numeric } from '../../components/Numeric';
import { useLang } from '../../components/ProblemList';
import { TrendChart } from '../../components/TrendChart';
import type { ChairLive } from '../../stores/liveStore';
import { num } from '../../format';
import { ChairSessionStrip } from '../session/ChairSessionStrip';
import { PumpRate } from './PumpRate';

export function ChairScreen({ chair, now }: { chair: ChairLive; now: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const l = chair.latest;
  const lastData = chair.link.lastDataAt;
  const silent = chair.link.state !== 'receiving' || lastData === null || isStale('hr', lastData, now);
  return (
    <main className="chair" data-testid={`chair-${chair.id}`}>
      <div className="chair__status">
        <h2>{chair.name}</h2>
        <LinkBadge link={chair.link} />
        {chair.link.simulated && <span className="chip chip--sim">{t('link.simulated')}</span>}
        <ChairSessionStrip chairId={chair.id} />
      </div>
      {silent && (
        <div className="banner banner--nodata" role="alert" data-testid="nodata-banner">
          {lastData === null ? t('vitals.noDataYet') : t('vitals.noDataSince', { seconds: Math.round((now - lastData) / 1000) })}
        </div>
      )}
      <div className="numerics">
        <Numeric parameter="hr" label={t('params.hr')} readings={[l.hr]} now={now} />
        <Numeric parameter="spo2" label={t('params.spo2')} readings={[l.spo2]} now={now} />
        <Numeric
          parameter="nibpSys"
          label={t('params.nibp')}
          readings={[l.nibpSys, l.nibpDia, l.nibpMean]}
          now={now}
          linkSilent={silent}
          format={([s, d, m]) => `${fmt(s)}/${fmt(d)} (${fmt(m)})`}
        />
        <Numeric parameter="respRate" label={t('params.respRate')} readings={[l.respRate]} now={now} />
        <Numeric parameter="etco2" label={t('params.etco2')} readings={[l.etco2]} now={now} />
        <Numeric parameter="temp" label={t('params.temp')} readings={[l.temp]} now={now} format={([v]) => num(v, lang, 1, 1)} />
      </div>
      <PumpRate chairId={chair.id} pump={l.pumpRate} volume={l.pumpVolume} now={now} />
      <TrendChart rows={chair.trend.rows} />
    </main>
  );
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(Math.round(v)));
