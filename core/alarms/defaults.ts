/**
 * Clinic default alarm limits and technical alarm settings. Every number is an editable [E] default from
 * clinical-requirements §4 ("Proposed app defaults"): the responsible physician must approve them before go-live.
 */
import type { SettingDefault, SettingRange } from '../settings';
import { ASSESSMENT_DEFAULTS, type AssessmentSettings } from './assessments';
import type { PhysiologicalCode } from './codes';
import { REQUIRED_DEFAULTS, type RequiredSettings } from './required';

export type Comparison = '<' | '<=' | '>' | '>=';

/** One limit: the alarm condition is "value <op> limit", held for delayMs (0 = raise on the first sample). */
export interface Limit {
  op: Comparison;
  limit: number;
  delayMs: number;
}

/** Physiological codes alarm at medium or high priority; low is left for technical awareness messages. */
export type LimitPriority = 'medium' | 'high';
export type ConditionLimits = Partial<Record<LimitPriority, SettingDefault<Limit>>>;

export interface TechnicalSettings {
  /** No reading at all for longer than this while an infusion runs → medium, then high. */
  noDataMediumMs: SettingDefault<number>;
  noDataHighMs: SettingDefault<number>;
  /** Pump rate may differ from the documented rate by the larger of these before it alarms. */
  pumpToleranceMlH: SettingDefault<number>;
  pumpTolerancePercent: SettingDefault<number>;
  observationOverdueMediumMs: SettingDefault<number>;
  observationOverdueHighMs: SettingDefault<number>;
  /** Length of one audio pause; the engine never pauses longer than AUDIO_PAUSE_MAX_MS whatever is set here. */
  audioPauseMs: SettingDefault<number>;
  /** Unacknowledged this long → escalated ("call the physician"). */
  escalationMs: SettingDefault<number>;
  /** An acknowledged alarm whose condition persists this long sounds again. */
  reminderMs: SettingDefault<number>;
  /** The monitor's clock differs from the PC's by more than this → low alarm (the record's times are the PC's). */
  clockDriftMs: SettingDefault<number>;
}

export interface Thresholds {
  physiological: Record<PhysiologicalCode, ConditionLimits>;
  technical: TechnicalSettings;
  /** Required parameters: maximum ages, stale NIBP, frozen values (required.ts). */
  required: RequiredSettings;
  /** Sedation, dissociation and baseline-relative limits (assessments.ts). */
  assessments: AssessmentSettings;
}

/** Hard ceiling, not a setting: clinical-requirements §4.3 item 4 ("AUDIO PAUSED max 2 min"). */
export const AUDIO_PAUSE_MAX_MS = 120_000;

const TABLE = 'clinical-requirements §4.1 proposed app defaults [E]';
const SEC = 1000;
const MIN = 60 * SEC;

function limit(op: Comparison, value: number, unit: string, delayMs: number, source: string, range: SettingRange): SettingDefault<Limit> {
  return { value: { op, limit: value, delayMs }, unit, source, range };
}

/**
 * Clinical bounds of the clinic-wide limits (a physician moves a limit only within them; per-patient overrides keep
 * their own plausibility check). Anchors from §4.1: published definitions, ED exclusion criteria, monitor defaults.
 */
const R = (min: number, max: number, source: string): SettingRange => ({ min, max, source: `clinical-requirements §4.1 ${source}` });
const BOUNDS = {
  spo2Low: R(85, 97, '[E]: severe hypoxaemia < 85 % (S64) must stay an alarm; above 97 % alarms on healthy adults'),
  spo2Desat: R(70, 90, '[E]: severe hypoxaemia < 85 % (S64); monitor "Desat" 80 % (S66); hypoxaemia ≤ 90 % (S64)'),
  rateHigh: R(100, 160, '[E]: monitor PR upper default 120 (S66–S68); "unstable" HR > 150 (S31, S63)'),
  rateLow: R(30, 60, '[E]: bradycardia HR < 50 (S64); monitor PR lower default 50 (S66)'),
  sysHigh: R(140, 220, '[E]: pre-dose review > 140 (S12); label gate > 180 (S20–S22); "unstable" SBP > 180 (S31)'),
  sysLow: R(70, 110, '[E]: hypotension SBP < 90 (S64); monitor NIBP-S lower default 90 (S66)'),
  diaHigh: R(85, 130, '[E]: monitor NIBP-D upper default 90 (S66); label gate > 100 (S20)'),
  respRateHigh: R(20, 40, '[E]: "unstable" RR > 30 (S31, S63)'),
  respRateLow: R(4, 12, '[E]: "unstable" RR < 10 (S31, S63)'),
  etco2High: R(40, 70, '[E]: hypercarbia EtCO2 ≥ 50 mmHg (S64, S65)'),
  etco2Apnoea: R(3, 15, '[E]: apnoea = exhaled CO2 < 8 mmHg (S64, S65)'),
};

