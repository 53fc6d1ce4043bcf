/**
 * Every clinical number of an infusion session and course, as a clinic setting with its shipped default and source.
 * None of these is clinical truth: the responsible physician approves or changes each one (clinical-requirements §0).
 */
import type { SettingDefault, SettingRange } from '../settings';
import { SUBSTANCES, type Substance } from '../dose/substance';
import { DISCHARGE_SCALES_LIST, type DischargeScale } from '../session/scales';

const SHEET = 'clinical-requirements';

function setting<T>(value: T, unit: string | undefined, source: string, range?: SettingRange): SettingDefault<T> {
  return { value, ...(unit === undefined ? {} : { unit }), source: `${SHEET} ${source}`, ...(range ? { range } : {}) };
}

/** Bounds with their source; `whole` for counts, points and minutes. */
function range(min: number, max: number, source: string, whole = false): SettingRange {
  return { min, max, ...(whole ? { integer: true } : {}), source: `${SHEET} ${source}` };
}

// Bounds shared by several settings
const ESKETAMINE_RATE_MAX = '§1.2 [G] Cohen 0.5–2 mg/kg/h racemic outside ICU ÷ 2 (§2.1) = 1.0 mg/kg/h [D]';
const RACEMIC_RATE_MAX = '§1.2 [G] Cohen upper end outside ICU 2 mg/kg/h (7 mg/kg/h only in ICU)';
const ESKETAMINE_CONCENTRATION = range(0.5, 25, '§2.3: 25 mg/ml undiluted esketamine [G] (S21); below 0.5 mg/ml no usable syringe [E]');
const INTERVAL = range(1, 30, '§1.6 [E] (every 5–15 min); 30 min the longest early interval of a published protocol (S30)', true);
const THRESHOLD = range(8, 10, '§3.5 [G]: maximum 10 points, cut-off 9; 8 = one below it, the lowest a physician may set [E]', true);
const WEEKLY = range(1, 12, '§2.2 [E] e.g. 6 per course; 12 = a quarter of weekly infusions [E]', true);
const DAILY = range(1, 10, '§1.1 [G]: published daily regimens last 4–10 days', true);

