/**
 * Every clinical number of an infusion session and course, as a clinic setting with its shipped default and source.
 * None of these is clinical truth: the responsible physician approves or changes each one (clinical-requirements §0).
 */
import type { SettingDefault } from '../settings';
import type { Substance } from '../dose/substance';
import type { DischargeScale } from '../session/scales';

const SHEET = 'clinical-requirements';

function setting<T>(value: T, unit: string | undefined, source: string): SettingDefault<T> {
  return unit === undefined ? { value, source: `${SHEET} ${source}` } : { value, unit, source: `${SHEET} ${source}` };
}

export const CLINIC_DEFAULTS = {
  // Drug and syringe
  defaultSubstance: setting<Substance>('esketamine', undefined, '§0.1 item 3, §2 [E]'),
  defaultConcentrationMgPerMl: setting(1, 'mg/ml', '§2.3 [E] (50 mg in 50 ml)'),
  esketamineConcentrationsMgPerMl: setting<readonly number[]>([1, 2], 'mg/ml', '§2.3 [E]'),
  racemicKetamineConcentrationsMgPerMl: setting<readonly number[]>([1, 5], 'mg/ml', '§2.3 [E] (S45)'),
  pumpResolutionMlPerH: setting(0.1, 'ml/h', '§2.4 [D]'),

  // Patient weight
  minPlausibleWeightKg: setting(30, 'kg', '§2.4 [E]'),
  maxPlausibleWeightKg: setting(250, 'kg', '§2.4 [E]'),
  maxWeightAgeDays: setting(30, 'd', '§2.4 [E] (sheet names the rule, not the number: clinic to set)'),

  // Esketamine protocol (§2.2 protocol template; the app must not ship a "recommended dose")
  esketamineStartRateMgPerKgPerH: setting(0.1, 'mg/kg/h', '§2.2 [E] (0.1–0.15)'),
  esketamineSoftLimitMgPerKgPerH: setting(0.5, 'mg/kg/h', '§2.2 [E]'),
  esketamineHardLimitMgPerKgPerH: setting(1.0, 'mg/kg/h', '§2.2 [E]/[D] (Cohen 0.5–2 racemic ÷ 2)'),
  esketamineMaxBolusMgPerKg: setting(0.175, 'mg/kg', '§2.2 [D] (Cohen ≤ 0.35 racemic ÷ 2)'),
  esketamineMaxSessionDoseMgPerKg: setting(1.5, 'mg/kg', '§2.2 [E]'),

  // Racemic ketamine: the same protocol expressed in racemic doses (× 2, §2.1)
  racemicKetamineStartRateMgPerKgPerH: setting(0.2, 'mg/kg/h', '§2.1 [G], §2.2 [E] (esketamine 0.1 × 2) [D]'),
  racemicKetamineSoftLimitMgPerKgPerH: setting(1.0, 'mg/kg/h', '§2.1 [G], §2.2 [E] (esketamine 0.5 × 2) [D]'),
  racemicKetamineHardLimitMgPerKgPerH: setting(2.0, 'mg/kg/h', '§1.2 [G] (Cohen upper end outside ICU)'),
  racemicKetamineMaxBolusMgPerKg: setting(0.35, 'mg/kg', '§1.2 [G]'),
  racemicKetamineMaxSessionDoseMgPerKg: setting(3.0, 'mg/kg', '§2.2 [E] (esketamine 1.5 × 2) [D]'),

  maxSessionDurationMin: setting(240, 'min', '§2.2 [E]'),
  // How far ahead the dose and duration caps are projected at the current rate (alarm medium, rate change needs a reason).
  capProjectionMin: setting(15, 'min', '§2.2 [E] (caps), §4.1 [E] (medium = prompt response): clinic to set'),

  // Pre-infusion
  contraindicationSystolicMmHg: setting(180, 'mmHg', '§1.3 [G] (label: > 180/100 at rest)'),
  contraindicationDiastolicMmHg: setting(100, 'mmHg', '§1.3 [G] (label: > 180/100 at rest)'),
  minFastingHours: setting<number | null>(null, 'h', '§1.5 [E] (status recorded; sub-anaesthetic rule is the clinic\'s own)'),

  // Observation schedule (§1.6 [E]: NIBP every 5 min for the first 15–30 min, then every 15; scales every 15)
  bloodPressureEarlyIntervalMin: setting(5, 'min', '§1.6 [E]'),
  bloodPressureEarlyPhaseMin: setting(30, 'min', '§1.6 [E] (15–30 min)'),
  bloodPressureIntervalMin: setting(15, 'min', '§1.6 [E]'),
  scaleIntervalMin: setting(15, 'min', '§1.6 [E] (sedation, dissociation, nausea, pain)'),
  recoveryIntervalMin: setting(15, 'min', '§1.6 [E]'),

  // Discharge
  postInfusionObservationMin: setting(
    60,
    'min',
    '§1.11 [E] (sheet gives no IV number; Spravato model is ≥ 2 h from dose, §2.5 [G]): clinic to set',
  ),
  dischargeScale: setting<DischargeScale>('modifiedPadss', undefined, '§3.5 [G] (no voiding item; IV-site as bleeding item [E])'),
  padssThreshold: setting(9, 'points', '§3.5 [G], §1.11 [E default 9]'),
  modifiedPadssThreshold: setting(9, 'points', '§3.5 [G]'),
  modifiedAldreteThreshold: setting(9, 'points', '§3.5 [G]'),
  noDrivingHours: setting(24, 'h', '§1.11 [G] (S25), §5.2'),
  noHighAlarmWithinMin: setting(15, 'min', '§1.11 app rule (e) [E] ("no high-priority alarm in the last N minutes"): clinic to set'),

  // Abnormal observations: a score or release taken before the latest one no longer counts (§1.11, §2.5 "until
  // sedation, dissociation … have resolved"); the values are the medium-priority triggers of §3.2–3.3 and §4.1.
  abnormalRassAtMost: setting(-2, 'RASS', '§3.2 [E], §4.1 [E] (sedation medium: RASS ≤ −2)'),
  abnormalRassAtLeast: setting(2, 'RASS', '§3.2 [E] (RASS ≥ +2 agitation/dysphoria → medium)'),
  abnormalMoaasAtMost: setting(3, 'MOAA/S', '§3.2 [E], §4.1 [E] (sedation medium: MOAA/S ≤ 3)'),
  abnormalDissociationAtLeast: setting(2, '0–3', '§3.3 [E], §4.1 [E] (dissociation 2 = medium)'),
  abnormalSystolicBelowMmHg: setting(90, 'mmHg', '§4.1 [E] (SBP < 90 high; S31, S63, S64)'),
  abnormalSystolicAboveMmHg: setting(180, 'mmHg', '§4.1 [E] (SBP > 180 high), §1.3 [G] (label > 180/100)'),
  abnormalSpo2BelowPercent: setting(94, '%', '§4.1 [E] (SpO2 < 94 % medium)'),

  // Course
  weeklyCourseMinInfusions: setting(3, 'infusions', '§2.2 [E] (clinic course type)'),
  weeklyCourseMaxInfusions: setting(6, 'infusions', '§2.2 [E] (max sessions per course e.g. 6)'),
  dailyCourseMinDays: setting(3, 'd', '§1.1 [G] regimens of 4–10 days; clinic course type [E]'),
  dailyCourseMaxDays: setting(7, 'd', '§1.1 [G] regimens of 4–10 days; clinic course type [E]'),
  meaningfulPainDropPoints: setting(2, 'NRS points', '§1.8 [G] (Farrar 2001, S32), §3.1'),
  meaningfulPainDropPercent: setting(30, '%', '§1.8 [G] (Farrar 2001, S32), §3.1'),
} satisfies Record<string, SettingDefault<unknown>>;

export type ClinicSettingKey = keyof typeof CLINIC_DEFAULTS;
/** The resolved values the domain rules work with: defaults merged with the clinic's approved overrides. */
export type ClinicSettings = { [K in ClinicSettingKey]: (typeof CLINIC_DEFAULTS)[K]['value'] };

export function clinicSettings(overrides: Partial<ClinicSettings> = {}): ClinicSettings {
  const defaults = Object.fromEntries(
    Object.entries(CLINIC_DEFAULTS).map(([key, setting]) => [key, setting.value]),
  ) as ClinicSettings;
  return { ...defaults, ...overrides };
}
