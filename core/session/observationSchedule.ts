/**
 * When the next observation is due (§1.6 [E], §4.3 item 3): blood pressure every 5 min for the first 30 min of
 * the infusion and again for 30 min after each rate increase, otherwise every 15 min; pain, sedation, dissociation and nausea every 15 min; every 15 min during
 * recovery until the post-infusion observation time is over. Each kind runs from its last recording,
 * as the MFA works: a late observation moves the next one back, it does not create a backlog.
 * A cuff measurement of the chair's monitor is a blood-pressure observation: the MFA does not type it again, and
 * the schedule says which kind the last one was.
 */
import type { ClinicSettings } from '../clinic/defaults';

export const SCHEDULED_OBSERVATION_KINDS = ['bloodPressure', 'pain', 'sedation', 'dissociation', 'nausea'] as const;
export type ScheduledObservationKind = (typeof SCHEDULED_OBSERVATION_KINDS)[number];

export interface ScheduleRules {
  bloodPressureEarlyIntervalMin: number;
  bloodPressureEarlyPhaseMin: number;
  bloodPressureIntervalMin: number;
  scaleIntervalMin: number;
  recoveryIntervalMin: number;
  postInfusionObservationMin: number;
}

export function scheduleRules(settings: ClinicSettings): ScheduleRules {
  return {
    bloodPressureEarlyIntervalMin: settings.bloodPressureEarlyIntervalMin,
    bloodPressureEarlyPhaseMin: settings.bloodPressureEarlyPhaseMin,
    bloodPressureIntervalMin: settings.bloodPressureIntervalMin,
    scaleIntervalMin: settings.scaleIntervalMin,
    recoveryIntervalMin: settings.recoveryIntervalMin,
    postInfusionObservationMin: settings.postInfusionObservationMin,
  };
}

export interface ScheduleInput {
  infusionStartedAt: number;
  infusionStoppedAt?: number;
  now: number;
  /** Times the rate was raised (from `rateIncreaseTimes`): each restarts the 5-min blood-pressure phase. */
  rateIncreasedAt?: readonly number[];
  /** Observations recorded so far; a blood pressure from the monitor's NIBP counts like a manual one. */
  done: readonly { kind: ScheduledObservationKind; at: number; from?: 'monitor' | 'manual' }[];
}

export interface ObservationDue {
  kind: ScheduledObservationKind;
  dueAt: number;
  /** How late it is at `now`; 0 when not yet late. */
  overdueByMs: number;
}

export interface ObservationSchedule {
  /** The next observation that is not yet late; undefined when none is left before the observation time ends. */
  next?: ObservationDue;
  /** Late observations, most late first. */
  overdue: ObservationDue[];
  /** Every kind's next due time, earliest first. */
  due: ObservationDue[];
  /** The newest blood pressure since the start: typed by the MFA or measured by the monitor's cuff. */
  lastBloodPressure?: { at: number; from: 'monitor' | 'manual' };
}

/** Cuff values of the monitor as stored: a new measurement where the value changes or after a pause of the NIBP. */
const CUFF_GAP_MS = 60_000;

export function monitorCuffTimes(samples: readonly { t: number; value: number | null; state: string }[]): number[] {
  const times: number[] = [];
  let previous: { t: number; value: number } | null = null;
  for (const s of samples) {
    if (s.value === null || (s.state !== 'valid' && s.state !== 'questionable')) continue;
    if (previous === null || s.value !== previous.value || s.t - previous.t > CUFF_GAP_MS) times.push(s.t);
    previous = { t: s.t, value: s.value };
  }
  return times;
}

const MS_PER_MIN = 60_000;

export function observationSchedule(input: ScheduleInput, rules: ScheduleRules): ObservationSchedule {
  const observationEnd =
    input.infusionStoppedAt === undefined ? Infinity : input.infusionStoppedAt + rules.postInfusionObservationMin * MS_PER_MIN;
  const due = SCHEDULED_OBSERVATION_KINDS.map((kind) => {
    const dueAt = nextDueAt(kind, input, rules);
    return { kind, dueAt, overdueByMs: Math.max(0, input.now - dueAt) };
  })
    .filter((item) => item.dueAt <= observationEnd)
    .sort((a, b) => a.dueAt - b.dueAt);
  const overdue = due.filter((item) => item.overdueByMs > 0).sort((a, b) => b.overdueByMs - a.overdueByMs);
  const next = due.find((item) => item.overdueByMs === 0);
  const last = lastOf('bloodPressure', input);
  const lastBloodPressure = last ? { lastBloodPressure: { at: last.at, from: last.from ?? 'manual' } } : {};
  return next === undefined ? { overdue, due, ...lastBloodPressure } : { next, overdue, due, ...lastBloodPressure };
}

/** The blood-pressure interval in force now (early phase, regular, recovery): what a stale NIBP is judged against. */
export function bloodPressureIntervalMs(input: ScheduleInput, rules: ScheduleRules): number {
  const last = lastOf('bloodPressure', input)?.at ?? input.infusionStartedAt;
  return nextDueAt('bloodPressure', input, rules) - Math.max(last, input.infusionStartedAt);
}

function lastOf(kind: ScheduledObservationKind, input: ScheduleInput) {
  return input.done
    .filter((o) => o.kind === kind && o.at >= input.infusionStartedAt && o.at <= input.now)
    .reduce<ScheduleInput['done'][number] | undefined>((latest, o) => (latest === undefined || o.at >= latest.at ? o : latest), undefined);
}

function nextDueAt(kind: ScheduledObservationKind, input: ScheduleInput, rules: ScheduleRules): number {
  const last = Math.max(lastOf(kind, input)?.at ?? input.infusionStartedAt, input.infusionStartedAt);
  if (input.infusionStoppedAt !== undefined && last >= input.infusionStoppedAt) return last + rules.recoveryIntervalMin * MS_PER_MIN;
  if (kind !== 'bloodPressure') return last + rules.scaleIntervalMin * MS_PER_MIN;

  // The 5-min phase runs from the start or from the latest rate increase, whichever is later.
  const phaseStart = (input.rateIncreasedAt ?? [])
    .filter((at) => at <= input.now && (input.infusionStoppedAt === undefined || at < input.infusionStoppedAt))
    .reduce((latest, at) => Math.max(latest, at), input.infusionStartedAt);
  const early = rules.bloodPressureEarlyIntervalMin * MS_PER_MIN;
  if (last < phaseStart) return Math.min(last + rules.bloodPressureIntervalMin * MS_PER_MIN, phaseStart + early);
  const inEarlyPhase = last - phaseStart < rules.bloodPressureEarlyPhaseMin * MS_PER_MIN;
  return last + (inEarlyPhase ? early : rules.bloodPressureIntervalMin * MS_PER_MIN);
}
