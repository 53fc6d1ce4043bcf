/** The chair's link right now, in words: state, frames read and rejected (with why), last data, simulated or not. */
import { useTranslation } from 'react-i18next';
import type { LinkStatus } from '../../../core/api/schemas';
import { LinkBadge } from '../../components/LinkBadge';
import { hhmmss as clock } from '../../format';
import { rejectReasonList } from './deviceWords';

export function LinkNow({ link }: { link: LinkStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="setup__live" aria-live="polite">
      <strong>{t('setup.linkNow')}:</strong>
      {link ? <LinkBadge link={link} /> : <span>{t('setup.noLink')}</span>}
      {link && (
        <span className="setup__counters" data-testid="setup-counters">
          {link.phase && (link.state === 'associating' || link.state === 'receiving' || link.state === 'silent') && <>{t(`link.phase.${link.phase}`)} · </>}
          {t('setup.framesRead')}: {link.framesRead} · {t('setup.framesRejected')}: {link.framesRejected}
          {link.lastDataAt !== null && <> · {t('setup.lastData', { time: clock(link.lastDataAt) })}</>}
          {link.simulated && <> · {t('setup.simulated')}</>}
        </span>
      )}
      {link && Object.keys(link.rejectReasons).length > 0 && (
        <ul className="setup__reasons">
          {rejectReasonList(t, link.rejectReasons).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
