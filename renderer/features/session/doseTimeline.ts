/**
 * The session's dose events as core's DoseEvent timeline, and what the screen draws and counts from it.
 * The arithmetic is core's (cumulativeDose, pumpStateAt, mlPerHToMgPerKgPerH); this only adapts the rows.
 */
import type { DoseEventRow, SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { mlPerHToMgPerKgPerH } from '../../../core/dose/rate';
import { cumulativeDose, pumpStateAt, type CumulativeDose, type DoseEvent } from '../../../core/dose/timeline';

export function toDoseEvents(rows: readonly DoseEventRow[]): DoseEvent[] {
  return rows.map((r): DoseEvent => {
    switch (r.kind) {
      case 'start':
      case 'rateChange':
        return { kind: r.kind, at: r.at, rateMlPerH: r.rateMlPerH ?? 0 };
      case 'bolus':
        return { kind: 'bolus', at: r.at, amount: r.amount ?? 0, unit: r.unit ?? 'mg' };
      default:
        return { kind: r.kind, at: r.at };
    }
  });
}

export interface RatePoint {
  t: number;
  /** Programmed rate while running, 0 while paused or stopped. */
  mgPerKgPerH: number;
  mlPerH: number;
}

/** Step points of the delivered rate: one per event plus one at `to`, for a stepAfter line. */
export function rateSteps(detail: SessionDetail, to: number): RatePoint[] {
  const rx = detail.prescription;
  if (!rx || detail.doseEvents.length === 0) return [];
  const events = toDoseEvents(detail.doseEvents);
  const basis = { weightKg: rx.weightKg, concentrationMgPerMl: rx.concentrationMgPerMl };
  const at = (t: number): RatePoint => {
    const state = safe(() => pumpStateAt(events, t));
    const ml = state && state.phase === 'running' ? state.rateMlPerH : 0;
    // The server's mg/kg/h of the rate in force (right for every prescription of the session), else converted here.
    const set = [...detail.doseEvents].reverse().find((e) => e.at <= t && (e.kind === 'start' || e.kind === 'rateChange'));
    const mgPerKgPerH = ml === 0 ? 0 : (set?.rateMgPerKgPerH ?? mlPerHToMgPerKgPerH(ml, basis).mgPerKgPerH);
    return { t, mlPerH: ml, mgPerKgPerH };
  };
  const points = detail.doseEvents.filter((e) => e.kind !== 'bolus').map((e) => at(e.at));
  const last = points[points.length - 1];
  if (last && to > last.t) points.push({ ...at(to), t: to });
  return points;
}

/** The cumulative dose at `now`, integrated exactly from the event timeline; the server's value when it cannot be. */
export function liveDose(detail: SessionDetail, now: number): CumulativeDose | null {
  const rx = detail.prescription;
  if (!rx || detail.doseEvents.length === 0) return detail.dose;
  // One syringe per session: several prescriptions may differ in weight/concentration, then trust the server.
  if (detail.prescriptions.length > 1) return detail.dose;
  const timeline = { weightKg: rx.weightKg, concentrationMgPerMl: rx.concentrationMgPerMl, events: toDoseEvents(detail.doseEvents) };
  return safe(() => cumulativeDose(timeline, now)) ?? detail.dose;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
