/**
 * After the stop: the observation countdown, escort confirmation, discharge score, instructions, physician release,
 * and the discharge gate listing every missing condition in words; a physician may override single criteria (never the
 * escort) with reason and password, or end the session in an emergency as a transfer.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escort } from '../../../core/session/escort';
import type { PreInfusionChecklist } from '../../../core/session/checklist';
import type { Problem } from '../../../core/settings';
import { ProblemList, useLang } from '../../components/ProblemList';
import { dateTime, hhmm, toLocalInput } from '../../format';
import { chosenTime, DEFAULT_TIME, TimeChoice, type TimeChoiceValue } from '../session/TimeChoice';
import type { SessionHandle } from '../session/useSession';
import { cleanEscort, EscortFields, escortText } from './EscortFields';
import { OverrideForm } from './OverrideForm';
import { TransferForm } from './TransferForm';
import { ScoreForm } from './ScoreForm';
import { useMay } from '../auth/useMay';

export function DischargePanel({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = handle.detail!;
  const d = detail.discharge;
  const id = detail.session.id;
  const discharged = detail.session.status === 'discharged';
  const ended = discharged || detail.session.status === 'transferred';
  const mayRelease = useMay('discharge.release');
  const mayOverride = useMay('discharge.override');
  const mayTransfer = useMay('discharge.transfer');
  const [refusal, setRefusal] = useState<Problem[]>([]);
  const stamp = (s: { userName: string; at: number }) => t('session.by', { name: s.userName, time: hhmm(s.at) });
  const criteria = (list: readonly string[]) => list.map((c) => t(`discharge.criteria.${c}`)).join(', ');

  return (
    <section className="panel discharge" data-testid="discharge">
      <h3>{t('discharge.title')}</h3>
      {discharged && detail.session.dischargedAt !== null && (
        <p className="ok-banner" data-testid="discharged">
          ✓ {t('discharge.dischargedAt', { time: dateTime(detail.session.dischargedAt, lang) })}
        </p>
      )}
      {detail.transfer && <TransferDone transfer={detail.transfer} />}
      {d.override && (
        <p className="warn-text" data-testid="override-shown">
          {t('discharge.overridden', { by: stamp(d.override.by), criteria: criteria(d.override.criteria), reason: d.override.reason })}
        </p>
      )}
      {!ended && (
        <>
          <EscortConfirm handle={handle} />
          <ScoreForm handle={handle} />
          <div className="subform">
            <h4>{t('discharge.instructions')}</h4>
            {d.instructionsAcknowledged ? (
              <p className="ok-text">✓ {t('discharge.acknowledged', { by: stamp(d.instructionsAcknowledged) })}</p>
            ) : (
              <button className="btn" data-testid="ack-instructions" onClick={async () => setRefusal(await handle.run('discharge.acknowledgeInstructions', { sessionId: id }))}>
                {t('discharge.acknowledge')}
              </button>
            )}
          </div>
          <div className="subform">
            {d.physicianRelease ? (
              <p className="ok-text" data-testid="released">
                ✓ {t('discharge.released', { by: stamp(d.physicianRelease) })}
              </p>
            ) : mayRelease ? (
              <button className="btn" data-testid="physician-release" onClick={async () => setRefusal(await handle.run('discharge.release', { sessionId: id }))}>
                {t('discharge.release')}
              </button>
            ) : (
              <p className="muted" data-testid="release-pending">{t('pending.release')}</p>
            )}
          </div>
          {d.unresolvedHighPriorityAlarms > 0 && <p className="warn-text">{t('discharge.alarms', { count: d.unresolvedHighPriorityAlarms })}</p>}
          <div className={d.allowed ? 'gate gate--ok' : 'gate'} data-testid="gate">
            {d.allowed ? (
              <p className="ok-text">✓ {t('discharge.gateOk')}</p>
            ) : (
              <ProblemList problems={d.missing} title={t('discharge.gateMissing')} tone="info" testId="gate-missing" />
            )}
            <button
              className="btn btn--primary btn--big"
              data-testid="discharge-button"
              onClick={async () => setRefusal(await handle.run('discharge.discharge', { sessionId: id }))}
            >
              {t('discharge.discharge')}
            </button>
          </div>
          <ProblemList problems={refusal} title={t('discharge.refused')} testId="discharge-refusal" />
          {(mayOverride || mayTransfer) && (
            <div className="emergency">
              {mayOverride && <OverrideForm handle={handle} />}
              {mayTransfer && <TransferForm handle={handle} />}
            </div>
          )}
        </>
      )}
      {discharged && d.escort && <p>{t('escort.confirmed', { text: escortText(d.escort.escort) })}</p>}
    </section>
  );
}

export function TransferDone({ transfer }: { transfer: NonNullable<SessionHandle['detail']>['transfer'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!transfer) return null;
  return (
    <p className="warn-text" data-testid="transferred">
      {t('transfer.done', { time: dateTime(transfer.by.at, lang), to: transfer.handedOverTo, destination: transfer.destination, reason: transfer.reason, by: transfer.by.userName })}
    </p>
  );
}

function EscortConfirm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const detail = handle.detail!;
  const confirmed = detail.discharge.escort;
  const planned = (detail.checklist.items as PreInfusionChecklist).escort;
  const [escort, setEscort] = useState<Escort>(confirmed?.escort ?? planned ?? { kind: 'person' });
  // By default the escort is here now and the confirmation's time is the arrival (issue 12: one field less);
  // an expected arrival is "another time", typed.
  const confirmedAt = confirmed?.escort.arrivalAt;
  const [arrival, setArrival] = useState<TimeChoiceValue>(confirmedAt === undefined ? DEFAULT_TIME : { chosen: true, text: toLocalInput(confirmedAt) });
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const arrivalAt = arrival.chosen ? chosenTime(arrival) : Date.now() + handle.offsetMs;
    const { arrivalAt: _typed, ...rest } = cleanEscort(escort);
    const given = arrivalAt === undefined ? rest : { ...rest, arrivalAt };
    setProblems(await handle.run('discharge.confirmEscort', { sessionId: detail.session.id, escort: given }));
  };
  const arrivalField = (
    <TimeChoice label={t('escort.arrival')} defaultLabel={t('escort.arrivedNow')} value={arrival} onChange={setArrival} testId="dc-escort-arrival" />
  );
  return (
    <form className="subform" onSubmit={submit} data-testid="escort-confirm">
      <h4>{t('escort.confirm')}</h4>
      {confirmed && (
        <p className="ok-text" data-testid="escort-confirmed">
          ✓ {t('escort.confirmed', { text: escortText(confirmed.escort) })}
          {confirmedAt !== undefined && ` · ${t('escort.arrival')} ${hhmm(confirmedAt)}`} ({confirmed.confirmed.userName})
        </p>
      )}
      <EscortFields value={escort} onChange={setEscort} withArrival arrival={arrivalField} testPrefix="dc-escort" />
      <ProblemList problems={problems} title={t('session.refused')} testId="escort-refusal" />
      <button type="submit" className="btn btn--primary" data-testid="escort-save">
        {t('escort.confirm')}
      </button>
    </form>
  );
}
