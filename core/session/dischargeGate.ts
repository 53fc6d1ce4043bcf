/**
 * The discharge gate (§1.11 app rule, hard stop), a function of the whole record: discharge is allowed only when every
 * condition holds, and the answer names every condition still missing. A score and a release count only when taken
 * after the latest adverse event, abnormal observation and high-priority alarm.
 * A physician may override single criteria by name, with a written reason (the caller checks the password again).
 * Never overridable: the pump still running and the way home (pickup person or taxi) — an emergency is a transfer.
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';
import { isFilled } from './text';
import { escortConfirmationProblems, type Escort } from './escort';
import type { HighAlarmHistory } from './dischargeRecord';
import { dischargeScaleProblems } from './dischargeScale';
import { dischargeThreshold, DISCHARGE_SCALES, type DischargeScale } from './scales';

/** The criteria a physician may override, each by name. */
export const OVERRIDABLE_CRITERIA = ['observationTime', 'score', 'instructions', 'highAlarm'] as const;
export type OverridableCriterion = (typeof OVERRIDABLE_CRITERIA)[number];
export type DischargeCriterion = OverridableCriterion | 'infusion' | 'escort' | 'release';

export interface DischargeInput {
  now: number;
  /** Stop of the infusion, epoch ms; undefined while the pump has not been stopped. */
  infusionStoppedAt?: number;
  escort?: Escort;
  /** The latest discharge score, from `scoreDischarge`, with the time it was taken. */
  dischargeScore?: { scale: DischargeScale; total: number; complete: boolean; at: number; otherScaleReason?: string };
  /** Patient acknowledged the discharge instructions (no driving, escort, contact number). */
  instructionsAcknowledged: boolean;
  physicianRelease?: { physician: string; at: number };
  /** From `latestEvents` (dischargeRecord.ts). */
  latestAdverseEventAt?: number;
  latestAbnormalObservationAt?: number;
  /** From `highAlarmHistory` over the stored alarm log. */
  highAlarms: HighAlarmHistory;
  override?: DischargeOverride;
}

export interface DischargeOverride {
  physician: string;
  reason: string;
  criteria: readonly OverridableCriterion[];
}

export interface DischargeRules {
  postInfusionObservationMin: number;
  noDrivingHours: number;
  noHighAlarmWithinMin: number;
  threshold: (scale: DischargeScale) => number;
  /** The scale the clinic configured (setting dischargeScale); another one counts only with a written reason. */
  scale?: DischargeScale;
}

