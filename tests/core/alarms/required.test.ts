/**
 * Required parameters through the engine (issue 11 item 2): never seen since the infusion began, too old, frozen,
 * a stale NIBP; with the sheet's no-data priorities and without double alarms for one cause.
 */
import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS, type Thresholds } from '../../../core/alarms/defaults';
import { NO_ASSESSMENTS } from '../../../core/alarms/assessments';
import { settingProblems } from '../../../core/clinic/settingRules';
import { ALARM_SETTINGS, thresholdsWith } from '../../../core/alarms/settings';
import type { Reading } from '../../../core/vitals';
import { MIN, SEC, T0, alarm, codes, frame, reading } from './fixtures';

/** A session checked in at T0 with the infusion started at once; the monitor sends `each(t)` every second. */
function session(thresholds: Thresholds = CLINIC_THRESHOLDS): AlarmEngine {
  const engine = new AlarmEngine(thresholds);
  engine.session(T0, true);
  engine.infusion(T0, { running: true, documentedRateMlH: 10 });
  return engine;
}

function run(engine: AlarmEngine, from: number, to: number, each: (t: number) => Reading[]): void {
  for (let t = from; t <= to; t += SEC) engine.readings(t, each(t));
}

const without = (...gone: string[]) => (t: number) => frame(t).filter((r) => !gone.includes(r.parameter));

describe('a required parameter never seen', () => {
  it('SpO₂ never attached: medium after its maximum age (10 s), high 20 s later, as the sheet\'s no-data rule', () => {
    const engine = session();
    run(engine, T0, T0 + 10 * SEC, without('spo2'));
    expect(codes(engine)).toEqual([]);
    run(engine, T0 + 11 * SEC, T0 + 11 * SEC, without('spo2'));
    expect(alarm(engine, 'spo2.missing')).toMatchObject({ kind: 'technical', priority: 'medium', value: 11, threshold: 10 });
    run(engine, T0 + 12 * SEC, T0 + 31 * SEC, without('spo2'));
    expect(alarm(engine, 'spo2.missing')).toMatchObject({ priority: 'high' });
    expect(codes(engine)).toEqual(['spo2.missing']);
    // The probe is attached: the high alarm latches until acknowledged, as every high alarm.
    run(engine, T0 + 32 * SEC, T0 + 33 * SEC, (t) => frame(t));
    expect(alarm(engine, 'spo2.missing')).toMatchObject({ latched: true });
  });

  it('heart rate is met by the oximeter pulse rate when no ECG is fitted', () => {
    const engine = session();
    run(engine, T0, T0 + 2 * MIN, without('hr'));
    expect(codes(engine)).toEqual([]);
    run(engine, T0 + 2 * MIN + SEC, T0 + 2 * MIN + 12 * SEC, without('hr', 'pulseRate'));
    expect(codes(engine)).toEqual(['hr.stale']);
  });

  it('nothing is required before the infusion starts: the patient is being connected', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.session(T0, true);
    run(engine, T0, T0 + 5 * MIN, (t) => [reading('respRate', 14 + ((t / SEC) % 2))]);
    expect(codes(engine)).toEqual([]);
  });

  it('EtCO₂ and RR are required only once the clinic sets a maximum age (capnography in use)', () => {
    const engine = session();
    run(engine, T0, T0 + MIN, without('etco2', 'respRate'));
    expect(codes(engine)).toEqual([]);
    const capnography = thresholdsWith(CLINIC_THRESHOLDS, { 'alarm.requiredEtco2MaxAgeMs': 15_000 });
    const required = session(capnography);
    run(required, T0, T0 + 16 * SEC, without('etco2'));
    expect(codes(required)).toEqual(['etco2.missing']);
  });
});

