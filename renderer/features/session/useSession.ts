/**
 * One session as the server has it: loaded with sessions.get, reloaded on 'session.changed' and every few seconds,
 * replaced by the answer of every write (writes return the whole SessionDetail). `run` makes a write and keeps the
 * refusal's problems for the screen to show in words.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName } from '../../../core/api/contract';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { problemsOf } from '../../components/ProblemList';

const POLL_MS = 5000;

type WriteMethod = MethodName;

export interface SessionHandle {
  detail: SessionDetail | null;
  /** Server clock minus this PC's clock: timers count on the server's time. */
  offsetMs: number;
  loadProblems: Problem[];
  reload(): Promise<void>;
  /** Makes a write that answers with the session; returns the problems of a refusal ([] when accepted). */
  run<M extends WriteMethod>(method: M, input: MethodInput<M>): Promise<Problem[]>;
}

export function useSession(sessionId: number): SessionHandle {
  const api = useApi();
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const [loadProblems, setLoadProblems] = useState<Problem[]>([]);
  const alive = useRef(true);

  const accept = useCallback((d: SessionDetail) => {
    if (!alive.current) return;
    setDetail(d);
    setOffset(d.now - Date.now());
    setLoadProblems([]);
  }, []);

  const reload = useCallback(async () => {
    try {
      accept(await api.call('sessions.get', { sessionId }));
    } catch (e) {
      if (alive.current) setLoadProblems(problemsOf(e));
    }
  }, [api, sessionId, accept]);

  useEffect(() => {
    alive.current = true;
    void reload();
    const off = api.on('session.changed', (p) => {
      if (p.sessionId === sessionId) void reload();
    });
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => {
      alive.current = false;
      off();
      clearInterval(timer);
    };
  }, [api, sessionId, reload]);

  const run = useCallback(
    async <M extends WriteMethod>(method: M, input: MethodInput<M>): Promise<Problem[]> => {
      try {
        const answer = (await api.call(method, input)) as unknown;
        if (answer && typeof answer === 'object' && 'session' in answer && 'now' in answer) accept(answer as SessionDetail);
        else await reload();
        return [];
      } catch (e) {
        return problemsOf(e);
      }
    },
    [api, accept, reload],
  );

  return { detail, offsetMs, loadProblems, reload, run };
}

/** Ticks once a second with the server's time, for countdowns and live dose. */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}