export const CLINIC_DEFAULTS = {
  // Drug and syringe
  defaultSubstance: { ...setting<Substance>('esketamine', undefined, '§0.1 item 3, §2 [E]'), choices: SUBSTANCES },
  defaultConcentrationMgPerMl: setting(1, 'mg/ml', '§2.3 [E] (50 mg in 50 ml)', ESKETAMINE_CONCENTRATION),
  esketamineConcentrationsMgPerMl: setting<readonly number[]>([1, 2], 'mg/ml', '§2.3 [E]', ESKETAMINE_CONCENTRATION),
  racemicKetamineConcentrationsMgPerMl: setting<readonly number[]>([1, 5], 'mg/ml', '§2.3 [E] (S45)', range(0.5, 10, '§2.3: 10 mg/ml bolus solution (S43), 50 mg/5 ml vials (S44) [G]; below 0.5 mg/ml no usable syringe [E]')),
  pumpResolutionMlPerH: setting(0.1, 'ml/h', '§2.4 [D]', range(0.01, 1, '§2.4 [D]: syringe pumps step 0.1 ml/h; 0.01 the finest, 1 the coarsest a rate is rounded to [E]')),

  // Patient weight
  minPlausibleWeightKg: setting(30, 'kg', '§2.4 [E]', range(20, 60, '§2.4 [E] plausibility 30–250 kg; an adult below 20 kg is a typing error [E]')),
  maxPlausibleWeightKg: setting(250, 'kg', '§2.4 [E]', range(100, 300, '§2.4 [E] plausibility 30–250 kg; above 300 kg is a typing error [E]')),
  maxWeightAgeDays: setting(30, 'd', '§2.4 [E] (sheet names the rule, not the number: clinic to set)', range(0, 90, '§2.4 [E]: 0 = weighed today; older than a quarter is no current weight [E]', true)),

  // Esketamine protocol (§2.2 protocol template; the app must not ship a "recommended dose")
  esketamineStartRateMgPerKgPerH: setting(0.1, 'mg/kg/h', '§2.2 [E] (0.1–0.15)', range(0.01, 1, ESKETAMINE_RATE_MAX)),
  esketamineSoftLimitMgPerKgPerH: setting(0.5, 'mg/kg/h', '§2.2 [E]', range(0.01, 1, ESKETAMINE_RATE_MAX)),
  esketamineHardLimitMgPerKgPerH: setting(1.0, 'mg/kg/h', '§2.2 [E]/[D] (Cohen 0.5–2 racemic ÷ 2)', range(0.01, 1, ESKETAMINE_RATE_MAX)),
  esketamineMaxBolusMgPerKg: setting(0.175, 'mg/kg', '§2.2 [D] (Cohen ≤ 0.35 racemic ÷ 2)', range(0, 0.175, '§1.2 [G] Cohen bolus ≤ 0.35 mg/kg racemic ÷ 2 (§2.1) [D]; 0 = no bolus')),
  esketamineMaxSessionDoseMgPerKg: setting(1.5, 'mg/kg', '§2.2 [E]', range(0.1, 5, '[D] 1.0 mg/kg/h esketamine at most (§1.2, §2.1) × daily regimens of up to 5 h (§1.1 [G])')),

  // Racemic ketamine: the same protocol expressed in racemic doses (× 2, §2.1)
  racemicKetamineStartRateMgPerKgPerH: setting(0.2, 'mg/kg/h', '§2.1 [G], §2.2 [E] (esketamine 0.1 × 2) [D]', range(0.02, 2, RACEMIC_RATE_MAX)),
  racemicKetamineSoftLimitMgPerKgPerH: setting(1.0, 'mg/kg/h', '§2.1 [G], §2.2 [E] (esketamine 0.5 × 2) [D]', range(0.02, 2, RACEMIC_RATE_MAX)),
  racemicKetamineHardLimitMgPerKgPerH: setting(2.0, 'mg/kg/h', '§1.2 [G] (Cohen upper end outside ICU)', range(0.02, 2, RACEMIC_RATE_MAX)),
  racemicKetamineMaxBolusMgPerKg: setting(0.35, 'mg/kg', '§1.2 [G]', range(0, 0.35, '§1.2 [G] Cohen bolus up to 0.35 mg/kg; 0 = no bolus')),
  racemicKetamineMaxSessionDoseMgPerKg: setting(3.0, 'mg/kg', '§2.2 [E] (esketamine 1.5 × 2) [D]', range(0.2, 10, '[D] 2 mg/kg/h racemic at most (§1.2 [G]) × daily regimens of up to 5 h (§1.1 [G])')),

  maxSessionDurationMin: setting(240, 'min', '§2.2 [E]', range(30, 300, '§1.1 [G]: daily regimens of 17 min to 5 h; §2.2 [E] example 4 h', true)),
  // How far ahead the dose and duration caps are projected at the current rate (alarm medium, rate change needs a reason).
  capProjectionMin: setting(15, 'min', '§2.2 [E] (caps), §4.1 [E] (medium = prompt response): clinic to set', range(5, 60, '§4.1 [E]: medium alarms want a response within minutes; 60 min the longest useful warning [E]', true)),

  // Pre-infusion
  contraindicationSystolicMmHg: setting(180, 'mmHg', '§1.3 [G] (label: > 180/100 at rest)', range(140, 180, '§1.3 [G]: the label limit 180 is the most a clinic may allow; 140 (§2.5 [G], EU Spravato review level) the strictest', true)),
  contraindicationDiastolicMmHg: setting(100, 'mmHg', '§1.3 [G] (label: > 180/100 at rest)', range(90, 100, '§1.3 [G]: the label limit 100 is the most a clinic may allow; 90 (§2.5 [G], EU Spravato review level) the strictest', true)),
  minFastingHours: setting<number | null>(null, 'h', '§1.5 [E] (status recorded; sub-anaesthetic rule is the clinic\'s own)', range(0, 8, '§1.5 [G]: 4–6 h fasting as an anaesthetic; 8 h the most asked of an outpatient [E]; empty = no rule')),

  // Observation schedule (§1.6 [E]: NIBP every 5 min for the first 15–30 min, then every 15; scales every 15)
  bloodPressureEarlyIntervalMin: setting(5, 'min', '§1.6 [E]', INTERVAL),
  bloodPressureEarlyPhaseMin: setting(30, 'min', '§1.6 [E] (15–30 min)', range(15, 60, '§1.6 [E] 15–30 min; at most the first hour (S30: every 15 min in hour 1)', true)),
  bloodPressureIntervalMin: setting(15, 'min', '§1.6 [E]', INTERVAL),
  scaleIntervalMin: setting(15, 'min', '§1.6 [E] (sedation, dissociation, nausea, pain)', INTERVAL),
  recoveryIntervalMin: setting(15, 'min', '§1.6 [E]', INTERVAL),

  // Discharge
  postInfusionObservationMin: setting(
    60,
    'min',
    '§1.11 [E] (sheet gives no IV number; Spravato model is ≥ 2 h from dose, §2.5 [G]): clinic to set',
    range(60, 240, '§1.11 (S31) [E]: no published ketamine protocol discharges before 60 min; 240 = twice the Spravato 2 h (§2.5 [G])', true),
  ),
  dischargeScale: { ...setting<DischargeScale>('modifiedPadss', undefined, '§3.5 [G] (no voiding item; IV-site as bleeding item [E])'), choices: DISCHARGE_SCALES_LIST },
  padssThreshold: setting(9, 'points', '§3.5 [G], §1.11 [E default 9]', THRESHOLD),
  modifiedPadssThreshold: setting(9, 'points', '§3.5 [G]', THRESHOLD),
  modifiedAldreteThreshold: setting(9, 'points', '§3.5 [G]', THRESHOLD),
  noDrivingHours: setting(24, 'h', '§1.11 [G] (S25), §5.2', range(24, 72, '§1.11 [G]: no driving for 24 h or longer (S25); 72 h the longest written instruction [E]', true)),
  noHighAlarmWithinMin: setting(15, 'min', '§1.11 app rule (e) [E] ("no high-priority alarm in the last N minutes"): clinic to set', range(0, 120, '§1.11 [E]: 0 = only alarms still active; 2 h the longest post-infusion observation window [E]', true)),

  // Abnormal observations: a score or release taken before the latest one no longer counts (§1.11, §2.5 "until
  // sedation, dissociation … have resolved"); the values are the medium-priority triggers of §3.2–3.3 and §4.1.
  abnormalRassAtMost: setting(-2, 'RASS', '§3.2 [E], §4.1 [E] (sedation medium: RASS ≤ −2)', range(-5, -1, '§3.2 [G]: RASS runs −5…+4; −1 drowsy is the mildest sedation [E]', true)),
  abnormalRassAtLeast: setting(2, 'RASS', '§3.2 [E] (RASS ≥ +2 agitation/dysphoria → medium)', range(1, 4, '§3.2 [G]: RASS runs −5…+4; +1 restless is the mildest agitation [E]', true)),
  abnormalMoaasAtMost: setting(3, 'MOAA/S', '§3.2 [E], §4.1 [E] (sedation medium: MOAA/S ≤ 3)', range(0, 4, '§3.2 [G]: MOAA/S runs 0–5; 5 = awake [E]', true)),
  abnormalDissociationAtLeast: setting(2, '0–3', '§3.3 [E], §4.1 [E] (dissociation 2 = medium)', range(1, 3, '§3.3 [E]: the scale runs 0–3', true)),
  abnormalSystolicBelowMmHg: setting(90, 'mmHg', '§4.1 [E] (SBP < 90 high; S31, S63, S64)', range(70, 110, '§4.1 [E]: SBP < 90 high; 70–110 the span of published hypotension limits [E]', true)),
  abnormalSystolicAboveMmHg: setting(180, 'mmHg', '§4.1 [E] (SBP > 180 high), §1.3 [G] (label > 180/100)', range(140, 200, '§1.3 [G] label > 180/100; §4.1 [E] SBP > 180 high; 140–200 the span a physician may set [E]', true)),
  abnormalSpo2BelowPercent: setting(94, '%', '§4.1 [E] (SpO2 < 94 % medium)', range(85, 96, '§4.1 [E]: SpO2 < 94 medium, < 90 high; 85–96 the span a physician may set [E]', true)),

  // Signature: the record is completed "in unmittelbarem zeitlichen Zusammenhang" with the treatment (§ 630f BGB);
  // the physician's worklist shows unsigned sessions as overdue after this long.
  signatureOverdueHours: setting(24, 'h', '§5.1 [G] (§ 630f BGB: contemporaneous record); 24 h = by the next working day [E]: clinic to set', range(1, 72, '§5.1 [G]: contemporaneous; 72 h = over a weekend the longest a record may wait [E]', true)),

  // Course
  weeklyCourseMinInfusions: setting(3, 'infusions', '§2.2 [E] (clinic course type)', WEEKLY),
  weeklyCourseMaxInfusions: setting(6, 'infusions', '§2.2 [E] (max sessions per course e.g. 6)', WEEKLY),
  dailyCourseMinDays: setting(3, 'd', '§1.1 [G] regimens of 4–10 days; clinic course type [E]', DAILY),
  dailyCourseMaxDays: setting(7, 'd', '§1.1 [G] regimens of 4–10 days; clinic course type [E]', DAILY),
  meaningfulPainDropPoints: setting(2, 'NRS points', '§1.8 [G] (Farrar 2001, S32), §3.1', range(1, 4, '§3.1 [G]: clinically important change ≈ 2 points (S32); 1–4 around it [E]', true)),
  meaningfulPainDropPercent: setting(30, '%', '§1.8 [G] (Farrar 2001, S32), §3.1', range(10, 50, '§3.1 [G]: clinically important change ≈ 30 % (S32); 10–50 % around it [E]', true)),

  // Billing proposal of the cost-coverage dossier (§5.4, §5.5): the physician or the practice system decides.
  // The infusion item (271 up to 30 min, 272 beyond) is chosen from each session's duration and added to these.
  goaeSessionItems: setting<readonly number[]>(
    [1, 5, 602, 650],
    'GOÄ items',
    '§5.4 [U] 1, 5; [G] S97–S99 602, 650 (payers dispute 602 for routine monitoring)',
    range(1, 651, '§5.4: the GOÄ numbers that come into question run from 1 to 651 (core/clinic/goae.ts)', true),
  ),
  goaeFactor: setting(2.3, '×', '§5.4 [U] GOÄ § 5 Abs. 2 Regelspanne (above 2.3 needs a written reason)', range(1, 3.5, '§5.4 [U]: GOÄ § 5 Abs. 2 Gebührenrahmen 1,0–3,5')),
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
