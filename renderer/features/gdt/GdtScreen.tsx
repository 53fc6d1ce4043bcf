/**
 * The PVS link (GDT 2.1, issue 14): each partner's settings and the state of its inbox, the PVS's open requests
 * (6302) to plan, and every file exchanged with its outcome — refused files and results not written first in red,
 * with the reason. Every user sees it (a refused file concerns the ward); only an admin changes the settings.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { dateTime, isoDate } from '../../format';
import { useAuth } from '../../stores/authStore';
import { useNav } from '../../stores/navStore';
import { PartnerForm } from './PartnerForm';
import { gdtReasonText } from './reasonWords';

type Partner = MethodOutput<'gdt.partners'>[number];
type GdtFile = MethodOutput<'gdt.files'>[number];
type Request = MethodOutput<'gdt.requests'>[number];

const BAD = new Set(['rejected', 'failed']);
const problemCount = (f: GdtFile) => {
  const parse = f.parse as { problems?: unknown[] } | null;
  return Array.isArray(parse?.problems) ? parse.problems.length : 0;
};

export function GdtScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const go = useNav((s) => s.go);
  const role = useAuth((s) => s.status?.user?.role);
  const [partners, setPartners] = useState<Partner[]>([]);
  const [files, setFiles] = useState<GdtFile[]>([]);
  const [requests, setRequests] = useState<Request[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  // A 6311 whose day has no session says so: the staff see why the patient's screen opened instead.
  const showNote = (f: GdtFile) =>
    f.recordType === '6311' && f.outcome === 'accepted' && f.sessionId === null && f.requestedFor !== null ? t('gdt.noSessionOn', { date: isoDate(f.requestedFor, lang) }) : '';

  const load = useCallback(() => {
    Promise.all([api.call('gdt.partners', {}), api.call('gdt.files', {}), api.call('gdt.requests', {})])
      .then(([p, f, r]) => {
        setPartners(p);
        setFiles(f);
        setRequests(r);
      })
      .catch((e) => setProblems(problemsOf(e)));
  }, [api]);
  useEffect(() => {
    load();
    return api.on('gdt.changed', () => load());
  }, [api, load]);

  async function resend(sessionId: number) {
    try {
      const sent = await api.call('gdt.sendResult', { sessionId });
      setMessage(sent.map((s) => (s.outcome === 'written' ? t('gdt.resent', { file: s.fileName }) : `${s.fileName}: ${gdtReasonText(t, s)}`)).join(' · '));
      load();
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }

  // Problems first: a refused file or an unwritten result needs someone.
  const sorted = [...files].sort((a, b) => Number(BAD.has(b.outcome)) - Number(BAD.has(a.outcome)) || b.id - a.id);
  return (
    <main className="page" data-testid="gdt-screen">
      <h2>{t('gdt.title')}</h2>
      {role !== 'admin' && <p className="hint">{t('gdt.readOnly')}</p>}
      <ProblemList problems={problems} />
      {message && <p role="status">{message}</p>}

      <h3>{t('gdt.partners')}</h3>
      {partners.length === 0 && role !== 'admin' && <p data-testid="gdt-no-partner">{t('gdt.noPartner')}</p>}
      {partners.map((p) => (
        <div key={p.id}>
          <p className={p.link.state === 'error' ? 'banner banner--lost' : ''} data-testid={`gdt-link-${p.id}`}>
            {p.name} – {t('gdt.link')}: {t(`gdt.linkState.${p.link.state}`)}
            {p.link.state === 'error'
              ? ` – ${gdtReasonText(t, { reason: p.link.detail, reasonCode: p.link.reasonCode, reasonArgs: p.link.reasonArgs })}`
              : p.link.state !== 'off' && ` (${p.inboxDir})`}
          </p>
          <PartnerForm key={`${p.id}-${p.updatedAt}`} partner={p} canEdit={role === 'admin'} onSaved={load} />
        </div>
      ))}
      {role === 'admin' && <PartnerForm key={`new-${partners.length}`} partner={null} canEdit onSaved={load} />}

      <h3>{t('gdt.requests')}</h3>
      {requests.length === 0 ? (
        <p>{t('gdt.noRequests')}</p>
      ) : (
        <ul data-testid="gdt-requests">
          {requests.map((r) => (
            <li key={r.fileId}>
              <button className="secondary" onClick={() => go({ name: 'patient', patientId: r.patientId })}>
                {r.patientName}
              </button>{' '}
              (PVS {r.pvsNumber}, {r.recordType}, {dateTime(r.at, lang)}):{' '}
              {r.sessionId === null ? (
                <span className="warn-text" data-testid={`gdt-request-waiting-${r.fileId}`}>{t('gdt.requestWaiting')}</span>
              ) : (
                t('gdt.requestPlanned', { n: r.sessionNumber, date: dateTime(r.plannedFor!, lang) })
              )}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('gdt.files')}</h3>
      {files.length === 0 ? (
        <p>{t('gdt.noFiles')}</p>
      ) : (
        <table className="table" data-testid="gdt-files">
          <thead>
            <tr>
              <th>{t('gdt.at')}</th>
              <th>{t('gdt.direction')}</th>
              <th>{t('gdt.file')}</th>
              <th>{t('gdt.recordType')}</th>
              <th>{t('gdt.outcome')}</th>
              <th>{t('gdt.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sorted.map((f) => (
              <tr key={f.id} className={BAD.has(f.outcome) ? 'row--bad' : ''} data-testid={`gdt-file-${f.outcome}`}>
                <td>{dateTime(f.at, lang)}</td>
                <td>{t(f.direction === 'in' ? 'gdt.in' : 'gdt.out')}</td>
                <td>{f.fileName}</td>
                <td>{f.recordType ?? '–'}</td>
                <td>{f.recordType === '6311' && f.outcome === 'accepted' ? t('gdt.showRequested') : t(`gdt.outcomes.${f.outcome}`)}</td>
                <td>{f.reason !== null ? gdtReasonText(t, f) : (problemCount(f) > 0 ? t('gdt.problems', { count: problemCount(f) }) : showNote(f))}</td>
                <td>
                  {f.outcome === 'failed' && f.sessionId !== null && role !== 'mfa' && (
                    <button className="secondary" onClick={() => void resend(f.sessionId!)}>
                      {t('gdt.resend')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
