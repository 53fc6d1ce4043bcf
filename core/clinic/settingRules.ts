/**
 * Whether a physician may give a clinic setting a new value: of the default's type, within its clinical range (the
 * refusal quotes the range's source), a whole number where it counts, one of the choices, different from the value
 * in force, and consistent with the other settings (start ≤ soft ≤ hard limit, course minimum ≤ maximum …).
 * Every reason is named; the clinic-wide alarm limits are settings too (core/alarms/settings.ts).
 */
import { ALARM_SETTINGS, alarmSettingProblems, isAlarmSetting } from '../alarms/settings';
import { problem } from '../messages';
import type { Problem, SettingDefault, SettingRange } from '../settings';
import { CLINIC_DEFAULTS, type ClinicSettings } from './defaults';

/** Every setting a physician can change, with its default, unit, source and bounds. */
export const SETTINGS_CATALOGUE: Record<string, SettingDefault<unknown>> = { ...CLINIC_DEFAULTS, ...ALARM_SETTINGS };

/** Pairs [lower, upper]: the first may not be above the second (§2.2 protocol; course types; §1.6 schedule). */
const NOT_ABOVE: readonly (readonly [keyof ClinicSettings, keyof ClinicSettings])[] = [
  ['esketamineStartRateMgPerKgPerH', 'esketamineSoftLimitMgPerKgPerH'],
  ['esketamineSoftLimitMgPerKgPerH', 'esketamineHardLimitMgPerKgPerH'],
  ['racemicKetamineStartRateMgPerKgPerH', 'racemicKetamineSoftLimitMgPerKgPerH'],
  ['racemicKetamineSoftLimitMgPerKgPerH', 'racemicKetamineHardLimitMgPerKgPerH'],
  ['weeklyCourseMinInfusions', 'weeklyCourseMaxInfusions'],
  ['dailyCourseMinDays', 'dailyCourseMaxDays'],
  ['bloodPressureEarlyIntervalMin', 'bloodPressureIntervalMin'],
];

/** Wider bounds for tests only (e.g. no observation time, so a discharge test need not wait an hour). */
export type RangeWidening = Readonly<Record<string, Partial<SettingRange>>>;

/** `current`: every setting's value in force (defaults merged with the clinic's changes). */
export function settingProblems(key: string, value: unknown, current: Readonly<Record<string, unknown>>, widen: RangeWidening = {}): Problem[] {
  const known = SETTINGS_CATALOGUE[key];
  if (!known) return [problem('setting.unknown', { key })];
  const def = known.range && widen[key] ? { ...known, range: { ...known.range, ...widen[key] } } : known;
  const own = valueProblems(key, def, value);
  if (own.length > 0) return own;
  if (JSON.stringify(value) === JSON.stringify(current[key])) return [problem('setting.unchanged', { key, value: show(value) })];
  const next = { ...current, [key]: value };
  return isAlarmSetting(key) ? alarmSettingProblems(next) : relationProblems(next as ClinicSettings);
}

function valueProblems(key: string, def: SettingDefault<unknown>, value: unknown): Problem[] {
  if (def.choices) {
    return typeof value === 'string' && def.choices.includes(value) ? [] : [problem('setting.notAChoice', { key, value: show(value), choices: def.choices.join(', ') })];
  }
  if (Array.isArray(def.value)) {
    if (!Array.isArray(value)) return [problem('setting.notANumber', { key })];
    if (value.length === 0) return [problem('setting.listEmpty', { key })];
    return value.flatMap((v) => numberProblems(key, def, v));
  }
  // A nullable number (minimum fasting time): empty means "no rule".
  if (value === null && def.value === null) return [];
  return numberProblems(key, def, value);
}

function numberProblems(key: string, def: SettingDefault<unknown>, value: unknown): Problem[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [problem('setting.notANumber', { key })];
  const r = def.range;
  if (!r) return [];
  const problems: Problem[] = [];
  if (value < r.min || value > r.max) {
    problems.push(problem('setting.outOfRange', { key, value, min: r.min, max: r.max, unit: def.unit ?? '', source: r.source }));
  }
  if (r.integer && !Number.isInteger(value)) problems.push(problem('setting.notWhole', { key, value }));
  return problems;
}

function relationProblems(s: ClinicSettings): Problem[] {
  const problems: Problem[] = NOT_ABOVE.filter(([low, high]) => (s[low] as number) > (s[high] as number)).map(([low, high]) =>
    problem('setting.mustNotExceed', { key: low, value: s[low] as number, other: high, otherValue: s[high] as number }),
  );
  const catalogue = s.defaultSubstance === 'esketamine' ? s.esketamineConcentrationsMgPerMl : s.racemicKetamineConcentrationsMgPerMl;
  if (!catalogue.includes(s.defaultConcentrationMgPerMl)) {
    problems.push(problem('setting.notInCatalogue', { key: 'defaultConcentrationMgPerMl', value: s.defaultConcentrationMgPerMl, catalogue: catalogue.join(', ') }));
  }
  return problems;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
