/**
 * The alarm state of every chair as main pushes it ('alarms.state'). Mirrors main; decides nothing.
 */
import { create } from 'zustand';
import type { AlarmStateDto, ChairAlarmState } from '../../../core/api/methods/alarms';
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

export { alarmCountsByChair, allAlarms, roomTone, type ChairAlarm } from './alarmSelectors';
