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
/** After the discharge the chair still leads to today's last session there (issue 12 item 4). */
const ENDED = ['discharged', 'transferred'] as const;

function startOfToday(): number {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function ChairSessionStrip({ chairId }: { chairId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const [session, setSession] = useState<SessionSummary | null>(null);
  useEffect(() => {
    let alive = true;
    // The session in progress, else the next planned one, else today's last finished one (issue 12 item 4).
    const load = async () => {
      try {
        const next = await api.call('sessions.list', { chairId, statuses: [...NEXT] });
        const current = next.find((s) => s.status !== 'planned') ?? next.find((s) => s.status === 'planned');
        const ended = current ? [] : await api.call('sessions.list', { chairId, statuses: [...ENDED], from: startOfToday() });
        const last = [...ended].sort((a, b) => (b.dischargedAt ?? b.stoppedAt ?? 0) - (a.dischargedAt ?? a.stoppedAt ?? 0))[0];
        if (alive) setSession(current ?? last ?? null);
      } catch {
        if (alive) setSession(null);
      }
    };
    void load();
    const off = api.on('session.changed', (p) => (p.chairId === chairId || p.previousChairId === chairId) && void load());
    const timer = setInterval(() => void load(), 10_000);
    return () => {
      alive = false;
      off();
      clearInterval(timer);
    };
  }, [api, chairId]);
  if (!session) return null;
  return (
    <button className="chair-session" data-testid="chair-session" onClick={() => go({ name: 'session', sessionId: session.id })}>
      <strong>{ENDED.some((e) => e === session.status) ? t('pending.finished', { name: session.patientName }) : session.patientName}</strong>
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
