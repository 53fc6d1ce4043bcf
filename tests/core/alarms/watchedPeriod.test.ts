/**
 * Issue 11: the whole session is watched (check-in → discharge, paused and post-infusion included), a chair without
 * a session stays quiet, limit changes keep the running engine's state, and ALARM OFF belongs to one session only.
 */
import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS, type Thresholds } from '../../../core/alarms/defaults';
import { thresholdsWith } from '../../../core/alarms/settings';
import { MIN, SEC, T0, alarm, codes, feed, normalVitals, reading } from './fixtures';

/** Checked in at T0, infusion 10 ml/h from T0 + 1 min, paused at T0 + 5 min. */
function pausedEngine(): AlarmEngine {
  const engine = new AlarmEngine(CLINIC_THRESHOLDS);
  engine.session(T0, true);
  feed(engine, T0, T0 + MIN, normalVitals());
  engine.infusion(T0 + MIN, { running: true, documentedRateMlH: 10 });
  feed(engine, T0 + MIN, T0 + 5 * MIN, normalVitals());
  engine.infusion(T0 + 5 * MIN, { running: false, documentedRateMlH: null });
  engine.drainLog();
  return engine;
}

describe('the watched period is the whole session', () => {
  it('a paused infusion losing its probe: the fault is medium and a desaturation high, as while running', () => {
    const engine = pausedEngine();
    engine.readings(T0 + 6 * MIN, [reading('spo2', null, 'sensorOff')]);
    expect(alarm(engine, 'spo2.sensorOff')).toMatchObject({ priority: 'medium' });
    engine.readings(T0 + 7 * MIN, [reading('spo2', 80)]);
    expect(alarm(engine, 'spo2.desat')).toMatchObject({ priority: 'high' });
  });

  it('a probe left off on a paused infusion: medium at once, high once it has been off longer than the no-data high delay', () => {
    const engine = pausedEngine();
    const off = T0 + 6 * MIN;
    for (let t = off; t <= off + 31 * SEC; t += SEC) engine.readings(t, [...normalVitals().filter((r) => r.parameter !== 'spo2'), reading('spo2', null, 'sensorOff')]);
    expect(alarm(engine, 'spo2.sensorOff')).toMatchObject({ priority: 'high' });
    // Back on: the high alarm stays latched until acknowledged; off again later: medium again (a new 30 s count).
    engine.readings(off + 32 * SEC, normalVitals());
    const latched = alarm(engine, 'spo2.sensorOff')!;
    expect(latched).toMatchObject({ priority: 'high', latched: true });
    engine.acknowledge(off + 33 * SEC, latched.id, 'MFA Weber');
    expect(alarm(engine, 'spo2.sensorOff')).toBeUndefined();
    engine.readings(off + 34 * SEC, [reading('spo2', null, 'sensorOff')]);
    expect(alarm(engine, 'spo2.sensorOff')).toMatchObject({ priority: 'medium' });
  });

  it('no data after the infusion ended (post-infusion observation): medium after 10 s, high after 30 s', () => {
    const engine = pausedEngine();
    engine.tick(T0 + 5 * MIN + 11 * SEC);
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'medium' });
    engine.tick(T0 + 5 * MIN + 31 * SEC);
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'high' });
  });

  it('link lost in recovery keeps medium priority', () => {
    const engine = pausedEngine();
    engine.link(T0 + 6 * MIN, 'lost', 'cable');
    expect(alarm(engine, 'link.lost')).toMatchObject({ priority: 'medium' });
  });

  it('no data is counted from check-in when the monitor never sent anything', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.tick(T0);
    engine.session(T0 + MIN, true);
    engine.tick(T0 + MIN + 9 * SEC);
    expect(codes(engine)).toEqual([]);
    engine.tick(T0 + MIN + 11 * SEC);
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'medium' });
  });

  it('a chair without a session: HR 113 and a probe off raise no alarm, only the low "no session" notice', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    feed(engine, T0, T0 + MIN, [reading('hr', 113), reading('spo2', 80), reading('pulseRate', 113), reading('etco2', null, 'sensorOff')]);
    engine.link(T0 + MIN, 'lost', 'cable');
    engine.tick(T0 + MIN + 5 * SEC);
    expect(engine.state().alarms.map((a) => [a.code, a.priority])).toEqual([['session.none', 'low']]);
    // nothing connected any more: not even the notice
    engine.tick(T0 + 3 * MIN);
    expect(codes(engine)).toEqual([]);
  });

  it('a chair that never had data and has no session raises nothing', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.tick(T0 + 10 * MIN);
    expect(codes(engine)).toEqual([]);
  });

  it('at discharge the vital alarms end; an unacknowledged high alarm stays latched until acknowledged', () => {
    const engine = pausedEngine();
    engine.readings(T0 + 5 * MIN + SEC, [reading('hr', 115), reading('spo2', 80)]);
    expect(codes(engine)).toEqual(['spo2.desat', 'hr.high']);
    engine.session(T0 + 5 * MIN + 2 * SEC, false);
    const desat = alarm(engine, 'spo2.desat')!;
    expect(desat).toMatchObject({ latched: true });
    expect(alarm(engine, 'hr.high')).toBeUndefined();
    expect(engine.acknowledge(T0 + 5 * MIN + 3 * SEC, desat.id, 'MFA Huber')).toBeNull();
    expect(codes(engine)).toEqual(['session.none']);
  });

  it('a delay started before check-in does not count: SpO2 < 94 % needs its 30 s inside the session', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    feed(engine, T0, T0 + MIN, [reading('spo2', 93)]);
    engine.session(T0 + MIN, true);
    feed(engine, T0 + MIN, T0 + MIN + 29 * SEC, [reading('spo2', 93)]);
    expect(alarm(engine, 'spo2.low')).toBeUndefined();
    engine.readings(T0 + MIN + 30 * SEC, [reading('spo2', 93)]);
    expect(alarm(engine, 'spo2.low')).toMatchObject({ priority: 'medium' });
  });

  it("the next patient's session does not inherit which parameters were measured", () => {
    const engine = pausedEngine();
    engine.readings(T0 + 5 * MIN + SEC, [reading('etco2', 38)]);
    engine.session(T0 + 5 * MIN + 2 * SEC, false);
    engine.session(T0 + 20 * MIN, true);
    engine.readings(T0 + 20 * MIN, [reading('hr', 72), reading('spo2', 98), reading('etco2', null, 'unavailable')]);
    expect(codes(engine)).toEqual([]);
  });
});

