/**
 * The PVS asked to show a patient's infusion record (GDT 6311): a notice on every station, in the page's flow beside
 * the GDT banner (never over the alarm bar), until this station opens or dismisses it. Opening shows the session's
 * documents, or the patient's screen when no session of the day asked for was found.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../core/api/contract';
import { useApi } from '../../api/ApiContext';
import { useLang } from '../../components/ProblemList';
import { isoDate } from '../../format';
import { useNav } from '../../stores/navStore';
import { useMay } from '../auth/useMay';

type ShowRequest = EventPayload<'gdt.showRequested'>;

export function GdtShowNotice() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const go = useNav((s) => s.go);
  // Opening shows what 'sessions.review' returns: a role that may not read it is not asked to.
  const mayRead = useMay('sessions.review');
  const [requests, setRequests] = useState<ShowRequest[]>([]);
  // The PVS asking again for the same record (a second click there) replaces the notice: one per record.
  const same = (a: ShowRequest, b: ShowRequest) => a.patientId === b.patientId && a.sessionId === b.sessionId;
  useEffect(() => api.on('gdt.showRequested', (r) => setRequests((rs) => [...rs.filter((x) => !same(x, r)), r])), [api]);
  if (!mayRead || requests.length === 0) return null;

  const end = (fileId: number) => setRequests((rs) => rs.filter((x) => x.fileId !== fileId));
  const open = (r: ShowRequest) => {
    end(r.fileId);
    go(r.sessionId === null ? { name: 'patient', patientId: r.patientId } : { name: 'review', sessionId: r.sessionId, documents: true });
  };
  return (
    <>
      {requests.map((r) => (
        <div key={r.fileId} className="banner banner--pvs" role="status" data-testid={`gdt-show-${r.fileId}`}>
          {t('gdt.showNotice', { name: r.patientName })}
          {r.sessionId === null && r.examinedOn !== null && <> {t('gdt.showNoSession', { date: isoDate(r.examinedOn, lang) })}</>}{' '}
          <button className="secondary" onClick={() => open(r)} data-testid="gdt-show-open">
            {t('gdt.showOpen')}
          </button>{' '}
          <button className="secondary" onClick={() => end(r.fileId)} data-testid="gdt-show-dismiss">
            {t('gdt.showDismiss')}
          </button>
        </div>
      ))}
    </>
  );
}
