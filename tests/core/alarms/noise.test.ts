/**
 * Issue 11 item 7: the pump mismatch's priority follows its magnitude, ECG heart rate and oximeter pulse rate
 * agreeing are one alarm, and a monitor clock far from the PC clock is an alarm above a clinic setting.
 */
import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { thresholdsWith } from '../../../core/alarms/settings';
import type { Reading } from '../../../core/vitals';
import { MIN, SEC, T0, alarm, codes, reading, runningEngine } from './fixtures';

describe('pump mismatch priority by magnitude', () => {
  it.each([
    ['6 % above', 10.6, 'medium'],
    ['just under twice', 19.9, 'medium'],
    ['twice the documented rate', 20, 'high'],
    ['a 10× error', 100, 'high'],
    ['stopped while documented running', 0, 'medium'],
  ])('%s → %s', (_name, pumpRate, priority) => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('pumpRate', pumpRate)]);
    expect(alarm(engine, 'pump.rateMismatch')).toMatchObject({ priority });
  });

  it('above the dose hard limit in ml/h is high even below twice the documented rate', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.infusion(T0, { running: true, documentedRateMlH: 10, hardLimitMlH: 12 });
    engine.readings(T0 + SEC, [reading('pumpRate', 11)]);
    expect(alarm(engine, 'pump.rateMismatch')).toMatchObject({ priority: 'medium' });
    engine.readings(T0 + 2 * SEC, [reading('pumpRate', 12.5)]);
    expect(alarm(engine, 'pump.rateMismatch')).toMatchObject({ priority: 'high' });
  });

  it('a pump delivering during a pause (documented 0 ml/h) is high', () => {
    const engine = runningEngine();
    engine.session(T0, true);
    engine.infusion(T0 + SEC, { running: false, documentedRateMlH: null });
    engine.readings(T0 + 2 * SEC, [reading('pumpRate', 4)]);
    expect(alarm(engine, 'pump.rateMismatch')).toMatchObject({ priority: 'high', threshold: 0 });
  });
});

describe('heart rate and pulse rate agreeing are one alarm', () => {
  it('both above the limit: one alarm, the other source named', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 118), reading('pulseRate', 116)]);
    expect(codes(engine)).toEqual(['hr.high']);
    expect(alarm(engine, 'hr.high')!.params).toMatchObject({ otherSource: 'pulseRate', otherValue: 116 });
  });

  it('takes the higher priority of the two', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 118), reading('pulseRate', 135)]);
    expect(engine.state().alarms.map((a) => [a.code, a.priority])).toEqual([['hr.high', 'high']]);
  });

  it('a second source agreeing later neither clears nor adds an alarm', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('pulseRate', 116)]);
    const first = alarm(engine, 'pulseRate.high')!;
    engine.drainLog();
    engine.readings(T0 + 2 * SEC, [reading('hr', 117), reading('pulseRate', 116)]);
    expect(engine.state().alarms.map((a) => a.id)).toEqual([first.id]);
    expect(engine.drainLog().filter((e) => e.type === 'raised' || e.type === 'cleared')).toEqual([]);
  });

  it('sources that disagree keep their own alarms (one high, one low is not one event)', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 118), reading('pulseRate', 45)]);
    expect(codes(engine).sort()).toEqual(['hr.high', 'pulseRate.low']);
  });
});

describe('clock drift between monitor and PC', () => {
  const timed = (deviceTime: number): Reading => ({ ...reading('hr', 72), deviceTime });

  it('within the setting (default 1 min) is no alarm; beyond it, either way, is a low alarm', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [timed(T0 + SEC + 59 * SEC)]);
    expect(alarm(engine, 'clock.drift')).toBeUndefined();
    engine.readings(T0 + 2 * SEC, [timed(T0 + 2 * SEC - 2 * MIN)]);
    expect(alarm(engine, 'clock.drift')).toMatchObject({ priority: 'low', value: -120, threshold: 60 });
    engine.readings(T0 + 3 * SEC, [timed(T0 + 3 * SEC)]);
    expect(alarm(engine, 'clock.drift')).toBeUndefined();
  });

  it('the limit is a clinic setting (alarm.clockDriftMs)', () => {
    const engine = runningEngine(thresholdsWith(CLINIC_THRESHOLDS, { 'alarm.clockDriftMs': 10 * SEC }));
    engine.readings(T0 + SEC, [timed(T0 + SEC + 15 * SEC)]);
    expect(alarm(engine, 'clock.drift')).toMatchObject({ value: 15, threshold: 10 });
  });
});
