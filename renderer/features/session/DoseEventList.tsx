/** Every dose event with its time, values in all units and who did it. */
import { useTranslation } from 'react-i18next';
import type { DoseEventRow } from '../../../core/api/methods/sessionSchemas';
import { useLang } from '../../components/ProblemList';
import { hhmmss, num } from '../../format';

export function DoseEventList({ events }: { events: DoseEventRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (events.length === 0) return null;
  return (
    <table className="table table--compact" data-testid="dose-events">
      <caption>{t('infusion.events')}</caption>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td className="num">{hhmmss(e.at)}</td>
            <td>{t(`infusion.event.${e.kind}`)}</td>
            <td className="num">
              {e.rateMlPerH !== null && `${num(e.rateMlPerH, lang, 2)} ml/h`}
              {e.rateMgPerKgPerH !== null && ` = ${num(e.rateMgPerKgPerH, lang, 4)} mg/kg/h`}
              {e.amount !== null && `${num(e.amount, lang, 2)} ${e.unit ?? ''}`}
            </td>
            <td>{e.reason ?? ''}</td>
            <td className="muted">{e.by.userName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
