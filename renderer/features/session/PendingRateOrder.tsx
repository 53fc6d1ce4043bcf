/**
 * A rate the physician ordered that the pump does not run yet (issue 10 point 8): prominent on the session screen
 * until the MFA confirms she set the pump (or the pump's read-back confirms it); the dose counts it from then on.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/settings';
import { ProblemList, useLang } from '../../components/ProblemList';
import { hhmmss, num } from '../../format';
import type { SessionHandle } from './useSession';

export function PendingRateOrder({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [problems, setProblems] = useState<Problem[]>([]);
  const d = handle.detail!;
  const order = d.pendingRateOrder;
  if (!order) return null;
  const rate = num(order.rateMlPerH, lang, 2);
  return (
    <section className="pending-order" role="alert" data-testid="pending-rate-order">
      <h3>{t('rateOrder.pendingTitle')}</h3>
      <p>
        {t('rateOrder.pendingText', {
          name: order.ordered.userName,
          time: hhmmss(order.ordered.at),
          rate,
          mgPerKgPerH: num(order.rateMgPerKgPerH, lang, 4),
          current: num(d.dose?.rateMlPerH ?? null, lang, 2),
        })}
      </p>
      <button
        className="btn btn--primary btn--big"
        data-testid="confirm-rate"
        onClick={async () => setProblems(await handle.run('infusion.confirmRate', { sessionId: d.session.id, orderId: order.id }))}
      >
        {t('rateOrder.confirm', { rate })}
      </button>
      <ProblemList problems={problems} title={t('session.refused')} />
    </section>
  );
}
