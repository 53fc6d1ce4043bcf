/**
 * When a shown value stops being current. Missing data is shown as "no data", never as the last number:
 * a frozen SpO2 of 97 % on a screen is more dangerous than an empty one.
 */
import type { SettingDefault } from './settings';
import type { VitalParameter } from './vitals';

export const STALE_AFTER: Record<'continuous' | 'nibp', SettingDefault<number>> = {
  continuous: {
    value: 12_000,
    unit: 'ms',
    source: 'clinical-requirements §4.1 [E]: no data > 10 s is a technical alarm; +2 s for the monitor’s 5-s record spacing jitter',
  },
  nibp: {
    value: 17 * 60_000,
    unit: 'ms',
    source: 'clinical-requirements §4.1 [E]: stale NIBP = cuff interval (15 min after the first 30 min) + 2 min',
  },
};

const CUFF: ReadonlySet<VitalParameter> = new Set(['nibpSys', 'nibpDia', 'nibpMean']);

export function staleAfterMs(parameter: VitalParameter): number {
  return CUFF.has(parameter) ? STALE_AFTER.nibp.value : STALE_AFTER.continuous.value;
}

export function isStale(parameter: VitalParameter, receivedAt: number, now: number): boolean {
  return now - receivedAt > staleAfterMs(parameter);
}
