/**
 * The clinic-wide alarm limits as clinic settings: every limit value and technical number of CLINIC_THRESHOLDS is a
 * setting `alarm.<code>.<priority>` or `alarm.<name>` with its default, source and clinical bounds. A physician
 * changes them like any clinic setting (with a reason, in the history); the alarm service builds its limits from the
 * values in force (comparison and delay of a limit stay the clinic's).
 */
import { problem } from '../messages';
import type { Problem, SettingDefault } from '../settings';
import { PHYSIOLOGICAL_CODES } from './codes';
import { CLINIC_THRESHOLDS, type LimitPriority, type TechnicalSettings, type Thresholds } from './defaults';
import { limitInversions } from './overrides';

const PRIORITIES: readonly LimitPriority[] = ['medium', 'high'];
const TECHNICAL = Object.keys(CLINIC_THRESHOLDS.technical) as (keyof TechnicalSettings)[];

/** Every alarm setting with its default value, unit, source and range. */
export const ALARM_SETTINGS: Record<string, SettingDefault<number>> = Object.fromEntries([
  ...PHYSIOLOGICAL_CODES.flatMap((code) =>
    PRIORITIES.flatMap((priority) => {
      const d = CLINIC_THRESHOLDS.physiological[code][priority];
      return d ? [[`alarm.${code}.${priority}`, { ...d, value: d.value.limit }] as const] : [];
    }),
  ),
  ...TECHNICAL.map((name) => [`alarm.${name}`, CLINIC_THRESHOLDS.technical[name]] as const),
]);

export function isAlarmSetting(key: string): boolean {
  return Object.hasOwn(ALARM_SETTINGS, key);
}

/** `base` (CLINIC_THRESHOLDS, or shorter delays in tests) with the limit values in force. */
export function thresholdsWith(base: Thresholds, values: Readonly<Record<string, unknown>>): Thresholds {
  const physiological = { ...base.physiological };
  for (const code of PHYSIOLOGICAL_CODES) {
    for (const priority of PRIORITIES) {
      const v = values[`alarm.${code}.${priority}`];
      const limit = physiological[code][priority];
      if (typeof v !== 'number' || !limit) continue;
      const changed = { ...limit, value: { ...limit.value, limit: v }, source: `clinic setting (default: ${limit.source})` };
      physiological[code] = { ...physiological[code], [priority]: changed };
    }
  }
  const technical = { ...base.technical };
  for (const name of TECHNICAL) {
    const v = values[`alarm.${name}`];
    if (typeof v === 'number') technical[name] = { ...technical[name], value: v };
  }
  return { physiological, technical };
}

/** Alarm limits that contradict each other once `values` are in force: every one named. */
export function alarmSettingProblems(values: Readonly<Record<string, unknown>>): Problem[] {
  const t = thresholdsWith(CLINIC_THRESHOLDS, values);
  const order = (medium: keyof TechnicalSettings, high: keyof TechnicalSettings): Problem[] =>
    t.technical[medium].value < t.technical[high].value
      ? []
      : [problem('setting.mustBeBelow', { key: `alarm.${medium}`, value: t.technical[medium].value, other: `alarm.${high}`, otherValue: t.technical[high].value })];
  return [...limitInversions(t.physiological), ...order('noDataMediumMs', 'noDataHighMs'), ...order('observationOverdueMediumMs', 'observationOverdueHighMs')];
}
