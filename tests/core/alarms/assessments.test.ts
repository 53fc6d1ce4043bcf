/**
 * Alarms from the stored observations and the pre-infusion baseline, through the engine (issue 11 item 3):
 * sedation (RASS, MOAA/S), agitation, dissociation, SBP above baseline + 30 %, EtCO₂ ± 10 mmHg from baseline.
 */
import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { BASELINE_MIN_SAMPLES, NO_ASSESSMENTS, etco2Baseline, type Assessments } from '../../../core/alarms/assessments';
import { ALARM_SETTINGS, thresholdsWith } from '../../../core/alarms/settings';
import { settingProblems } from '../../../core/clinic/settingRules';
import { alarmMessage } from '../../../core/alarms/messages';
import { SEC, T0, alarm, codes, frame, reading } from './fixtures';

function session(): AlarmEngine {
  const engine = new AlarmEngine(CLINIC_THRESHOLDS);
  engine.session(T0, true);
  engine.infusion(T0, { running: true, documentedRateMlH: 10 });
  engine.readings(T0, frame(T0));
  return engine;
}

const sedation = (scale: 'rass' | 'moaas', score: number, at = T0): Assessments => ({ ...NO_ASSESSMENTS, sedation: { scale, score, at } });

describe('sedation scores', () => {
  const cases: [('rass' | 'moaas'), number, string | null, string | null][] = [
    ['rass', 0, null, null],
    ['rass', -1, null, null],
    ['rass', -2, 'sedation.deep', 'medium'],
    ['rass', -3, 'sedation.deep', 'high'],
    ['rass', -5, 'sedation.deep', 'high'],
    ['rass', 1, null, null],
    ['rass', 2, 'sedation.agitated', 'medium'],
    ['moaas', 5, null, null],
    ['moaas', 4, null, null],
    ['moaas', 3, 'sedation.deep', 'medium'],
    ['moaas', 2, 'sedation.deep', 'high'],
    ['moaas', 0, 'sedation.deep', 'high'],
  ];
  it.each(cases)('%s %i → %s %s (clinical-requirements §3.2, §4.1)', (scale, score, code, priority) => {
    const engine = session();
    engine.assessments(T0 + SEC, sedation(scale, score));
    if (code === null) expect(codes(engine)).toEqual([]);
    else expect(alarm(engine, code)).toMatchObject({ kind: 'physiological', priority, value: score });
  });

  it('holds until a newer score is recorded; a high one latches until acknowledged', () => {
    const engine = session();
    const monitor = (from: number, to: number) => {
      for (let t = from; t <= to; t += SEC) engine.readings(t, frame(t));
    };
    engine.assessments(T0 + SEC, sedation('rass', -2));
    monitor(T0 + SEC, T0 + 10 * 60 * SEC);
    expect(alarm(engine, 'sedation.deep')).toMatchObject({ priority: 'medium' });
    engine.assessments(T0 + 10 * 60 * SEC, sedation('rass', 0, T0 + 10 * 60 * SEC));
    expect(codes(engine)).toEqual([]);
    engine.assessments(T0 + 10 * 60 * SEC, sedation('moaas', 1, T0 + 10 * 60 * SEC));
    monitor(T0 + 10 * 60 * SEC, T0 + 11 * 60 * SEC);
    engine.assessments(T0 + 11 * 60 * SEC, sedation('moaas', 5, T0 + 11 * 60 * SEC));
    expect(alarm(engine, 'sedation.deep')).toMatchObject({ priority: 'high', latched: true });
    expect(alarmMessage('sedation.deep', alarm(engine, 'sedation.deep')!.params, 'de')).toBe(
      'Sedierung zu tief: MOAA/S 1 (Grenze 2) – Infusion reduzieren/stoppen? Ärztin/Arzt',
    );
  });

  it('no session on the chair: no score alarm', () => {
    const engine = new AlarmEngine(CLINIC_THRESHOLDS);
    engine.assessments(T0, sedation('rass', -4));
    expect(codes(engine)).toEqual([]);
  });
});

describe('dissociation (0–3)', () => {
  it.each([
    [1, null],
    [2, 'medium'],
    [3, 'high'],
  ] as const)('score %i → %s (§3.3, §4.1)', (score, priority) => {
    const engine = session();
    engine.assessments(T0 + SEC, { ...NO_ASSESSMENTS, dissociation: { score, at: T0 } });
    if (priority === null) expect(codes(engine)).toEqual([]);
    else expect(alarm(engine, 'dissociation.marked')).toMatchObject({ priority, value: score });
  });
});

