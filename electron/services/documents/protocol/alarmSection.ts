/** The stored alarm log of the session's chair over the session, in the clinic's words (core/alarms/messages). */
import { isConditionCode } from '../../../../core/alarms/codes';
import { alarmMessage } from '../../../../core/alarms/messages';
import { formatTime } from '../format';
import type { ProtocolContext } from './context';

type AlarmEntry = ProtocolContext['review']['alarms'][number];

function paramsOf(entry: AlarmEntry): Record<string, string | number> {
  const all = { ...(entry.detail.params as object | undefined), ...entry.detail };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
}

/**
 * Each row's message; an acknowledgement or end carries only its own value, so the limit comes from the row that
 * raised the alarm. A value nobody recorded is printed as "—", never as a placeholder.
 */
export function alarmTexts(entries: readonly AlarmEntry[], ctx: ProtocolContext): string[] {
  const raised = new Map<string, Record<string, string | number>>();
  return entries.map((entry) => {
    const own = paramsOf(entry);
    if (entry.alarmId && entry.type === 'raised') raised.set(entry.alarmId, own);
    const params = { ...(entry.alarmId ? raised.get(entry.alarmId) : undefined), ...own };
    return entry.code && isConditionCode(entry.code) ? alarmMessage(entry.code, params, ctx.lang).replace(/\{\w+\}/g, '—') : (entry.code ?? '');
  });
}

export function alarmSection(ctx: ProtocolContext): void {
  const { w, T, lang } = ctx;
  w.heading(T.alarms);
  const cols = T.alarmColumns;
  const alarms = ctx.review.alarms;
  const texts = alarmTexts(alarms, ctx);
  w.table(
    [
      { header: cols[0]!, width: 46 },
      { header: cols[1]!, width: 46 },
      { header: cols[2]!, width: 80 },
      { header: cols[3]!, width: 240 },
      { header: cols[4]!, width: 78 },
    ],
    alarms.map((a, i) => [formatTime(a.at, lang, true), a.priority ? (T.priority[a.priority] ?? a.priority) : '', T.alarmTypes[a.type] ?? a.type, texts[i]!, a.userName ?? '']),
    { emptyText: T.noAlarms, rowColor: (i) => (alarms[i]?.priority === 'high' && alarms[i]?.type === 'raised' ? '#fde8e8' : undefined) },
  );
}
