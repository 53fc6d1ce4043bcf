/** Pure selectors over the chairs' alarm states (no DOM: the Node tests import them). */
import type { AlarmStateDto, AlarmViewDto } from '../../../core/api/methods/alarms';
import { PRIORITY_RANK, type Priority } from '../../../core/alarms/codes';

export interface ChairAlarm extends AlarmViewDto {
  chairId: number;
}

/** Every active alarm of every chair, most urgent first, then oldest first. */
export function allAlarms(byChair: Record<number, AlarmStateDto>): ChairAlarm[] {
  return Object.entries(byChair)
    .flatMap(([chairId, s]) => s.alarms.map((a) => ({ ...a, chairId: Number(chairId) })))
    .sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.raisedAt - b.raisedAt);
}

/** The tone to play for the whole room: the most urgent unpaused tone of any chair. */
export function roomTone(byChair: Record<number, AlarmStateDto>): Priority | null {
  let tone: Priority | null = null;
  for (const s of Object.values(byChair)) {
    const t = s.audio.tone;
    if (t && (tone === null || PRIORITY_RANK[t] > PRIORITY_RANK[tone])) tone = t;
  }
  return tone;
}

export interface ChairAlarmCount {
  chairId: number;
  count: number;
  /** The chair's most urgent alarm: the count is drawn in its colour. */
  priority: Priority;
  unacknowledged: number;
}

/** How many active alarms each chair has, in chair order (a steady place per chair, not re-sorted by urgency). */
export function alarmCountsByChair(byChair: Record<number, AlarmStateDto>): ChairAlarmCount[] {
  return Object.entries(byChair)
    .filter(([, s]) => s.alarms.length > 0)
    .map(([chairId, s]) => ({
      chairId: Number(chairId),
      count: s.alarms.length,
      priority: s.alarms.reduce<Priority>((p, a) => (PRIORITY_RANK[a.priority] > PRIORITY_RANK[p] ? a.priority : p), 'low'),
      unacknowledged: s.alarms.filter((a) => a.acknowledgedAt === null).length,
    }))
    .sort((a, b) => a.chairId - b.chairId);
}
