/**
 * The pre-infusion checklist (clinical-requirements §1.5, §1.6, §5.2): the infusion may not start until
 * every item is there. `validateChecklist` names every missing or failing item, not just the first.
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';
import { escortPlanProblems, type Escort } from './escort';
import { isFilled } from './text';

export interface PreInfusionChecklist {
  /** Signed off-label consent (§5.2), with the version of the information sheet it was given on. */
  offLabelConsent?: { signedAt: number; infoSheetVersion: string; offLabelClause: boolean; safetyBriefingGiven: boolean };
  /** Contraindications of §1.3 asked and confirmed by a physician. */
  contraindications?: { confirmedBy: string; at: number; absoluteContraindicationFound: boolean };
  weight?: { kg: number; measuredAt: number };
  baselineVitals?: {
    source: 'monitor' | 'manual';
    at: number;
    systolicMmHg?: number;
    diastolicMmHg?: number;
    heartRate?: number;
    spo2?: number;
  };
  baselinePainNrs?: number;
  /** Time of the last solid food, as the patient states it. */
  fasting?: { lastMealAt: number };
  escort?: Escort;
  /** The physician responsible for this infusion, on site (§1.6). */
  responsiblePhysician?: { name: string; onSite: boolean };
}

export interface ChecklistRules {
  /** The information-sheet version in use: a consent on an older version needs re-consent (§5.2). */
  currentInfoSheetVersion: string;
  minPlausibleWeightKg: number;
  maxPlausibleWeightKg: number;
  maxWeightAgeDays: number;
  contraindicationSystolicMmHg: number;
  contraindicationDiastolicMmHg: number;
  minFastingHours: number | null;
}

export function checklistRules(settings: ClinicSettings, currentInfoSheetVersion: string): ChecklistRules {
  return {
    currentInfoSheetVersion,
    minPlausibleWeightKg: settings.minPlausibleWeightKg,
    maxPlausibleWeightKg: settings.maxPlausibleWeightKg,
    maxWeightAgeDays: settings.maxWeightAgeDays,
    contraindicationSystolicMmHg: settings.contraindicationSystolicMmHg,
    contraindicationDiastolicMmHg: settings.contraindicationDiastolicMmHg,
    minFastingHours: settings.minFastingHours,
  };
}

const MS_PER_H = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_H;

/** Every missing or failing item; an empty list means the infusion may start. */
export function validateChecklist(checklist: PreInfusionChecklist, now: number, rules: ChecklistRules): Problem[] {
  return [
    ...consentProblems(checklist, rules),
    ...contraindicationProblems(checklist),
    ...weightProblems(checklist, now, rules),
    ...baselineVitalsProblems(checklist, rules),
    ...baselinePainProblems(checklist),
    ...fastingProblems(checklist, now, rules),
    ...escortPlanProblems(checklist.escort),
    ...physicianProblems(checklist),
  ];
}

function consentProblems({ offLabelConsent: consent }: PreInfusionChecklist, rules: ChecklistRules): Problem[] {
  if (consent === undefined) return [problem('checklist.consentMissing')];
  return [
    ...(consent.infoSheetVersion === rules.currentInfoSheetVersion
      ? []
      : [problem('checklist.consentOutdated', { signed: consent.infoSheetVersion, current: rules.currentInfoSheetVersion })]),
    ...(consent.offLabelClause ? [] : [problem('checklist.offLabelClauseMissing')]),
    ...(consent.safetyBriefingGiven ? [] : [problem('checklist.safetyBriefingMissing')]),
  ];
}

function contraindicationProblems({ contraindications }: PreInfusionChecklist): Problem[] {
  if (contraindications === undefined || !isFilled(contraindications.confirmedBy)) return [problem('checklist.contraindicationsNotAsked')];
  return contraindications.absoluteContraindicationFound ? [problem('checklist.contraindicationPresent')] : [];
}

function weightProblems({ weight }: PreInfusionChecklist, now: number, rules: ChecklistRules): Problem[] {
  if (weight === undefined) return [problem('checklist.weightMissing')];
  const { minPlausibleWeightKg: min, maxPlausibleWeightKg: max } = rules;
  const problems: Problem[] = [];
  if (!(weight.kg >= min && weight.kg <= max)) problems.push(problem('dose.weightImplausible', { weight: weight.kg, min, max }));
  const ageDays = Math.floor((now - weight.measuredAt) / MS_PER_DAY);
  if (ageDays > rules.maxWeightAgeDays) problems.push(problem('checklist.weightOutdated', { ageDays, maxDays: rules.maxWeightAgeDays }));
  return problems;
}

function baselineVitalsProblems({ baselineVitals: vitals }: PreInfusionChecklist, rules: ChecklistRules): Problem[] {
  if (vitals === undefined) return [problem('checklist.baselineVitalsMissing')];
  const { systolicMmHg: sys, diastolicMmHg: dia } = vitals;
  const problems = (
    [
      ['systolicMmHg', 'RR systolisch', 'systolic BP'],
      ['diastolicMmHg', 'RR diastolisch', 'diastolic BP'],
      ['heartRate', 'Herzfrequenz', 'heart rate'],
      ['spo2', 'SpO₂', 'SpO₂'],
    ] as const
  )
    .filter(([field]) => vitals[field] === undefined)
    .map(([, de, en]) => problem('checklist.baselineVitalMissing', { vital: en, vitalDe: de }));
  // Label: BP > 180/100 mmHg at rest is an absolute contraindication (§1.3 [G]).
  if ((sys !== undefined && sys > rules.contraindicationSystolicMmHg) || (dia !== undefined && dia > rules.contraindicationDiastolicMmHg)) {
    problems.push(
      problem('checklist.baselineBloodPressureTooHigh', {
        systolic: sys ?? '–',
        diastolic: dia ?? '–',
        limit: `${rules.contraindicationSystolicMmHg}/${rules.contraindicationDiastolicMmHg}`,
      }),
    );
  }
  return problems;
}

function baselinePainProblems({ baselinePainNrs: nrs }: PreInfusionChecklist): Problem[] {
  if (nrs === undefined) return [problem('checklist.baselinePainMissing')];
  return Number.isInteger(nrs) && nrs >= 0 && nrs <= 10 ? [] : [problem('observation.nrsInvalid', { value: nrs })];
}

function fastingProblems({ fasting }: PreInfusionChecklist, now: number, rules: ChecklistRules): Problem[] {
  if (fasting === undefined) return [problem('checklist.fastingStatusMissing')];
  if (rules.minFastingHours === null) return [];
  const hours = (now - fasting.lastMealAt) / MS_PER_H;
  return hours >= rules.minFastingHours
    ? []
    : [problem('checklist.fastingTooShort', { hours: Math.floor(hours * 10) / 10, minHours: rules.minFastingHours })];
}

function physicianProblems({ responsiblePhysician: physician }: PreInfusionChecklist): Problem[] {
  if (physician === undefined || !isFilled(physician.name)) return [problem('checklist.physicianMissing')];
  return physician.onSite ? [] : [problem('checklist.physicianNotOnSite', { physician: physician.name })];
}