describe('a required parameter too old', () => {
  it('SpO₂ stops while the rest goes on: stale, cleared by the next value (medium does not latch)', () => {
    const engine = session();
    run(engine, T0, T0 + 30 * SEC, (t) => frame(t));
    run(engine, T0 + 31 * SEC, T0 + 40 * SEC, without('spo2'));
    expect(codes(engine)).toEqual([]);
    run(engine, T0 + 42 * SEC, T0 + 42 * SEC, without('spo2'));
    expect(alarm(engine, 'spo2.stale')).toMatchObject({ priority: 'medium', value: 12, params: { seconds: 12, limit: 10 } });
    run(engine, T0 + 43 * SEC, T0 + 43 * SEC, (t) => frame(t));
    expect(codes(engine)).toEqual([]);
  });

  it('a silent chair is one no-data alarm, and a probe off is its own alarm, not also "stale"', () => {
    const silent = session();
    run(silent, T0, T0 + 5 * SEC, (t) => frame(t));
    silent.tick(T0 + 40 * SEC);
    expect(codes(silent)).toEqual(['data.none']);
    const probeOff = session();
    run(probeOff, T0, T0 + 5 * SEC, (t) => frame(t));
    run(probeOff, T0 + 6 * SEC, T0 + MIN, (t) => frame(t, reading('spo2', null, 'sensorOff')));
    expect(codes(probeOff)).toEqual(['spo2.sensorOff']);
  });

  it('paused and in the post-infusion observation the parameters stay required', () => {
    const engine = session();
    run(engine, T0, T0 + 10 * SEC, (t) => frame(t));
    engine.infusion(T0 + 11 * SEC, { running: false, documentedRateMlH: null });
    run(engine, T0 + 11 * SEC, T0 + 30 * SEC, without('spo2'));
    expect(alarm(engine, 'spo2.stale')).toMatchObject({ priority: 'medium' });
    run(engine, T0 + 31 * SEC, T0 + 41 * SEC, without('spo2'));
    expect(alarm(engine, 'spo2.stale')).toMatchObject({ priority: 'high' });
  });

  it('the maximum age is a clinic setting within its bounds', () => {
    const slow = session(thresholdsWith(CLINIC_THRESHOLDS, { 'alarm.requiredSpo2MaxAgeMs': 30_000 }));
    run(slow, T0, T0 + 25 * SEC, without('spo2'));
    expect(codes(slow)).toEqual([]);
    const values = Object.fromEntries(Object.entries(ALARM_SETTINGS).map(([k, d]) => [k, d.value]));
    expect(settingProblems('alarm.requiredSpo2MaxAgeMs', 120_000, values).map((p) => p.code)).toEqual(['setting.outOfRange']);
    expect(settingProblems('alarm.nibpGraceMs', 3 * MIN, values)).toEqual([]);
  });
});

describe('a frozen value', () => {
  it('the monitor re-sends one sample (same value and device time) for longer than 1 min: frozen, medium', () => {
    const engine = session();
    run(engine, T0, T0 + 60 * SEC, () => frame(T0));
    expect(codes(engine)).toEqual([]);
    run(engine, T0 + 61 * SEC, T0 + 61 * SEC, () => frame(T0));
    // The re-sent sample's device time falls behind the PC clock as well: the low drift notice says so too.
    expect(codes(engine).sort()).toEqual(['clock.drift', 'hr.frozen', 'spo2.frozen']);
    expect(alarm(engine, 'spo2.frozen')).toMatchObject({ priority: 'medium', params: { parameter: 'spo2', value: 98, seconds: 61 } });
    // A new sample (a new device time) ends it.
    run(engine, T0 + 62 * SEC, T0 + 62 * SEC, (t) => frame(t));
    expect(codes(engine)).toEqual([]);
  });

  it('without a device time: the same heart rate for 5 min is frozen; SpO₂ on one number for long is not', () => {
    const engine = session();
    const steady = (hr: number) => () => [reading('hr', hr), reading('spo2', 98), reading('nibpSys', 125)];
    run(engine, T0, T0 + 5 * MIN, steady(72));
    expect(codes(engine)).toEqual([]);
    run(engine, T0 + 5 * MIN + SEC, T0 + 5 * MIN + SEC, steady(72));
    expect(codes(engine)).toEqual(['hr.frozen']);
    run(engine, T0 + 5 * MIN + 2 * SEC, T0 + 15 * MIN, (t) => steady(70 + ((t / SEC) % 3))());
    expect(codes(engine)).toEqual([]);
  });
});

describe('a stale NIBP', () => {
  it('no new cuff value for longer than the interval + 2 min: medium; a repeated old value does not count', () => {
    const engine = session();
    engine.bloodPressureInterval(T0, 5 * MIN);
    run(engine, T0, T0 + 7 * MIN, (t) => frame(t, reading('nibpSys', 125)).map((r) => (r.parameter === 'nibpSys' ? { ...r, deviceTime: T0 } : r)));
    expect(codes(engine)).toEqual([]);
    run(engine, T0 + 7 * MIN + SEC, T0 + 7 * MIN + SEC, (t) => frame(t, reading('nibpSys', 125)).map((r) => (r.parameter === 'nibpSys' ? { ...r, deviceTime: T0 } : r)));
    expect(alarm(engine, 'nibp.stale')).toMatchObject({ kind: 'technical', priority: 'medium', params: { minutes: 7, limit: 7 } });
    run(engine, T0 + 7 * MIN + 2 * SEC, T0 + 7 * MIN + 2 * SEC, (t) => frame(t, reading('nibpSys', 131)));
    expect(codes(engine)).toEqual([]);
  });

  it('no cuff measurement at all since the start: missing; a blood pressure typed by the MFA meets it', () => {
    const engine = session();
    engine.bloodPressureInterval(T0, 5 * MIN);
    run(engine, T0, T0 + 7 * MIN + SEC, without('nibpSys', 'nibpDia'));
    expect(codes(engine)).toEqual(['nibp.missing']);
    engine.assessments(T0 + 7 * MIN + 2 * SEC, { ...NO_ASSESSMENTS, manualSystolic: { mmHg: 124, at: T0 + 7 * MIN } });
    expect(codes(engine)).toEqual([]);
  });

  it('is not judged without a blood-pressure interval (no schedule on the chair)', () => {
    const engine = session();
    run(engine, T0, T0 + 20 * MIN, without('nibpSys'));
    expect(codes(engine)).toEqual([]);
  });
});
