/**
 * What the MFA records during and after the infusion (§1.9, §1.10 item 5, §3): pain, sedation, dissociation,
 * nausea, a manual blood pressure, free text, and adverse events with any rescue medication given.
 */
import type { Problem } from '../settings';
import { problem } from '../messages';
import { FUTURE_TOLERANCE_MS, MAX_VOMITING_EPISODES, VITAL_RANGES } from './plausibility';
import { RESCUE_DRUGS, type RescueDrugId, type RescueRoute } from './rescueMedications';
import { isFilled } from './text';

export type Observation =
  | { kind: 'pain'; at: number; nrs: number }
  | { kind: 'sedation'; at: number; scale: 'rass' | 'moaas'; score: number }
  | { kind: 'dissociation'; at: number; score: number }
  | { kind: 'nausea'; at: number; score: number; vomitingEpisodes?: number }
  | { kind: 'bloodPressure'; at: number; systolicMmHg: number; diastolicMmHg: number; heartRate?: number; spo2?: number }
  | { kind: 'note'; at: number; text: string }
  | { kind: 'adverseEvent'; at: number; description: string; severity: AdverseEventSeverity; rescueMedication?: RescueMedication };
export type ObservationKind = Observation['kind'];

export const ADVERSE_EVENT_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type AdverseEventSeverity = (typeof ADVERSE_EVENT_SEVERITIES)[number];

/** A rescue drug of the list (§1.7) given for the adverse event it is recorded with; the unit is the drug's. */
export interface RescueMedication {
  drug: RescueDrugId;
  dose: number;
  unit: string;
  route: RescueRoute;
  at: number;
  /** User ids: who gave it (MFA or physician) and the physician who ordered it (i.v. sedatives: physicians, §1.6). */
  givenBy: number;
  orderedBy: number;
}

/** What an observation is checked against: the server clock, the session's start, the staff on record. */
export interface ObservationContext {
  now: number;
  /** The earliest plausible time: the check-in of the session. */
  earliest: number;
  /** Active clinical users by id, with their role. */
  staff: ReadonlyMap<number, 'mfa' | 'physician'>;
}

/** Score ranges (§3.1–3.4): NRS 0–10, RASS −5…+4, MOAA/S 0–5, dissociation 0–3, nausea 0–3 (verbal scale). */
export const SCORE_RANGE = {
  nrs: [0, 10],
  rass: [-5, 4],
  moaas: [0, 5],
  dissociation: [0, 3],
  nausea: [0, 3],
} as const satisfies Record<string, readonly [number, number]>;

const { systolicMmHg: SYSTOLIC_RANGE, diastolicMmHg: DIASTOLIC_RANGE, heartRate: HEART_RATE_RANGE, spo2: SPO2_RANGE } = VITAL_RANGES;
const MAX_TEXT_LENGTH = 4000;

export function validateObservation(observation: Observation, context: ObservationContext): Problem[] {
  const problems = timeProblems(observation.at, 'observation.at', context);
  switch (observation.kind) {
    case 'pain':
      return [...problems, ...scoreProblems('observation.nrsInvalid', observation.nrs, SCORE_RANGE.nrs)];
    case 'sedation':
      return [
        ...problems,
        ...scoreProblems(observation.scale === 'rass' ? 'observation.rassInvalid' : 'observation.moaasInvalid', observation.score, SCORE_RANGE[observation.scale]),
      ];
    case 'dissociation':
      return [...problems, ...scoreProblems('observation.dissociationInvalid', observation.score, SCORE_RANGE.dissociation)];
    case 'nausea': {
      const vomiting = observation.vomitingEpisodes;
      return [
        ...problems,
        ...scoreProblems('observation.nauseaInvalid', observation.score, SCORE_RANGE.nausea),
        ...(vomiting === undefined || (Number.isInteger(vomiting) && vomiting >= 0 && vomiting <= MAX_VOMITING_EPISODES) ? [] : [problem('observation.vomitingInvalid', { value: vomiting })]),
      ];
    }
    case 'bloodPressure':
      return [...problems, ...bloodPressureProblems(observation)];
    case 'note':
      return [...problems, ...textProblems(observation.text, 'observation.noteEmpty')];
    case 'adverseEvent':
      return [
        ...problems,
        ...textProblems(observation.description, 'observation.adverseEventDescriptionMissing'),
        ...(ADVERSE_EVENT_SEVERITIES.includes(observation.severity) ? [] : [problem('observation.adverseEventSeverityInvalid')]),
        ...(observation.rescueMedication === undefined ? [] : rescueMedicationProblems(observation.rescueMedication, observation.at, context)),
      ];
  }
}

