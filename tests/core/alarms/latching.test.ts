import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { MIN, SEC, T0, alarm, codes, frame, normalVitals, reading, runningEngine } from './fixtures';

describe('latching of high-priority alarms', () => {
  it('stays after the condition ended, marked latched, until acknowledged', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('spo2', 82)]);
    engine.readings(T0 + 5 * SEC, [reading('spo2', 97)]);
    const latched = alarm(engine, 'spo2.desat');
    expect(latched).toMatchObject({ priority: 'high', latched: true, value: 82, acknowledgedAt: null });
    expect(engine.state().audio.tone).toBe('high');
    expect(engine.acknowledge(T0 + 6 * SEC, latched?.id ?? '', 'MFA Huber')).toBeNull();
    expect(codes(engine)).toEqual([]);
    const log = engine.drainLog();
    expect(log.map((e) => e.type)).toEqual(['raised', 'acknowledged', 'cleared']);
    expect(log[1]).toMatchObject({ user: 'MFA Huber', at: T0 + 6 * SEC, code: 'spo2.desat' });
    expect(log[2]).toMatchObject({ latched: true, durationMs: 5 * SEC });
  });

  it('keeps high while the value improves to the medium band, then drops to medium once acknowledged', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 135)]);
    engine.readings(T0 + 2 * SEC, [reading('hr', 115)]);
    expect(alarm(engine, 'hr.high')).toMatchObject({ priority: 'high', latched: true, value: 135 });
    engine.acknowledge(T0 + 3 * SEC, alarm(engine, 'hr.high')?.id ?? '', 'MFA Huber');
    expect(alarm(engine, 'hr.high')).toMatchObject({ priority: 'medium', latched: false, value: 115, acknowledgedBy: 'MFA Huber' });
  });

  it('an acknowledged high alarm ends with its condition', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('nibpSys', 185)]);
    engine.acknowledge(T0 + 2 * SEC, alarm(engine, 'nibpSys.high')?.id ?? '', 'MFA Huber');
    expect(alarm(engine, 'nibpSys.high')).toMatchObject({ latched: false, acknowledgedAt: T0 + 2 * SEC });
    engine.readings(T0 + 3 * SEC, [reading('nibpSys', 140)]);
    expect(codes(engine)).toEqual([]);
  });

  it('technical high alarms latch too (no data for 30 s)', () => {
    const engine = runningEngine();
    engine.tick(T0 + 31 * SEC);
    engine.readings(T0 + 32 * SEC, [reading('hr', 72)]);
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'high', latched: true });
  });

  it('acknowledging an unknown alarm is a problem, not an exception', () => {
    const engine = runningEngine();
    expect(engine.acknowledge(T0 + SEC, 'hr.high#99', 'MFA Huber')).toMatchObject({ code: 'alarm.notFound' });
  });
});

describe('escalation and reminder', () => {
  it('escalates an alarm unacknowledged for 2 min, once, and logs it', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('nibpSys', 165)]);
    engine.readings(T0 + SEC + 2 * MIN - SEC, [reading('nibpSys', 165)]);
    expect(alarm(engine, 'nibpSys.high')?.escalated).toBe(false);
    engine.readings(T0 + SEC + 2 * MIN, [reading('nibpSys', 165)]);
    engine.readings(T0 + SEC + 3 * MIN, [reading('nibpSys', 165)]);
    expect(alarm(engine, 'nibpSys.high')).toMatchObject({ escalated: true, priority: 'medium' });
    const escalations = engine.drainLog().filter((e) => e.type === 'escalated');
    expect(escalations).toEqual([
      expect.objectContaining({ at: T0 + SEC + 2 * MIN, code: 'nibpSys.high', unacknowledgedMs: 2 * MIN }),
    ]);
  });

  it('does not escalate low-priority awareness alarms', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.readings(T0, normalVitals()); // values on a chair without a session: the low notice
    engine.readings(T0 + 10 * MIN, normalVitals());
    expect(alarm(engine, 'session.none')).toMatchObject({ priority: 'low', escalated: false });
  });

  it('escalates even while the audio is paused: a pause is not a response', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('nibpSys', 165)]);
    engine.pauseAudio(T0 + 2 * SEC, 'MFA Huber');
    engine.readings(T0 + SEC + 2 * MIN, [reading('nibpSys', 165)]);
    expect(alarm(engine, 'nibpSys.high')?.escalated).toBe(true);
  });

  it('acknowledgement resets escalation; a persisting condition sounds again after 3 min', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, frame(T0 + SEC, reading('nibpSys', 165)));
    engine.readings(T0 + 3 * MIN, frame(T0 + 3 * MIN, reading('nibpSys', 165)));
    engine.acknowledge(T0 + 3 * MIN, alarm(engine, 'nibpSys.high')?.id ?? '', 'MFA Huber');
    expect(alarm(engine, 'nibpSys.high')).toMatchObject({ escalated: false, acknowledgedBy: 'MFA Huber' });
    engine.readings(T0 + 6 * MIN - SEC, frame(T0 + 6 * MIN - SEC, reading('nibpSys', 165)));
    expect(engine.state().audio.tone).toBeNull();
    engine.readings(T0 + 6 * MIN, frame(T0 + 6 * MIN, reading('nibpSys', 165)));
    expect(alarm(engine, 'nibpSys.high')).toMatchObject({ acknowledgedAt: null });
    expect(engine.state().audio.tone).toBe('medium');
    expect(engine.drainLog()).toContainEqual(expect.objectContaining({ type: 'reminder', at: T0 + 6 * MIN }));
  });
});

describe('switching alarms off', () => {
  it('is refused while an infusion runs, and the refusal is logged', () => {
    const engine = runningEngine();
    expect(engine.switchOff(T0 + SEC, 'MFA Huber', 'etco2.apnoea')).toMatchObject({ code: 'alarm.switchOffRefused' });
    expect(engine.drainLog()).toEqual([expect.objectContaining({ type: 'switchOffRefused', user: 'MFA Huber', code: 'etco2.apnoea' })]);
    engine.readings(T0 + 2 * SEC, [reading('etco2', 3)]);
    engine.readings(T0 + 20 * SEC, [reading('etco2', 3)]);
    expect(codes(engine)).toContain('etco2.apnoea');
  });

  it('is allowed for one condition before the start, and undone when the infusion starts', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    expect(engine.switchOff(T0, 'MFA Huber', 'etco2.invalid')).toBeNull();
    engine.readings(T0 + SEC, [reading('etco2', null, 'invalid')]);
    expect(codes(engine)).toEqual([]);
    engine.infusion(T0 + 2 * SEC, { running: true, documentedRateMlH: 5 });
    engine.readings(T0 + 3 * SEC, [reading('etco2', null, 'invalid')]);
    expect(codes(engine)).toEqual(['etco2.invalid']);
    expect(engine.drainLog().map((e) => e.type)).toEqual(['switchedOff', 'switchedOn', 'raised']);
  });

  it('refuses unknown condition codes', () => {
    expect(new AlarmEngine(CLINIC_THRESHOLDS).switchOff(T0, 'MFA Huber', 'everything')).toMatchObject({ code: 'alarm.unknownCode' });
  });
});
