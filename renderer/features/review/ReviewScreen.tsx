/**
 * The physician's review of a whole session (vitals with the dose timeline, dose record, observations, alarms,
 * checklist, discharge), signing with the password asked again, and — once signed and locked — amendments that keep
 * the original visible, each signed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { rowsOf } from '../../stores/trendRows';
import { useNav } from '../../stores/navStore';
import { TransferDone } from '../discharge/DischargePanel';
import { escortText } from '../discharge/EscortFields';
import { DoseEventList } from '../session/DoseEventList';
import { dateTime, hhmm, isoDate, num } from '../../format';
import { ObservationList } from '../session/ObservationList';
import { SessionChart } from '../session/SessionChart';
import { StatusBadge } from '../session/StatusBadge';
import { auditDetailLines } from './auditDetail';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { AlarmLog } from '../alarms/AlarmLog';
import { useMay } from '../auth/useMay';
import { DoseCorrectionForm } from './DoseCorrectionForm';
import { AmendForm, entriesOf, SignForm } from './SignForms';
import { coalesce } from '../../api/coalesce';

export type Review = MethodOutput<'sessions.review'>;

/**
 * `toSign`: opened from the worklist to sign; the sign form comes first, its password field focused.
 * `toDocuments`: opened because the PVS asked to show the record (6311): scrolled to the documents.
 */
