/**
 * Clinic settings calls: list (value in force, default, unit, source, clinical range), change (physician, reason,
 * checked against the range and the other settings, stored with the previous value and audited), and the history.
 * A change emits 'clinicSettings.changed' so screens and the alarm service take the new value at once.
 */
import type { SessionUser } from '../../../core/auth/roles';
import type { RangeWidening } from '../../../core/clinic/settingRules';
import type { DbClient } from '../../../db/client';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { EventBus } from '../eventBus';
import { checkSettingChange, loadSettings, settingRows, valuesInForce } from './clinicSettings';
import { guarded } from './guarded';

export type SettingsMethods = 'clinicSettings.list' | 'clinicSettings.set' | 'clinicSettings.history';

export function createSettingsHandlers(deps: { db: DbClient; bus: EventBus; now?: () => number; widenRanges?: RangeWidening }): HandlersFor<SettingsMethods> {
  const { db, bus } = deps;
  const now = deps.now ?? Date.now;
  return {
    'clinicSettings.list': async () => settingRows(await loadSettings(db)),
    'clinicSettings.set': async ({ key, value, reason }, ctx) => {
      const user: SessionUser = userOf(ctx);
      const inForce = await loadSettings(db);
      checkSettingChange(key, value, reason, inForce, deps.widenRanges);
      await guarded(db.call('setClinicSetting', { userId: user.id, at: now() }, key, value, valuesInForce(inForce)[key] ?? null, reason.trim()));
      bus.emit('clinicSettings.changed', { key });
      return settingRows(await loadSettings(db));
    },
    'clinicSettings.history': () => db.call('clinicSettingHistory'),
  };
}
