/**
 * May the infusion start now? Checked when the checklist is completed and again at the start itself, because the
 * checklist and the prescription can still change in between and the weight ages: the checklist items, the
 * prescription against today's limits, and the prescription's weight against the weight just measured.
 */
import { checkPrescription, type DoseLimits } from '../dose/limits';
import { problem } from '../messages';
import type { Problem } from '../settings';
import { validateChecklist, type ChecklistConfirmations, type ChecklistRules, type PreInfusionChecklist } from './checklist';

export interface ReadinessInput {
  checklist: PreInfusionChecklist;
  confirmations: ChecklistConfirmations;
  /** The latest prescription with the limits of its substance, if there is one. */
  prescription?: {
    weightKg: number;
    concentrationMgPerMl: number;
    targetMgPerKgPerH: number;
    softLimitReason: string | null;
    limits: DoseLimits;
  };
}

/** Allowed difference between the checklist's and the prescription's weight (rounding of a typed decimal). */
const WEIGHT_TOLERANCE_KG = 0.05;

/**
 * Every reason the infusion may not start now; empty = it may. The checklist may be completed before the physician
 * prescribes (`prescriptionRequired` false); the start needs the prescription.
 */
export function readinessProblems(input: ReadinessInput, now: number, rules: ChecklistRules, prescriptionRequired: boolean): Problem[] {
  return [...validateChecklist(input.checklist, now, rules, input.confirmations), ...prescriptionProblems(input, prescriptionRequired)];
}

function prescriptionProblems({ checklist, prescription: p }: ReadinessInput, required: boolean): Problem[] {
  if (p === undefined) return required ? [problem('checklist.prescriptionMissing')] : [];
  const { weightKg, concentrationMgPerMl, targetMgPerKgPerH: mgPerKgPerH } = p;
  const check = checkPrescription(
    { kind: 'rate', mgPerKgPerH, weightKg, concentrationMgPerMl, ...(p.softLimitReason ? { softLimitReason: p.softLimitReason } : {}) },
    p.limits,
  );
  const weight = checklist.weight;
  return [
    ...(check.verdict === 'ok' ? [] : check.problems),
    // The rate is computed on the prescription's weight: it must be the weight just measured.
    ...(weight && Math.abs(weightKg - weight.kg) > WEIGHT_TOLERANCE_KG
      ? [problem('checklist.weightDiffersFromPrescription', { checklistKg: weight.kg, prescribedKg: weightKg })]
      : []),
  ];
}