describe('systolic pressure above the baseline + 30 %', () => {
  const baseline = (systolicMmHg: number | null): Assessments => ({ ...NO_ASSESSMENTS, baseline: { systolicMmHg, etco2MmHg: null } });

  it('baseline 110: the monitor\'s cuff 143 is within (limit 143), 144 is medium; 160 limits stay as they were', () => {
    const engine = session();
    engine.assessments(T0, baseline(110));
    engine.readings(T0 + SEC, frame(T0 + SEC, reading('nibpSys', 143)));
    expect(codes(engine)).toEqual([]);
    engine.readings(T0 + 2 * SEC, frame(T0 + 2 * SEC, reading('nibpSys', 144)));
    expect(alarm(engine, 'nibpSys.aboveBaseline')).toMatchObject({ priority: 'medium', value: 144, threshold: 143, params: { baseline: 110, percent: 30 } });
  });

  it('the newest value counts, typed by the MFA or from the cuff', () => {
    const engine = session();
    engine.readings(T0 + SEC, frame(T0 + SEC, reading('nibpSys', 120)));
    engine.assessments(T0 + 2 * SEC, { ...baseline(100), manualSystolic: { mmHg: 150, at: T0 + 2 * SEC } });
    expect(alarm(engine, 'nibpSys.aboveBaseline')).toMatchObject({ value: 150, threshold: 130 });
    engine.readings(T0 + 3 * SEC, frame(T0 + 3 * SEC, reading('nibpSys', 125)));
    expect(codes(engine)).toEqual([]);
  });

  it('without a baseline the rule is silent', () => {
    const engine = session();
    engine.assessments(T0, baseline(null));
    engine.readings(T0 + SEC, frame(T0 + SEC, reading('nibpSys', 155)));
    expect(codes(engine)).toEqual([]);
  });
});

describe('EtCO₂ change from the baseline', () => {
  const withBaseline: Assessments = { ...NO_ASSESSMENTS, baseline: { systolicMmHg: null, etco2MmHg: 38 } };
  const etco2 = (value: number) => (t: number) => frame(t, reading('etco2', value));

  it.each([
    [48, true],
    [47, false],
    [28, true],
    [29, false],
  ] as const)('EtCO₂ %i against 38 for 15 s → alarm %s', (value, raised) => {
    const engine = session();
    engine.assessments(T0, withBaseline);
    for (let t = T0 + SEC; t <= T0 + 15 * SEC; t += SEC) engine.readings(t, etco2(value)(t));
    expect(codes(engine)).toEqual([]); // the 15 s of the sheet's capnography rules
    engine.readings(T0 + 16 * SEC, etco2(value)(T0 + 16 * SEC));
    if (raised) expect(alarm(engine, 'etco2.fromBaseline')).toMatchObject({ priority: 'medium', value, threshold: 38, params: { change: value - 38 } });
    else expect(codes(engine)).toEqual([]);
  });

  it('the baseline is the median of at least 5 usable samples before the start', () => {
    const s = (value: number | null, state = 'valid') => ({ value, state });
    expect(etco2Baseline([s(36), s(38), s(90), s(37), s(39)])).toBe(38);
    expect(etco2Baseline([s(36), s(38), s(37), s(39), s(null, 'sensorOff'), s(80, 'invalid')])).toBeNull();
    expect(BASELINE_MIN_SAMPLES).toBe(5);
  });
});

describe('thresholds are clinic settings', () => {
  const values = Object.fromEntries(Object.entries(ALARM_SETTINGS).map(([k, d]) => [k, d.value]));

  it('with defaults, sources and bounds; a changed value is used by the engine', () => {
    expect(ALARM_SETTINGS['alarm.sedationRassMediumAtMost']).toMatchObject({ value: -2, unit: 'RASS', range: { min: -4, max: -1 } });
    expect(ALARM_SETTINGS['alarm.systolicAboveBaselinePercent']!.source).toContain('§4.1');
    const engine = new AlarmEngine(thresholdsWith(CLINIC_THRESHOLDS, { 'alarm.sedationRassMediumAtMost': -1 }));
    engine.session(T0, true);
    engine.assessments(T0, sedation('rass', -1));
    expect(alarm(engine, 'sedation.deep')).toMatchObject({ priority: 'medium', threshold: -1 });
  });

  it('refuses a high limit milder than the medium one, and values outside the bounds', () => {
    expect(settingProblems('alarm.sedationRassHighAtMost', -2, { ...values, 'alarm.sedationRassMediumAtMost': -3 }).map((p) => p.code)).toEqual(['setting.mustBeBelow']);
    expect(settingProblems('alarm.dissociationMediumAtLeast', 3, values).map((p) => p.code)).toEqual(['setting.mustBeBelow']);
    expect(settingProblems('alarm.etco2FromBaselineMmHg', 30, values).map((p) => p.code)).toEqual(['setting.outOfRange']);
  });
});
