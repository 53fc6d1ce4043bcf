/**
 * IEC 60601-1-8-style alarm signals as pure data: the renderer's Web Audio player schedules these pulses and the
 * alarm banner flashes at these rates. Burst shapes per clinical-requirements §4.2 [G, S72, S74]; the exact pulse
 * and spacing figures are the standard's ranges as we recall them [U] and must be checked for audibility in the
 * treatment room.
 */
import type { Priority } from './codes';

export interface TonePulse {
  /** From the start of the burst. */
  startMs: number;
  durationMs: number;
  /** Fundamental; the player adds the harmonics below so the tone is easy to locate. */
  frequencyHz: number;
}

export interface TonePattern {
  pulses: TonePulse[];
  /** Silence from the end of the last pulse to the next burst (IEC "interburst interval"). */
  pauseAfterMs: number;
  /** Burst plus pause: the burst repeats with this period while the alarm sounds. */
  cycleMs: number;
  /** Attack and release of every pulse: 10–20 % of its duration avoids clicks. */
  rampMs: number;
}

/** Relative amplitudes of the fundamental and its harmonics (IEC: ≥ 4 harmonic components in 300–4000 Hz). */
export const TONE_HARMONICS: readonly number[] = [1, 0.6, 0.4, 0.3, 0.2];

const C5 = 523.25;
const E5 = 659.25;

function pattern(frequencies: readonly number[], durationMs: number, startsMs: readonly number[], pauseAfterMs: number): TonePattern {
  const pulses = startsMs.map((startMs, i) => ({ startMs, durationMs, frequencyHz: frequencies[i % frequencies.length] ?? C5 }));
  const burstMs = Math.max(...pulses.map((p) => p.startMs + p.durationMs));
  return { pulses, pauseAfterMs, cycleMs: burstMs + pauseAfterMs, rampMs: durationMs * 0.15 };
}

export const TONE_PATTERNS: Record<Priority, TonePattern> = {
  // 10 pulses in two groups of 5 (3 + 2 rhythm in each): pulse 150 ms, spacing 100 ms, 3rd→4th 2×spacing + pulse,
  // 600 ms between the groups (IEC 0.35–1.30 s), then 3 s silence (IEC 2.5–15 s).
  high: pattern([C5], 150, [0, 250, 500, 1000, 1250, 2000, 2250, 2500, 3000, 3250], 3000),
  // 3 pulses of 200 ms, spacing 200 ms (IEC 125–250 ms), 4 s silence (IEC 2.5–30 s).
  medium: pattern([C5], 200, [0, 400, 800], 4000),
  // 2 falling pulses, 16 s silence (IEC > 15 s).
  low: pattern([E5, C5], 200, [0, 400], 16_000),
};

export interface VisualSignal {
  colour: 'red' | 'yellow' | 'cyan';
  /** Flashes per second; 0 = constant light. */
  flashHz: number;
  /** Fraction of each flash period the light is on (IEC 20–60 %). */
  dutyCycle: number;
  /** Common text prefix for the priority in alarm lists [S72, S73]. */
  prefix: string;
}

export const VISUAL_SIGNALS: Record<Priority, VisualSignal> = {
  high: { colour: 'red', flashHz: 2, dutyCycle: 0.5, prefix: '***' }, // IEC 1.4–2.8 Hz
  medium: { colour: 'yellow', flashHz: 0.6, dutyCycle: 0.5, prefix: '**' }, // IEC 0.4–0.8 Hz
  low: { colour: 'cyan', flashHz: 0, dutyCycle: 1, prefix: '*' }, // constant
};
