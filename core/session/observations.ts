/**
 * What the MFA records during and after the infusion (§1.9, §1.10 item 5, §3): pain, sedation, dissociation,
 * nausea, a manual blood pressure, free text, and adverse events with any rescue medication given.
 */
import type { Problem } from '../settings';
import { problem } from '../messages';
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

/** A rescue drug given for the adverse event it is recorded with (§1.7). */
export interface RescueMedication {
  drug: string;
  dose: number;
  unit: string;
  route: string;
  at: number;
}

/** Score ranges (§3.1–3.4): NRS 0–10, RASS −5…+4, MOAA/S 0–5, dissociation 0–3, nausea 0–3 (verbal scale). */
export const SCORE_RANGE = {
  nrs: [0, 10],
  rass: [-5, 4],
  moaas: [0, 5],
  dissociation: [0, 3],
  nausea: [0, 3],
} as const satisfies Record<string, readonly [number, number]>;

/** Manual blood pressure: wide plausibility bounds to catch typing errors, not clinical judgement. */
const SYSTOLIC_RANGE = [40, 300] as const;
const DIASTOLIC_RANGE = [20, 200] as const;
const HEART_RATE_RANGE = [20, 300] as const;
const SPO2_RANGE = [50, 100] as const;
const MAX_TEXT_LENGTH = 4000;

export function validateObservation(observation: Observation): Problem[] {
  const problems: Problem[] = Number.isFinite(observation.at) ? [] : [problem('observation.timeInvalid')];
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
        ...(vomiting === undefined || (Number.isInteger(vomiting) && vomiting >= 0) ? [] : [problem('observation.vomitingInvalid', { value: vomiting })]),
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
        ...(observation.rescueMedication === undefined ? [] : rescueMedicationProblems(observation.rescueMedication, observation.at)),
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

function rescueMedicationProblems(rescue: RescueMedication, eventAt: number): Problem[] {
  return [
    ...(isFilled(rescue.drug) ? [] : [problem('observation.rescueDrugMissing')]),
    ...(Number.isFinite(rescue.dose) && rescue.dose > 0 && isFilled(rescue.unit) ? [] : [problem('observation.rescueDoseMissing')]),
    ...(isFilled(rescue.route) ? [] : [problem('observation.rescueRouteMissing')]),
    // Given for this event, so not before it was observed.
    ...(Number.isFinite(rescue.at) && rescue.at >= eventAt ? [] : [problem('observation.rescueTimeInvalid')]),
  ];
}