describe('limit changes update the running engine', () => {
  const withSpo2Medium = (limit: number): Thresholds => thresholdsWith(CLINIC_THRESHOLDS, { 'alarm.spo2.low.medium': limit });

  it('a latched unacknowledged high alarm stays latched and is not logged as cleared', () => {
    const engine = pausedEngine();
    engine.readings(T0 + 6 * MIN, [reading('spo2', 80)]);
    engine.readings(T0 + 6 * MIN + SEC, [reading('spo2', 98)]);
    const before = alarm(engine, 'spo2.desat')!;
    expect(before.latched).toBe(true);
    engine.drainLog();
    engine.limits(T0 + 6 * MIN + 2 * SEC, withSpo2Medium(92));
    expect(alarm(engine, 'spo2.desat')).toEqual(before);
    expect(engine.drainLog()).toEqual([]);
  });

  it('an acknowledged alarm stays acknowledged with the same id', () => {
    const engine = pausedEngine();
    engine.readings(T0 + 6 * MIN, [reading('hr', 115)]);
    const hr = alarm(engine, 'hr.high')!;
    engine.acknowledge(T0 + 6 * MIN + SEC, hr.id, 'MFA Huber');
    engine.limits(T0 + 6 * MIN + 2 * SEC, withSpo2Medium(92));
    expect(alarm(engine, 'hr.high')).toMatchObject({ id: hr.id, acknowledgedBy: 'MFA Huber' });
  });

  it('the SpO2 delay keeps running across a change (30 s from the first low sample, not from the change)', () => {
    const engine = pausedEngine();
    feed(engine, T0 + 6 * MIN, T0 + 6 * MIN + 20 * SEC, [reading('spo2', 91)]);
    engine.limits(T0 + 6 * MIN + 20 * SEC, withSpo2Medium(93));
    engine.readings(T0 + 6 * MIN + 30 * SEC, [reading('spo2', 91)]);
    expect(alarm(engine, 'spo2.low')).toMatchObject({ priority: 'medium', threshold: 93 });
  });

  it('the no-data timer keeps running across a change', () => {
    const engine = pausedEngine();
    engine.tick(T0 + 5 * MIN + 8 * SEC);
    engine.limits(T0 + 5 * MIN + 8 * SEC, withSpo2Medium(93));
    engine.tick(T0 + 5 * MIN + 11 * SEC);
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'medium' });
  });

  it('a medium alarm the new limits no longer call a condition ends with a cleared entry', () => {
    const engine = pausedEngine();
    feed(engine, T0 + 6 * MIN, T0 + 6 * MIN + 30 * SEC, [reading('spo2', 93)]);
    expect(alarm(engine, 'spo2.low')).toBeDefined();
    engine.drainLog();
    engine.limits(T0 + 6 * MIN + 31 * SEC, withSpo2Medium(92));
    expect(alarm(engine, 'spo2.low')).toBeUndefined();
    expect(engine.drainLog().map((e) => [e.type, 'code' in e ? e.code : null])).toEqual([['cleared', 'spo2.low']]);
  });
});

