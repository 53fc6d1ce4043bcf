/**
 * Live state of every chair as pushed by the main process: latest reading per parameter, link status and the
 * trend rows for the chart. The store only mirrors main; it decides nothing clinical.
 */
import { create } from 'zustand';
import type { Chair, LinkStatus, StoredReading, VitalTrend } from '../../core/api/schemas';
import type { VitalParameter } from '../../core/vitals';
import { addReadings, NO_TREND, rowsOf, withLiveTail, type TrendRows } from './trendRows';

export interface ChairLive {
  id: number;
  name: string;
  link: LinkStatus;
  latest: Partial<Record<VitalParameter, StoredReading>>;
  trend: TrendRows;
}

interface LiveState {
  chairs: Record<number, ChairLive>;
  connected: boolean;
  now: number;
  setChairs(chairs: Chair[]): void;
  setLatest(chairId: number, readings: StoredReading[]): void;
  setTrend(chairId: number, trend: VitalTrend): void;
  addReadings(chairId: number, readings: StoredReading[]): void;
  setLink(chairId: number, link: LinkStatus): void;
  setConnected(connected: boolean): void;
  tick(now: number): void;
}

function updateChair(state: LiveState, chairId: number, fn: (c: ChairLive) => ChairLive): Partial<LiveState> {
  const chair = state.chairs[chairId];
  return chair ? { chairs: { ...state.chairs, [chairId]: fn(chair) } } : {};
}

export const useLiveStore = create<LiveState>((set) => ({
  chairs: {},
  connected: false,
  now: Date.now(),
  setChairs: (chairs) =>
    set((state) => ({
      chairs: Object.fromEntries(
        chairs.map((c) => [c.id, { latest: {}, trend: NO_TREND, ...state.chairs[c.id], id: c.id, name: c.name, link: c.link }]),
      ),
    })),
  setLatest: (chairId, readings) =>
    set((state) => updateChair(state, chairId, (c) => ({ ...c, latest: Object.fromEntries(readings.map((r) => [r.parameter, r])) }))),
  // Readings that arrived while the stored trend was read are kept: they are folded into its grid.
  // An empty stored trend keeps the live grid: its buckets are the finest, so the chart appears after seconds.
  setTrend: (chairId, trend) =>
    set((state) =>
      updateChair(state, chairId, (c) => {
        const stored = rowsOf(trend);
        return { ...c, trend: stored.rows.length === 0 ? c.trend : withLiveTail(stored, c.trend) };
      }),
    ),
  addReadings: (chairId, readings) =>
    set((state) =>
      updateChair(state, chairId, (c) => {
        const latest = { ...c.latest };
        for (const r of readings) latest[r.parameter] = r;
        return { ...c, latest, trend: addReadings(c.trend, readings) };
      }),
    ),
  setLink: (chairId, link) => set((state) => updateChair(state, chairId, (c) => ({ ...c, link }))),
  setConnected: (connected) => set({ connected }),
  tick: (now) => set({ now }),
}));
