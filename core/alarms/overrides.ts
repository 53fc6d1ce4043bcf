/**
 * Per-patient limit overrides set by a physician, merged over the clinic limits.
 * A bad override is refused as a whole: a half-applied set of limits is worse than the clinic defaults.
 */
import { patientOverrideSource } from '../clinic/sourceText';
import type { Problem, SettingRange } from '../settings';
import { isPlausible } from '../vitals';
import { PHYSIOLOGICAL_CODES, PHYSIOLOGICAL_CONDITIONS, isPhysiologicalCode, type PhysiologicalCode } from './codes';
import type { ConditionLimits, LimitPriority, Thresholds } from './defaults';

export interface PatientOverrides {
  /** The physician who set them (clinical-requirements §4.3 item 2: physicians only, with a reason). */
  by: string;
  reason: string;
  limits: Partial<Record<PhysiologicalCode, Partial<Record<LimitPriority, number>>>>;
}

export type MergeResult = { ok: true; thresholds: Thresholds } | { ok: false; problems: Problem[] };

const PRIORITIES: readonly LimitPriority[] = ['medium', 'high'];

export function mergeThresholds(clinic: Thresholds, overrides: PatientOverrides): MergeResult {
  const problems: Problem[] = [];
  if (!overrides.by?.trim() || !overrides.reason?.trim()) {
    problems.push({ code: 'override.reasonMissing', message: 'A patient override needs the physician and a reason.' });
  }
  const physiological = { ...clinic.physiological };
  for (const [code, byPriority] of Object.entries(overrides.limits ?? {})) {
    if (!isPhysiologicalCode(code)) {
      problems.push({ code: 'override.unknownCode', message: `Unknown alarm condition ${code}.`, params: { code } });
      continue;
    }
    const merged: ConditionLimits = { ...physiological[code] };
    for (const [priority, value] of Object.entries(byPriority ?? {})) {
      const problem = checkValue(code, priority, value) ?? outOfBounds(physiological[code], code, priority as LimitPriority, value as number);
      if (problem) {
        problems.push(problem);
        continue;
      }
      merged[priority as LimitPriority] = overrideLimit(physiological[code], code, priority as LimitPriority, value as number, overrides);
    }
    physiological[code] = merged;
  }
  problems.push(...limitInversions(physiological));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, thresholds: { ...clinic, physiological } };
}

function checkValue(code: PhysiologicalCode, priority: string, value: unknown): Problem | null {
  const params = { code, priority };
  if (!(PRIORITIES as readonly string[]).includes(priority)) {
    return { code: 'override.unknownPriority', message: `${code}: priority must be medium or high.`, params };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { code: 'override.notANumber', message: `${code} ${priority}: the limit is not a number.`, params };
  }
  if (!isPlausible(PHYSIOLOGICAL_CONDITIONS[code].parameter, value)) {
    return { code: 'override.implausible', message: `${code} ${priority}: ${value} is outside the measurable range.`, params };
  }
  return null;
}

/**
 * Limits the clinic has no default for (clinical-requirements §4.1 gives none): their clinical bounds, anchored on the
 * monitor factory defaults (NIBP-D 50–90, MAP 60–110 mmHg, S66–S68) and normal body temperature.
 */
const R = (min: number, max: number, source: string): SettingRange => ({ min, max, source: `clinical-requirements §4.1 ${source}` });
const PATIENT_ONLY_BOUNDS: Partial<Record<PhysiologicalCode, SettingRange>> = {
  'nibpDia.low': R(30, 70, '[E]: monitor NIBP-D lower default 50 mmHg (S66)'),
  'nibpMean.high': R(90, 150, '[E]: monitor MAP upper default 110 mmHg (S66–S68)'),
  'nibpMean.low': R(50, 80, '[E]: monitor MAP lower default 60 mmHg (S66–S68)'),
  'temp.high': R(37.5, 40, '[E]: fever from 38 °C'),
  'temp.low': R(34, 36.5, '[E]: hypothermia below 35 °C'),
};

/**
 * A per-patient limit stays within the clinical bounds of its parameter, the same bounds a clinic-wide limit has
 * (an SpO2 low limit of 0 % would silence the alarm while "set").
 */
function outOfBounds(clinic: ConditionLimits, code: PhysiologicalCode, priority: LimitPriority, value: number): Problem | null {
  const range = clinic[priority]?.range ?? clinic[priority === 'high' ? 'medium' : 'high']?.range ?? PATIENT_ONLY_BOUNDS[code];
  if (!range || (value >= range.min && value <= range.max)) return null;
  return {
    code: 'override.outOfBounds',
    message: `${code} ${priority}: ${value} is outside the clinical bounds ${range.min}–${range.max} (${range.source}).`,
    params: { code, priority, min: range.min, max: range.max },
  };
}

function overrideLimit(clinic: ConditionLimits, code: PhysiologicalCode, priority: LimitPriority, value: number, overrides: PatientOverrides) {
  // Keep the clinic's comparison and delay for this priority; a new limit takes the other priority's, else strict.
  const template = clinic[priority] ?? clinic[priority === 'high' ? 'medium' : 'high'];
  const strict = PHYSIOLOGICAL_CONDITIONS[code].direction === 'low' ? '<' : '>';
  return {
    value: { op: template?.value.op ?? strict, limit: value, delayMs: template?.value.delayMs ?? 0 },
    ...(template?.unit === undefined ? {} : { unit: template.unit }),
    source: patientOverrideSource(overrides.by, overrides.reason, clinic[priority]?.value.limit ?? null),
  };
}

/** Limits that contradict each other: a high-priority limit less extreme than the medium one, or low ≥ high. */
export function limitInversions(physiological: Thresholds['physiological']): Problem[] {
  const problems: Problem[] = [];
  const lows = new Map<string, number>();
  const highs = new Map<string, number>();
  for (const code of PHYSIOLOGICAL_CODES) {
    const { parameter, direction } = PHYSIOLOGICAL_CONDITIONS[code];
    const medium = physiological[code].medium?.value.limit;
    const high = physiological[code].high?.value.limit;
    if (medium !== undefined && high !== undefined && (direction === 'low' ? high > medium : high < medium)) {
      problems.push({
        code: 'override.inverted',
        message: `${code}: the high-priority limit ${high} is less extreme than the medium limit ${medium}.`,
        params: { code, medium, high },
      });
    }
    for (const value of [medium, high]) {
      if (value === undefined) continue;
      if (direction === 'low') lows.set(parameter, Math.max(lows.get(parameter) ?? -Infinity, value));
      else highs.set(parameter, Math.min(highs.get(parameter) ?? Infinity, value));
    }
  }
  for (const [parameter, low] of lows) {
    const high = highs.get(parameter);
    if (high !== undefined && low >= high) {
      problems.push({
        code: 'override.inverted',
        message: `${parameter}: lower limit ${low} is not below upper limit ${high}.`,
        params: { parameter, low, high },
      });
    }
  }
  return problems;
}
