/**
 * Plays the room's alarm tone with Web Audio from toneSchedule(): schedules a second ahead, so a busy renderer
 * does not stutter the pattern. A browser allows sound only after a user gesture: start() is called from the
 * first click or key press; until then the alarm bar shows "sound off – click to enable".
 */
import type { Priority } from '../../../core/alarms/codes';
import { TONE_PATTERNS } from '../../../core/alarms/tones';
import { toneSchedule, type ScheduledPulse } from './toneSchedule';

const LOOKAHEAD_MS = 1200;
const TICK_MS = 250;
const VOLUME = 0.35;

export class AlarmAudioPlayer {
  private ctx: AudioContext | null = null;
  private tone: Priority | null = null;
  private out: GainNode | null = null;
  /** AudioContext time (s) at which the current tone's first burst started. */
  private toneStart = 0;
  private scheduledToMs = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Needs a user gesture; resolves true when sound can play. */
  async start(): Promise<boolean> {
    if (!this.ctx) this.ctx = new AudioContext();
    if (this.ctx.state !== 'running') await this.ctx.resume().catch(() => undefined);
    const ok = this.ctx.state === 'running';
    if (ok && !this.timer) this.timer = setInterval(() => this.fill(), TICK_MS);
    if (ok && this.tone) this.restart(this.tone);
    return ok;
  }

  play(tone: Priority | null): void {
    if (tone === this.tone) return;
    this.tone = tone;
    this.restart(tone);
  }

  /**
   * The self-test: one burst of a priority's tone on its own output, beside (not instead of) any room tone.
   * False when no sound can play (no gesture yet, or the audio output failed): the self-test then cannot pass.
   */
  burst(priority: Priority): boolean {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return false;
    const out = ctx.createGain();
    out.gain.value = VOLUME;
    out.connect(ctx.destination);
    const pattern = TONE_PATTERNS[priority];
    this.schedule(ctx, out, ctx.currentTime + 0.05, toneSchedule(priority, 0, pattern.cycleMs - pattern.pauseAfterMs));
    return true;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.ctx?.close();
    this.ctx = null;
  }

  private restart(tone: Priority | null): void {
    const ctx = this.ctx;
    if (this.out) {
      this.out.disconnect(); // silences everything scheduled for the previous tone
      this.out = null;
    }
    if (!ctx || ctx.state !== 'running' || tone === null) return;
    this.out = ctx.createGain();
    this.out.gain.value = VOLUME;
    this.out.connect(ctx.destination);
    this.toneStart = ctx.currentTime + 0.05;
    this.scheduledToMs = 0;
    this.fill();
  }

  private fill(): void {
    const ctx = this.ctx;
    const out = this.out;
    if (!ctx || !out || this.tone === null) return;
    const nowMs = (ctx.currentTime - this.toneStart) * 1000;
    const toMs = Math.max(nowMs, 0) + LOOKAHEAD_MS;
    this.schedule(ctx, out, this.toneStart, toneSchedule(this.tone, this.scheduledToMs, toMs));
    this.scheduledToMs = toMs;
  }

  /** Pulses at their times from `origin` (AudioContext seconds), each with its envelope, into `out`. */
  private schedule(ctx: AudioContext, out: GainNode, origin: number, pulses: ScheduledPulse[]): void {
    for (const pulse of pulses) {
      const t0 = origin + pulse.startMs / 1000;
      const t1 = origin + pulse.endMs / 1000;
      const ramp = pulse.rampMs / 1000;
      const env = ctx.createGain();
      env.gain.setValueAtTime(0, t0);
      env.gain.linearRampToValueAtTime(1, t0 + ramp);
      env.gain.setValueAtTime(1, t1 - ramp);
      env.gain.linearRampToValueAtTime(0, t1);
      env.connect(out);
      for (const p of pulse.partials) {
        const osc = ctx.createOscillator();
        const g = ctx.createGain();
        osc.frequency.value = p.frequencyHz;
        g.gain.value = p.gain;
        osc.connect(g).connect(env);
        osc.start(t0);
        osc.stop(t1 + 0.01);
      }
    }
  }
}
