/** The link status in words: connecting, receiving, silent since …, error: reason. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { linkFaultText } from '../../core/alarms/messages';
import type { LinkStatus } from '../../core/api/schemas';
import type { Lang } from '../../core/text';
import { hhmmss as clock } from '../format';
import { useLang } from './ProblemList';

/** "Fehler: Anschluss nicht gefunden (…)": the fault said in words; the driver's text only when no fault came with it. */
export function linkErrorText(t: TFunction, lang: Lang, link: Pick<LinkStatus, 'fault' | 'detail'>): string {
  return t('link.error', { reason: link.fault ? linkFaultText(link.fault.code, link.fault.args, lang) : link.detail });
}

export function LinkBadge({ link }: { link: LinkStatus }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text =
    link.state === 'silent'
      ? t('link.silent', { time: clock(link.since) })
      : link.state === 'error'
        ? linkErrorText(t, lang, link)
        : t(`link.${link.state}`);
  return (
    <span className={`link-badge link-badge--${link.state}`} data-testid="link-status" title={`${link.portPath} · ${link.protocolId}`}>
      {text}
      {link.framesRejected > 0 && <span className="link-badge__rejected"> · {t('link.rejected', { count: link.framesRejected })}</span>}
    </span>
  );
}
