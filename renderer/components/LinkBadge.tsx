/** The link status in words: connecting, receiving, silent since …, error: reason. */
import { useTranslation } from 'react-i18next';
import type { LinkStatus } from '../../core/api/schemas';
import { hhmmss as clock } from '../format';

export function LinkBadge({ link }: { link: LinkStatus }) {
  const { t } = useTranslation();
  const text =
    link.state === 'silent'
      ? t('link.silent', { time: clock(link.since) })
      : link.state === 'error'
        ? t('link.error', { reason: link.detail })
        : t(`link.${link.state}`);
  return (
    <span className={`link-badge link-badge--${link.state}`} data-testid="link-status" title={`${link.portPath} · ${link.protocolId}`}>
      {text}
      {link.framesRejected > 0 && <span className="link-badge__rejected"> · {t('link.rejected', { count: link.framesRejected })}</span>}
    </span>
  );
}
