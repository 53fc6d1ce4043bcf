/**
 * Limit check of a prescription (§2.2, §2.4): within limits → ok; above the soft limit → allowed only with
 * a written reason; above the hard limit or implausible input → refused.
 */
import type { Problem } from '../settings';
import type { ClinicSettings } from '../clinic/defaults';
import { problem } from '../messages';
import { exceeds } from './rate';
import type { Substance } from './substance';

export interface DoseLimits {
  softLimitMgPerKgPerH: number;
  hardLimitMgPerKgPerH: number;
  maxBolusMgPerKg: number;
  maxSessionDoseMgPerKg: number;
  concentrationsMgPerMl: readonly number[];
  minPlausibleWeightKg: number;
  maxPlausibleWeightKg: number;
}

/** The limits for the substance actually in the syringe: racemic and esketamine limits are never mixed. */
export function doseLimitsFor(substance: Substance, settings: ClinicSettings): DoseLimits {
  const weight = { minPlausibleWeightKg: settings.minPlausibleWeightKg, maxPlausibleWeightKg: settings.maxPlausibleWeightKg };
  return substance === 'esketamine'
    ? {
        softLimitMgPerKgPerH: settings.esketamineSoftLimitMgPerKgPerH,
        hardLimitMgPerKgPerH: settings.esketamineHardLimitMgPerKgPerH,
        maxBolusMgPerKg: settings.esketamineMaxBolusMgPerKg,
        maxSessionDoseMgPerKg: settings.esketamineMaxSessionDoseMgPerKg,
        concentrationsMgPerMl: settings.esketamineConcentrationsMgPerMl,
        ...weight,
      }
    : {
        softLimitMgPerKgPerH: settings.racemicKetamineSoftLimitMgPerKgPerH,
        hardLimitMgPerKgPerH: settings.racemicKetamineHardLimitMgPerKgPerH,
        maxBolusMgPerKg: settings.racemicKetamineMaxBolusMgPerKg,
        maxSessionDoseMgPerKg: settings.racemicKetamineMaxSessionDoseMgPerKg,
        concentrationsMgPerMl: settings.racemicKetamineConcentrationsMgPerMl,
        ...weight,
      };
}

/** What is being prescribed: a continuous rate, or a bolus, for one patient and one syringe. */
export type Prescription =
  | { kind: 'rate'; mgPerKgPerH: number; weightKg: number; concentrationMgPerMl: number; softLimitReason?: string }
  | { kind: 'bolus'; mg: number; weightKg: number; concentrationMgPerMl: number };

export type LimitVerdict = 'ok' | 'reasonRequired' | 'refused';

/**
 * `problems` lists every limit crossed, also a soft limit that a written reason covers (verdict 'ok'),
 * so the caller can show and audit it.
 */
export interface LimitCheck {
  verdict: LimitVerdict;
  problems: Problem[];
}

export function checkPrescription(prescription: Prescription, limits: DoseLimits): LimitCheck {
  const refusals = [
    ...checkWeight(prescription.weightKg, limits),
    ...checkConcentration(prescription.concentrationMgPerMl, limits),
  ];
  if (prescription.kind === 'bolus') {
    refusals.push(...checkBolus(prescription.mg, prescription.weightKg, limits));
    return refusals.length > 0 ? { verdict: 'refused', problems: refusals } : { verdict: 'ok', problems: [] };
  }

  const rate = prescription.mgPerKgPerH;
  if (!Number.isFinite(rate) || rate <= 0) {
    refusals.push(problem('dose.rateNotPositive', { rate }));
  } else if (exceeds(rate, limits.hardLimitMgPerKgPerH)) {
    refusals.push(problem('dose.rateAboveHardLimit', { rate, limit: limits.hardLimitMgPerKgPerH }));
  }
  if (refusals.length > 0) return { verdict: 'refused', problems: refusals };

  if (exceeds(rate, limits.softLimitMgPerKgPerH)) {
    const soft = problem('dose.rateAboveSoftLimit', { rate, limit: limits.softLimitMgPerKgPerH });
    const reasoned = (prescription.softLimitReason ?? '').trim().length > 0;
    return { verdict: reasoned ? 'ok' : 'reasonRequired', problems: [soft] };
  }
  return { verdict: 'ok', problems: [] };
}

/** The session's cumulative dose (from `cumulativeDose`) against the maximum per session (§2.2 [E]). */
export function checkSessionDose(cumulativeMgPerKg: number, limits: DoseLimits): Problem[] {
  return cumulativeMgPerKg > limits.maxSessionDoseMgPerKg
    ? [problem('dose.sessionDoseAboveLimit', { mgPerKg: round3(cumulativeMgPerKg), limit: limits.maxSessionDoseMgPerKg })]
    : [];
}

function checkWeight(weightKg: number, limits: DoseLimits): Problem[] {
  const { minPlausibleWeightKg: min, maxPlausibleWeightKg: max } = limits;
  return Number.isFinite(weightKg) && weightKg >= min && weightKg <= max
    ? []
    : [problem('dose.weightImplausible', { weight: weightKg, min, max })];
}

function checkConcentration(concentrationMgPerMl: number, limits: DoseLimits): Problem[] {
  return limits.concentrationsMgPerMl.includes(concentrationMgPerMl)
    ? []
    : [
        problem('dose.concentrationNotInCatalogue', {
          concentration: concentrationMgPerMl,
          catalogue: limits.concentrationsMgPerMl.join(' / '),
        }),
      ];
}

function checkBolus(mg: number, weightKg: number, limits: DoseLimits): Problem[] {
  if (!Number.isFinite(mg) || mg <= 0) return [problem('dose.bolusNotPositive', { mg })];
  const mgPerKg = mg / weightKg;
  return mgPerKg > limits.maxBolusMgPerKg
    ? [problem('dose.bolusAboveLimit', { mgPerKg: round3(mgPerKg), limit: limits.maxBolusMgPerKg })]
    : [];
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
