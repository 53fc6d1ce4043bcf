/**
 * The running infusion's cumulative dose in mg and mg/kg, large (integrated exactly from the event timeline and
 * ticking every second), with the current rate in ml/h and mg/kg/h.
 */
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { useLang } from '../../components/ProblemList';
import { liveDose } from './doseTimeline';
import { num } from '../../format';

export function DoseBig({ detail, now }: { detail: SessionDetail; now: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const status = detail.session.status;
  const dose = status === 'running' || status === 'paused' ? liveDose(detail, now) : detail.dose;
  if (!dose || detail.doseEvents.length === 0) return null;
  const phase = detail.dose?.pumpPhase ?? 'notStarted';
  return (
    <div className={`dose-big dose-big--${phase}`} data-testid="dose-big">
      <div className="dose-big__cell">
        <span className="dose-big__label">{t('infusion.cumulative')}</span>
        <span className="dose-big__value" data-testid="dose-mg">
          {num(dose.totalMg, lang, 2, 2)}
        </span>
        <span className="dose-big__unit">mg</span>
      </div>
      <div className="dose-big__cell">
        <span className="dose-big__label">{t('infusion.perKg')}</span>
        <span className="dose-big__value" data-testid="dose-mgkg">
          {num(dose.mgPerKg, lang, 3, 3)}
        </span>
        <span className="dose-big__unit">mg/kg</span>
      </div>
      <div className="dose-big__cell dose-big__cell--rate">
        <span className="dose-big__label">
          {t('infusion.currentRate')} · {t(`infusion.phase.${phase}`)}
        </span>
        <span className="dose-big__rate" data-testid="dose-rate">
          {num(detail.dose?.rateMlPerH, lang, 2)} ml/h
        </span>
        <span className="dose-big__unit">
          = {num(detail.dose?.rateMgPerKgPerH, lang, 4)} mg/kg/h · {t('infusion.volume', { ml: num(dose.totalMl, lang, 2) })}
        </span>
      </div>
    </div>
  );
}