export const CLINIC_THRESHOLDS: Thresholds = {
  physiological: {
    'spo2.low': {
      medium: limit('<', 94, '%', 30 * SEC, `${TABLE}: SpO2 < 94 % for 30 s`, BOUNDS.spo2Low),
      high: limit('<=', 90, '%', 30 * SEC, `${TABLE}: SpO2 ≤ 90 % for 30 s (hypoxaemia definition S64)`, BOUNDS.spo2Low),
    },
    'spo2.desat': {
      high: limit('<', 85, '%', 0, `${TABLE}: SpO2 < 85 % immediately (severe hypoxaemia S64; monitor "Desat" S66)`, BOUNDS.spo2Desat),
    },
    'hr.high': {
      medium: limit('>', 110, '/min', 0, `${TABLE}: HR > 110`, BOUNDS.rateHigh),
      high: limit('>', 130, '/min', 0, `${TABLE}: HR > 130`, BOUNDS.rateHigh),
    },
    'hr.low': {
      medium: limit('<', 50, '/min', 0, `${TABLE}: HR < 50 (bradycardia S64)`, BOUNDS.rateLow),
      high: limit('<', 40, '/min', 0, `${TABLE}: HR < 40`, BOUNDS.rateLow),
    },
    // The table gives HR only; the oximeter pulse rate is the same physiology (monitor PR defaults 50–120, S66–S68).
    'pulseRate.high': {
      medium: limit('>', 110, '/min', 0, `${TABLE}: HR > 110, applied to oximeter pulse rate`, BOUNDS.rateHigh),
      high: limit('>', 130, '/min', 0, `${TABLE}: HR > 130, applied to oximeter pulse rate`, BOUNDS.rateHigh),
    },
    'pulseRate.low': {
      medium: limit('<', 50, '/min', 0, `${TABLE}: HR < 50, applied to oximeter pulse rate`, BOUNDS.rateLow),
      high: limit('<', 40, '/min', 0, `${TABLE}: HR < 40, applied to oximeter pulse rate`, BOUNDS.rateLow),
    },
    'nibpSys.high': {
      medium: limit('>', 160, 'mmHg', 0, `${TABLE}: SBP > 160`, BOUNDS.sysHigh),
      high: limit('>', 180, 'mmHg', 0, `${TABLE}: SBP > 180 (label BP gate > 180/100, S20–S22)`, BOUNDS.sysHigh),
    },
    'nibpSys.low': {
      medium: limit('<', 100, 'mmHg', 0, `${TABLE}: SBP < 100`, BOUNDS.sysLow),
      high: limit('<', 90, 'mmHg', 0, `${TABLE}: SBP < 90 (hypotension S64)`, BOUNDS.sysLow),
    },
    'nibpDia.high': {
      medium: limit('>', 100, 'mmHg', 0, `${TABLE}: DBP > 100`, BOUNDS.diaHigh),
      high: limit('>', 110, 'mmHg', 0, `${TABLE}: DBP > 110`, BOUNDS.diaHigh),
    },
    // No clinic default in §4.1: a physician can set these per patient.
    'nibpDia.low': {},
    'nibpMean.high': {},
    'nibpMean.low': {},
    'respRate.high': {
      medium: limit('>', 24, '/min', 0, `${TABLE}: RR > 24 (if measured)`, BOUNDS.respRateHigh),
    },
    'respRate.low': {
      medium: limit('<', 10, '/min', 0, `${TABLE}: RR < 10 (if measured)`, BOUNDS.respRateLow),
      high: limit('<', 8, '/min', 0, `${TABLE}: RR < 8 or apnoea (if measured)`, BOUNDS.respRateLow),
    },
    'etco2.high': {
      medium: limit('>=', 50, 'mmHg', 15 * SEC, `${TABLE}: EtCO2 ≥ 50 mmHg > 15 s (hypercarbia S64, S65)`, BOUNDS.etco2High),
    },
    'etco2.apnoea': {
      high: limit('<', 8, 'mmHg', 15 * SEC, `${TABLE}: no CO2 waveform > 15 s; apnoea = exhaled CO2 < 8 mmHg > 15 s (S64, S65)`, BOUNDS.etco2Apnoea),
    },
    'temp.high': {},
    'temp.low': {},
  },
  technical: {
    noDataMediumMs: {
      value: 10 * SEC,
      unit: 'ms',
      source: 'clinical-requirements §4.1 technical alarms [E]: no data > 10 s while infusion runs → medium',
      range: { min: 5 * SEC, max: 60 * SEC, source: 'clinical-requirements §4.1 technical alarms [E] (10 s): under 5 s a cable wiggle alarms; over 60 s a dead link goes unnoticed' },
    },
    noDataHighMs: {
      value: 30 * SEC,
      unit: 'ms',
      source: 'clinical-requirements §4.1 technical alarms [E]: no data > 30 s while infusion runs → high',
      range: { min: 10 * SEC, max: 120 * SEC, source: 'clinical-requirements §4.1 technical alarms [E] (30 s); ≤ 120 s: failure alarms within 120 s (S81)' },
    },
    pumpToleranceMlH: {
      value: 0.1,
      unit: 'ml/h',
      source: '[E] engineering default, not in §4.1: one display step of a syringe pump (0.1 ml/h); clinic must confirm',
      range: { min: 0, max: 2, source: '[E] engineering: 0 = exact; 2 ml/h = 10 % of a typical 20 ml/h rate (§2.4 example)' },
    },
    pumpTolerancePercent: {
      value: 5,
      unit: '%',
      source: '[E] engineering default, not in §4.1: 5 % of the documented rate; clinic must confirm',
      range: { min: 0, max: 20, source: '[E] engineering: beyond 20 % a wrongly set pump would not alarm' },
    },
    observationOverdueMediumMs: {
      value: 5 * MIN,
      unit: 'ms',
      source: `${TABLE}: scheduled NIBP/observation > 5 min late → medium`,
      range: { min: 1 * MIN, max: 15 * MIN, source: 'clinical-requirements §4.1 [E] (5 min late); not later than the high-priority default 15 min' },
    },
    observationOverdueHighMs: {
      value: 15 * MIN,
      unit: 'ms',
      source: `${TABLE}: scheduled NIBP/observation > 15 min late → high`,
      range: { min: 5 * MIN, max: 30 * MIN, source: 'clinical-requirements §4.1 [E] (15 min late); ≤ 30 min = two missed 15-min checks (§1.6)' },
    },
    audioPauseMs: {
      value: AUDIO_PAUSE_MAX_MS,
      unit: 'ms',
      source: 'clinical-requirements §4.3 item 4 [E]: AUDIO PAUSED max 2 min (Dräger, S78)',
      range: { min: 30 * SEC, max: AUDIO_PAUSE_MAX_MS, source: 'clinical-requirements §4.3 item 4 [E]: AUDIO PAUSED max 2 min (S78)' },
    },
    escalationMs: {
      value: 2 * MIN,
      unit: 'ms',
      source: '[E] engineering default, not in §4: unacknowledged 2 min → call the physician; clinic must confirm',
      range: { min: 30 * SEC, max: 10 * MIN, source: '[E] engineering: an unanswered alarm calls the physician within 10 min at the latest' },
    },
    reminderMs: {
      value: 3 * MIN,
      unit: 'ms',
      source: 'clinical-requirements §4.2 [E]: re-alarm after 2 or 3 min if an acknowledged condition persists (Philips, S79)',
      range: { min: 1 * MIN, max: 10 * MIN, source: 'clinical-requirements §4.2 [E]: re-alarm after 2 or 3 min (S79); ≤ 10 min' },
    },
    clockDriftMs: {
      value: 1 * MIN,
      unit: 'ms',
      source: 'clinical-requirements §4.1 technical alarms [E]: clock drift between monitor and PC; 1 min is an engineering default, clinic must confirm',
      range: { min: 5 * SEC, max: 10 * MIN, source: '[E] engineering: the monitor clock has 1 s resolution; beyond 10 min the monitor printout no longer matches the record' },
    },
  },
  required: REQUIRED_DEFAULTS,
  assessments: ASSESSMENT_DEFAULTS,
};
