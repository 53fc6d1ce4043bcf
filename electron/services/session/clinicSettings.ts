/**
 * Clinic settings in force: the shipped defaults (core/clinic/defaults.ts, each with its source) merged with the
 * changes a physician approved (stored with who, when and why).
 */
import { AppError } from '../../../core/api/envelope';
import { problem } from '../../../core/messages';
import { CLINIC_DEFAULTS, clinicSettings, type ClinicSettingKey, type ClinicSettings } from '../../../core/clinic/defaults';
import type { DbClient } from '../../../db/client';
import type { ClinicSettingChange } from '../../../db/repos/clinicSettings';

/** Settings of this feature that are not clinical numbers of core/, with the same shape. */
export const SESSION_SETTINGS = {
  infoSheetVersion: { value: '1', source: 'clinical-requirements §5.2: version of the clinic\'s off-label information sheet; a consent on an older version needs re-consent' },
} as const;

export interface SettingsInForce {
  settings: ClinicSettings;
  infoSheetVersion: string;
  changes: ClinicSettingChange[];
}

export async function loadSettings(db: DbClient): Promise<SettingsInForce> {
  const changes = await db.call('clinicSettingChanges');
  const overrides: Record<string, unknown> = {};
  let infoSheetVersion: string = SESSION_SETTINGS.infoSheetVersion.value;
  for (const c of changes) {
    if (c.key === 'infoSheetVersion' && typeof c.value === 'string') infoSheetVersion = c.value;
    else if (Object.hasOwn(CLINIC_DEFAULTS, c.key)) overrides[c.key] = c.value;
  }
  return { settings: clinicSettings(overrides as Partial<ClinicSettings>), infoSheetVersion, changes };
}

export function settingRows(inForce: SettingsInForce) {
  const changed = new Map(inForce.changes.map((c) => [c.key, c]));
  const rows: { key: string; value: unknown; defaultValue: unknown; unit: string | null; source: string; changed: { by: ClinicSettingChange['by']; reason: string } | null }[] = Object.entries(CLINIC_DEFAULTS).map(([key, d]) => {
    const c = changed.get(key);
    return {
      key,
      value: c ? c.value : d.value,
      defaultValue: d.value,
      unit: 'unit' in d ? (d.unit as string) : null,
      source: c ? `changed by ${c.by.userName}: ${c.reason} (default: ${d.source})` : d.source,
      changed: c ? { by: c.by, reason: c.reason } : null,
    };
  });
  const info = changed.get('infoSheetVersion');
  rows.push({
    key: 'infoSheetVersion',
    value: inForce.infoSheetVersion,
    defaultValue: SESSION_SETTINGS.infoSheetVersion.value,
    unit: null,
    source: info ? `changed by ${info.by.userName}: ${info.reason}` : SESSION_SETTINGS.infoSheetVersion.source,
    changed: info ? { by: info.by, reason: info.reason } : null,
  });
  return rows;
}

/** A new value must have the default's type; numbers finite and not negative; a soft limit not above its hard limit. */
function invalid(key: string, rule: string): AppError {
  return new AppError('BAD_INPUT', `${key}: ${rule}`, [problem('setting.valueInvalid', { key, rule })]);
}

export function validateSetting(key: string, value: unknown, current: ClinicSettings): void {
  if (key === 'infoSheetVersion') {
    if (typeof value !== 'string' || value.trim() === '') throw invalid(key, 'a non-empty text');
    return;
  }
  if (!Object.hasOwn(CLINIC_DEFAULTS, key)) throw invalid(key, 'there is no such clinic setting');
  const def = CLINIC_DEFAULTS[key as ClinicSettingKey].value as unknown;
  // RASS runs from −5 to +4: its thresholds may be negative; every other clinical number is ≥ 0.
  const floor = key === 'abnormalRassAtMost' || key === 'abnormalRassAtLeast' ? -5 : 0;
  const badNumber = (v: unknown) => typeof v !== 'number' || !Number.isFinite(v) || v < floor;
  if (Array.isArray(def)) {
    if (!Array.isArray(value) || value.length === 0 || value.some(badNumber)) throw invalid(key, 'a list of numbers ≥ 0');
  } else if (typeof def === 'number' || def === null) {
    if (!(value === null && key === 'minFastingHours') && badNumber(value)) throw invalid(key, 'a number ≥ 0');
  } else if (typeof def === 'string') {
    if (typeof value !== 'string') throw invalid(key, 'a text');
    if (key === 'defaultSubstance' && value !== 'esketamine' && value !== 'racemicKetamine') throw invalid(key, 'esketamine or racemicKetamine');
    if (key === 'dischargeScale' && !['padss', 'modifiedPadss', 'modifiedAldrete'].includes(value)) throw invalid(key, 'padss, modifiedPadss or modifiedAldrete');
  }
  const next = { ...current, [key]: value } as ClinicSettings;
  for (const s of ['esketamine', 'racemicKetamine'] as const) {
    if (next[`${s}SoftLimitMgPerKgPerH`] > next[`${s}HardLimitMgPerKgPerH`]) {
      throw invalid(key, `the soft limit of ${s} may not be above its hard limit`);
    }
  }
}
