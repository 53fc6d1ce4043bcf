/**
 * A simulated device on the device end of a socat pty, with a bad line in between: what it sends is cut into
 * random pieces and written at random small intervals (frames split across reads and merged into one read),
 * garbage can be put between frames, frames can be damaged, the device can be deaf for a while (the app's first
 * requests are lost) or silent (sends nothing, hears everything).
 */
import type { PortLike } from '../../drivers/link/port';
import type { SimulatedDevice } from '../../drivers/simulator/device';
import type { SimulatedPatient } from '../../drivers/simulator/patient';
import { seededRandom } from '../../drivers/simulator/random';

export interface WireOptions {
  seed: number;
  /** Device data interval, ms (instead of the device's own). */
  intervalMs?: number;
  /** Largest piece written at once. */
  maxPiece?: number;
}

export class WireDevice {
  /** Bytes the device has sent but the line has not delivered yet. */
  private pending: number[] = [];
  private pump: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private readonly random: () => number;
  /** Everything the app sent, as received. */
  readonly heard: Uint8Array[] = [];
  /** Requests that arrived while deaf. */
  ignored = 0;
  deafUntil = 0;
  silent = false;
  /** Put garbage before every n-th frame (0: never). */
  garbageEvery = 0;
  /** Damage this many of the next frames that `damage` can damage. */
  damageNext = 0;
  damaged = 0;
  framesSent = 0;
  private frameCount = 0;

  constructor(
    private readonly port: PortLike,
    private readonly device: SimulatedDevice,
    private readonly patient: SimulatedPatient,
    private readonly options: WireOptions,
    /** Returns a damaged copy of a frame, or null when this frame is not one to damage. */
    private readonly damage: (frame: Uint8Array) => Uint8Array | null = () => null,
  ) {
    this.random = seededRandom(options.seed);
    port.onData((chunk) => {
      this.heard.push(chunk.slice());
      if (Date.now() < this.deafUntil) {
        this.ignored++;
        return;
      }
      for (const reply of device.receive(chunk, Date.now())) this.send(reply);
    });
  }

  start(): void {
    this.ticker = setInterval(() => {
      for (const frame of this.device.tick(this.patient.snapshot(Date.now()))) this.send(frame);
    }, this.options.intervalMs ?? this.device.intervalMs);
    this.schedulePump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    if (this.pump) clearTimeout(this.pump);
    await this.port.close();
  }

  /** All bytes the app sent so far. */
  heardBytes(): Uint8Array {
    const total = this.heard.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of this.heard) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  private send(frame: Uint8Array): void {
    if (this.silent || this.stopped) return;
    this.frameCount++;
    let bytes = frame;
    if (this.damageNext > 0) {
      const d = this.damage(frame);
      if (d) {
        bytes = d;
        this.damageNext--;
        this.damaged++;
      }
    }
    if (this.garbageEvery > 0 && this.frameCount % this.garbageEvery === 0) {
      const g = [0x55, 0xaa, 0x00, 0xff, 0x13, 0x37];
      const n = 1 + Math.floor(this.random() * g.length);
      for (let i = 0; i < n; i++) this.pending.push(g[Math.floor(this.random() * g.length)]!);
    }
    for (const b of bytes) this.pending.push(b);
    this.framesSent++;
  }

  /** Writes a random-sized piece of what is pending every few ms: splits frames and merges neighbours. */
  private schedulePump(): void {
    if (this.stopped) return;
    this.pump = setTimeout(() => {
      if (this.pending.length > 0) {
        const max = Math.min(this.pending.length, this.options.maxPiece ?? 97);
        const n = 1 + Math.floor(this.random() * max);
        this.port.write(Uint8Array.from(this.pending.splice(0, n)));
      }
      this.schedulePump();
    }, Math.floor(this.random() * 6));
  }
}
