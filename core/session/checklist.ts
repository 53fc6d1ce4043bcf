/**
 * The pre-infusion checklist (clinical-requirements §1.5, §1.6, §5.2): the infusion may not start until
 * every item is there. `validateChecklist` names every missing or failing item, not just the first.
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';
import { escortPlanProblems, type Escort } from './escort';
import { EARLIEST_CLINICAL_DATE, FUTURE_TOLERANCE_MS, VITAL_RANGES } from './plausibility';

export interface PreInfusionChecklist {
  /** Signed off-label consent (§5.2), with the version of the information sheet it was given on. */
  offLabelConsent?: { signedAt: number; infoSheetVersion: string; offLabelClause: boolean; safetyBriefingGiven: boolean };
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
  /** The physician responsible for this infusion (a user id of a physician account), on site (§1.6). */
  responsiblePhysician?: { userId: number; onSite: boolean };
}

/** What the MFA cannot type into the checklist: the physician's own confirmation and the physician accounts. */
export interface ChecklistConfirmations {
  /** The latest confirmation of the contraindications of §1.3 by a physician, as that physician's own action. */
  contraindications?: { physicianName: string; at: number; absoluteContraindicationFound: boolean };
  /** Active physician accounts: id → name. */
  physicians: ReadonlyMap<number, string>;
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

const MAX_FASTING_DAYS = 7;

/** Every missing or failing item; an empty list means the infusion may start. */
export function validateChecklist(checklist: PreInfusionChecklist, now: number, rules: ChecklistRules, confirmations: ChecklistConfirmations): Problem[] {
  return [
    ...checklistDateProblems(checklist, now),
    ...consentProblems(checklist, rules),
    ...contraindicationProblems(confirmations),
    ...weightProblems(checklist, now, rules),
    ...baselineVitalsProblems(checklist, rules),
    ...baselinePainProblems(checklist),
    ...fastingProblems(checklist, now, rules),
    ...escortPlanProblems(checklist.escort),
    ...physicianProblems(checklist, confirmations),
  ];
}

/**
 * The problems that name a field are typing errors (a date in the future, a value out of range, an unknown physician):
 * they are refused at once. The others are items still open, which a half-filled checklist may have.
 */
export function typingErrors(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.params?.field !== undefined);
}

/** Dates typed into the checklist that cannot be true: in the future (server clock) or before they could be. */
export function checklistDateProblems(c: PreInfusionChecklist, now: number): Problem[] {
  const dates: [string, string, string, number | undefined, number][] = [
    ['offLabelConsent.signedAt', 'Einwilligung', 'Consent', c.offLabelConsent?.signedAt, EARLIEST_CLINICAL_DATE],
    ['weight.measuredAt', 'Wiegedatum', 'Weighing date', c.weight?.measuredAt, EARLIEST_CLINICAL_DATE],
    ['baselineVitals.at', 'Ausgangs-Vitalwerte', 'Baseline vitals', c.baselineVitals?.at, EARLIEST_CLINICAL_DATE],
    ['fasting.lastMealAt', 'Letzte Mahlzeit', 'Last meal', c.fasting?.lastMealAt, now - MAX_FASTING_DAYS * MS_PER_DAY],
  ];
  return dates.flatMap(([field, itemDe, item, at, earliest]) => {
    if (at === undefined) return [];
    if (at > now + FUTURE_TOLERANCE_MS) return [problem('checklist.dateInFuture', { field: `checklist.${field}`, item, itemDe })];
    if (at < earliest) return [problem('checklist.dateTooEarly', { field: `checklist.${field}`, item, itemDe, earliest: new Date(earliest).toISOString().slice(0, 10) })];
    return [];
  });
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

function contraindicationProblems({ contraindications }: ChecklistConfirmations): Problem[] {
  if (contraindications === undefined) return [problem('checklist.contraindicationsNotAsked')];
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
      ['systolicMmHg', 'Blutdruck systolisch', 'systolic BP'],
      ['diastolicMmHg', 'Blutdruck diastolisch', 'diastolic BP'],
      ['heartRate', 'Herzfrequenz', 'heart rate'],
      ['spo2', 'SpO₂', 'SpO₂'],
    ] as const
  )
    .flatMap(([field, de, en]) => {
      const value = vitals[field];
      if (value === undefined) return [problem('checklist.baselineVitalMissing', { vital: en, vitalDe: de })];
      const [min, max] = VITAL_RANGES[field];
      return value >= min && value <= max
        ? []
        : [problem('checklist.baselineVitalImplausible', { field: `checklist.baselineVitals.${field}`, vital: en, vitalDe: de, value, min, max })];
    });
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

function physicianProblems({ responsiblePhysician: physician }: PreInfusionChecklist, { physicians }: ChecklistConfirmations): Problem[] {
  if (physician === undefined) return [problem('checklist.physicianMissing')];
  const name = physicians.get(physician.userId);
  if (name === undefined) return [problem('checklist.physicianNotFound', { field: 'checklist.responsiblePhysician.userId' })];
  return physician.onSite ? [] : [problem('checklist.physicianNotOnSite', { physician: name })];
}
