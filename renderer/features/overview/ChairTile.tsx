/**
 * One chair on the overview, readable from three metres: patient, times, rate and dose, the latest HR, SpO2,
 * NIBP and RR with unit and age (older values greyed), link status, the earliest due observation of any kind with
 * the session screen's countdown, discharge readiness. A chair in alarm takes the alarm colour (flashing for high
 * and medium, as the alarm bar) with its most urgent message. A chair whose session has ended shows that session,
 * not live vitals that belong to nobody. One click opens its session (or the chair screen when it has none).
 */
import { useTranslation } from 'react-i18next';
import type { AlarmStateDto } from '../../../core/api/methods/alarms';
import type { SessionDetail, SessionSummary } from '../../../core/api/methods/sessionSchemas';
import type { StoredReading } from '../../../core/api/schemas';
import type { ConditionCode } from '../../../core/alarms/codes';
import { alarmMessage } from '../../../core/alarms/messages';
import { VISUAL_SIGNALS } from '../../../core/alarms/tones';
import { isStale } from '../../../core/freshness';
import type { VitalParameter } from '../../../core/vitals';
import { Age } from '../../components/Age';
import { LinkBadge } from '../../components/LinkBadge';
import type { ChairLive } from '../../stores/liveStore';
import { lang } from '../alarms/AlarmBar';
import { hhmm } from '../../format';
import { DueLine } from '../session/ObservationRound';

interface Props {
  chair: ChairLive;
  alarms: AlarmStateDto | undefined;
  session: SessionDetail | undefined;
  /** The chair's last finished session when none is current. */
  finished?: SessionSummary | undefined;
  sessionsAvailable: boolean;
  now: number;
  onOpen(): void;
}

