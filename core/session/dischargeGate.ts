/**
 * The discharge gate (§1.11 app rule, hard stop): discharge is allowed only when every condition holds,
 * and the answer names every condition still missing. A physician may override with a written reason;
 * the caller writes that override to the audit log.
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';
import { isFilled } from './text';
import { escortConfirmationProblems, type Escort } from './escort';
import { dischargeScaleProblems } from './dischargeScale';
import { dischargeThreshold, DISCHARGE_SCALES, type DischargeScale } from './scales';

export interface DischargeInput {
  now: number;
  /** Stop of the infusion, epoch ms; undefined while the pump has not been stopped. */
  infusionStoppedAt?: number;
  escort?: Escort;
  /** The latest discharge score, from `scoreDischarge`, with the time it was taken. */
  dischargeScore?: { scale: DischargeScale; total: number; complete: boolean; at: number; otherScaleReason?: string };
  /** Patient acknowledged the discharge instructions (no driving, escort, contact number). */
  instructionsAcknowledged: boolean;
  /** High-priority alarms of this session not yet resolved, as counted by the alarm engine. */
  unresolvedHighPriorityAlarms: number;
  physicianRelease?: { physician: string; at: number };
  override?: DischargeOverride;
}

export interface DischargeOverride {
  physician: string;
  reason: string;
}

export interface DischargeRules {
  postInfusionObservationMin: number;
  noDrivingHours: number;
  threshold: (scale: DischargeScale) => number;
  /** The scale the clinic configured (setting dischargeScale); another one counts only with a written reason. */
  scale?: DischargeScale;
}

export function dischargeRules(settings: ClinicSettings): DischargeRules {
  return {
    postInfusionObservationMin: settings.postInfusionObservationMin,
    noDrivingHours: settings.noDrivingHours,
    threshold: (scale) => dischargeThreshold(scale, settings),
  };
}

export interface DischargeDecision {
  allowed: boolean;
  /** Every condition not met, also when an override allows discharge (so the audit shows what was overridden). */
  missing: Problem[];
  /** The override that allowed discharge despite missing conditions, for the audit log. */
  overriddenBy?: DischargeOverride;
}

const MS_PER_MIN = 60_000;

export function evaluateDischarge(input: DischargeInput, rules: DischargeRules): DischargeDecision {
  const infusion = infusionProblems(input, rules);
  const missing = [
    ...infusion,
    ...escortConfirmationProblems(input.escort),
    ...scoreProblems(input, rules),
    ...(input.instructionsAcknowledged ? [] : [problem('discharge.instructionsNotAcknowledged', { hours: rules.noDrivingHours })]),
    ...(input.unresolvedHighPriorityAlarms > 0
      ? [problem('discharge.highPriorityAlarmUnresolved', { count: input.unresolvedHighPriorityAlarms })]
      : []),
    ...(isFilled(input.physicianRelease?.physician) ? [] : [problem('discharge.physicianReleaseMissing')]),
  ];
  if (missing.length === 0) return { allowed: true, missing };
  if (input.override === undefined) return { allowed: false, missing };

  const overrideProblems = [
    ...(isFilled(input.override.physician) ? [] : [problem('discharge.overridePhysicianMissing')]),
    ...(isFilled(input.override.reason) ? [] : [problem('discharge.overrideReasonMissing')]),
    // No override sends a patient home with the pump still running.
    ...(input.infusionStoppedAt === undefined ? [problem('discharge.overrideWhileInfusionRunning')] : []),
  ];
  return overrideProblems.length === 0
    ? { allowed: true, missing, overriddenBy: input.override }
    : { allowed: false, missing: [...missing, ...overrideProblems] };
}

function infusionProblems(input: DischargeInput, rules: DischargeRules): Problem[] {
  if (input.infusionStoppedAt === undefined) return [problem('discharge.infusionNotStopped')];
  const observationEnd = input.infusionStoppedAt + rules.postInfusionObservationMin * MS_PER_MIN;
  if (input.now >= observationEnd) return [];
  return [
    problem('discharge.observationTimeNotOver', {
      remainingMin: Math.ceil((observationEnd - input.now) / MS_PER_MIN),
      observationMin: rules.postInfusionObservationMin,
    }),
  ];
}

function scoreProblems(input: DischargeInput, rules: DischargeRules): Problem[] {
  const score = input.dischargeScore;
  if (score === undefined) return [problem('discharge.scoreMissing')];
  const scale = DISCHARGE_SCALES[score.scale];
  const names = { scale: scale.en, scaleDe: scale.de };
  if (!score.complete) return [problem('discharge.scoreIncomplete', names)];
  if (input.infusionStoppedAt !== undefined && score.at < input.infusionStoppedAt) {
    return [problem('discharge.scoreBeforeInfusionEnd', names)];
  }
  const threshold = rules.threshold(score.scale);
  const wrongScale = rules.scale === undefined ? [] : dischargeScaleProblems(score.scale, rules.scale, score.otherScaleReason);
  return [...wrongScale, ...(score.total >= threshold ? [] : [problem('discharge.scoreBelowThreshold', { ...names, total: score.total, threshold })])];
}