export function ReviewScreen({ sessionId, toSign = false, toDocuments = false }: { sessionId: number; toSign?: boolean; toDocuments?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const maySign = useMay('sessions.sign');
  const mayCorrectDose = useMay('sessions.amendDoseEvent');
  const [review, setReview] = useState<Review | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const load = useCallback(async () => {
    try {
      setReview(await api.call('sessions.review', { sessionId }));
    } catch (e) {
      setProblems(problemsOf(e));
    }
  }, [api, sessionId]);
  useEffect(() => {
    void load();
    // Another station signs, amends or corrects: this review follows without a reload.
    const reload = coalesce(load);
    return api.on('session.changed', (p) => p.sessionId === sessionId && reload());
  }, [api, load, sessionId]);
  const rows = useMemo(() => (review ? rowsOf(review.vitals).rows : []), [review]);
  const documentsRef = useRef<HTMLDivElement>(null);
  const loaded = review !== null;
  useEffect(() => {
    if (toDocuments && loaded) documentsRef.current?.scrollIntoView({ block: 'start' });
  }, [toDocuments, loaded]);

  if (!review) {
    return (
      <main className="page">
        <p className="muted">{t('review.loading')}</p>
        <ProblemList problems={problems} />
      </main>
    );
  }
  const d = review.detail;
  const s = d.session;
  const disc = d.discharge;
  const stamp = (x: { userName: string; at: number }) => t('session.by', { name: x.userName, time: hhmm(x.at) });
  return (
    <main className="page review" data-testid="review-screen">
      <div className="page__head">
        <button className="btn" onClick={() => go({ name: 'session', sessionId })}>
          ← {t('session.toSession')}
        </button>
        <h2>{t('review.title')}</h2>
        <StatusBadge status={s.status} />
      </div>
      {s.signed && (
        <p className="ok-banner" data-testid="signed-banner">
          {t('session.signedLocked', { name: s.signed.userName, at: dateTime(s.signed.at, lang) })}
        </p>
      )}
      <ProblemList problems={review.integrity.problems} testId="integrity-problems" />
      {toSign && maySign && !s.signed && <SignForm sessionId={sessionId} onDone={load} autoFocus />}
      <section className="panel">
        <h3>{t('review.header')}</h3>
        <p className="lead">
          {d.patient.familyName}, {d.patient.givenName} ({isoDate(d.patient.birthDate, lang)}) · {t(`indication.${d.course.indication}`)}
          {d.course.icd10 ? ` (${d.course.icd10})` : ''} · {t('session.title', { number: s.sessionNumber, planned: d.course.plannedInfusions })} ·{' '}
          {s.chairName}
        </p>
        {d.dose && <p className="lead" data-testid="review-total">{t('review.total', { mg: num(d.dose.totalMg, lang, 2, 2), mgPerKg: num(d.dose.mgPerKg, lang, 3, 3) })}</p>}
      </section>
      <section className="panel">
        <SessionChart detail={d} rows={rows} from={review.vitalsFrom} to={review.vitalsTo} height="full" />
      </section>
      <div className="page__cols">
        <section className="panel">
          <h3>{t('review.prescription')}</h3>
          <ul>
            {d.prescriptions.map((p) => (
              <li key={p.id}>
                {t('infusion.prescribed', {
                  mgPerKgPerH: num(p.targetMgPerKgPerH, lang, 4),
                  mlPerH: num(p.pumpRateMlPerH, lang, 2),
                  substance: t(`infusion.${p.substance}`),
                  concentration: num(p.concentrationMgPerMl, lang),
                  weight: num(p.weightKg, lang, 1),
                })}{' '}
                — {stamp(p.prescribed)}
                {p.softLimitReason && <span className="warn-text"> · {p.softLimitReason}</span>}
              </li>
            ))}
          </ul>
          <DoseEventList events={d.doseEvents} />
        </section>
        <section className="panel">
          <h3>{t('review.observations')}</h3>
          <ObservationList observations={d.observations} />
          <h3>{t('review.alarms')}</h3>
          <AlarmLog query={{ sessionId }} />
        </section>
      </div>
      <div className="page__cols">
        <section className="panel">
          <h3>{t('review.checklist')}</h3>
          {d.checklist.saved && <p className="muted">{stamp(d.checklist.saved)}</p>}
          {d.checklist.problems.length === 0 ? <p className="ok-text">✓ {t('checklist.allDone')}</p> : <ProblemList problems={d.checklist.problems} tone="info" />}
        </section>
        <section className="panel" data-testid="review-discharge">
          <h3>{t('review.discharge')}</h3>
          <ul>
            {disc.escort && <li>{t('escort.confirmed', { text: escortText(disc.escort.escort) })} — {stamp(disc.escort.confirmed)}</li>}
            {disc.score && (
              <li>
                {t('discharge.score')}: {t('discharge.scoreTotal', { total: disc.score.total, max: disc.score.maxPoints, threshold: disc.score.threshold })} —{' '}
                {stamp(disc.score.recorded)}
              </li>
            )}
            {disc.instructionsAcknowledged && <li>{t('discharge.acknowledged', { by: stamp(disc.instructionsAcknowledged) })}</li>}
            {disc.physicianRelease && <li>{t('discharge.released', { by: stamp(disc.physicianRelease) })}</li>}
            {disc.override && (
              <li className="warn-text" data-testid="review-override">
                {t('discharge.overridden', {
                  by: stamp(disc.override.by),
                  criteria: disc.override.criteria.map((c) => t(`discharge.criteria.${c}`)).join(', '),
                  reason: disc.override.reason,
                })}
              </li>
            )}
            {s.dischargedAt !== null && <li>{t('discharge.dischargedAt', { time: dateTime(s.dischargedAt, lang) })}</li>}
            {d.transfer && (
              <li>
                <TransferDone transfer={d.transfer} />
              </li>
            )}
          </ul>
        </section>
      </div>
      <section className="panel" data-testid="amendments">
        <h3>{t('review.amendments')}</h3>
        {d.amendments.length === 0 ? (
          <p className="muted">{t('review.noAmendments')}</p>
        ) : (
          <ul>
            {d.amendments.map((a) => (
              <li key={a.id} data-testid={`amendment-${a.id}`}>
                <strong>
                  {t(`review.amendTarget.${a.target}`)}
                  {a.targetId !== null ? ` (${entriesOf(d, a.target, t, lang).find((e) => e.id === a.targetId)?.label ?? `#${a.targetId}`})` : ''}:
                </strong>{' '}
                {a.correction} <span className="muted">({a.reason}; {t('review.signed', { name: a.signed.userName, time: dateTime(a.signed.at, lang) })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {!maySign ? (
        !s.signed && <p className="muted panel" data-testid="signature-pending">{t('pending.signature')}</p>
      ) : s.signed ? (
        <AmendForm sessionId={sessionId} detail={d} onDone={load} />
      ) : (
        !toSign && <SignForm sessionId={sessionId} onDone={load} />
      )}
      {mayCorrectDose && d.doseEvents.length > 0 && <DoseCorrectionForm detail={d} onDone={load} />}
      <div ref={documentsRef}>
        <DocumentsPanel owner={{ sessionId, signed: s.signed !== null }} />
      </div>
      <details className="panel">
        <summary>{t('review.history')}</summary>
        <table className="table table--compact">
          <tbody>
            {review.history.map((h, i) => (
              <tr key={i}>
                <td className="num">{dateTime(h.at, lang)}</td>
                <td>{h.userName ?? '–'}</td>
                <td title={h.action}>{t(`auditAction.${h.action}`, { defaultValue: h.action })}</td>
                <td className="muted audit-detail" data-testid="audit-detail">
                  {auditDetailLines(h.detail, lang, { yes: t('review.detailYes'), no: t('review.detailNo') }).map((line, j) => (
                    <div key={j}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </main>
  );
}