export function dischargeRules(settings: ClinicSettings): DischargeRules {
  return {
    postInfusionObservationMin: settings.postInfusionObservationMin,
    noDrivingHours: settings.noDrivingHours,
    noHighAlarmWithinMin: settings.noHighAlarmWithinMin,
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

interface Check {
  criterion: DischargeCriterion;
  problems: Problem[];
}

export function evaluateDischarge(input: DischargeInput, rules: DischargeRules): DischargeDecision {
  const checks = criteriaChecks(input, rules);
  const missing = checks.flatMap((c) => c.problems);
  if (missing.length === 0) return { allowed: true, missing };
  const override = input.override;
  if (override === undefined) return { allowed: false, missing };

  const named = new Set(override.criteria);
  const unmet = new Set(checks.filter((c) => c.problems.length > 0).map((c) => c.criterion));
  // The override is the physician's release, given now.
  const remaining = checks.filter((c) => c.criterion !== 'release' && !named.has(c.criterion as OverridableCriterion)).flatMap((c) => c.problems);
  const overrideProblems = [
    ...(isFilled(override.physician) ? [] : [problem('discharge.overridePhysicianMissing')]),
    ...(isFilled(override.reason) ? [] : [problem('discharge.overrideReasonMissing')]),
    ...(override.criteria.length === 0 ? [problem('discharge.overrideCriteriaMissing')] : []),
    ...OVERRIDABLE_CRITERIA.filter((c) => named.has(c) && !unmet.has(c)).map((criterion) => problem('discharge.overrideCriterionMet', { criterion })),
    ...(unmet.has('escort') ? [problem('discharge.escortNotOverridable')] : []),
  ];
  const refusals = [...remaining, ...overrideProblems];
  return refusals.length === 0 ? { allowed: true, missing, overriddenBy: override } : { allowed: false, missing: refusals };
}

function criteriaChecks(input: DischargeInput, rules: DischargeRules): Check[] {
  const latest = latestEvent(input);
  return [
    { criterion: 'infusion', problems: infusionProblems(input) },
    { criterion: 'observationTime', problems: observationTimeProblems(input, rules) },
    { criterion: 'escort', problems: escortConfirmationProblems(input.escort) },
    { criterion: 'score', problems: scoreProblems(input, rules, latest) },
    {
      criterion: 'instructions',
      problems: input.instructionsAcknowledged ? [] : [problem('discharge.instructionsNotAcknowledged', { hours: rules.noDrivingHours })],
    },
    { criterion: 'highAlarm', problems: highAlarmProblems(input, rules) },
    { criterion: 'release', problems: releaseProblems(input, latest) },
  ];
}

const EVENT_NAMES = {
  adverseEvent: { event: 'an adverse event', eventDe: 'einem unerwünschten Ereignis' },
  abnormalObservation: { event: 'an abnormal observation', eventDe: 'einer auffälligen Beobachtung' },
  highAlarm: { event: 'a high-priority alarm', eventDe: 'einem Alarm hoher Priorität' },
} as const;

/** The latest of adverse event, abnormal observation and high alarm: a score or release must be later. */
function latestEvent(input: DischargeInput): { at: number; kind: keyof typeof EVENT_NAMES } | undefined {
  const candidates = [
    { at: input.latestAdverseEventAt, kind: 'adverseEvent' as const },
    { at: input.latestAbnormalObservationAt, kind: 'abnormalObservation' as const },
    { at: input.highAlarms.lastActiveAt, kind: 'highAlarm' as const },
  ].filter((c): c is { at: number; kind: keyof typeof EVENT_NAMES } => c.at !== undefined);
  return candidates.reduce<(typeof candidates)[number] | undefined>((a, b) => (a === undefined || b.at > a.at ? b : a), undefined);
}

function infusionProblems(input: DischargeInput): Problem[] {
  return input.infusionStoppedAt === undefined ? [problem('discharge.infusionNotStopped')] : [];
}

function observationTimeProblems(input: DischargeInput, rules: DischargeRules): Problem[] {
  if (input.infusionStoppedAt === undefined) return [];
  const observationEnd = input.infusionStoppedAt + rules.postInfusionObservationMin * MS_PER_MIN;
  if (input.now >= observationEnd) return [];
  return [
    problem('discharge.observationTimeNotOver', {
      remainingMin: Math.ceil((observationEnd - input.now) / MS_PER_MIN),
      observationMin: rules.postInfusionObservationMin,
    }),
  ];
}

function scoreProblems(input: DischargeInput, rules: DischargeRules, latest: ReturnType<typeof latestEvent>): Problem[] {
  const score = input.dischargeScore;
  if (score === undefined) return [problem('discharge.scoreMissing')];
  const scale = DISCHARGE_SCALES[score.scale];
  const names = { scale: scale.en, scaleDe: scale.de };
  if (!score.complete) return [problem('discharge.scoreIncomplete', names)];
  if (input.infusionStoppedAt !== undefined && score.at < input.infusionStoppedAt) {
    return [problem('discharge.scoreBeforeInfusionEnd', names)];
  }
  if (latest !== undefined && score.at <= latest.at) return [problem('discharge.scoreBeforeLatestEvent', { ...names, ...EVENT_NAMES[latest.kind] })];
  const threshold = rules.threshold(score.scale);
  const wrongScale = rules.scale === undefined ? [] : dischargeScaleProblems(score.scale, rules.scale, score.otherScaleReason);
  return [...wrongScale, ...(score.total >= threshold ? [] : [problem('discharge.scoreBelowThreshold', { ...names, total: score.total, threshold })])];
}

function highAlarmProblems(input: DischargeInput, rules: DischargeRules): Problem[] {
  const { active, lastActiveAt } = input.highAlarms;
  if (active > 0) return [problem('discharge.highPriorityAlarmUnresolved', { count: active })];
  if (lastActiveAt === undefined || input.now - lastActiveAt >= rules.noHighAlarmWithinMin * MS_PER_MIN) return [];
  return [
    problem('discharge.highAlarmRecent', {
      withinMin: rules.noHighAlarmWithinMin,
      remainingMin: Math.ceil((lastActiveAt + rules.noHighAlarmWithinMin * MS_PER_MIN - input.now) / MS_PER_MIN),
    }),
  ];
}

function releaseProblems(input: DischargeInput, latest: ReturnType<typeof latestEvent>): Problem[] {
  const release = input.physicianRelease;
  if (!isFilled(release?.physician)) return [problem('discharge.physicianReleaseMissing')];
  return latest !== undefined && release.at <= latest.at ? [problem('discharge.releaseBeforeLatestEvent', EVENT_NAMES[latest.kind])] : [];
}
