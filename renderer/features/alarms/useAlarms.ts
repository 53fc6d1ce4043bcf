/** Keeps the alarm store in step with main and drives the room's alarm sound. Mounted once, in the shell. */
import { useEffect } from 'react';
import type { Api } from '../../api/client';
import { AlarmAudioPlayer } from './audioPlayer';
import { roomTone, useAlarmStore } from './alarmStore';

export function useAlarmData(api: Api): void {
  useEffect(() => {
    const off = api.on('alarms.state', (p) => useAlarmStore.getState().set(p));
    const load = () =>
      api
        .call('alarms.state', {})
        .then((list) => useAlarmStore.getState().setAll(list))
        .catch(() => undefined);
    void load();
    const offConn = api.onConnection((c) => c && void load());
    return () => {
      off();
      offConn();
    };
  }, [api]);
}

/** One player for the window; sound starts with the first user gesture (browser autoplay policy). */
export function useAlarmAudio(): AlarmAudioPlayer {
  const player = useAlarmStore((s) => s.player);
  useEffect(() => {
    const unlock = () => {
      void player.start().then((ok) => {
        useAlarmStore.getState().setAudioReady(ok);
        if (ok) {
          window.removeEventListener('pointerdown', unlock, true);
          window.removeEventListener('keydown', unlock, true);
        }
      });
    };
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    player.play(roomTone(useAlarmStore.getState().byChair));
    const off = useAlarmStore.subscribe((s) => player.play(roomTone(s.byChair)));
    return () => {
      off();
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [player]);
  return player;
}
