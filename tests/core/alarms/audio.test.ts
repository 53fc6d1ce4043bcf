import { describe, expect, it } from 'vitest';
import { AlarmEngine } from '../../../core/alarms/engine';
import { AUDIO_PAUSE_MAX_MS, CLINIC_THRESHOLDS } from '../../../core/alarms/defaults';
import { MIN, SEC, T0, alarm, frame, reading, runningEngine } from './fixtures';

describe('audio tone', () => {
  it('plays the highest unacknowledged priority and stops once all are acknowledged', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115), reading('nibpSys', 185)]);
    expect(engine.state()).toMatchObject({ highestPriority: 'high', audio: { tone: 'high', pausedUntil: null } });
    engine.acknowledge(T0 + 2 * SEC, alarm(engine, 'nibpSys.high')?.id ?? '', 'MFA Huber');
    expect(engine.state().audio.tone).toBe('medium');
    engine.acknowledge(T0 + 3 * SEC, alarm(engine, 'hr.high')?.id ?? '', 'MFA Huber');
    expect(engine.state()).toMatchObject({ highestPriority: 'high', audio: { tone: null } });
  });
});

describe('audio pause', () => {
  it('silences for 2 min with a countdown, logs who paused, and ends by itself', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, frame(T0 + SEC, reading('hr', 115)));
    expect(engine.pauseAudio(T0 + 2 * SEC, 'MFA Huber')).toBeNull();
    engine.readings(T0 + 32 * SEC, frame(T0 + 32 * SEC, reading('hr', 115)));
    expect(engine.state().audio).toEqual({ tone: null, pausedUntil: T0 + 2 * SEC + 2 * MIN, pauseRemainingMs: 90 * SEC, pausedBy: 'MFA Huber' });
    engine.readings(T0 + 2 * SEC + 2 * MIN, frame(T0 + 2 * SEC + 2 * MIN, reading('hr', 115)));
    expect(engine.state().audio).toMatchObject({ tone: 'medium', pausedUntil: null, pauseRemainingMs: null });
    const log = engine.drainLog();
    expect(log).toContainEqual({ type: 'audioPaused', at: T0 + 2 * SEC, user: 'MFA Huber', until: T0 + 2 * SEC + 2 * MIN, durationMs: 2 * MIN, scope: 'chair' });
    expect(log).toContainEqual({ type: 'audioPauseEnded', at: T0 + 2 * SEC + 2 * MIN, reason: 'expired', alarmId: null });
  });

  it('is never longer than 2 min, whatever the clinic configured', () => {
    const thresholds = {
      ...CLINIC_THRESHOLDS,
      technical: { ...CLINIC_THRESHOLDS.technical, audioPauseMs: { value: 10 * MIN, source: 'misconfigured' } },
    };
    const engine = new AlarmEngine(thresholds);
    engine.pauseAudio(T0, 'MFA Huber');
    expect(engine.state().audio.pausedUntil).toBe(T0 + AUDIO_PAUSE_MAX_MS);
  });

  it('a new alarm of higher priority breaks through', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115)]);
    engine.pauseAudio(T0 + 2 * SEC, 'MFA Huber');
    engine.readings(T0 + 3 * SEC, [reading('hr', 115), reading('spo2', 80)]);
    expect(engine.state().audio).toMatchObject({ tone: 'high', pausedUntil: null });
    const id = alarm(engine, 'spo2.desat')?.id;
    expect(engine.drainLog()).toContainEqual({ type: 'audioPauseEnded', at: T0 + 3 * SEC, reason: 'breakThrough', alarmId: id });
  });

  it('a rise of an active alarm above the pause level breaks through too', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115)]);
    engine.pauseAudio(T0 + 2 * SEC, 'MFA Huber');
    engine.readings(T0 + 3 * SEC, [reading('hr', 135)]);
    expect(engine.state().audio).toMatchObject({ tone: 'high', pausedUntil: null });
  });

  it('a new alarm of equal or lower priority does not break through', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115)]);
    engine.pauseAudio(T0 + 2 * SEC, 'MFA Huber');
    engine.readings(T0 + 3 * SEC, [reading('hr', 115), reading('nibpSys', 165)]);
    engine.link(T0 + 4 * SEC, 'lost', 'cable');
    expect(engine.state().audio).toMatchObject({ tone: null, pausedUntil: T0 + 2 * SEC + 2 * MIN });
    expect(engine.state().alarms).toHaveLength(3);
  });

  it('paused with all chairs (nobody looked at this one): a new alarm of the same priority still sounds', () => {
    const engine = runningEngine();
    engine.readings(T0 + SEC, [reading('hr', 115)]);
    engine.pauseAudio(T0 + 2 * SEC, 'MFA Huber', 'allChairs');
    engine.readings(T0 + 3 * SEC, [reading('hr', 115)]);
    expect(engine.state().audio).toMatchObject({ tone: null });
    engine.readings(T0 + 4 * SEC, [reading('hr', 115), reading('nibpSys', 165)]);
    expect(engine.state().audio).toMatchObject({ tone: 'medium', pausedUntil: null });
    expect(engine.drainLog()).toContainEqual(expect.objectContaining({ type: 'audioPaused', scope: 'allChairs' }));
  });

  it('with no alarm active when paused, any new alarm breaks through', () => {
    const engine = runningEngine();
    engine.pauseAudio(T0 + SEC, 'MFA Huber');
    engine.readings(T0 + 2 * SEC, [reading('nibpSys', 165)]);
    expect(engine.state().audio).toMatchObject({ tone: 'medium', pausedUntil: null });
  });

  it('needs an operator', () => {
    const engine = runningEngine();
    expect(engine.pauseAudio(T0 + SEC, ' ')).toMatchObject({ code: 'operator.missing' });
    expect(engine.state().audio.pausedUntil).toBeNull();
  });
});
