/**
 * Rate arithmetic of clinical-requirements §2.4, implemented exactly as written there.
 * Units are in every name (mg/kg/h vs mg/h vs ml/h is the classic 10× error).
 */

export interface InfusionBasis {
  weightKg: number;
  concentrationMgPerMl: number;
}

export interface PumpRate {
  mgPerKgPerH: number;
  mgPerH: number;
  /** Exact pump rate before rounding to the pump's resolution. */
  mlPerH: number;
}

/** dose_rate_mg_per_h = dose_mg_per_kg_per_h × weight_kg; pump_rate_ml_per_h = dose_rate_mg_per_h ÷ concentration. */
export function mgPerKgPerHToMlPerH(mgPerKgPerH: number, basis: InfusionBasis): PumpRate {
  const mgPerH = mgPerKgPerH * basis.weightKg;
  return { mgPerKgPerH, mgPerH, mlPerH: mgPerH / basis.concentrationMgPerMl };
}

/** The inverse: what a pump rate in ml/h means in mg/h and mg/kg/h for this patient and syringe. */
export function mlPerHToMgPerKgPerH(mlPerH: number, basis: InfusionBasis): PumpRate {
  const mgPerH = mlPerH * basis.concentrationMgPerMl;
  return { mgPerKgPerH: mgPerH / basis.weightKg, mgPerH, mlPerH };
}

/** concentration = drug_mg_in_syringe ÷ total_volume_ml */
export function concentrationMgPerMl(drugMg: number, totalVolumeMl: number): number {
  return drugMg / totalVolumeMl;
}

/** remaining_time_h = remaining_volume_ml ÷ pump_rate_ml_per_h; Infinity when the pump stands still. */
export function remainingTimeH(remainingVolumeMl: number, pumpRateMlPerH: number): number {
  return pumpRateMlPerH > 0 ? remainingVolumeMl / pumpRateMlPerH : Infinity;
}

/**
 * Round a rate to what the pump can be set to (e.g. 0.1 ml/h), halves up: 4.875 → 4.9 (§2.4 example).
 * The quotient is first cut to 12 significant digits, so binary noise such as 48.74999999999999
 * (from 0.15 × 65 ÷ 2 × 10) rounds as the decimal 48.75 it stands for.
 */
export function roundToPumpResolution(mlPerH: number, resolutionMlPerH: number): number {
  const steps = Math.round(Number((mlPerH / resolutionMlPerH).toPrecision(12)));
  return Number((steps * resolutionMlPerH).toPrecision(12));
}

/**
 * The pump rate for a prescribed dose, rounded toward the safe side at limits: to the nearest step, unless that
 * step would cross a limit (soft or hard, mg/kg/h) the prescribed dose itself does not cross; then one step down.
 * A prescription accepted at its limits is so never refused at the start because of rounding (31.3 kg, 1.0 mg/kg/h,
 * 2 mg/ml: 15.65 ml/h → 15.6, not 15.7 = 1.0032 mg/kg/h).
 */
export function safePumpRate(mgPerKgPerH: number, basis: InfusionBasis, resolutionMlPerH: number, limitsMgPerKgPerH: readonly number[]): number {
  const exact = mgPerKgPerHToMlPerH(mgPerKgPerH, basis).mlPerH;
  const nearest = roundToPumpResolution(exact, resolutionMlPerH);
  const crossed = limitsMgPerKgPerH.some(
    (limit) => !exceeds(mgPerKgPerH, limit) && exceeds(mlPerHToMgPerKgPerH(nearest, basis).mgPerKgPerH, limit),
  );
  if (!crossed) return nearest;
  const steps = Math.floor(Number((exact / resolutionMlPerH).toPrecision(12)));
  return Number((steps * resolutionMlPerH).toPrecision(12));
}

/** A dose above a limit, with binary noise cut to 12 digits (0.1 × 3 is 0.30000000000000004). */
export function exceeds(mgPerKgPerH: number, limit: number): boolean {
  return Number(mgPerKgPerH.toPrecision(12)) > limit;
}
