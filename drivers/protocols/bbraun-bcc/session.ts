/**
 * BCC conversation (host side, request mode): ADMIN:ALIVE to learn the bed id, then MEM:GET every few seconds,
 * ADMIN:ALIVE now and then as keep-alive. Every received block is acknowledged (ACK, or NAK if damaged) from tick(),
 * so at least 0.1 s passes before the ACK as the spec asks (§3.2.5.1).
 */
import type { LinkPhase } from '../../../core/devices/linkPhase';
import { emptyOutput, type DecodeOutput, type ProtocolSession } from '../../protocol';
import { ACK, BccFramer, encodeBccFrame, NAK } from './framing';
import { PumpTracker } from './pumps';
import { parseQuads } from './quads';

export const TIMING = {
  ackDelayMs: 100,
  /** ≥ 0.5 s between MEM:GET requests per spec; the pump values change slowly. */
  pollMs: 5000,
  keepAliveMs: 30_000,
  /** No block for this long after a request: start over with ADMIN:ALIVE. */
  responseTimeoutMs: 5000,
} as const;

const DEFAULT_BED_ID = '1';

export interface BccSessionOptions {
  /** Stuff outgoing requests (must match the ComDevice setting; incoming blocks are accepted either way). */
  stuffing?: boolean;
}

export class BbraunBccSession implements ProtocolSession {
  private framer = new BccFramer();
  private pumps = new PumpTracker();
  private bedId = DEFAULT_BED_ID;
  private ready = false;
  private timedOut = false;
  private started = false;
  /** Waiting for (more) blocks of the answer to our last request. */
  private awaiting = false;
  private pendingReply: { byte: number; at: number } | undefined;
  private lastRequest = -Infinity;
  private lastAlive = -Infinity;
  private lastRx = 0;

  constructor(private readonly opts: BccSessionOptions = {}) {}

  start(now: number): Uint8Array[] {
    this.started = true;
    return [this.alive(now)];
  }

  receive(chunk: Uint8Array, now: number): DecodeOutput {
    const out = emptyOutput();
    try {
      for (const ev of this.framer.push(chunk)) {
        if (ev.kind === 'control') continue; // the ComDevice does not send ACK/NAK to the host
        if (ev.kind === 'rejected') {
          out.rejected.push({ reason: ev.reason });
          // A damaged block is asked for again; noise outside blocks is just dropped.
          if (ev.reason !== 'bytesOutsideFrame' && this.awaiting) this.pendingReply = { byte: NAK, at: now };
          continue;
        }
        out.frames++;
        this.lastRx = now;
        this.timedOut = false;
        const { frame } = ev;
        const quads = parseQuads(frame.info);
        const good = [];
        for (const q of quads) {
          if (q.ok) good.push(q.quad);
          else out.rejected.push({ reason: q.reason });
        }
        if (good.some((q) => q.address === '50100' && q.parameter === 'GNACK')) {
          // Further requests must carry the bed id the ComDevice answered with.
          this.bedId = frame.bedId || DEFAULT_BED_ID;
          if (!this.ready) out.notices.push({ code: 'pump.connected', text: `ComDevice answered (bed ${this.bedId})`, args: { bed: this.bedId } });
          this.ready = true;
        }
        this.pumps.apply(good, out);
        this.awaiting = frame.more;
        this.pendingReply = { byte: ACK, at: now };
      }
    } catch (e) {
      out.rejected.push({ reason: 'decoderError', detail: String(e) });
    }
    return out;
  }

  tick(now: number): Uint8Array[] {
    if (!this.started) return [];
    if (this.pendingReply) {
      if (now - this.pendingReply.at < TIMING.ackDelayMs) return [];
      const reply = Uint8Array.of(this.pendingReply.byte);
      this.pendingReply = undefined;
      return [reply];
    }
    const silentSince = Math.max(this.lastRx, this.lastRequest);
    if ((this.awaiting || !this.ready || this.lastRx < this.lastRequest) && now - silentSince >= TIMING.responseTimeoutMs) {
      this.ready = false;
      this.timedOut = true;
      this.awaiting = false;
      return [this.alive(now)];
    }
    if (!this.ready || this.awaiting) return [];
    if (now - this.lastAlive >= TIMING.keepAliveMs) return [this.alive(now)];
    if (now - this.lastRequest >= TIMING.pollMs) return [this.request('MEM:GET', now)];
    return [];
  }

  phase(): LinkPhase {
    if (!this.started) return 'notStarted';
    if (this.timedOut) return 'comDeviceNoAnswer';
    return this.ready ? 'comDeviceConnected' : 'waitingForComDevice';
  }

  private alive(now: number): Uint8Array {
    this.lastAlive = now;
    // Until the ComDevice has told us its bed id, the spec's default "1" is used.
    return this.request('ADMIN:ALIVE', now, this.ready ? this.bedId : DEFAULT_BED_ID);
  }

  private request(info: string, now: number, bedId = this.bedId): Uint8Array {
    this.lastRequest = now;
    this.awaiting = true;
    return encodeBccFrame(bedId, info, { stuffing: this.opts.stuffing });
  }
}
