/**
 * The pulses the Web Audio player schedules for an alarm tone, as pure data (tested without a sound card):
 * bursts of core/alarms/tones.ts TONE_PATTERNS repeated every cycle, each pulse a fundamental with the harmonics
 * of TONE_HARMONICS and a short attack/release ramp.
 */
import type { Priority } from '../../../core/alarms/codes';
import { TONE_HARMONICS, TONE_PATTERNS } from '../../../core/alarms/tones';

export interface ScheduledPulse {
  /** ms from the start of the tone (the first burst starts at 0). */
  startMs: number;
  endMs: number;
  rampMs: number;
  partials: { frequencyHz: number; gain: number }[];
}

/** Pulses that start in [fromMs, toMs) for a tone that started at 0. */
export function toneSchedule(priority: Priority, fromMs: number, toMs: number): ScheduledPulse[] {
  const pattern = TONE_PATTERNS[priority];
  const norm = TONE_HARMONICS.reduce((a, b) => a + b, 0);
  const out: ScheduledPulse[] = [];
  const firstCycle = Math.max(0, Math.floor(fromMs / pattern.cycleMs));
  for (let cycle = firstCycle; cycle * pattern.cycleMs < toMs; cycle++) {
    for (const p of pattern.pulses) {
      const startMs = cycle * pattern.cycleMs + p.startMs;
      if (startMs < fromMs || startMs >= toMs) continue;
      out.push({
        startMs,
        endMs: startMs + p.durationMs,
        rampMs: pattern.rampMs,
        partials: TONE_HARMONICS.map((g, i) => ({ frequencyHz: p.frequencyHz * (i + 1), gain: g / norm })),
      });
    }
  }
  return out;
}
