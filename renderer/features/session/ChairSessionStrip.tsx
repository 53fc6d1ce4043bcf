/**
 * On the chair screen: the session on this chair now (or the next one planned for it), with its cumulative dose, one
 * touch away from the session screen.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../core/api/methods/sessionSchemas';
import { useApi } from '../../api/ApiContext';
import { useLang } from '../../components/ProblemList';
import { useNav } from '../../stores/navStore';
import { num } from '../../format';
import { StatusBadge } from './StatusBadge';

const ACTIVE = ['checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation'] as const;
const NEXT = [...ACTIVE, 'planned'] as const;

export function ChairSessionStrip({ chairId }: { chairId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const [session, setSession] = useState<SessionSummary | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      api
        .call('sessions.list', { chairId, statuses: [...NEXT] })
        .then((list) => alive && setSession(list.find((s) => s.status !== 'planned') ?? list.find((s) => s.status === 'planned') ?? null))
        .catch(() => alive && setSession(null));
    void load();
    const off = api.on('session.changed', (p) => p.chairId === chairId && void load());
    const timer = setInterval(load, 10_000);
    return () => {
      alive = false;
      off();
      clearInterval(timer);
    };
  }, [api, chairId]);
  if (!session) return null;
  return (
    <button className="chair-session" data-testid="chair-session" onClick={() => go({ name: 'session', sessionId: session.id })}>
      <strong>{session.patientName}</strong>
      <StatusBadge status={session.status} />
      {session.totalMg !== null && (
        <span className="chair-session__dose">
          {num(session.totalMg, lang, 2, 2)} mg · {num(session.mgPerKg, lang, 3, 3)} mg/kg
        </span>
      )}
      <span className="chair-session__open">{t('session.toSession')} →</span>
    </button>
  );
}
