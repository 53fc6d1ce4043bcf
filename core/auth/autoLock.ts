import type { SettingDefault } from '../settings';

/** The station locks itself after this long without a touch, click or key; a PIN unlocks it. */
export const AUTO_LOCK_AFTER: SettingDefault<number> = {
  value: 5 * 60_000,
  unit: 'ms',
  source: 'clinical-requirements §5.6 [E]: per-user login, fast user switching, auto-lock after N min; N = 5 chosen for a shared treatment room',
};