describe('ALARM OFF belongs to one session', () => {
  it('allowed after check-in before the start, shown in the state, switched on when the infusion starts', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T0, true);
    expect(engine.switchOff(T0 + SEC, 'Dr. Meier', 'etco2.apnoea')).toBeNull();
    expect(engine.state().switchedOff).toEqual(['etco2.apnoea']);
    engine.infusion(T0 + MIN, { running: true, documentedRateMlH: 10 });
    expect(engine.state().switchedOff).toEqual([]);
  });

  it.each([
    ['running', (e: AlarmEngine) => e.infusion(T0 + MIN, { running: true, documentedRateMlH: 10 })],
    ['paused', (e: AlarmEngine) => {
      e.infusion(T0 + MIN, { running: true, documentedRateMlH: 10 });
      e.infusion(T0 + 2 * MIN, { running: false, documentedRateMlH: null });
    }],
  ])('refused once the infusion has started (%s), until discharge', (_name, phase) => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T0, true);
    phase(engine);
    expect(engine.switchOff(T0 + 3 * MIN, 'Dr. Meier', 'etco2.apnoea')).toMatchObject({ code: 'alarm.switchOffRefused' });
    expect(engine.state().switchedOff).toEqual([]);
    expect(engine.drainLog().some((e) => e.type === 'switchOffRefused')).toBe(true);
  });

  it('cleared at discharge (or cancel): the next patient on the chair has every alarm on', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T0, true);
    engine.switchOff(T0 + SEC, 'Dr. Meier', 'spo2.desat');
    engine.drainLog();
    engine.session(T0 + MIN, false);
    expect(engine.state().switchedOff).toEqual([]);
    expect(engine.drainLog()).toContainEqual({ type: 'switchedOn', at: T0 + MIN, codes: ['spo2.desat'], reason: 'sessionEnded' });
    engine.session(T0 + 2 * MIN, true);
    engine.readings(T0 + 2 * MIN, [reading('spo2', 80)]);
    expect(alarm(engine, 'spo2.desat')).toMatchObject({ priority: 'high' });
  });

  it('one switched off between sessions is switched on at the next check-in', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    expect(engine.switchOff(T0, 'Dr. Meier', 'spo2.desat')).toBeNull();
    engine.session(T0 + MIN, true);
    expect(engine.state().switchedOff).toEqual([]);
    expect(engine.drainLog()).toContainEqual({ type: 'switchedOn', at: T0 + MIN, codes: ['spo2.desat'], reason: 'sessionStarted' });
  });
});
