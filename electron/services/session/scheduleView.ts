/**
 * The observation schedule of a session as screens and alarms see it (core/session/observationSchedule.ts): the
 * typed observations and the chair monitor's cuff measurements, which count as blood-pressure observations.
 */
import type { ClinicSettings } from '../../../core/clinic/defaults';
import { rateIncreaseTimes } from '../../../core/dose/timeline';
import {
  bloodPressureIntervalMs,
  observationSchedule,
  scheduleRules,
  SCHEDULED_OBSERVATION_KINDS,
  type ObservationSchedule,
  type ScheduledObservationKind,
  type ScheduleInput,
} from '../../../core/session/observationSchedule';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import { observationMinOf, toDoseEvents } from './sessionView';

/** The schedule's input: the typed observations and the monitor's cuff measurements (`monitorCuffTimes`). */
function scheduleInput(bundle: SessionBundle, now: number, monitorCuffAt: readonly number[]): ScheduleInput | null {
  const s = bundle.session;
  if (s.startedAt === null) return null;
  return {
    infusionStartedAt: s.startedAt,
    ...(s.stoppedAt !== null ? { infusionStoppedAt: s.stoppedAt } : {}),
    now,
    rateIncreasedAt: rateIncreaseTimes(toDoseEvents(bundle)),
    done: [
      ...bundle.observations
        .filter((o) => (SCHEDULED_OBSERVATION_KINDS as readonly string[]).includes(o.kind))
        .map((o) => ({ kind: o.kind as ScheduledObservationKind, at: o.at, from: 'manual' as const })),
      ...monitorCuffAt.map((at) => ({ kind: 'bloodPressure' as const, at, from: 'monitor' as const })),
    ],
  };
}

/** The blood-pressure interval in force for a running or recovering session; null when none runs. */
export function bloodPressureIntervalOf(bundle: SessionBundle, settings: ClinicSettings, now: number, monitorCuffAt: readonly number[]): number | null {
  const input = scheduleInput(bundle, now, monitorCuffAt);
  if (!input || !isLive(bundle)) return null;
  try {
    return bloodPressureIntervalMs(input, { ...scheduleRules(settings), postInfusionObservationMin: observationMinOf(bundle, settings) });
  } catch {
    return null;
  }
}

function isLive(bundle: SessionBundle): boolean {
  const s = bundle.session.state;
  return s === 'running' || s === 'paused' || s === 'postObservation';
}

/**
 * The observation-due timers of a running or recovering session (core schedule), or null when none runs; the
 * monitor's cuff measurements count as blood-pressure observations.
 */
export function scheduleOf(bundle: SessionBundle, settings: ClinicSettings, now: number, monitorCuffAt: readonly number[] = []): ObservationSchedule | null {
  const input = scheduleInput(bundle, now, monitorCuffAt);
  if (!input || !isLive(bundle)) return null;
  try {
    return observationSchedule(input, { ...scheduleRules(settings), postInfusionObservationMin: observationMinOf(bundle, settings) });
  } catch {
    return null;
  }
}
