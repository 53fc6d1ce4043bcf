import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  concentrationMgPerMl,
  mgPerKgPerHToMlPerH,
  mlPerHToMgPerKgPerH,
  remainingTimeH,
  roundToPumpResolution,
} from '../../../core/dose/rate';
import { racemicEquivalent } from '../../../core/dose/substance';

describe('rate arithmetic, worked examples of clinical-requirements §2.4', () => {
  it('80 kg, 0.25 mg/kg/h, 1 mg/ml → 20 mg/h → 20 ml/h; 2.5 h → 50 mg = one 50 ml syringe', () => {
    const rate = mgPerKgPerHToMlPerH(0.25, { weightKg: 80, concentrationMgPerMl: 1 });
    expect(rate.mgPerH).toBe(20);
    expect(rate.mlPerH).toBe(20);
    expect(rate.mgPerH * 2.5).toBe(50);
    expect(rate.mlPerH * 2.5).toBe(50);
  });

  it('65 kg, 0.15 mg/kg/h, 2 mg/ml → 9.75 mg/h → 4.875 ml/h, set as 4.9 ml/h on a 0.1 ml/h pump', () => {
    const rate = mgPerKgPerHToMlPerH(0.15, { weightKg: 65, concentrationMgPerMl: 2 });
    expect(rate.mgPerH).toBeCloseTo(9.75, 12);
    expect(rate.mlPerH).toBeCloseTo(4.875, 12);
    expect(roundToPumpResolution(rate.mlPerH, 0.1)).toBe(4.9);
  });

  it('0.25 mg/kg/h esketamine ≈ 0.5 mg/kg/h racemic; a racemic dose stays as it is', () => {
    expect(racemicEquivalent('esketamine', 0.25)).toBe(0.5);
    expect(racemicEquivalent('racemicKetamine', 0.5)).toBe(0.5);
  });

  it('ml/h back to mg/kg/h: 20 ml/h at 1 mg/ml for 80 kg is 0.25 mg/kg/h', () => {
    expect(mlPerHToMgPerKgPerH(20, { weightKg: 80, concentrationMgPerMl: 1 })).toEqual({
      mgPerKgPerH: 0.25,
      mgPerH: 20,
      mlPerH: 20,
    });
  });

  it('concentration = drug mg ÷ total volume: 50 mg in 50 ml is 1 mg/ml, 100 mg in 50 ml is 2 mg/ml', () => {
    expect(concentrationMgPerMl(50, 50)).toBe(1);
    expect(concentrationMgPerMl(100, 50)).toBe(2);
  });

  it('remaining time = remaining volume ÷ pump rate; a standing pump never empties', () => {
    expect(remainingTimeH(30, 20)).toBe(1.5);
    expect(remainingTimeH(30, 0)).toBe(Infinity);
  });

  it('rounds halves up at the pump resolution despite binary noise', () => {
    expect(roundToPumpResolution(4.85, 0.1)).toBe(4.9);
    expect(roundToPumpResolution(4.849, 0.1)).toBe(4.8);
    expect(roundToPumpResolution(0.15 * 65 / 2, 0.1)).toBe(4.9);
    expect(roundToPumpResolution(12.25, 0.5)).toBe(12.5);
  });
});

describe('rate arithmetic, properties', () => {
  const basis = fc.record({
    weightKg: fc.double({ min: 30, max: 250, noNaN: true }),
    concentrationMgPerMl: fc.constantFrom(1, 2, 5, 10, 25),
  });
  const dose = fc.double({ min: 0.01, max: 2, noNaN: true });

  it('mg/kg/h → ml/h → mg/kg/h returns the same dose', () => {
    fc.assert(
      fc.property(dose, basis, (mgPerKgPerH, b) => {
        const there = mgPerKgPerHToMlPerH(mgPerKgPerH, b);
        const back = mlPerHToMgPerKgPerH(there.mlPerH, b);
        expect(back.mgPerKgPerH).toBeCloseTo(mgPerKgPerH, 12);
        expect(back.mgPerH).toBeCloseTo(there.mgPerH, 10);
      }),
    );
  });

  it('ml/h × concentration = mg/h and mg/h = mg/kg/h × weight', () => {
    fc.assert(
      fc.property(dose, basis, (mgPerKgPerH, b) => {
        const rate = mgPerKgPerHToMlPerH(mgPerKgPerH, b);
        expect(rate.mlPerH * b.concentrationMgPerMl).toBeCloseTo(rate.mgPerH, 10);
        expect(rate.mgPerH).toBeCloseTo(mgPerKgPerH * b.weightKg, 10);
      }),
    );
  });

  it('pump rounding moves a rate by at most half a step and lands on a step', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1200, noNaN: true }), (mlPerH) => {
        const rounded = roundToPumpResolution(mlPerH, 0.1);
        expect(Math.abs(rounded - mlPerH)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(rounded * 10 - Math.round(rounded * 10))).toBeLessThan(1e-6);
      }),
    );
  });
});
