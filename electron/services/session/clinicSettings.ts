/**
 * Clinic settings in force: the shipped defaults (core/clinic/defaults.ts and the clinic-wide alarm limits of
 * core/alarms/settings.ts, each with its source and clinical bounds) merged with the changes a physician approved
 * (stored with who, when, old → new and why).
 */
import { AppError } from '../../../core/api/envelope';
import type { ClinicSettingRow } from '../../../core/api/methods/sessionSchemas';
import { isAlarmSetting } from '../../../core/alarms/settings';
import { CLINIC_DEFAULTS, clinicSettings, type ClinicSettings } from '../../../core/clinic/defaults';
import { SETTINGS_CATALOGUE, settingProblems, type RangeWidening } from '../../../core/clinic/settingRules';
import { problem } from '../../../core/messages';
import type { DbClient } from '../../../db/client';
import type { ClinicSettingChange } from '../../../db/repos/clinicSettings';
import type { z } from 'zod';

/** Settings of this feature that are not clinical numbers of core/, with the same shape. */
export const SESSION_SETTINGS = {
  infoSheetVersion: { value: '1', source: 'clinical-requirements §5.2: version of the clinic\'s off-label information sheet; a consent on an older version needs re-consent' },
} as const;

export interface SettingsInForce {
  settings: ClinicSettings;
  /** Clinic-wide alarm limits changed by the clinic (`alarm.<code>.<priority>`, `alarm.<name>`). */
  alarmValues: Record<string, number>;
  infoSheetVersion: string;
  changes: ClinicSettingChange[];
}

export async function loadSettings(db: DbClient): Promise<SettingsInForce> {
  const changes = await db.call('clinicSettingChanges');
  const overrides: Record<string, unknown> = {};
  const alarmValues: Record<string, number> = {};
  let infoSheetVersion: string = SESSION_SETTINGS.infoSheetVersion.value;
  for (const c of changes) {
    if (c.key === 'infoSheetVersion' && typeof c.value === 'string') infoSheetVersion = c.value;
    else if (isAlarmSetting(c.key) && typeof c.value === 'number') alarmValues[c.key] = c.value;
    else if (Object.hasOwn(CLINIC_DEFAULTS, c.key)) overrides[c.key] = c.value;
  }
  return { settings: clinicSettings(overrides as Partial<ClinicSettings>), alarmValues, infoSheetVersion, changes };
}

/** Every setting's value in force, by key. */
export function valuesInForce(s: SettingsInForce): Record<string, unknown> {
  const alarmDefaults = Object.fromEntries(Object.entries(SETTINGS_CATALOGUE).filter(([k]) => isAlarmSetting(k)).map(([k, d]) => [k, d.value]));
  return { ...alarmDefaults, ...s.settings, ...s.alarmValues, infoSheetVersion: s.infoSheetVersion };
}

export function settingRows(inForce: SettingsInForce): z.infer<typeof ClinicSettingRow>[] {
  const changed = new Map(inForce.changes.map((c) => [c.key, c]));
  const values = valuesInForce(inForce);
  const catalogue: [string, { value: unknown; unit?: string; source: string; range?: { min: number; max: number; integer?: boolean; source: string }; choices?: readonly string[] }][] = [
    ...Object.entries(SETTINGS_CATALOGUE),
    ['infoSheetVersion', SESSION_SETTINGS.infoSheetVersion],
  ];
  return catalogue.map(([key, d]) => {
    const c = changed.get(key);
    return {
      key,
      value: values[key],
      defaultValue: d.value,
      unit: d.unit ?? null,
      source: c ? `changed by ${c.by.userName}: ${c.reason} (default: ${d.source})` : d.source,
      changed: c ? { by: c.by, reason: c.reason } : null,
      range: d.range ? { min: d.range.min, max: d.range.max, integer: d.range.integer ?? false, source: d.range.source } : null,
      choices: d.choices ? [...d.choices] : null,
    };
  });
}

/** Refuses a change with every reason named: value outside its clinical range or type, inconsistent, no reason. */
export function checkSettingChange(key: string, value: unknown, reason: string, inForce: SettingsInForce, widen?: RangeWidening): void {
  const problems =
    key === 'infoSheetVersion'
      ? typeof value === 'string' && value.trim() !== '' && value !== inForce.infoSheetVersion
        ? []
        : [problem('setting.valueInvalid', { key, rule: 'a new, non-empty version text' })]
      : settingProblems(key, value, valuesInForce(inForce), widen);
  if (!reason.trim()) problems.push(problem('setting.reasonMissing'));
  if (problems.length > 0) throw new AppError('BAD_INPUT', problems.map((p) => p.message).join('; '), problems);
}
