/**
 * Live state of every chair as pushed by the main process: latest reading per parameter, link status and the
 * trend rows for the chart. The store only mirrors main; it decides nothing clinical.
 */
import { create } from 'zustand';
import type { Chair, LinkStatus, StoredReading, TrendSeries } from '../../core/api/schemas';
import type { VitalParameter } from '../../core/vitals';

export type TrendRow = { t: number } & Partial<Record<VitalParameter, number | null>>;

/** Enough for a 3-hour session at one row per 5 s; older rows are thinned, not dropped. */
const MAX_TREND_ROWS = 2400;

export interface ChairLive {
  id: number;
  name: string;
  link: LinkStatus;
  latest: Partial<Record<VitalParameter, StoredReading>>;
  trend: TrendRow[];
}

interface LiveState {
  chairs: Record<number, ChairLive>;
  connected: boolean;
  now: number;
  setChairs(chairs: Chair[]): void;
  setLatest(chairId: number, readings: StoredReading[]): void;
  setTrend(chairId: number, series: TrendSeries[]): void;
  addReadings(chairId: number, readings: StoredReading[]): void;
  setLink(chairId: number, link: LinkStatus): void;
  setConnected(connected: boolean): void;
  tick(now: number): void;
}

export function mergeSeries(series: readonly TrendSeries[]): TrendRow[] {
  const byTime = new Map<number, TrendRow>();
  for (const s of series) {
    s.times.forEach((t, i) => {
      let row = byTime.get(t);
      if (!row) byTime.set(t, (row = { t }));
      row[s.parameter] = s.values[i] ?? null;
    });
  }
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}

function thin(rows: TrendRow[]): TrendRow[] {
  if (rows.length <= MAX_TREND_ROWS) return rows;
  // Halve the older half: recent detail matters most at the bedside.
  const half = Math.floor(rows.length / 2);
  return rows.slice(0, half).filter((_, i) => i % 2 === 0).concat(rows.slice(half));
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
        chairs.map((c) => [c.id, { latest: {}, trend: [], ...state.chairs[c.id], id: c.id, name: c.name, link: c.link }]),
      ),
    })),
  setLatest: (chairId, readings) =>
    set((state) => updateChair(state, chairId, (c) => ({ ...c, latest: Object.fromEntries(readings.map((r) => [r.parameter, r])) }))),
  setTrend: (chairId, series) => set((state) => updateChair(state, chairId, (c) => ({ ...c, trend: thin(mergeSeries(series)) }))),
  addReadings: (chairId, readings) =>
    set((state) =>
      updateChair(state, chairId, (c) => {
        const latest = { ...c.latest };
        const rows = new Map<number, TrendRow>();
        for (const r of readings) {
          latest[r.parameter] = r;
          let row = rows.get(r.receivedAt);
          if (!row) rows.set(r.receivedAt, (row = { t: r.receivedAt }));
          row[r.parameter] = r.state === 'valid' ? r.value : null;
        }
        return { ...c, latest, trend: thin(c.trend.concat([...rows.values()])) };
      }),
    ),
  setLink: (chairId, link) => set((state) => updateChair(state, chairId, (c) => ({ ...c, link }))),
  setConnected: (connected) => set({ connected }),
  tick: (now) => set({ now }),
}));