const duration = (ms: number) => {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')} h`;
};
const num = (v: number, digits: number, language: string) =>
  v.toLocaleString(language === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export function initials(given: string, family: string): string {
  return `${given.trim().charAt(0)}${family.trim().charAt(0)}`.toUpperCase();
}

export function ageYears(birthDate: string, now: number): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const today = new Date(now);
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

export function ChairTile({ chair, alarms, session, finished, sessionsAvailable, now, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const language = lang(i18n.language);
  const top = alarms?.alarms[0];
  const priority = alarms?.highestPriority ?? null;
  const unacknowledged = alarms?.alarms.some((a) => a.acknowledgedAt === null) ?? false;
  const l = chair.latest;
  // A value not yet stale (a cuff reading) stays shown while the link is down, but must not look live.
  const dimmed = chair.link.state !== 'receiving';
  const alarmParams = new Set((alarms?.alarms ?? []).map((a) => a.code.split('.')[0]));
  const cls = ['tile', priority ? `tile--${priority}` : '', priority && unacknowledged ? 'tile--flash' : ''].filter(Boolean).join(' ');

  return (
    <button className={cls} onClick={onOpen} data-testid={`tile-${chair.id}`} data-priority={priority ?? 'none'} data-session-id={session?.session.id ?? ''} aria-label={chair.name}>
      <header className="tile__head">
        <span className="tile__chair">{chair.name}</span>
        <span className="tile__patient" data-testid="tile-patient">
          {session ? `${initials(session.patient.givenName, session.patient.familyName)}, ${t('overview.age', { count: ageYears(session.patient.birthDate, now) })}` : t('overview.noPatient')}
        </span>
        <LinkBadge link={chair.link} />
      </header>

      {top ? (
        <div className={`tile__alarm tile__alarm--${top.priority}`} data-testid="tile-alarm" data-code={top.code} data-alarm-id={top.id}>
          {VISUAL_SIGNALS[top.priority].prefix} {alarmMessage(top.code as ConditionCode, top.params, language)}
          {alarms!.alarms.length > 1 ? ` (+${alarms!.alarms.length - 1})` : ''}
        </div>
      ) : (
        <div className="tile__alarm tile__alarm--none">{t('overview.noAlarm')}</div>
      )}

      {finished && !session ? (
        <div className="tile__finished" data-testid="tile-finished">
          {t('tile.finished', {
            status: t(`overview.status.${finished.status}`, { defaultValue: finished.status }),
            time: hhmm(finished.dischargedAt ?? finished.stoppedAt ?? finished.plannedFor),
          })}
        </div>
      ) : (
        <div className="tile__vitals">
          <Vital p="hr" unit="/min" label={t('params.hr')} reading={l.hr} now={now} dimmed={dimmed} alarm={alarmParams.has('hr')} />
          <Vital p="spo2" unit="%" label={t('params.spo2')} reading={l.spo2} now={now} dimmed={dimmed} alarm={alarmParams.has('spo2')} />
          <Vital
            p="nibpSys"
            unit="mmHg"
            label={t('params.nibp')}
            reading={l.nibpSys}
            now={now}
            dimmed={dimmed}
            alarm={alarmParams.has('nibpSys') || alarmParams.has('nibpDia')}
            text={l.nibpSys && l.nibpDia ? `${fmt(l.nibpSys.value)}/${fmt(l.nibpDia.value)}` : undefined}
          />
          <Vital p="respRate" unit="/min" label={t('params.respRate')} reading={l.respRate} now={now} dimmed={dimmed} alarm={alarmParams.has('respRate')} />
        </div>
      )}
      <div className="tile__session" data-testid="tile-session">
        {session ? <SessionLines session={session} now={now} language={language} /> : (
          <span className="muted">{sessionsAvailable ? t('overview.noSession') : t('overview.sessionsUnavailable')}</span>
        )}
      </div>
    </button>
  );
}

function SessionLines({ session, now, language }: { session: SessionDetail; now: number; language: string }) {
  const { t } = useTranslation();
  const s = session.session;
  const dose = session.dose;
  const rx = session.prescription;
  const running = dose?.pumpPhase === 'running' || dose?.pumpPhase === 'paused';
  const elapsed = s.startedAt ? (s.stoppedAt ?? now) - s.startedAt : null;
  const d = session.discharge;
  return (
    <>
      <div className="tile__line">
        <span>{t(`overview.status.${s.status}`, { defaultValue: s.status })}</span>
        <span>{elapsed !== null ? t('overview.elapsed', { time: duration(elapsed) }) : t('overview.plannedFor', { time: hhmm(s.plannedFor) })}</span>
        {elapsed !== null && <span className="muted">{t('overview.plannedFor', { time: hhmm(s.plannedFor) })}</span>}
      </div>
      <div className="tile__line tile__line--big" data-testid="tile-rate">
        {running && dose ? (
          <>
            <span>{t('overview.rate', { ml: num(dose.rateMlPerH, 1, language), mgkg: num(dose.rateMgPerKgPerH, 2, language) })}</span>
            <span>{t('overview.dose', { mg: num(dose.totalMg, 1, language), mgkg: num(dose.mgPerKg, 3, language) })}</span>
          </>
        ) : dose ? (
          <span>{t('overview.dose', { mg: num(dose.totalMg, 1, language), mgkg: num(dose.mgPerKg, 3, language) })}</span>
        ) : rx ? (
          <span>{t('overview.prescribed', { ml: num(rx.pumpRateMlPerH, 1, language), mgkg: num(rx.targetMgPerKgPerH, 2, language) })}</span>
        ) : (
          <span className="muted">{t('overview.noPrescription')}</span>
        )}
      </div>
      {session.pendingRateOrder && (
        <div className="tile__line tile__pending" data-testid="tile-pending-rate">
          {t('rateOrder.tile', { rate: num(session.pendingRateOrder.rateMlPerH, 1, language) })}
        </div>
      )}
      <div className="tile__line">
        <DueLine detail={session} now={now} />
        <span className={d.allowed ? 'tile__ready' : 'tile__not-ready'} data-testid="tile-discharge">
          {d.allowed
            ? t('overview.dischargeReady')
            : d.observationEndsAt && d.observationEndsAt > now
              ? t('overview.dischargeAt', { time: hhmm(d.observationEndsAt) })
              : t('overview.dischargeMissing', { count: d.missing.length })}
        </span>
      </div>
    </>
  );
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(Math.round(v)));

/** A value older than this is greyed (still shown with its age): it is not what the patient has now. */
const OLD_MS = 30_000;

function Vital(props: { p: VitalParameter; label: string; unit: string; reading: StoredReading | undefined; now: number; alarm: boolean; dimmed: boolean; text?: string }) {
  const { t } = useTranslation();
  const r = props.reading;
  const stale = !r || isStale(props.p, r.receivedAt, props.now);
  const old = !stale && props.now - r.receivedAt > OLD_MS;
  const value = stale ? t('vitals.noData') : r.state !== 'valid' ? t(`vitals.${r.state}`) : (props.text ?? fmt(r.value));
  return (
    <div className={`tile-vital tile-vital--${props.p}${props.alarm ? ' tile-vital--alarm' : ''}${props.dimmed || old ? ' tile-vital--dimmed' : ''}${stale || r?.state !== 'valid' ? ' tile-vital--nodata' : ''}`} data-testid={`tile-${props.p}`}>
      <span className="tile-vital__label">
        {props.label} <span className="tile-vital__unit">{props.unit}</span>
      </span>
      <span className="tile-vital__value">{value}</span>
      <span className="tile-vital__age">{r ? <Age since={r.receivedAt} now={props.now} /> : '–'}</span>
    </div>
  );
}
