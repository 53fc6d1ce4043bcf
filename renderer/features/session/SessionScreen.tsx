/**
 * One infusion session at the chair: who and where, the live vitals with the dose on the same time axis, and the
 * step the session is in — check-in, checklist, prescription and start, the running infusion with observations,
 * then observation time and discharge. The MFA sees vitals, dose and observations together.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { ProblemList, useLang } from '../../components/ProblemList';
import type { Problem } from '../../../core/settings';
import { useNav } from '../../stores/navStore';
import { Countdown } from '../discharge/Countdown';
import { DischargePanel } from '../discharge/DischargePanel';
import { TransferForm } from '../discharge/TransferForm';
import { useMay } from '../auth/useMay';
import { DoseBig } from './DoseBig';
import { ChairMoveForm } from './ChairMoveForm';
import { ChecklistForm } from './ChecklistForm';
import { DoseEventList } from './DoseEventList';
import { dateTime, isoDate } from '../../format';
import { InfusionPanel } from './InfusionPanel';
import { ObservationForm } from './ObservationForm';
import { ObservationList } from './ObservationList';
import { ObservationRound } from './ObservationRound';
import { ObservationSchedule } from './ObservationSchedule';
import { PendingRateOrder } from './PendingRateOrder';
import { PrescriptionStep } from './PrescriptionStep';
import { SessionVitals } from './SessionVitals';
import { StatusBadge } from './StatusBadge';
import { useServerNow, useSession, type SessionHandle } from './useSession';

export function SessionScreen({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const handle = useSession(sessionId);
  const now = useServerNow(handle.offsetMs);
  const mayTransfer = useMay('discharge.transfer');
  const mayMoveChair = useMay('sessions.moveChair');
  const { detail } = handle;
  if (!detail) {
    return (
      <main className="page">
        <p className="muted">{t('session.loading')}</p>
        <ProblemList problems={handle.loadProblems} />
      </main>
    );
  }
  const status = detail.session.status;
  const infusing = status === 'running' || status === 'paused';
  const beforeStart = status === 'planned' || status === 'checkedIn' || status === 'checklistComplete';
  const after = status === 'postObservation' || status === 'discharged' || status === 'transferred';
  return (
    <main className="page session" data-testid="session-screen" data-status={status}>
      <SessionHeader handle={handle} />
      <PendingRateOrder handle={handle} />
      <div className="session__body">
        <div className="session__left">
          <SessionVitals detail={detail} now={now}>
            <DoseBig detail={detail} now={now} />
            {status === 'postObservation' && detail.discharge.observationEndsAt !== null && (
              <Countdown endsAt={detail.discharge.observationEndsAt} minutes={detail.discharge.observationMin} now={now} />
            )}
          </SessionVitals>
          <DoseEventList events={detail.doseEvents} />
        </div>
        <div className="session__right">
          {status === 'planned' && <CheckInPanel handle={handle} />}
          {status === 'checkedIn' && (
            <>
              <ChecklistForm handle={handle} />
              <PrescriptionStep handle={handle} />
              <CancelForm handle={handle} />
            </>
          )}
          {status === 'checklistComplete' && (
            <>
              <PrescriptionStep handle={handle} />
              <InfusionPanel handle={handle} />
              <CancelForm handle={handle} />
            </>
          )}
          {beforeStart && mayMoveChair && <ChairMoveForm handle={handle} />}
          {(infusing || status === 'postObservation') && <ObservationRound handle={handle} now={now} />}
          {(infusing || after) && detail.doseEvents.length > 0 && <InfusionPanel handle={handle} />}
          {(infusing || status === 'postObservation') && (
            <section className="panel" data-testid="observations">
              <h3>{t('obs.title')}</h3>
              <ObservationSchedule detail={detail} now={now} />
              <ObservationForm handle={handle} />
              <ObservationList observations={detail.observations} />
            </section>
          )}
          {after && <DischargePanel handle={handle} />}
          {infusing && mayTransfer && <TransferForm handle={handle} />}
          {(status === 'discharged' || status === 'transferred') && <ObservationList observations={detail.observations} />}
          {status === 'cancelled' && <p className="warn-text">{detail.cancelReason}</p>}
        </div>
      </div>
    </main>
  );
}

function SessionHeader({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const go = useNav((s) => s.go);
  const d = handle.detail!;
  const s = d.session;
  return (
    <header className="session__head">
      <div>
        <h2>
          {t('session.title', { number: s.sessionNumber, planned: d.course.plannedInfusions })} · {t(`indication.${d.course.indication}`)}
        </h2>
        <p className="lead" data-testid="session-patient">
          {t('session.patientLine', { name: `${d.patient.familyName}, ${d.patient.givenName}`, birth: isoDate(d.patient.birthDate, lang) })} ·{' '}
          {t('session.chair', { chair: s.chairName })}
        </p>
      </div>
      <StatusBadge status={s.status} />
      {s.signed && <span className="chip chip--signed">{t('session.signedLocked', { name: s.signed.userName, at: dateTime(s.signed.at, lang) })}</span>}
      <div className="session__nav">
        <button className="btn" onClick={() => go({ name: 'chair', chairId: s.chairId })} data-testid="to-chair">
          {t('session.chairLink')}
        </button>
        <button className="btn" onClick={() => go({ name: 'course', courseId: s.courseId })} data-testid="to-course">
          {t('session.toCourse')}
        </button>
        {(s.status === 'postObservation' || s.status === 'discharged' || s.status === 'transferred' || s.status === 'cancelled') && (
          <button className="btn" onClick={() => go({ name: 'review', sessionId: s.id })} data-testid="to-review">
            {t('session.toReview')}
          </button>
        )}
      </div>
    </header>
  );
}

function CheckInPanel({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const id = handle.detail!.session.id;
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <section className="panel" data-testid="checkin">
      <button className="btn btn--primary btn--big" data-testid="checkin-button" onClick={async () => setProblems(await handle.run('sessions.checkIn', { sessionId: id }))}>
        {t('session.checkIn')}
      </button>
      <ProblemList problems={problems} title={t('session.refused')} />
      <CancelForm handle={handle} />
    </section>
  );
}

/** Cancelling before the infusion starts, with the reason in words. */
function CancelForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [reason, setReason] = useState('');
  return (
    <form
      className="subform inline-form"
      data-testid="cancel-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setProblems(await handle.run('sessions.cancel', { sessionId: handle.detail!.session.id, reason }));
      }}
    >
      <TextField label={t('session.cancelReason')} value={reason} onChange={setReason} testId="cancel-reason" />
      <button type="submit" className="btn btn--danger">
        {t('session.cancel')}
      </button>
      <ProblemList problems={problems} title={t('session.refused')} />
    </form>
  );
}
