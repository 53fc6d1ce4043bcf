import { describe, it, expect } from 'vitest';
import { CLINIC_DEFAULTS, clinicSettings } from '../../../core/clinic/defaults';

describe('clinic defaults', () => {
  it.each(Object.entries(CLINIC_DEFAULTS))('%s cites the requirements sheet with a section and a tag', (_key, setting) => {
    expect(setting.source).toMatch(/^clinical-requirements §\d+(\.\d+)?.*\[[GEDU]\]/);
  });

  it('ships the values of the sheet', () => {
    const s = clinicSettings();
    expect(s.defaultSubstance).toBe('esketamine');
    expect([s.esketamineSoftLimitMgPerKgPerH, s.esketamineHardLimitMgPerKgPerH, s.esketamineMaxBolusMgPerKg]).toEqual([0.5, 1.0, 0.175]);
    expect([s.padssThreshold, s.modifiedAldreteThreshold]).toEqual([9, 9]);
    expect([s.bloodPressureEarlyIntervalMin, s.bloodPressureEarlyPhaseMin, s.bloodPressureIntervalMin, s.scaleIntervalMin]).toEqual([5, 30, 15, 15]);
  });

  it('the racemic limits are the esketamine limits × 2 (substance lock, §2.1)', () => {
    const s = clinicSettings();
    expect(s.racemicKetamineSoftLimitMgPerKgPerH).toBe(2 * s.esketamineSoftLimitMgPerKgPerH);
    expect(s.racemicKetamineHardLimitMgPerKgPerH).toBe(2 * s.esketamineHardLimitMgPerKgPerH);
    expect(s.racemicKetamineMaxBolusMgPerKg).toBe(2 * s.esketamineMaxBolusMgPerKg);
  });

  it('overrides replace single values', () => {
    expect(clinicSettings({ postInfusionObservationMin: 120 }).postInfusionObservationMin).toBe(120);
    expect(clinicSettings({ postInfusionObservationMin: 120 }).padssThreshold).toBe(9);
  });
});
