/**
 * Every dose event with its time, values in all units and who did it. A rate the physician ordered shows both
 * times (ordered, confirmed at the pump); a signed correction shows the recorded value struck through beside the
 * corrected one, so the original stays visible.
 */
import { useTranslation } from 'react-i18next';
import type { DoseEventRow } from '../../../core/api/methods/sessionSchemas';
import { useLang } from '../../components/ProblemList';
import { hhmmss, num } from '../../format';

function Corrected({ event, field, children }: { event: DoseEventRow; field: 'rateMlPerH' | 'amount' | 'at'; children: (value: number) => string }) {
  const { t } = useTranslation();
  const fixes = event.corrections.filter((c) => c.field === field);
  const original = field === 'at' ? event.at : field === 'rateMlPerH' ? event.rateMlPerH : event.amount;
  if (original === null) return null;
  if (fixes.length === 0) return <>{children(original)}</>;
  return (
    <span className="corrected" title={t('doseFix.corrected', { old: children(original), new: children(fixes.at(-1)!.newValue) })}>
      <del data-testid="dose-original">{children(original)}</del> <ins data-testid="dose-corrected">{children(fixes.at(-1)!.newValue)}</ins>
    </span>
  );
}

export function DoseEventList({ events }: { events: DoseEventRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (events.length === 0) return null;
  return (
    <table className="table table--compact" data-testid="dose-events">
      <caption>{t('infusion.events')}</caption>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-testid={`dose-event-${e.kind}`}>
            <td className="num">
              <Corrected event={e} field="at">{hhmmss}</Corrected>
            </td>
            <td>{t(`infusion.event.${e.kind}`)}</td>
            <td className="num">
              {e.rateMlPerH !== null && <Corrected event={e} field="rateMlPerH">{(v) => `${num(v, lang, 2)} ml/h`}</Corrected>}
              {e.rateMgPerKgPerH !== null && e.corrections.length === 0 && ` = ${num(e.rateMgPerKgPerH, lang, 4)} mg/kg/h`}
              {e.amount !== null && <Corrected event={e} field="amount">{(v) => `${num(v, lang, 2)} ${e.unit ?? ''}`}</Corrected>}
            </td>
            <td>
              {e.order ? (
                <span className="order-times" data-testid="order-times">
                  {t('rateOrder.ordered', { time: hhmmss(e.order.ordered.at), name: e.order.ordered.userName })} ·{' '}
                  {e.order.via === 'mfa'
                    ? t('rateOrder.confirmedMfa', { time: hhmmss(e.at), name: e.by.userName })
                    : t('rateOrder.confirmedPump', { time: hhmmss(e.at), rate: num(e.rateMlPerH, lang, 2) })}
                </span>
              ) : (
                (e.reason ?? '')
              )}
            </td>
            <td className="muted">{e.order ? '' : e.by.userName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
