/**
 * The clinic-wide alarm limits as clinic settings: every limit value and number of CLINIC_THRESHOLDS (technical,
 * required parameters, assessments) is a setting `alarm.<code>.<priority>` or `alarm.<name>` with its default, source
 * and clinical bounds. A physician
 * changes them like any clinic setting (with a reason, in the history); the alarm service builds its limits from the
 * values in force (comparison and delay of a limit stay the clinic's).
 */
import { problem } from '../messages';
import type { Problem, SettingDefault } from '../settings';
import { PHYSIOLOGICAL_CODES } from './codes';
import { CLINIC_THRESHOLDS, type LimitPriority, type Thresholds } from './defaults';
import { limitInversions } from './overrides';

const PRIORITIES: readonly LimitPriority[] = ['medium', 'high'];
/** The groups of plain numbers: each number is the setting `alarm.<name>` (names are unique across the groups). */
const NUMBER_GROUPS = ['technical', 'required', 'assessments'] as const;
type NumberGroup = (typeof NUMBER_GROUPS)[number];
const numbersOf = (group: NumberGroup): [string, SettingDefault<number>][] => Object.entries(CLINIC_THRESHOLDS[group]);

/** Every alarm setting with its default value, unit, source and range. */
export const ALARM_SETTINGS: Record<string, SettingDefault<number>> = Object.fromEntries([
  ...PHYSIOLOGICAL_CODES.flatMap((code) =>
    PRIORITIES.flatMap((priority) => {
      const d = CLINIC_THRESHOLDS.physiological[code][priority];
      return d ? [[`alarm.${code}.${priority}`, { ...d, value: d.value.limit }] as const] : [];
    }),
  ),
  ...NUMBER_GROUPS.flatMap((group) => numbersOf(group).map(([name, d]) => [`alarm.${name}`, d] as const)),
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
  const withValues = <G extends object>(group: G): G => {
    const changed: Record<string, SettingDefault<number>> = { ...(group as Record<string, SettingDefault<number>>) };
    for (const name of Object.keys(changed)) {
      const v = values[`alarm.${name}`];
      if (typeof v === 'number') changed[name] = { ...changed[name]!, value: v };
    }
    return changed as G;
  };
  return { physiological, technical: withValues(base.technical), required: withValues(base.required), assessments: withValues(base.assessments) };
}

/** Alarm limits that contradict each other once `values` are in force: every one named. */
export function alarmSettingProblems(values: Readonly<Record<string, unknown>>): Problem[] {
  const t = thresholdsWith(CLINIC_THRESHOLDS, values);
  const numbers: Record<string, number> = Object.fromEntries(NUMBER_GROUPS.flatMap((g) => Object.entries(t[g]).map(([k, d]) => [k, (d as SettingDefault<number>).value])));
  const order = (lower: string, upper: string): Problem[] =>
    numbers[lower]! < numbers[upper]! ? [] : [problem('setting.mustBeBelow', { key: `alarm.${lower}`, value: numbers[lower]!, other: `alarm.${upper}`, otherValue: numbers[upper]! })];
  return [
    ...limitInversions(t.physiological),
    ...order('noDataMediumMs', 'noDataHighMs'),
    ...order('observationOverdueMediumMs', 'observationOverdueHighMs'),
    // The high-priority score is the deeper sedation / the stronger dissociation.
    ...order('sedationRassHighAtMost', 'sedationRassMediumAtMost'),
    ...order('sedationMoaasHighAtMost', 'sedationMoaasMediumAtMost'),
    ...order('dissociationMediumAtLeast', 'dissociationHighAtLeast'),
  ];
}
