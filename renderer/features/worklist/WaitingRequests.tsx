/**
 * The PVS's requests that wait for the physician (issue 14): a 6301/6302 of a patient without a course with
 * infusions left ("Anforderung ohne Zyklus"). One click opens the patient, where the new course plans the session.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { useApi } from '../../api/ApiContext';
import { coalesce } from '../../api/coalesce';
import { dateTime } from '../../format';
import { useNav } from '../../stores/navStore';
import { useLang } from '../../components/ProblemList';

type Request = MethodOutput<'gdt.requests'>[number];

export function WaitingRequests() {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const go = useNav((s) => s.go);
  const [waiting, setWaiting] = useState<Request[]>([]);
  // A failed load keeps the last list: the PVS screen shows the link's own errors.
  const load = useCallback(async () => setWaiting((await api.call('gdt.requests', {})).filter((r) => r.sessionId === null)), [api]);
  useEffect(() => {
    const reload = coalesce(() => load().catch(() => undefined));
    reload();
    const offGdt = api.on('gdt.changed', reload);
    const offPatients = api.on('patients.changed', reload);
    return () => {
      offGdt();
      offPatients();
    };
  }, [api, load]);
  if (waiting.length === 0) return null;
  return (
    <section className="panel" data-testid="worklist-pvs-requests">
      <h3>{t('worklist.requestsTitle')}</h3>
      <ul className="list">
        {waiting.map((r) => (
          <li key={r.fileId}>
            <button className="list__item" data-testid={`worklist-request-${r.fileId}`} onClick={() => go({ name: 'patient', patientId: r.patientId })}>
              <strong>{r.patientName}</strong>
              <span className="warn-text">{t('worklist.requestWaiting', { pvs: r.pvsNumber, type: r.recordType, date: dateTime(r.at, lang) })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
