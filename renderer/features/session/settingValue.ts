/** A clinic setting's value in force, falling back to the shipped default (core/clinic/defaults.ts). */
import { CLINIC_DEFAULTS, type ClinicSettingKey, type ClinicSettings } from '../../../core/clinic/defaults';
import type { SettingRow } from './useClinicSettings';

export function settingValue<K extends ClinicSettingKey>(rows: Record<string, SettingRow>, key: K): ClinicSettings[K] {
  const row = rows[key];
  return (row ? row.value : CLINIC_DEFAULTS[key].value) as ClinicSettings[K];
}

export function settingSource(rows: Record<string, SettingRow>, key: ClinicSettingKey): string {
  return rows[key]?.source ?? CLINIC_DEFAULTS[key].source;
}
