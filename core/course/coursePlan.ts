/**
 * A course of infusions: weekly (one infusion a week) or daily (consecutive days), with its indication and the
 * therapies that failed before. `validateCoursePlan` names every problem of the plan.
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';
import { isFilled } from '../session/text';
import { isPainIndication, type Indication } from './indication';

export type CourseKind = 'weekly' | 'daily';

export interface PriorTherapy {
  therapy: string;
  /** Why it was stopped, e.g. no effect or side effects. */
  outcome?: string;
}

export interface CoursePlan {
  kind: CourseKind;
  /** Weekly: number of infusions; daily: number of days. */
  plannedInfusions: number;
  indication: Indication;
  /** ICD-10-GM code of the indication (§1.5). */
  icd10?: string;
  /** Required for a psychiatric indication: who attested it and when. */
  psychiatristAttestation?: { psychiatrist: string; at: number };
  priorFailedTherapies: readonly PriorTherapy[];
}

export interface CourseRules {
  weeklyMinInfusions: number;
  weeklyMaxInfusions: number;
  dailyMinDays: number;
  dailyMaxDays: number;
}

export function courseRules(settings: ClinicSettings): CourseRules {
  return {
    weeklyMinInfusions: settings.weeklyCourseMinInfusions,
    weeklyMaxInfusions: settings.weeklyCourseMaxInfusions,
    dailyMinDays: settings.dailyCourseMinDays,
    dailyMaxDays: settings.dailyCourseMaxDays,
  };
}

export function validateCoursePlan(plan: CoursePlan, rules: CourseRules): Problem[] {
  return [...lengthProblems(plan, rules), ...indicationProblems(plan), ...priorTherapyProblems(plan)];
}

function lengthProblems({ kind, plannedInfusions: n }: CoursePlan, rules: CourseRules): Problem[] {
  const [min, max] = kind === 'weekly' ? [rules.weeklyMinInfusions, rules.weeklyMaxInfusions] : [rules.dailyMinDays, rules.dailyMaxDays];
  if (Number.isInteger(n) && n >= min && n <= max) return [];
  return [problem(kind === 'weekly' ? 'course.weeklyLengthOutOfRange' : 'course.dailyLengthOutOfRange', { count: n, min, max })];
}

function indicationProblems(plan: CoursePlan): Problem[] {
  if (isPainIndication(plan.indication)) return [];
  const attestation = plan.psychiatristAttestation;
  return attestation !== undefined && isFilled(attestation.psychiatrist) ? [] : [problem('course.psychiatricIndicationWithoutAttestation')];
}

function priorTherapyProblems(plan: CoursePlan): Problem[] {
  return plan.priorFailedTherapies.some((t) => !isFilled(t.therapy)) ? [problem('course.priorTherapyNameMissing')] : [];
}
