import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import type { VitalParameter } from '../../../core/vitals';
import { MIN, SEC, T0, alarm, codes, feed, reading, runningEngine, withVitals } from './fixtures';

describe('threshold crossing without delay raises within one sample', () => {
  const cases: Array<[VitalParameter, number, string, 'medium' | 'high', number]> = [
    ['spo2', 84, 'spo2.desat', 'high', 85],
    ['hr', 115, 'hr.high', 'medium', 110],
    ['hr', 131, 'hr.high', 'high', 130],
    ['hr', 48, 'hr.low', 'medium', 50],
    ['hr', 38, 'hr.low', 'high', 40],
    ['pulseRate', 135, 'pulseRate.high', 'high', 130],
    ['nibpSys', 165, 'nibpSys.high', 'medium', 160],
    ['nibpSys', 185, 'nibpSys.high', 'high', 180],
    ['nibpSys', 95, 'nibpSys.low', 'medium', 100],
    ['nibpSys', 85, 'nibpSys.low', 'high', 90],
    ['nibpDia', 105, 'nibpDia.high', 'medium', 100],
    ['nibpDia', 112, 'nibpDia.high', 'high', 110],
    ['respRate', 26, 'respRate.high', 'medium', 24],
    ['respRate', 9, 'respRate.low', 'medium', 10],
    ['respRate', 0, 'respRate.low', 'high', 8],
  ];
  it.each(cases)('%s = %d → %s %s', (parameter, value, code, priority, threshold) => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading(parameter, value)]);
    const raised = alarm(engine, code);
    expect(raised).toMatchObject({ kind: 'physiological', priority, value, threshold, raisedAt: T0 + SEC });
    expect(engine.drainLog()).toContainEqual(expect.objectContaining({ type: 'raised', code, priority, value, threshold }));
  });

  it('does not alarm at the limit itself when the comparison is strict', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 110), reading('nibpSys', 160)]);
    expect(codes(engine)).toEqual([]);
  });

  it('raises even while no infusion runs (vitals are judged from check-in to discharge)', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T0, true);
    engine.readings(T0, [reading('spo2', 80)]);
    expect(codes(engine)).toContain('spo2.desat');
  });
});

describe('alarm delays from the default table', () => {
  it('SpO₂ < 94 % raises medium only after 30 s', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('spo2', 93)]);
    engine.tick(T0 + 30 * SEC);
    expect(alarm(engine, 'spo2.low')).toBeUndefined();
    engine.tick(T0 + 31 * SEC);
    expect(alarm(engine, 'spo2.low')).toMatchObject({ priority: 'medium', threshold: 94 });
  });

  it('SpO₂ ≤ 90 % raises high after 30 s, and < 85 % at once', () => {
    const engine = runningEngine();
    feed(engine, T0 + SEC, T0 + 30 * SEC, withVitals(reading('spo2', 90)));
    expect(codes(engine)).toEqual([]);
    engine.readings(T0 + 31 * SEC, [reading('spo2', 90)]);
    expect(alarm(engine, 'spo2.low')).toMatchObject({ priority: 'high', threshold: 90, value: 90 });
    engine.readings(T0 + 32 * SEC, [reading('spo2', 84)]);
    expect(alarm(engine, 'spo2.desat')).toMatchObject({ priority: 'high', raisedAt: T0 + 32 * SEC });
  });

  it('a recovery inside the delay restarts it', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('spo2', 93)]);
    engine.readings(T0 + 20 * SEC, [reading('spo2', 96)]);
    engine.readings(T0 + 25 * SEC, [reading('spo2', 93)]);
    engine.tick(T0 + 40 * SEC);
    expect(alarm(engine, 'spo2.low')).toBeUndefined();
    engine.tick(T0 + 55 * SEC);
    expect(alarm(engine, 'spo2.low')).toBeDefined();
  });

  it('EtCO₂ ≥ 50 mmHg after 15 s (medium), apnoea < 8 mmHg after 15 s (high)', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('etco2', 50)]);
    engine.tick(T0 + 15 * SEC);
    expect(alarm(engine, 'etco2.high')).toBeUndefined();
    engine.tick(T0 + 16 * SEC);
    expect(alarm(engine, 'etco2.high')).toMatchObject({ priority: 'medium' });
    engine.readings(T0 + 20 * SEC, [reading('etco2', 4)]);
    expect(alarm(engine, 'etco2.apnoea')).toBeUndefined();
    engine.tick(T0 + 35 * SEC);
    expect(alarm(engine, 'etco2.apnoea')).toMatchObject({ priority: 'high', threshold: 8 });
  });
});

describe('medium alarms follow their condition', () => {
  it('a medium alarm clears itself when the value recovers, and the log says so', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115)]);
    engine.readings(T0 + 5 * SEC, [reading('hr', 90)]);
    expect(codes(engine)).toEqual([]);
    const log = engine.drainLog();
    expect(log.map((e) => e.type)).toEqual(['raised', 'cleared']);
    expect(log[1]).toMatchObject({ code: 'hr.high', value: 115, durationMs: 4 * SEC, latched: false });
  });

  it('a rise from medium to high keeps the alarm, logs the change and needs a new acknowledgement', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115)]);
    const id = alarm(engine, 'hr.high')?.id ?? '';
    engine.acknowledge(T0 + 2 * SEC, id, 'MFA Huber');
    engine.readings(T0 + 3 * SEC, [reading('hr', 140)]);
    expect(alarm(engine, 'hr.high')).toMatchObject({ id, priority: 'high', acknowledgedAt: null, value: 140, threshold: 130 });
    expect(engine.drainLog()).toContainEqual(expect.objectContaining({ type: 'priorityChanged', from: 'medium', priority: 'high' }));
  });

  it('stops judging a parameter whose reading turns invalid (the technical alarm takes over)', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115)]);
    engine.readings(T0 + 2 * SEC, [reading('hr', null, 'invalid')]);
    expect(codes(engine)).toEqual(['hr.invalid']);
  });

  it('NIBP values persist between cuff cycles', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('nibpSys', 165)]);
    engine.readings(T0 + 4 * MIN, [reading('spo2', 97)]);
    expect(alarm(engine, 'nibpSys.high')).toBeDefined();
  });
});
