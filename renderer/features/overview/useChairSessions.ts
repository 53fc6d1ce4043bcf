/**
 * The current session of each chair from the session API (issue 5): patient, prescription, cumulative dose,
 * observation schedule, discharge state, and each chair's session that ended today. Reloaded on 'session.changed'
 * and every 10 s (dose and timers move).
 * When the session service does not answer, the overview shows the chairs without session data.
 */
import { useEffect, useState } from 'react';
import type { SessionDetail, SessionSummary } from '../../../core/api/methods/sessionSchemas';
import type { Api } from '../../api/client';

const REFRESH_MS = 10_000;
/** Which session a chair shows when it has several today: the one being infused first. */
const PREFERENCE = ['running', 'paused', 'postObservation', 'checklistComplete', 'checkedIn', 'planned'];

export function currentSessions(list: readonly SessionSummary[]): Map<number, SessionSummary> {
  const best = new Map<number, SessionSummary>();
  const rank = (s: SessionSummary) => {
    const i = PREFERENCE.indexOf(s.status);
    return i < 0 ? Infinity : i;
  };
  for (const s of list) {
    if (rank(s) === Infinity) continue;
    const b = best.get(s.chairId);
    if (!b || rank(s) < rank(b) || (rank(s) === rank(b) && s.plannedFor < b.plannedFor)) best.set(s.chairId, s);
  }
  return best;
}

/** Each chair's last finished session (discharged or transferred), for chairs with no current one. */
export function finishedSessions(list: readonly SessionSummary[], current: ReadonlyMap<number, SessionSummary>): Record<number, SessionSummary> {
  const last: Record<number, SessionSummary> = {};
  for (const s of list) {
    if ((s.status !== 'discharged' && s.status !== 'transferred') || current.has(s.chairId)) continue;
    const b = last[s.chairId];
    if (!b || (s.dischargedAt ?? s.stoppedAt ?? 0) > (b.dischargedAt ?? b.stoppedAt ?? 0)) last[s.chairId] = s;
  }
  return last;
}

export interface ChairSessions {
  byChair: Record<number, SessionDetail>;
  /** Chairs whose last session ended (no live vitals are shown next to it). */
  finished: Record<number, SessionSummary>;
  /** false: the session API did not answer (the tiles say so). */
  available: boolean;
}

export function useChairSessions(api: Api): ChairSessions {
  const [state, setState] = useState<ChairSessions>({ byChair: {}, finished: {}, available: true });
  useEffect(() => {
    let stale = false;
    let loading = false;
    const load = async () => {
      if (loading) return;
      loading = true;
      try {
        const midnight = new Date().setHours(0, 0, 0, 0);
        const [list, ended] = await Promise.all([
          api.call('sessions.list', {}),
          api.call('sessions.list', { from: midnight, statuses: ['discharged', 'transferred'] }),
        ]);
        const current = currentSessions(list);
        const details = await Promise.all([...current.values()].map((s) => api.call('sessions.get', { sessionId: s.id }).catch(() => null)));
        const byChair: Record<number, SessionDetail> = {};
        for (const d of details) if (d) byChair[d.session.chairId] = d;
        if (!stale) setState({ byChair, finished: finishedSessions(ended, current), available: true });
      } catch {
        if (!stale) setState((s) => ({ ...s, available: false }));
      } finally {
        loading = false;
      }
    };
    void load();
    const off = api.on('session.changed', () => void load());
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stale = true;
      off();
      clearInterval(timer);
    };
  }, [api]);
  return state;
}
