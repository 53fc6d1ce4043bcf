/** A clinic setting's value in force, falling back to the shipped default (core/clinic/defaults.ts). */
import { sourceText } from '../../../core/clinic/sourceText';
import type { Lang } from '../../../core/text';
import { CLINIC_DEFAULTS, type ClinicSettingKey, type ClinicSettings } from '../../../core/clinic/defaults';
import type { SettingRow } from './useClinicSettings';

export function settingValue<K extends ClinicSettingKey>(rows: Record<string, SettingRow>, key: K): ClinicSettings[K] {
  const row = rows[key];
  return (row ? row.value : CLINIC_DEFAULTS[key].value) as ClinicSettings[K];
}

/** The setting's source in words for the clinician (core/clinic/sourceText.ts), never the developer's note. */
export function settingSource(rows: Record<string, SettingRow>, key: ClinicSettingKey, lang: Lang): string {
  return sourceText(rows[key]?.source ?? CLINIC_DEFAULTS[key].source, lang);
}
