/**
 * The alarm state of every chair as main pushes it ('alarms.state'). Mirrors main; decides nothing.
 */
import { create } from 'zustand';
import type { AlarmStateDto, AlarmViewDto, ChairAlarmState } from '../../../core/api/methods/alarms';
import { PRIORITY_RANK, type Priority } from '../../../core/alarms/codes';
import { AlarmAudioPlayer } from './audioPlayer';

interface AlarmStoreState {
  byChair: Record<number, AlarmStateDto>;
  /** Audio needs a user gesture in a browser (autoplay policy): false until the first click or key. */
  audioReady: boolean;
  player: AlarmAudioPlayer;
  set(update: ChairAlarmState): void;
  setAll(list: ChairAlarmState[]): void;
  setAudioReady(ready: boolean): void;
}

export const useAlarmStore = create<AlarmStoreState>((set) => ({
  byChair: {},
  audioReady: false,
  player: new AlarmAudioPlayer(),
  set: (u) => set((s) => (s.byChair[u.chairId]?.at !== undefined && s.byChair[u.chairId]!.at > u.state.at ? s : { byChair: { ...s.byChair, [u.chairId]: u.state } })),
  setAll: (list) => set((s) => ({ byChair: { ...s.byChair, ...Object.fromEntries(list.map((u) => [u.chairId, u.state])) } })),
  setAudioReady: (audioReady) => set({ audioReady }),
}));

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