type ScoreCode =
  | 'observation.nrsInvalid'
  | 'observation.rassInvalid'
  | 'observation.moaasInvalid'
  | 'observation.dissociationInvalid'
  | 'observation.nauseaInvalid';

function scoreProblems(code: ScoreCode, value: number, [min, max]: readonly [number, number]): Problem[] {
  return Number.isInteger(value) && value >= min && value <= max ? [] : [problem(code, { value })];
}

function bloodPressureProblems(bp: Extract<Observation, { kind: 'bloodPressure' }>): Problem[] {
  const within = (value: number, [min, max]: readonly [number, number]): boolean => Number.isFinite(value) && value >= min && value <= max;
  const problems: Problem[] = [];
  if (!within(bp.systolicMmHg, SYSTOLIC_RANGE) || !within(bp.diastolicMmHg, DIASTOLIC_RANGE) || bp.systolicMmHg <= bp.diastolicMmHg) {
    problems.push(problem('observation.bloodPressureImplausible', { systolic: bp.systolicMmHg, diastolic: bp.diastolicMmHg }));
  }
  if (bp.heartRate !== undefined && !within(bp.heartRate, HEART_RATE_RANGE)) {
    problems.push(problem('observation.heartRateImplausible', { value: bp.heartRate }));
  }
  if (bp.spo2 !== undefined && !within(bp.spo2, SPO2_RANGE)) problems.push(problem('observation.spo2Implausible', { value: bp.spo2 }));
  return problems;
}

function textProblems(text: string, emptyCode: 'observation.noteEmpty' | 'observation.adverseEventDescriptionMissing'): Problem[] {
  if (!isFilled(text)) return [problem(emptyCode)];
  return text.length > MAX_TEXT_LENGTH ? [problem('observation.textTooLong', { max: MAX_TEXT_LENGTH })] : [];
}

/** A time must be valid, not before the session and not in the future (server clock, small tolerance). */
function timeProblems(at: number, field: string, { now, earliest }: ObservationContext): Problem[] {
  if (!Number.isFinite(at)) return [problem('observation.timeInvalid', { field })];
  if (at < earliest) return [problem('observation.timeBeforeSession', { field })];
  if (at > now + FUTURE_TOLERANCE_MS) return [problem('observation.timeInFuture', { field, toleranceMin: FUTURE_TOLERANCE_MS / 60_000 })];
  return [];
}

function rescueMedicationProblems(rescue: RescueMedication, eventAt: number, context: ObservationContext): Problem[] {
  const drug = (RESCUE_DRUGS as Record<string, (typeof RESCUE_DRUGS)[RescueDrugId]>)[rescue.drug];
  const f = (name: string) => `observation.rescueMedication.${name}`;
  if (drug === undefined) return [problem('observation.rescueDrugMissing', { field: f('drug') })];
  const dose = rescue.dose;
  const times = timeProblems(rescue.at, f('at'), context);
  return [
    ...(Number.isFinite(dose) && dose >= drug.minDose && dose <= drug.maxDose
      ? []
      : [problem('observation.rescueDoseOutOfRange', { field: f('dose'), dose, unit: drug.unit, min: drug.minDose, max: drug.maxDose, drug: drug.name.en, drugDe: drug.name.de })]),
    ...(rescue.unit === drug.unit ? [] : [problem('observation.rescueUnitWrong', { field: f('unit'), unit: rescue.unit, expected: drug.unit })]),
    ...((drug.routes as readonly string[]).includes(rescue.route) ? [] : [problem('observation.rescueRouteMissing', { field: f('route') })]),
    // Given for this event, so not before it was observed.
    ...(times.length > 0 ? times : rescue.at >= eventAt ? [] : [problem('observation.rescueTimeInvalid', { field: f('at') })]),
    ...(context.staff.has(rescue.givenBy) ? [] : [problem('observation.rescueGivenByUnknown', { field: f('givenBy') })]),
    ...(context.staff.get(rescue.orderedBy) === 'physician' ? [] : [problem('observation.rescueOrderedByNotPhysician', { field: f('orderedBy') })]),
  ];
}
