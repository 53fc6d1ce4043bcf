/**
 * The current session of each chair from the session API (issue 5): patient, prescription, cumulative dose,
 * observation schedule, discharge state. Reloaded on 'session.changed' and every 10 s (dose and timers move).
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

export interface ChairSessions {
  byChair: Record<number, SessionDetail>;
  /** false: the session API did not answer (the tiles say so). */
  available: boolean;
}

export function useChairSessions(api: Api): ChairSessions {
  const [state, setState] = useState<ChairSessions>({ byChair: {}, available: true });
  useEffect(() => {
    let stale = false;
    let loading = false;
    const load = async () => {
      if (loading) return;
      loading = true;
      try {
        const list = await api.call('sessions.list', {});
        const current = currentSessions(list);
        const details = await Promise.all([...current.values()].map((s) => api.call('sessions.get', { sessionId: s.id }).catch(() => null)));
        const byChair: Record<number, SessionDetail> = {};
        for (const d of details) if (d) byChair[d.session.chairId] = d;
        if (!stale) setState({ byChair, available: true });
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
