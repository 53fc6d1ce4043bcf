/**
 * The pump's rate (read from a B. Braun BCC link) against the rate documented in the session. Same rule as the
 * alarm engine's 'pump.rateMismatch' (core/alarms/equipment.ts): tolerance = max(0.1 ml/h, 5 % of the documented
 * rate); while no infusion runs the documented rate is 0. The display only shows it; the alarm service raises it.
 */
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { isStale } from '../../../core/freshness';
import type { StoredReading } from '../../../core/api/schemas';

export interface DocumentedRate {
  /** 'unavailable': the session API did not answer; 'none': no session on this chair. */
  status: 'loading' | 'unavailable' | 'none' | 'ok';
  rateMlPerH: number | null;
  running: boolean;
}

export interface PumpComparison {
  pump: number | null;
  /** The rate the comparison uses (0 when nothing runs); null when unknown. */
  documented: number | null;
  differs: boolean;
  stale: boolean;
}

export function comparePumpRate(
  reading: StoredReading | undefined,
  documented: DocumentedRate,
  now: number,
  tolerance = CLINIC_THRESHOLDS.technical,
): PumpComparison {
  const stale = reading !== undefined && isStale('pumpRate', reading.receivedAt, now);
  const pump = reading && reading.state === 'valid' && reading.value !== null && !stale ? reading.value : null;
  const known = documented.status === 'ok' || documented.status === 'none';
  const doc = !known ? null : documented.status === 'ok' && documented.running && documented.rateMlPerH !== null ? documented.rateMlPerH : 0;
  if (pump === null || doc === null) return { pump, documented: doc, differs: false, stale };
  const allowed = Math.max(tolerance.pumpToleranceMlH.value, (doc * tolerance.pumpTolerancePercent.value) / 100);
  return { pump, documented: doc, differs: Math.abs(pump - doc) - allowed > 1e-9, stale };
}
