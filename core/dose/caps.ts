/**
 * The session caps during the infusion (§2.2 [E]): cumulative dose per kg against the maximum per session, and time
 * since the start against the maximum session duration. Each is 'near' when the projection at the current rate
 * crosses it within the projection window, and 'reached' once it is crossed. Pure: the caller passes the exact
 * cumulative dose (timeline.ts) and the time.
 */
import type { Problem } from '../settings';
import { problem } from '../messages';

export type CapStatus = 'ok' | 'near' | 'reached';

export interface CapRules {
  maxSessionDoseMgPerKg: number;
  maxSessionDurationMin: number;
  projectionMin: number;
}

export interface InfusionNow {
  now: number;
  infusionStartedAt: number;
  /** Exact cumulative dose up to `now`. */
  doseMgPerKg: number;
  /** The rate the pump delivers now: 0 while paused. */
  rateMgPerKgPerH: number;
}

export interface CapState {
  dose: { status: CapStatus; mgPerKg: number; limit: number; minutesToLimit: number | null };
  duration: { status: CapStatus; minutes: number; limit: number; minutesToLimit: number };
}

const MS_PER_MIN = 60_000;

/** Binary noise cut to 12 digits, as the pump rounding does: 1.4999999999999998 is 1.5. */
const atLeast = (value: number, limit: number) => Number(value.toPrecision(12)) >= limit;

export function capState(input: InfusionNow, rules: CapRules): CapState {
  const { doseMgPerKg, rateMgPerKgPerH } = input;
  const limit = rules.maxSessionDoseMgPerKg;
  const minutesToDoseLimit = atLeast(doseMgPerKg, limit) ? 0 : rateMgPerKgPerH > 0 ? ((limit - doseMgPerKg) / rateMgPerKgPerH) * 60 : null;
  const minutes = (input.now - input.infusionStartedAt) / MS_PER_MIN;
  const minutesToDurationLimit = Math.max(0, rules.maxSessionDurationMin - minutes);
  return {
    dose: { status: statusOf(minutesToDoseLimit, rules.projectionMin), mgPerKg: doseMgPerKg, limit, minutesToLimit: minutesToDoseLimit },
    duration: {
      status: statusOf(minutesToDurationLimit, rules.projectionMin),
      minutes,
      limit: rules.maxSessionDurationMin,
      minutesToLimit: minutesToDurationLimit,
    },
  };
}

function statusOf(minutesToLimit: number | null, projectionMin: number): CapStatus {
  if (minutesToLimit === null) return 'ok';
  if (minutesToLimit <= 0) return 'reached';
  return minutesToLimit <= projectionMin ? 'near' : 'ok';
}

/**
 * A rate change against the dose cap: lowering the rate is always allowed (the safe side); raising it once the cap
 * is reached is refused; raising it so that the projection crosses the cap within the window needs a written reason.
 */
export function rateChangeCapCheck(
  input: InfusionNow & { newRateMgPerKgPerH: number },
  rules: CapRules,
): { verdict: 'ok' | 'reasonRequired' | 'refused'; problems: Problem[] } {
  if (input.newRateMgPerKgPerH <= input.rateMgPerKgPerH) return { verdict: 'ok', problems: [] };
  const limit = rules.maxSessionDoseMgPerKg;
  const mgPerKg = round3(input.doseMgPerKg);
  if (atLeast(input.doseMgPerKg, limit)) return { verdict: 'refused', problems: [problem('dose.sessionDoseReached', { mgPerKg, limit })] };
  const projected = input.doseMgPerKg + (input.newRateMgPerKgPerH * rules.projectionMin) / 60;
  if (!atLeast(projected, limit)) return { verdict: 'ok', problems: [] };
  const minutes = Math.floor(Number((((limit - input.doseMgPerKg) / input.newRateMgPerKgPerH) * 60).toPrecision(12)));
  return {
    verdict: 'reasonRequired',
    problems: [problem('dose.projectionReachesCap', { rate: round3(input.newRateMgPerKgPerH), mgPerKg, limit, minutes })],
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
