/**
 * One serial link to one device: opens the port, runs the protocol's conversation, watches for silence and
 * reconnects with backoff. It knows no protocol details (those are in ProtocolSession) and no database.
 * Any unrequested close, any port error and any data silence count as link loss: serialport has no
 * auto-reconnect, and a dead pty or unplugged adapter is not always reported as a close.
 */
import type { LinkStatus } from '../../core/api/schemas';
import type { LinkFault } from '../../core/devices/linkFault';
import type { LinkPhase } from '../../core/devices/linkPhase';
import type { Reading } from '../../core/vitals';
import type { DeviceNotice, ProtocolDefinition, ProtocolSession } from '../protocol';
import { PortOpenError } from './openFault';
import type { PortLike, PortOpener } from './port';

export interface LinkOptions {
  path: string;
  protocol: ProtocolDefinition;
  openPort: PortOpener;
  simulated?: boolean;
  /** No complete frame for this long → "silent" (the alarm engine decides what that means clinically). */
  silenceMs?: number;
  /** Silent this long → close and reopen the port, in case the adapter was replugged. */
  reopenAfterMs?: number;
  now?: () => number;
}

export interface LinkListener {
  readings?(readings: Reading[], receivedAt: number): void;
  status?(status: LinkStatus): void;
  notice?(notice: DeviceNotice, at: number): void;
  /** Every byte in both directions, for raw capture. */
  raw?(direction: 'rx' | 'tx', bytes: Uint8Array, at: number): void;
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
const TICK_MS = 1000;

export class SerialLink {
  private port: PortLike | null = null;
  private session: ProtocolSession | null = null;
  private listeners = new Set<LinkListener>();
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private openedAt = 0;
  private running = false;
  private countersChanged = false;
  private current: LinkStatus;
  private readonly silenceMs: number;
  private readonly reopenAfterMs: number;
  private readonly now: () => number;

  constructor(private readonly options: LinkOptions) {
    this.silenceMs = options.silenceMs ?? 10_000;
    this.reopenAfterMs = options.reopenAfterMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.current = {
      state: 'stopped',
      since: this.now(),
      phase: null,
      detail: '',
      fault: null,
      portPath: options.path,
      protocolId: options.protocol.id,
      simulated: options.simulated ?? false,
      lastDataAt: null,
      framesRead: 0,
      framesRejected: 0,
      rejectReasons: {},
    };
  }

  subscribe(listener: LinkListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): LinkStatus {
    return { ...this.current, rejectReasons: { ...this.current.rejectReasons } };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.tickTimer = setInterval(() => this.tick(), TICK_MS);
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.tickTimer) clearInterval(this.tickTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.tickTimer = this.retryTimer = null;
    const port = this.port;
    this.port = null;
    this.session = null;
    await port?.close();
    this.setState('stopped', null);
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    if (!this.running) return;
    this.setState('connecting', null, `opening ${this.options.path}`);
    let port: PortLike;
    try {
      port = await this.options.openPort(this.options.path, this.options.protocol.lineSettings);
    } catch (err) {
      const fault: LinkFault = err instanceof PortOpenError ? err.fault : { code: 'portOpenFailed', args: { path: this.options.path } };
      this.fail(fault, (err as Error).message);
      return;
    }
    if (!this.running) {
      await port.close();
      return;
    }
    this.port = port;
    this.session = this.options.protocol.createSession();
    this.openedAt = this.now();
    port.onData((chunk) => this.receive(port, chunk));
    port.onClose((fault, text) => {
      if (this.port !== port) return;
      this.port = null;
      this.fail(fault, text);
    });
    this.setState('associating', this.session.phase());
    this.send(this.session.start(this.openedAt));
  }

  private receive(port: PortLike, chunk: Uint8Array): void {
    if (this.port !== port || !this.session) return;
    const at = this.now();
    this.emit((l) => l.raw?.('rx', chunk, at));
    const out = this.session.receive(chunk, at);
    this.send(out.send);
    const status = this.current;
    for (const r of out.rejected) {
      status.framesRejected++;
      status.rejectReasons[r.reason] = (status.rejectReasons[r.reason] ?? 0) + 1;
    }
    if (out.frames > 0) {
      status.framesRead += out.frames;
      status.lastDataAt = at;
      this.attempt = 0;
    }
    for (const n of out.notices) this.emit((l) => l.notice?.(n, at));
    if (out.readings.length > 0) this.emit((l) => l.readings?.(out.readings, at));
    if (out.frames > 0 && status.state !== 'receiving') this.setState('receiving', this.session.phase());
    // Counters are published with the next tick: a 75-frames-a-second oximeter must not flood the UI.
    else if (out.frames > 0 || out.rejected.length > 0) this.countersChanged = true;
  }

  private tick(): void {
    if (!this.session || !this.port) return;
    const now = this.now();
    this.send(this.session.tick(now));
    const lastData = this.current.lastDataAt !== null && this.current.lastDataAt >= this.openedAt ? this.current.lastDataAt : this.openedAt;
    const quietMs = now - lastData;
    if (quietMs > this.silenceMs && this.current.state !== 'silent') {
      this.current.since = lastData; // "silent since" the last frame, not since we noticed
      this.current.state = 'silent';
      this.current.phase = this.session.phase();
      this.current.detail = '';
      this.current.fault = null;
      this.publish();
    } else if ((this.current.state === 'associating' || this.current.state === 'receiving') && this.current.phase !== this.session.phase()) {
      // A phase change without a state change (Philips re-associating while frames still come) is shown too.
      this.setState(this.current.state, this.session.phase());
    } else if (this.countersChanged) {
      this.publish();
    }
    if (quietMs > this.reopenAfterMs) {
      const port = this.port;
      this.port = null;
      void port.close();
      const seconds = Math.round(quietMs / 1000);
      this.fail({ code: 'silentReopen', args: { seconds } }, `no data for ${seconds} s, reopening the port`);
    }
  }

  private send(frames: Uint8Array[]): void {
    const port = this.port;
    if (!port) return;
    for (const bytes of frames) {
      const at = this.now();
      this.emit((l) => l.raw?.('tx', bytes, at));
      port.write(bytes);
    }
  }

  private fail(fault: LinkFault, text: string): void {
    this.session = null;
    if (!this.running) return;
    this.setState('error', null, text, fault);
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)]!;
    this.attempt++;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private setState(state: LinkStatus['state'], phase: LinkPhase | null, detail = '', fault: LinkFault | null = null): void {
    if (this.current.state !== state) this.current.since = this.now();
    this.current.state = state;
    this.current.phase = phase;
    this.current.detail = detail;
    this.current.fault = fault;
    this.publish();
  }

  private publish(): void {
    this.countersChanged = false;
    const snapshot = this.status();
    this.emit((l) => l.status?.(snapshot));
  }

  private emit(fn: (l: LinkListener) => void): void {
    for (const l of this.listeners) {
      try {
        fn(l);
      } catch (err) {
        // A failing listener must not break the link or the other listeners.
        console.error('link listener failed:', err);
      }
    }
  }
}
