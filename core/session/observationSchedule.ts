/**
 * When the next observation is due (§1.6 [E], §4.3 item 3): blood pressure every 5 min for the first 30 min of
 * the infusion and again for 30 min after each rate increase, otherwise every 15 min; pain, sedation, dissociation and nausea every 15 min; every 15 min during
 * recovery until the post-infusion observation time is over. Each kind runs from its last recording,
 * as the MFA works: a late observation moves the next one back, it does not create a backlog.
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
  done: readonly { kind: ScheduledObservationKind; at: number }[];
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
  return next === undefined ? { overdue, due } : { next, overdue, due };
}

function nextDueAt(kind: ScheduledObservationKind, input: ScheduleInput, rules: ScheduleRules): number {
  const last = input.done
    .filter((o) => o.kind === kind && o.at >= input.infusionStartedAt && o.at <= input.now)
    .reduce((latest, o) => Math.max(latest, o.at), input.infusionStartedAt);
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
