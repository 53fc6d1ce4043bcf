/** The recorded observations, newest first, each with time, value in words and who recorded it. */
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { RESCUE_DRUGS, RESCUE_ROUTES } from '../../../core/session/rescueMedications';
import { DISSOCIATION_LEVELS, MOAAS_LEVELS, NAUSEA_LEVELS, RASS_LEVELS, type Level } from '../../../core/session/scales';
import type { Lang } from '../../../core/messages';
import { useLang } from '../../components/ProblemList';
import { hhmm, num } from '../../format';
import { useStaff } from './useStaff';

type Row = SessionDetail['observations'][number];

function level(levels: readonly Level[], score: unknown, lang: Lang): string {
  const l = levels.find((x) => x.score === score);
  return l ? `${String(score)} – ${l[lang]}` : String(score);
}

/** A rescue drug as recorded: the list's name and route words; entries from before the list keep their typed text. */
function rescueText(r: Record<string, unknown>, lang: Lang, nameOf: (id: unknown) => string): string {
  const drug = RESCUE_DRUGS[r.drug as keyof typeof RESCUE_DRUGS];
  const route = RESCUE_ROUTES[r.route as keyof typeof RESCUE_ROUTES];
  const dose = typeof r.dose === 'number' ? num(r.dose, lang, 3) : String(r.dose);
  const who = r.givenBy !== undefined ? ` (${hhmm(r.at as number)}, ${nameOf(r.givenBy)} / ${nameOf(r.orderedBy)})` : '';
  return `${drug ? drug.name[lang] : String(r.drug)} ${dose} ${String(r.unit)} ${route ? route[lang] : String(r.route)}${who}`;
}

export function observationText(o: Row['observation'], lang: Lang, nameOf: (id: unknown) => string = String): string {
  const v = o as Record<string, unknown>;
  switch (o.kind) {
    case 'pain':
      return `NRS ${String(v.nrs)}`;
    case 'sedation':
      return `${v.scale === 'moaas' ? 'MOAA/S' : 'RASS'} ${level(v.scale === 'moaas' ? MOAAS_LEVELS : RASS_LEVELS, v.score, lang)}`;
    case 'dissociation':
      return level(DISSOCIATION_LEVELS, v.score, lang);
    case 'nausea':
      return level(NAUSEA_LEVELS, v.score, lang) + (v.vomitingEpisodes ? ` · ${i18next.getFixedT(lang)('obs.vomitingTimes', { count: v.vomitingEpisodes })}` : '');
    case 'bloodPressure':
      return `${String(v.systolicMmHg)}/${String(v.diastolicMmHg)} mmHg` + (v.heartRate ? ` · ${i18next.getFixedT(lang)('params.hr')} ${String(v.heartRate)}/min` : '') + (v.spo2 ? ` · SpO₂ ${String(v.spo2)} %` : '');
    case 'note':
      return String(v.text);
    case 'adverseEvent': {
      const r = v.rescueMedication as Record<string, unknown> | undefined;
      // The severity in words ("mittel"), never its code ("moderate").
      return `${i18next.getFixedT(lang)(`obs.${String(v.severity)}`, { defaultValue: String(v.severity) })}: ${String(v.description)}` + (r ? ` → ${rescueText(r, lang, nameOf)}` : '');
    }
    default:
      return JSON.stringify(o);
  }
}

export function ObservationList({ observations }: { observations: Row[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const staff = useStaff();
  const nameOf = (id: unknown) => staff.find((u) => u.id === id)?.displayName ?? `#${String(id)}`;
  if (observations.length === 0) return <p className="muted">{t('obs.none')}</p>;
  return (
    <table className="table table--compact" data-testid="obs-list">
      <caption>{t('obs.list')}</caption>
      <tbody>
        {[...observations].reverse().map((o) => (
          <tr key={o.id} className={o.observation.kind === 'adverseEvent' ? 'row--ae' : undefined}>
            <td className="num">{hhmm(o.observation.at)}</td>
            <td>{t(`obs.kind.${o.observation.kind}`, { defaultValue: o.observation.kind })}</td>
            <td>{observationText(o.observation, lang, nameOf)}</td>
            <td className="muted">{o.recorded.userName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
