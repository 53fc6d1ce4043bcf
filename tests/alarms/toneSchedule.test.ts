/** The Web Audio player's schedule, as data: IEC 60601-1-8-style bursts per priority, repeated, seamless across windows. */
import { describe, expect, it } from 'vitest';
import { TONE_PATTERNS } from '../../core/alarms/tones';
import { roomTone } from '../../renderer/features/alarms/alarmSelectors';
import { toneSchedule } from '../../renderer/features/alarms/toneSchedule';
import type { AlarmStateDto } from '../../core/api/methods/alarms';

describe('alarm tone schedule', () => {
  it('high: a burst of 10 pulses in two groups of 5, repeated every cycle', () => {
    const cycle = TONE_PATTERNS.high.cycleMs;
    const pulses = toneSchedule('high', 0, cycle);
    expect(pulses).toHaveLength(10);
    const gaps = pulses.slice(1).map((p, i) => p.startMs - pulses[i]!.endMs);
    const longest = Math.max(...gaps);
    // the longest gap inside the burst separates the two groups of five
    expect(gaps.indexOf(longest)).toBe(4);
    expect(toneSchedule('high', cycle, 2 * cycle).map((p) => p.startMs - cycle)).toEqual(pulses.map((p) => p.startMs));
  });

  it('medium: 3 pulses, low: 2 pulses per burst; the three priorities sound different', () => {
    expect(toneSchedule('medium', 0, TONE_PATTERNS.medium.cycleMs)).toHaveLength(3);
    const low = toneSchedule('low', 0, TONE_PATTERNS.low.cycleMs);
    expect(low).toHaveLength(2);
    expect(low[0]!.partials[0]!.frequencyHz).toBeGreaterThan(low[1]!.partials[0]!.frequencyHz); // falling
    const signature = (p: 'high' | 'medium' | 'low') => JSON.stringify(toneSchedule(p, 0, 20_000).map((x) => [x.startMs, x.endMs]));
    expect(new Set([signature('high'), signature('medium'), signature('low')]).size).toBe(3);
    // IEC inter-burst: high and medium repeat within 2.5–15 s of silence, low waits > 15 s
    expect(TONE_PATTERNS.high.pauseAfterMs).toBeGreaterThanOrEqual(2500);
    expect(TONE_PATTERNS.low.pauseAfterMs).toBeGreaterThan(15_000);
  });

  it('every pulse has ≥ 4 harmonics (locatable tone), ramps shorter than the pulse, gains summing to 1', () => {
    for (const p of toneSchedule('high', 0, 10_000)) {
      expect(p.partials.length).toBeGreaterThanOrEqual(4);
      expect(p.partials.map((x) => x.frequencyHz / p.partials[0]!.frequencyHz)).toEqual(p.partials.map((_, i) => i + 1));
      expect(p.partials.reduce((a, x) => a + x.gain, 0)).toBeCloseTo(1, 9);
      expect(2 * p.rampMs).toBeLessThan(p.endMs - p.startMs);
    }
  });

  it('scheduling in look-ahead windows neither drops nor repeats a pulse', () => {
    const whole = toneSchedule('high', 0, 30_000).map((p) => p.startMs);
    const pieces: number[] = [];
    for (let from = 0; from < 30_000; from += 1200) pieces.push(...toneSchedule('high', from, Math.min(from + 1200, 30_000)).map((p) => p.startMs));
    expect(pieces).toEqual(whole);
  });

  it('the room plays the most urgent tone of any chair; a chair with audio paused is silent', () => {
    const s = (tone: 'high' | 'medium' | 'low' | null): AlarmStateDto => ({
      at: 0,
      alarms: [],
      switchedOff: [],
      highestPriority: tone,
      audio: { tone, pausedUntil: null, pauseRemainingMs: null, pausedBy: null },
      infusionRunning: true,
    });
    expect(roomTone({ 1: s('medium'), 2: s('low'), 3: s(null) })).toBe('medium');
    expect(roomTone({ 1: s('medium'), 2: s('high') })).toBe('high');
    expect(roomTone({ 1: s(null), 2: s(null) })).toBeNull();
  });
});
