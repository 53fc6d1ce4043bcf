/** Session caps during the infusion (§2.2): projection and crossing of the dose and duration caps; safe-side pump rounding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clinicSettings } from '../../../core/clinic/defaults';
import { capState, rateChangeCapCheck } from '../../../core/dose/caps';
import { checkPrescription, doseLimitsFor } from '../../../core/dose/limits';
import { mlPerHToMgPerKgPerH, safePumpRate } from '../../../core/dose/rate';
import { judgeCaps } from '../../../core/alarms/caps';

const MIN = 60_000;
const T = Date.UTC(2026, 2, 3, 8, 0);
const rules = { maxSessionDoseMgPerKg: 1.5, maxSessionDurationMin: 240, projectionMin: 15 };

describe('caps during the infusion', () => {
  it('1.0 mg/kg/h: near 15 min before 1.5 mg/kg (medium), crossed at 90 min (high)', () => {
    const at = (min: number, rate = 1.0) => capState({ now: T + min * MIN, infusionStartedAt: T, doseMgPerKg: (rate * min) / 60, rateMgPerKgPerH: rate }, rules);
    expect(at(74).dose.status).toBe('ok');
    expect(at(75).dose).toMatchObject({ status: 'near', minutesToLimit: 15 });
    expect(at(90).dose.status).toBe('reached');
    expect(at(240).dose.status).toBe('reached');
    expect(judgeCaps(at(80)).map((c) => [c.code, c.priority])).toEqual([['dose.capNear', 'medium']]);
    expect(judgeCaps(at(240)).map((c) => [c.code, c.priority])).toEqual([['dose.capReached', 'high'], ['duration.capReached', 'high']]);
  });

  it('paused (rate 0) below the cap: no projection; duration counts on from the start', () => {
    const s = capState({ now: T + 230 * MIN, infusionStartedAt: T, doseMgPerKg: 1.0, rateMgPerKgPerH: 0 }, rules);
    expect(s.dose).toMatchObject({ status: 'ok', minutesToLimit: null });
    expect(s.duration).toMatchObject({ status: 'near', minutesToLimit: 10 });
    expect(judgeCaps(s).map((c) => [c.code, c.priority])).toEqual([['duration.capNear', 'medium']]);
  });

  it('rate change: lowering always allowed; raising past the cap within 15 min needs a reason; raising at the cap is refused', () => {
    const base = { now: T, infusionStartedAt: T - 60 * MIN, rateMgPerKgPerH: 0.5 };
    expect(rateChangeCapCheck({ ...base, doseMgPerKg: 1.49, newRateMgPerKgPerH: 0.1 }, rules).verdict).toBe('ok');
    expect(rateChangeCapCheck({ ...base, doseMgPerKg: 1.0, newRateMgPerKgPerH: 1.0 }, rules).verdict).toBe('ok');
    const near = rateChangeCapCheck({ ...base, doseMgPerKg: 1.3, newRateMgPerKgPerH: 1.0 }, rules);
    expect(near).toMatchObject({ verdict: 'reasonRequired', problems: [{ code: 'dose.projectionReachesCap', params: { minutes: 12 } }] });
    expect(rateChangeCapCheck({ ...base, doseMgPerKg: 1.5, newRateMgPerKgPerH: 0.6 }, rules).problems.map((p) => p.code)).toEqual(['dose.sessionDoseReached']);
  });
});

describe('pump rounding toward the safe side', () => {
  const settings = clinicSettings();
  const limits = doseLimitsFor('esketamine', settings);
  const ceilings = [limits.softLimitMgPerKgPerH, limits.hardLimitMgPerKgPerH];

  it('31.3 kg, 1.0 mg/kg/h, 2 mg/ml: 15.65 ml/h goes to 15.6 (not 15.7 = 1.0032 mg/kg/h)', () => {
    const basis = { weightKg: 31.3, concentrationMgPerMl: 2 };
    expect(safePumpRate(1.0, basis, 0.1, ceilings)).toBe(15.6);
    expect(mlPerHToMgPerKgPerH(15.6, basis).mgPerKgPerH).toBeLessThanOrEqual(1.0);
    expect(safePumpRate(0.15, { weightKg: 65, concentrationMgPerMl: 2 }, 0.1, ceilings)).toBe(4.9); // §2.4 example: halves up away from limits
  });

  it('property: a dose the limits accept is accepted at the pump rate too (same verdict), and never rounds above a limit it was under', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 250, noNaN: true }).map((w) => Math.round(w * 10) / 10),
        fc.constantFrom(1, 2),
        fc.integer({ min: 1, max: 1000 }).map((x) => x / 1000),
        (weightKg, concentrationMgPerMl, mgPerKgPerH) => {
          const basis = { weightKg, concentrationMgPerMl };
          const reason = { softLimitReason: 'titration agreed' };
          const target = checkPrescription({ kind: 'rate', mgPerKgPerH, ...basis, ...reason }, limits);
          const pump = safePumpRate(mgPerKgPerH, basis, 0.1, ceilings);
          if (target.verdict !== 'ok' || pump <= 0) return;
          const atPump = checkPrescription({ kind: 'rate', mgPerKgPerH: mlPerHToMgPerKgPerH(pump, basis).mgPerKgPerH, ...basis, ...reason }, limits);
          expect(atPump.verdict).toBe('ok');
          // Under the soft limit stays under it (rounding down below it is the safe side and fine).
          if (target.problems.length === 0) expect(atPump.problems).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('cap alarms in the alarm engine', () => {
  it('projection → medium alarm; crossed → high alarm that latches until acknowledged; no infusion → nothing new', async () => {
    const { AlarmEngine } = await import('../../../core/alarms/engine');
    const { CLINIC_THRESHOLDS } = await import('../../../core/alarms/defaults');
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T, true); // caps are judged within a session (the watched period)
    const doseAlarms = () => engine.state().alarms.filter((a) => a.code.startsWith('dose.')); // no monitor here: data.none is also up
    const at = (min: number) => capState({ now: T + min * MIN, infusionStartedAt: T, doseMgPerKg: min / 60, rateMgPerKgPerH: 1.0 }, rules);
    engine.doseCaps(T + 80 * MIN, at(80));
    expect(doseAlarms().map((a) => [a.code, a.priority, a.params.minutes])).toEqual([['dose.capNear', 'medium', 10]]);
    engine.doseCaps(T + 91 * MIN, at(91));
    const high = engine.state().alarms.find((a) => a.code === 'dose.capReached')!;
    expect(high.priority).toBe('high');
    expect(engine.state().alarms.some((a) => a.code === 'dose.capNear')).toBe(false);
    engine.doseCaps(T + 92 * MIN, null);
    expect(engine.state().alarms.find((a) => a.code === 'dose.capReached')?.latched).toBe(true);
    engine.acknowledge(T + 93 * MIN, high.id, 'Dr. Maier');
    engine.tick(T + 94 * MIN);
    expect(doseAlarms()).toEqual([]);
  });
});
