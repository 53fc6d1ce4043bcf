/**
 * Plays the room's alarm tone with Web Audio from toneSchedule(): schedules a second ahead, so a busy renderer
 * does not stutter the pattern. A browser allows sound only after a user gesture: start() is called from the
 * first click or key press; until then the alarm bar shows "sound off – click to enable".
 */
import type { Priority } from '../../../core/alarms/codes';
import { toneSchedule } from './toneSchedule';

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
    for (const pulse of toneSchedule(this.tone, this.scheduledToMs, toMs)) {
      const t0 = this.toneStart + pulse.startMs / 1000;
      const t1 = this.toneStart + pulse.endMs / 1000;
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
    this.scheduledToMs = toMs;
  }
}
