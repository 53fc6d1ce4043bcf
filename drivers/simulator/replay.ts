/**
 * Replays a capture (drivers/link/capture.ts) into a port, normally the device end of a socat pty: the app on the
 * other end reads the device's bytes again with the timing and chunking they had. Only received ('rx') bytes are
 * written; what the app sends is read and ignored, so a request/response device does not answer — the recorded
 * answers come at their recorded times regardless (enough to reproduce a decoding problem, not a handshake one).
 * A plain capture of received bytes has no times: it is written in small chunks at a steady pace.
 */
import type { PortLike } from '../link/port';
import type { ParsedCapture } from '../link/capture';

export interface ReplayOptions {
  /** 2 = twice as fast. */
  speed?: number;
  /** Start again from the beginning when the capture ends. */
  loop?: boolean;
  /** Gaps in the capture longer than this are shortened to it (a capture left running overnight). */
  maxGapMs?: number;
  /** Plain files: bytes per write and pause between writes. */
  rawChunkBytes?: number;
  rawIntervalMs?: number;
}

export interface ReplayStep {
  delayMs: number;
  bytes: Uint8Array;
}

/** The writes of one pass through the capture, each with the pause before it. Pure, for tests and the CLI. */
export function replaySteps(capture: ParsedCapture, opts: ReplayOptions = {}): ReplayStep[] {
  const speed = opts.speed && opts.speed > 0 ? opts.speed : 1;
  const maxGap = opts.maxGapMs ?? 10_000;
  const rx = capture.records.filter((r) => r.direction === 'rx');
  if (!capture.header) {
    const size = opts.rawChunkBytes ?? 64;
    const pause = opts.rawIntervalMs ?? 50;
    const steps: ReplayStep[] = [];
    for (const r of rx) for (let p = 0; p < r.bytes.length; p += size) steps.push({ delayMs: pause / speed, bytes: r.bytes.subarray(p, p + size) });
    return steps;
  }
  let prev = rx[0]?.offsetMs ?? 0;
  return rx.map((r) => {
    const gap = Math.min(Math.max(0, r.offsetMs - prev), maxGap);
    prev = r.offsetMs;
    return { delayMs: gap / speed, bytes: r.bytes };
  });
}

export class CaptureReplayer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private index = 0;
  private readonly steps: ReplayStep[];
  private finish!: () => void;
  /** Resolves when the capture has been written (never, with loop, until stop()). */
  readonly done: Promise<void>;
  bytesWritten = 0;
  passes = 0;

  constructor(
    private readonly port: PortLike,
    capture: ParsedCapture,
    private readonly opts: ReplayOptions = {},
  ) {
    this.steps = replaySteps(capture, opts);
    this.done = new Promise((r) => (this.finish = r));
    port.onData(() => {}); // what the app sends is not answered
  }

  start(): void {
    this.next();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.finish();
    await this.port.close();
  }

  private next(): void {
    if (this.stopped) return;
    if (this.index >= this.steps.length) {
      this.passes++;
      if (!this.opts.loop || this.steps.length === 0) return this.finish();
      this.index = 0;
    }
    const step = this.steps[this.index++]!;
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      this.port.write(step.bytes);
      this.bytesWritten += step.bytes.length;
      this.next();
    }, step.delayMs);
  }
}
