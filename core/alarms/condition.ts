/**
 * What the engine knows about one chair (its inputs, kept as they arrived) and the alarm conditions judged from it.
 */
import type { LinkFault } from '../devices/linkFault';
import type { MeasurementState } from '../vitals';
import type { AlarmKind, AlarmParameter, ConditionCode, Priority } from './codes';

export type LinkStatus = 'receiving' | 'silent' | 'lost' | 'error';

export interface LatestReading {
  value: number | null;
  state: MeasurementState;
  at: number;
}

export interface Observed {
  infusion: { running: boolean; documentedRateMlH: number | null; startedAt: number | null; hardLimitMlH: number | null };
  /** Device clock minus PC clock at the last reading that carried a device time; null = none carried one. */
  clockDriftMs: number | null;
  /** Start of the watched period (check-in, or the infusion start); null = no session on the chair. */
  watchedSince: number | null;
  /** Time of the last readings of any kind; null until the first arrive. */
  lastDataAt: number | null;
  /** reason: the driver's English text (kept in the log); fault: the same as a code the screen says in words. */
  link: { status: LinkStatus; reason: string; fault: LinkFault | null };
  latest: Partial<Record<AlarmParameter, LatestReading>>;
  /** Parameters that had a usable value in this session: only their loss is an alarm, not a module never fitted. */
  measured: ReadonlySet<AlarmParameter>;
  /** Overdue observations by kind, as last reported; the engine extrapolates between reports. */
  overdue: ReadonlyMap<string, { overdueMs: number; reportedAt: number }>;
}

export type AlarmParams = Record<string, string | number>;

/** An alarm condition that holds right now at a priority. `key` tells apart conditions sharing a code. */
export interface Condition {
  key: string;
  code: ConditionCode;
  kind: AlarmKind;
  priority: Priority;
  value: number | null;
  threshold: number | null;
  params: AlarmParams;
}

/** A value the engine may judge against limits: 'questionable' is judged too, as missing a desaturation is worse. */
export function usableValue(reading: LatestReading | undefined): number | null {
  if (!reading || reading.value === null || !Number.isFinite(reading.value)) return null;
  return reading.state === 'valid' || reading.state === 'questionable' ? reading.value : null;
}
