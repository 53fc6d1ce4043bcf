/**
 * The physician's worklist (issue 12 item 4): sessions waiting for her prescription, release or signature, overdue
 * signatures first. One click opens the session; a signature opens the review with the password field ready, so
 * signing takes two clicks and the password. Reloaded when any station changes a session. Below: the PVS's requests
 * that wait for a course.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { sourceText } from '../../../core/clinic/sourceText';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { dateTime } from '../../format';
import { useNav } from '../../stores/navStore';
import { StatusBadge } from '../session/StatusBadge';
import { coalesce } from '../../api/coalesce';
import { WaitingRequests } from './WaitingRequests';

/** Overdue is a matter of hours: a reload every minute moves a signature up without any change. */
const RELOAD_MS = 60_000;

export function useWorklist(): { list: MethodOutput<'worklist.physician'> | null; problems: Problem[] } {
  const api = useApi();
  const [list, setList] = useState<MethodOutput<'worklist.physician'> | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const load = useCallback(async () => {
    try {
      setList(await api.call('worklist.physician', {}));
      setProblems([]);
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }, [api]);
  useEffect(() => {
    const reload = coalesce(load);
    reload();
    const off = api.on('session.changed', reload);
    const timer = setInterval(reload, RELOAD_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api, load]);
  return { list, problems };
}

export function WorklistScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const { list, problems } = useWorklist();
  return (
    <main className="page" data-testid="worklist-screen">
      <h2>{t('worklist.title')}</h2>
      <p className="lead">{t('worklist.intro')}</p>
      <ProblemList problems={problems} />
      {list && list.items.length === 0 && <p className="muted" data-testid="worklist-empty">{t('worklist.empty')}</p>}
      {list && list.items.length > 0 && (
        <table className="table" data-testid="worklist">
          <thead>
            <tr>
              <th>{t('worklist.what')}</th>
              <th>{t('worklist.patient')}</th>
              <th>{t('worklist.chair')}</th>
              <th>{t('course.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => {
              const s = item.session;
              return (
                <tr key={s.id} data-testid={`worklist-${s.id}`} data-awaiting={item.awaiting} data-overdue={item.overdue}>
                  <td>
                    <strong>{t(`worklist.awaiting.${item.awaiting}`)}</strong>{' '}
                    {item.overdue && <span className="chip chip--overdue">{t('worklist.overdue')}</span>}
                    <div className="muted">{t('worklist.since', { time: dateTime(item.since, lang) })}</div>
                  </td>
                  <td>
                    <button className="list__item" data-testid={`worklist-open-${s.id}`} onClick={() => go({ name: 'session', sessionId: s.id })}>
                      <strong>{s.patientName}</strong>
                      <span className="muted">{t('worklist.session', { number: s.sessionNumber })}</span>
                    </button>
                  </td>
                  <td>{s.chairName}</td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td>
                    {item.awaiting === 'signature' ? (
                      <button className="btn btn--primary" data-testid={`worklist-sign-${s.id}`} onClick={() => go({ name: 'review', sessionId: s.id, sign: true })}>
                        {t('worklist.sign')}
                      </button>
                    ) : (
                      <button className="btn" onClick={() => go({ name: 'session', sessionId: s.id })}>
                        {t('worklist.open')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <WaitingRequests />
      {list && <p className="source">{t('worklist.overdueRule', { hours: list.signatureOverdue.hours, source: sourceText(list.signatureOverdue.source, lang) })}</p>}
    </main>
  );
}
