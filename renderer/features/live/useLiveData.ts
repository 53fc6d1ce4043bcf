/** Loads the chairs once and keeps the live store in step with what main pushes. */
import { useEffect } from 'react';
import { CHART_PARAMETERS } from '../../../core/trendBuckets';
import type { Api } from '../../api/client';
import { useLiveStore } from '../../stores/liveStore';

/** Session-so-far window for the trend until sessions exist: the last three hours of the chair. */
const TREND_WINDOW_MS = 3 * 3600_000;

export function useLiveData(api: Api, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const offs = [
      api.on('vitals.readings', (p) => useLiveStore.getState().addReadings(p.chairId, p.readings)),
      api.on('link.status', (p) => useLiveStore.getState().setLink(p.chairId, p.status)),
    ];
    void (async () => {
      const list = await api.call('chairs.list', {});
      useLiveStore.getState().setChairs(list);
      const to = Date.now();
      for (const c of list) {
        const [latest, trend] = await Promise.all([
          api.call('vitals.latest', { chairId: c.id }).catch(() => []),
          api.call('vitals.trend', { chairId: c.id, from: to - TREND_WINDOW_MS, to, parameters: [...CHART_PARAMETERS] }).catch(() => null),
        ]);
        useLiveStore.getState().setLatest(c.id, latest);
        if (trend) useLiveStore.getState().setTrend(c.id, trend);
      }
    })();
    return () => offs.forEach((off) => off());
  }, [api, enabled]);
}
