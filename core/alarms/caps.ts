/**
 * Alarm conditions of the session caps (core/dose/caps.ts), as reported by the session service: the projection at
 * the current rate crosses a cap within the window → medium (prompt response); the cap is crossed → high.
 */
import type { CapState } from '../dose/caps';
import type { CapCode } from './codes';
import type { Condition } from './condition';

export function judgeCaps(caps: CapState | null): Condition[] {
  if (caps === null) return [];
  const conditions: Condition[] = [];
  const { dose, duration } = caps;
  const mgPerKg = round2(dose.mgPerKg);
  if (dose.status !== 'ok') {
    const reached = dose.status === 'reached';
    const minutes = wholeMinutes(dose.minutesToLimit ?? 0, Math.ceil);
    conditions.push(cap(reached ? 'dose.capReached' : 'dose.capNear', mgPerKg, dose.limit, { mgPerKg, limit: dose.limit, minutes }));
  }
  if (duration.status !== 'ok') {
    const reached = duration.status === 'reached';
    const minutes = reached ? wholeMinutes(duration.minutes, Math.floor) : wholeMinutes(duration.minutesToLimit, Math.ceil);
    conditions.push(cap(reached ? 'duration.capReached' : 'duration.capNear', wholeMinutes(duration.minutes, Math.floor), duration.limit, { minutes, limit: duration.limit }));
  }
  return conditions;
}

function cap(code: CapCode, value: number, threshold: number, params: Record<string, number>): Condition {
  const priority = code.endsWith('Reached') ? 'high' : 'medium';
  return { key: code, code, kind: 'technical', priority, value, threshold, params };
}

/** Binary noise cut first: 10.000000000000002 min is 10 min, not 11. */
function wholeMinutes(x: number, round: (x: number) => number): number {
  return round(Number(x.toPrecision(12)));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
