/**
 * The alarm log of a session (or of a chair over a time range): raised, acknowledged by whom, cleared, audio
 * pauses, escalations, with the values. For the session record and the chair's log screen.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmLogEntry } from '../../../core/api/methods/alarms';
import type { ConditionCode } from '../../../core/alarms/codes';
import { alarmMessage, isKnownCode } from './logText';
import { useApi } from '../../api/ApiContext';
import { lang } from './AlarmBar';
import { hhmmss as clock } from '../../format';

type Query = { sessionId: number } | { chairId: number; from: number; to?: number };

export function AlarmLog({ query }: { query: Query }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<AlarmLogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);

  useEffect(() => {
    let stale = false;
    const load = () => {
      const q = 'sessionId' in query ? query : { chairId: query.chairId, from: query.from, to: query.to ?? Date.now() + 60_000 };
      api
        .call('alarms.log', q)
        .then((r) => !stale && setRows(r))
        .catch((e: Error) => !stale && setError(e.message));
    };
    load();
    // New entries come with alarm state changes of the chair.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('alarms.state', (p) => {
      if ('chairId' in query && p.chairId !== query.chairId) return;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        load();
      }, 500);
    });
    return () => {
      stale = true;
      off();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  const language = lang(i18n.language);
  // Acknowledge, clear … rows name the alarm; its numbers are those it was raised with.
  const raisedParams = new Map<string, Record<string, string | number>>();
  for (const r of rows ?? []) {
    const params = (r.detail as { params?: Record<string, string | number> }).params;
    if (r.type === 'raised' && r.alarmId && params) raisedParams.set(r.alarmId, params);
  }
  if (error) return <p className="alarm-log__error" role="alert">{error}</p>;
  if (!rows) return <p className="muted">…</p>;
  if (rows.length === 0) return <p className="muted" data-testid="alarm-log-empty">{t('alarms.logEmpty')}</p>;
  return (
    <table className="alarm-log" data-testid="alarm-log">
      <thead>
        <tr>
          <th>{t('alarms.logTime')}</th>
          <th>{t('alarms.logEvent')}</th>
          <th>{t('alarms.logAlarm')}</th>
          <th>{t('alarms.logValue')}</th>
          <th>{t('alarms.logUser')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const d = r.detail as { value?: number | null; threshold?: number | null; params?: Record<string, string | number>; reason?: string; durationMs?: number };
          const text = r.code && isKnownCode(r.code) ? alarmMessage(r.code as ConditionCode, d.params ?? (r.alarmId ? raisedParams.get(r.alarmId) : undefined) ?? { value: d.value ?? '–', threshold: d.threshold ?? '–' }, language) : (r.code ?? '');
          return (
            <tr key={r.id} className={r.priority ? `alarm-log__row--${r.priority}` : undefined} data-type={r.type}>
              <td>{clock(r.at)}</td>
              <td>{t(`alarms.event.${r.type}`, { defaultValue: r.type })}{d.reason ? ` (${d.reason})` : ''}</td>
              <td>{r.priority ? `${t(`alarms.priority.${r.priority}`)} · ` : ''}{text}</td>
              <td>{d.value ?? ''}{d.threshold !== undefined && d.threshold !== null ? ` / ${d.threshold}` : ''}</td>
              <td>{r.userName ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
