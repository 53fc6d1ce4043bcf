/**
 * Clinic default alarm limits and technical alarm settings. Every number is an editable [E] default from
 * clinical-requirements §4 ("Proposed app defaults"): the responsible physician must approve them before go-live.
 */
import type { SettingDefault } from '../settings';
import type { PhysiologicalCode } from './codes';

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
}

export interface Thresholds {
  physiological: Record<PhysiologicalCode, ConditionLimits>;
  technical: TechnicalSettings;
}

/** Hard ceiling, not a setting: clinical-requirements §4.3 item 4 ("AUDIO PAUSED max 2 min"). */
export const AUDIO_PAUSE_MAX_MS = 120_000;

const TABLE = 'clinical-requirements §4.1 proposed app defaults [E]';
const SEC = 1000;
const MIN = 60 * SEC;

function limit(op: Comparison, value: number, unit: string, delayMs: number, source: string): SettingDefault<Limit> {
  return { value: { op, limit: value, delayMs }, unit, source };
}

export const CLINIC_THRESHOLDS: Thresholds = {
  physiological: {
    'spo2.low': {
      medium: limit('<', 94, '%', 30 * SEC, `${TABLE}: SpO2 < 94 % for 30 s`),
      high: limit('<=', 90, '%', 30 * SEC, `${TABLE}: SpO2 ≤ 90 % for 30 s (hypoxaemia definition S64)`),
    },
    'spo2.desat': {
      high: limit('<', 85, '%', 0, `${TABLE}: SpO2 < 85 % immediately (severe hypoxaemia S64; monitor "Desat" S66)`),
    },
    'hr.high': {
      medium: limit('>', 110, '/min', 0, `${TABLE}: HR > 110`),
      high: limit('>', 130, '/min', 0, `${TABLE}: HR > 130`),
    },
    'hr.low': {
      medium: limit('<', 50, '/min', 0, `${TABLE}: HR < 50 (bradycardia S64)`),
      high: limit('<', 40, '/min', 0, `${TABLE}: HR < 40`),
    },
    // The table gives HR only; the oximeter pulse rate is the same physiology (monitor PR defaults 50–120, S66–S68).
    'pulseRate.high': {
      medium: limit('>', 110, '/min', 0, `${TABLE}: HR > 110, applied to oximeter pulse rate`),
      high: limit('>', 130, '/min', 0, `${TABLE}: HR > 130, applied to oximeter pulse rate`),
    },
    'pulseRate.low': {
      medium: limit('<', 50, '/min', 0, `${TABLE}: HR < 50, applied to oximeter pulse rate`),
      high: limit('<', 40, '/min', 0, `${TABLE}: HR < 40, applied to oximeter pulse rate`),
    },
    'nibpSys.high': {
      medium: limit('>', 160, 'mmHg', 0, `${TABLE}: SBP > 160`),
      high: limit('>', 180, 'mmHg', 0, `${TABLE}: SBP > 180 (label BP gate > 180/100, S20–S22)`),
    },
    'nibpSys.low': {
      medium: limit('<', 100, 'mmHg', 0, `${TABLE}: SBP < 100`),
      high: limit('<', 90, 'mmHg', 0, `${TABLE}: SBP < 90 (hypotension S64)`),
    },
    'nibpDia.high': {
      medium: limit('>', 100, 'mmHg', 0, `${TABLE}: DBP > 100`),
      high: limit('>', 110, 'mmHg', 0, `${TABLE}: DBP > 110`),
    },
    // No clinic default in §4.1: a physician can set these per patient.
    'nibpDia.low': {},
    'nibpMean.high': {},
    'nibpMean.low': {},
    'rr.high': {
      medium: limit('>', 24, '/min', 0, `${TABLE}: RR > 24 (if measured)`),
    },
    'rr.low': {
      medium: limit('<', 10, '/min', 0, `${TABLE}: RR < 10 (if measured)`),
      high: limit('<', 8, '/min', 0, `${TABLE}: RR < 8 or apnoea (if measured)`),
    },
    'etco2.high': {
      medium: limit('>=', 50, 'mmHg', 15 * SEC, `${TABLE}: EtCO2 ≥ 50 mmHg > 15 s (hypercarbia S64, S65)`),
    },
    'etco2.apnoea': {
      high: limit('<', 8, 'mmHg', 15 * SEC, `${TABLE}: no CO2 waveform > 15 s; apnoea = exhaled CO2 < 8 mmHg > 15 s (S64, S65)`),
    },
    'temp.high': {},
    'temp.low': {},
  },
  technical: {
    noDataMediumMs: {
      value: 10 * SEC,
      unit: 'ms',
      source: 'clinical-requirements §4.1 technical alarms [E]: no data > 10 s while infusion runs → medium',
    },
    noDataHighMs: {
      value: 30 * SEC,
      unit: 'ms',
      source: 'clinical-requirements §4.1 technical alarms [E]: no data > 30 s while infusion runs → high',
    },
    pumpToleranceMlH: {
      value: 0.1,
      unit: 'ml/h',
      source: '[E] engineering default, not in §4.1: one display step of a syringe pump (0.1 ml/h); clinic must confirm',
    },
    pumpTolerancePercent: {
      value: 5,
      unit: '%',
      source: '[E] engineering default, not in §4.1: 5 % of the documented rate; clinic must confirm',
    },
    observationOverdueMediumMs: {
      value: 5 * MIN,
      unit: 'ms',
      source: `${TABLE}: scheduled NIBP/observation > 5 min late → medium`,
    },
    observationOverdueHighMs: {
      value: 15 * MIN,
      unit: 'ms',
      source: `${TABLE}: scheduled NIBP/observation > 15 min late → high`,
    },
    audioPauseMs: {
      value: AUDIO_PAUSE_MAX_MS,
      unit: 'ms',
      source: 'clinical-requirements §4.3 item 4 [E]: AUDIO PAUSED max 2 min (Dräger, S78)',
    },
    escalationMs: {
      value: 2 * MIN,
      unit: 'ms',
      source: '[E] engineering default, not in §4: unacknowledged 2 min → call the physician; clinic must confirm',
    },
    reminderMs: {
      value: 3 * MIN,
      unit: 'ms',
      source: 'clinical-requirements §4.2 [E]: re-alarm after 2 or 3 min if an acknowledged condition persists (Philips, S79)',
    },
  },
};
