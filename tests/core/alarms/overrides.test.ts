import { describe, expect, it } from 'vitest';
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { mergeThresholds, type PatientOverrides } from '../../../core/alarms/overrides';
import { SEC, T0, alarm, codes, reading, runningEngine } from './fixtures';

const physician = { by: 'Dr. Maier', reason: 'known chronic hypertension' };

function merge(limits: Record<string, Record<string, unknown>>) {
  return mergeThresholds(CLINIC_THRESHOLDS, { ...physician, limits } as PatientOverrides);
}

describe('per-patient overrides', () => {
  it('the clinic defaults are consistent on their own', () => {
    expect(mergeThresholds(CLINIC_THRESHOLDS, { ...physician, limits: {} })).toEqual({ ok: true, thresholds: CLINIC_THRESHOLDS });
  });

  it('replace the limit, keep comparison and delay, and record who and why', () => {
    const result = merge({ 'nibpSys.high': { medium: 175, high: 195 } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const limits = result.thresholds.physiological['nibpSys.high'];
    expect(limits.medium?.value).toEqual({ op: '>', limit: 175, delayMs: 0 });
    expect(limits.medium?.source).toContain('Dr. Maier');
    expect(limits.medium?.source).toContain('known chronic hypertension');
    expect(CLINIC_THRESHOLDS.physiological['nibpSys.high'].medium?.value.limit).toBe(160);

    const engine = runningEngine(result.thresholds);
    engine.readings(T0 + SEC, [reading('nibpSys', 170)]);
    expect(codes(engine)).toEqual([]);
    engine.readings(T0 + 2 * SEC, [reading('nibpSys', 190)]);
    expect(alarm(engine, 'nibpSys.high')).toMatchObject({ priority: 'medium', threshold: 175 });
  });

  it('can add a limit where the clinic has none (MAP)', () => {
    const result = merge({ 'nibpMean.low': { medium: 65 } });
    if (!result.ok) throw new Error('refused');
    expect(result.thresholds.physiological['nibpMean.low'].medium?.value).toEqual({ op: '<', limit: 65, delayMs: 0 });
    const engine = runningEngine(result.thresholds);
    engine.readings(T0 + SEC, [reading('nibpMean', 60)]);
    expect(codes(engine)).toEqual(['nibpMean.low']);
  });

  it.each([
    ['a string', { 'hr.high': { medium: '120' } }, 'override.notANumber'],
    ['NaN', { 'hr.high': { medium: Number.NaN } }, 'override.notANumber'],
    ['outside the measurable range', { 'spo2.low': { medium: 140 } }, 'override.implausible'],
    ['an unknown code', { 'mood.low': { medium: 3 } }, 'override.unknownCode'],
    ['a low priority', { 'hr.high': { low: 100 } }, 'override.unknownPriority'],
    ['a low limit that would never alarm (SpO2 0 %)', { 'spo2.low': { medium: 0 } }, 'override.outOfBounds'],
    ['a heart-rate low limit above the clinical bounds', { 'hr.low': { medium: 120, high: 40 } }, 'override.outOfBounds'],
    ['a MAP limit without clinic default beyond its bounds', { 'nibpMean.low': { medium: 20 } }, 'override.outOfBounds'],
    ['a temperature upper limit beyond its bounds', { 'temp.high': { high: 42 } }, 'override.outOfBounds'],
    ['high-priority limit less extreme than medium', { 'spo2.low': { high: 95 } }, 'override.inverted'],
    ['upper high below upper medium', { 'hr.high': { high: 100 } }, 'override.inverted'],
  ])('refuses %s', (_name, limits, code) => {
    const result = merge(limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toContain(code);
  });

  it('refuses overrides without physician or reason', () => {
    const result = mergeThresholds(CLINIC_THRESHOLDS, { by: 'Dr. Maier', reason: ' ', limits: { 'hr.high': { medium: 120 } } });
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'override.reasonMissing' }] });
  });
});
