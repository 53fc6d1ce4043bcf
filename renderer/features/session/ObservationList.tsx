/** The recorded observations, newest first, each with time, value in words and who recorded it. */
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { DISSOCIATION_LEVELS, MOAAS_LEVELS, NAUSEA_LEVELS, RASS_LEVELS, type Level } from '../../../core/session/scales';
import type { Lang } from '../../../core/messages';
import { useLang } from '../../components/ProblemList';
import { hhmm } from '../../format';

type Row = SessionDetail['observations'][number];

function level(levels: readonly Level[], score: unknown, lang: Lang): string {
  const l = levels.find((x) => x.score === score);
  return l ? `${String(score)} – ${l[lang]}` : String(score);
}

export function observationText(o: Row['observation'], lang: Lang): string {
  const v = o as Record<string, unknown>;
  switch (o.kind) {
    case 'pain':
      return `NRS ${String(v.nrs)}`;
    case 'sedation':
      return `${v.scale === 'moaas' ? 'MOAA/S' : 'RASS'} ${level(v.scale === 'moaas' ? MOAAS_LEVELS : RASS_LEVELS, v.score, lang)}`;
    case 'dissociation':
      return level(DISSOCIATION_LEVELS, v.score, lang);
    case 'nausea':
      return level(NAUSEA_LEVELS, v.score, lang) + (v.vomitingEpisodes ? ` · ${String(v.vomitingEpisodes)}× Erbrechen` : '');
    case 'bloodPressure':
      return `${String(v.systolicMmHg)}/${String(v.diastolicMmHg)} mmHg` + (v.heartRate ? ` · HF ${String(v.heartRate)}/min` : '') + (v.spo2 ? ` · SpO₂ ${String(v.spo2)} %` : '');
    case 'note':
      return String(v.text);
    case 'adverseEvent': {
      const r = v.rescueMedication as { drug: string; dose: number; unit: string; route: string } | undefined;
      return `${String(v.severity)}: ${String(v.description)}` + (r ? ` → ${r.drug} ${r.dose} ${r.unit} ${r.route}` : '');
    }
    default:
      return JSON.stringify(o);
  }
}

export function ObservationList({ observations }: { observations: Row[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (observations.length === 0) return <p className="muted">{t('obs.none')}</p>;
  return (
    <table className="table table--compact" data-testid="obs-list">
      <caption>{t('obs.list')}</caption>
      <tbody>
        {[...observations].reverse().map((o) => (
          <tr key={o.id} className={o.observation.kind === 'adverseEvent' ? 'row--ae' : undefined}>
            <td className="num">{hhmm(o.observation.at)}</td>
            <td>{t(`obs.kind.${o.observation.kind}`, { defaultValue: o.observation.kind })}</td>
            <td>{observationText(o.observation, lang)}</td>
            <td className="muted">{o.recorded.userName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
