/** The drivers' codes said in the user's language (texts in deviceTexts.ts); no driver English reaches the screen. */
import type { TFunction } from 'i18next';
import type { ConnectionTestResult } from '../../../core/api/methods/devices';
import { type ConditionKind, isDeviceConditionCode, NOTICE_CONDITION_KIND, splitConditions } from '../../../core/devices/deviceAlarms';
import { isNoticeCode } from '../../../core/devices/deviceNotice';
import type { RejectReason } from '../../../core/devices/rejectReason';

/** A protocol's name by its id; the driver's own label only for a protocol this screen has no text for yet. */
export function protocolName(t: TFunction, protocol: { id: string; label: string }): string {
  return t(`device.protocol.${protocol.id}`, { defaultValue: protocol.label });
}

/** A device notice in words with its device data; a code unknown here is shown as the code, never as the driver's text. */
export function noticeText(t: TFunction, notice: ConnectionTestResult['notices'][number]): string {
  if (!isNoticeCode(notice.code)) return t('device.noticeUnknown', { code: notice.code });
  const kind = NOTICE_CONDITION_KIND[notice.code];
  const args = { ...notice.args };
  if (kind) args.conditions = conditionWords(t, kind, String(args.conditions ?? '')).join(', ');
  return t(`device.notice.${notice.code}`, args);
}

/**
 * A notice's `conditions` arg ("spo2High,pulseRateLow,0x4000") as words, one per entry: a code by its text, anything
 * else as an unknown alarm or sensor message with its number. An empty list is said as unknown, never as blank.
 */
export function conditionWords(t: TFunction, kind: ConditionKind, conditions: string): string[] {
  const entries = splitConditions(conditions);
  return (entries.length > 0 ? entries : ['?']).map((e) =>
    isDeviceConditionCode(e) ? t(`device.condition.${e}`) : t(`device.conditionUnknown.${kind}`, { number: e }),
  );
}

/** "Prüfsumme falsch: 3; Telegramm zu lang: 1" from the rejections counted per reason code. */
export function rejectReasonList(t: TFunction, reasons: Partial<Record<RejectReason, number>>): string[] {
  return Object.entries(reasons).map(([reason, n]) => `${t(`device.reject.${reason}`)}: ${n}`);
}
