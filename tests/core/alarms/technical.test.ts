import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { MIN, SEC, T0, alarm, codes, feed, frame, reading, runningEngine } from './fixtures';

describe('no data while an infusion runs', () => {
  it('is medium after 10 s and high after 30 s, never a blank', () => {
    const engine = runningEngine();
    engine.tick(T0 + 10 * SEC);
    expect(codes(engine)).toEqual([]);
    engine.tick(T0 + 11 * SEC);
    expect(alarm(engine, 'data.none')).toMatchObject({ kind: 'technical', priority: 'medium', params: { seconds: 11 } });
    engine.tick(T0 + 31 * SEC);
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'high', value: 31, threshold: 30 });
  });

  it('counts from the infusion start when no data came before it', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.infusion(T0, { running: true, documentedRateMlH: 10 });
    engine.tick(T0 + 11 * SEC);
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'medium' });
  });

  it('is no alarm while no infusion runs', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.readings(T0, [reading('hr', 70)]);
    engine.tick(T0 + 10 * MIN);
    expect(codes(engine)).toEqual([]);
  });

  it('medium clears itself when data returns', () => {
    const engine = runningEngine();
    engine.tick(T0 + 15 * SEC);
    engine.readings(T0 + 16 * SEC, frame(T0 + 16 * SEC));
    expect(codes(engine)).toEqual([]);
  });
});

describe('measurement faults', () => {
  it('sensor off is a technical alarm at once, medium while running', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('spo2', null, 'sensorOff')]);
    expect(alarm(engine, 'spo2.sensorOff')).toMatchObject({ kind: 'technical', priority: 'medium', params: { parameter: 'spo2' } });
    engine.readings(T0 + 2 * SEC, [reading('spo2', 97)]);
    expect(codes(engine)).toEqual([]);
  });

  it('invalid readings, values outside the measurable range and demo data are alarms', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', null, 'invalid'), reading('spo2', 140), reading('respRate', 14, 'demo')]);
    expect(codes(engine).sort()).toEqual(['hr.invalid', 'respRate.demo', 'spo2.invalid']);
  });

  it('"unavailable" is an alarm only for a parameter that was being measured', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('etco2', null, 'unavailable'), reading('spo2', null, 'unavailable')]);
    expect(codes(engine)).toEqual(['spo2.invalid']);
  });

  it('is medium from check-in on, before the infusion starts as while it runs', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T0, true);
    engine.readings(T0, [reading('spo2', null, 'sensorOff')]);
    expect(alarm(engine, 'spo2.sensorOff')).toMatchObject({ priority: 'medium' });
    engine.infusion(T0 + SEC, { running: true, documentedRateMlH: 5 });
    expect(alarm(engine, 'spo2.sensorOff')).toMatchObject({ priority: 'medium' });
  });

  it('a questionable value is still judged against the limits', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('spo2', 80, 'questionable')]);
    expect(codes(engine)).toEqual(['spo2.desat']);
  });
});

describe('link lost', () => {
  it('raises with the reason, medium while running, and clears when receiving again', () => {
    const engine = runningEngine();
    engine.link(T0 + SEC, 'lost', 'USB adapter unplugged');
    expect(alarm(engine, 'link.lost')).toMatchObject({ priority: 'medium', params: { reason: 'USB adapter unplugged' } });
    engine.link(T0 + 2 * SEC, 'receiving');
    engine.readings(T0 + 2 * SEC, [reading('hr', 72)]);
    expect(codes(engine)).toEqual([]);
  });

  it('an error counts as lost; a long loss becomes high through the no-data timer', () => {
    const engine = runningEngine();
    engine.link(T0 + SEC, 'error', 'port busy');
    engine.tick(T0 + 31 * SEC);
    expect(alarm(engine, 'link.lost')).toMatchObject({ priority: 'medium' });
    expect(alarm(engine, 'data.none')).toMatchObject({ priority: 'high' });
  });

  it('silence alone is left to the no-data timer', () => {
    const engine = runningEngine();
    engine.link(T0 + SEC, 'silent', 'no bytes for 3 s');
    expect(codes(engine)).toEqual([]);
  });
});

describe('pump rate against the documented rate', () => {
  it('within max(0.1 ml/h, 5 %) is no alarm; beyond it is medium', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('pumpRate', 10.5)]);
    expect(codes(engine)).toEqual([]);
    engine.readings(T0 + 2 * SEC, [reading('pumpRate', 10.6)]);
    expect(alarm(engine, 'pump.rateMismatch')).toMatchObject({ priority: 'medium', value: 10.6, threshold: 10 });
  });

  it('uses the 0.1 ml/h floor at low rates', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.infusion(T0, { running: true, documentedRateMlH: 1 });
    engine.readings(T0, [reading('pumpRate', 1.1)]);
    expect(codes(engine)).toEqual([]);
    engine.readings(T0 + SEC, [reading('pumpRate', 1.2)]);
    expect(codes(engine)).toEqual(['pump.rateMismatch']);
  });

  it('clears itself once the new rate is documented', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('pumpRate', 15)]);
    engine.infusion(T0 + 2 * SEC, { running: true, documentedRateMlH: 15 });
    expect(codes(engine)).toEqual([]);
  });

  it('a pump delivering while no infusion is documented is a mismatch', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T0, true);
    engine.readings(T0, [reading('pumpRate', 4)]);
    expect(alarm(engine, 'pump.rateMismatch')).toMatchObject({ value: 4, threshold: 0 });
  });

  it('a pump that stopped while the infusion runs is a mismatch', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('pumpRate', 0)]);
    expect(codes(engine)).toEqual(['pump.rateMismatch']);
  });
});

describe('observation overdue', () => {
  it('is medium after 5 min late, high after 15 min, extrapolated between reports', () => {
    const engine = runningEngine();
    engine.observationOverdue(T0 + SEC, [{ kind: 'nibp', overdueMs: 5 * MIN }]);
    expect(codes(engine)).toEqual([]);
    feed(engine, T0 + 2 * SEC, T0 + 2 * SEC, [reading('hr', 72)]);
    const medium = alarm(engine, 'observation.overdue');
    expect(medium).toMatchObject({ kind: 'technical', priority: 'medium', params: { kind: 'nibp', minutes: 5 } });
    engine.readings(T0 + 10 * MIN + 2 * SEC, [reading('hr', 72)]);
    expect(alarm(engine, 'observation.overdue')).toMatchObject({ id: medium?.id, priority: 'high', threshold: 15 });
  });

  it('keeps one alarm per kind and ends it when the observation is documented', () => {
    const engine = runningEngine();
    engine.observationOverdue(T0 + SEC, [
      { kind: 'nibp', overdueMs: 6 * MIN },
      { kind: 'sedation', overdueMs: 16 * MIN },
    ]);
    expect(engine.state().alarms.map((a) => [a.params.kind, a.priority])).toEqual([
      ['sedation', 'high'],
      ['nibp', 'medium'],
    ]);
    const high = engine.state().alarms[0]?.id ?? '';
    engine.acknowledge(T0 + 2 * SEC, high, 'MFA Huber');
    engine.observationOverdue(T0 + 3 * SEC, []);
    expect(codes(engine)).toEqual([]);
  });
});
