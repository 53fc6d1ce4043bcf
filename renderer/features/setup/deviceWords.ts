/** The drivers' codes said in the user's language (texts in deviceTexts.ts); no driver English reaches the screen. */
import type { TFunction } from 'i18next';
import type { ConnectionTestResult } from '../../../core/api/methods/devices';
import { isNoticeCode } from '../../../core/devices/deviceNotice';
import type { RejectReason } from '../../../core/devices/rejectReason';

/** A protocol's name by its id; the driver's own label only for a protocol this screen has no text for yet. */
export function protocolName(t: TFunction, protocol: { id: string; label: string }): string {
  return t(`device.protocol.${protocol.id}`, { defaultValue: protocol.label });
}

/** A device notice in words with its device data; a code unknown here is shown as the code, never as the driver's text. */
export function noticeText(t: TFunction, notice: ConnectionTestResult['notices'][number]): string {
  return isNoticeCode(notice.code) ? t(`device.notice.${notice.code}`, { ...notice.args }) : t('device.noticeUnknown', { code: notice.code });
}

/** "Prüfsumme falsch: 3; Telegramm zu lang: 1" from the rejections counted per reason code. */
export function rejectReasonList(t: TFunction, reasons: Partial<Record<RejectReason, number>>): string[] {
  return Object.entries(reasons).map(([reason, n]) => `${t(`device.reject.${reason}`)}: ${n}`);
}
