/**
 * IntelliVue MIB conversation (app side): release any stale association, AARQ (retried), answer the MDS create
 * event, extended numeric poll renewed before its 30-s period ends, alert-monitor single poll as keep-alive,
 * re-associate after 5 s of silence or when the monitor releases/aborts.
 */
import type { LinkPhase } from '../../../core/devices/linkPhase';
import { emptyOutput, type DecodeOutput, type ProtocolSession } from '../../protocol';
import { encodeFrame, MibFramer } from './framing';
import { parseMessage, type MibMessage } from './messages';
import { observationsToReadings } from './numerics';
import { AARQ, extendedPoll, mdsCreateResult, MOC, RELEASE_REQUEST, RELEASE_RESPONSE, singlePoll } from './requests';

export const TIMING = {
  /** AARQ retry while the monitor does not answer (OpenICE 2 s, Philips tool ~4.4 s). */
  aarqRetryMs: 4000,
  /** The monitor streams numerics every ~1 s once polled; this much silence = association lost. */
  silenceMs: 5000,
  /** Renew the 30-s extended poll well before it runs out. */
  extPollRenewMs: 10_000,
  /** Keep-alive well inside the monitor's ~10 s timeout (min_poll_period 500 ms). */
  keepAliveMs: 3000,
  /** Poll anyway if the MDS create event does not come after AARE. */
  mdsWaitMs: 3000,
} as const;

type State = 'idle' | 'associating' | 'waitingForMds' | 'polling';

export class PhilipsMibSession implements ProtocolSession {
  private framer = new MibFramer();
  private state: State = 'idle';
  private lost = false;
  private invokeId = 0;
  private pollNumber = 0;
  private lastAarq = -Infinity;
  private lastRx = 0;
  private lastTx = 0;
  private lastExtPoll = -Infinity;
  private associatedAt = 0;
  /** MDS clock: absolute time at relative time `rel` (RelativeTime ticks of 125 µs). */
  private timeBase: { abs: number; rel: number } | undefined;

  start(now: number): Uint8Array[] {
    this.state = 'associating';
    this.lost = false;
    this.lastAarq = now;
    this.lastTx = now;
    // The monitor keeps streaming 1–2 min after a client vanishes: release first, then associate.
    return [encodeFrame(RELEASE_REQUEST), encodeFrame(AARQ)];
  }

  receive(chunk: Uint8Array, now: number): DecodeOutput {
    const out = emptyOutput();
    try {
      for (const f of this.framer.push(chunk)) {
        if (!f.ok) {
          out.rejected.push({ reason: f.reason });
          continue;
        }
        const msg = parseMessage(f.userData);
        if (msg.kind === 'malformed') {
          out.rejected.push({ reason: 'malformedMessage', detail: msg.detail });
          continue;
        }
        out.frames++;
        this.lastRx = now;
        this.handle(msg, now, out);
      }
    } catch (e) {
      out.rejected.push({ reason: 'decoderError', detail: String(e) });
    }
    return out;
  }

  private handle(msg: MibMessage, now: number, out: DecodeOutput): void {
    switch (msg.kind) {
      case 'aare':
        this.state = 'waitingForMds';
        this.lost = false;
        this.associatedAt = now;
        out.notices.push({ code: 'monitor.associated', text: 'association accepted' });
        break;
      case 'refuse':
        this.toAssociating();
        out.notices.push({ code: 'monitor.refused', text: 'association refused by the monitor' });
        break;
      case 'releaseRequest':
        out.send.push(this.tx(encodeFrame(RELEASE_RESPONSE), now));
        this.toAssociating();
        this.lastAarq = -Infinity; // associate again on the next tick
        out.notices.push({ code: 'monitor.released', text: 'monitor released the association' });
        break;
      case 'abort':
        this.toAssociating();
        this.lastAarq = -Infinity;
        out.notices.push({ code: 'monitor.aborted', text: 'monitor aborted the association' });
        break;
      case 'releaseResponse':
        if (this.state !== 'associating') this.toAssociating();
        break;
      case 'mdsCreate':
        if (msg.absTime !== undefined && msg.relTime !== undefined) this.timeBase = { abs: msg.absTime, rel: msg.relTime };
        out.send.push(this.tx(encodeFrame(mdsCreateResult(msg.invokeId)), now));
        out.send.push(this.extPoll(now));
        this.state = 'polling';
        this.lost = false;
        break;
      case 'pollResult':
        // Results still streaming from an association we did not make (before AARE) are flushed, not decoded.
        if (this.state === 'associating' || this.state === 'idle') break;
        if (msg.objCode !== MOC.numeric) break; // waves, alerts, MDS attributes: not used
        observationsToReadings(out, msg.observations, this.pollTime(msg.relTime, msg.absTime));
        break;
      case 'error':
        out.notices.push({
          code: 'monitor.error',
          text: `monitor returned error ${msg.errorValue} for request ${msg.invokeId}`,
          args: { error: msg.errorValue, request: msg.invokeId },
        });
        break;
      default:
        break;
    }
  }

  private pollTime(rel: number, abs: number | undefined): number | undefined {
    if (abs !== undefined) return abs;
    if (!this.timeBase) return undefined;
    // Signed 32-bit difference: RelativeTime wraps after ~6 days.
    return this.timeBase.abs + ((rel - this.timeBase.rel) | 0) / 8;
  }

  tick(now: number): Uint8Array[] {
    const send: Uint8Array[] = [];
    if (this.state === 'idle') return send;
    if (this.state === 'associating') {
      if (now - this.lastAarq >= TIMING.aarqRetryMs) {
        this.lastAarq = now;
        send.push(this.tx(encodeFrame(AARQ), now));
      }
      return send;
    }
    if (now - this.lastRx >= TIMING.silenceMs) {
      this.toAssociating();
      this.lost = true;
      this.lastAarq = now;
      send.push(this.tx(encodeFrame(RELEASE_REQUEST), now), this.tx(encodeFrame(AARQ), now));
      return send;
    }
    if (this.state === 'waitingForMds') {
      if (now - this.associatedAt >= TIMING.mdsWaitMs) {
        this.state = 'polling';
        send.push(this.extPoll(now));
      }
      return send;
    }
    if (now - this.lastExtPoll >= TIMING.extPollRenewMs) send.push(this.extPoll(now));
    else if (now - this.lastTx >= TIMING.keepAliveMs) send.push(this.tx(encodeFrame(singlePoll(this.nextInvoke(), this.nextPoll())), now));
    return send;
  }

  phase(): LinkPhase {
    switch (this.state) {
      case 'idle':
        return 'notStarted';
      case 'associating':
        return this.lost ? 'reassociating' : 'waitingForAssociation';
      case 'waitingForMds':
        return 'waitingForMds';
      case 'polling':
        return 'associated';
    }
  }

  private toAssociating(): void {
    this.state = 'associating';
    this.timeBase = undefined;
    this.lastExtPoll = -Infinity;
  }

  private extPoll(now: number): Uint8Array {
    this.lastExtPoll = now;
    return this.tx(encodeFrame(extendedPoll(this.nextInvoke(), this.nextPoll())), now);
  }

  private tx(frame: Uint8Array, now: number): Uint8Array {
    this.lastTx = now;
    return frame;
  }

  private nextInvoke(): number {
    this.invokeId = (this.invokeId + 1) & 0xffff;
    return this.invokeId;
  }

  private nextPoll(): number {
    this.pollNumber = (this.pollNumber % 0xffff) + 1;
    return this.pollNumber;
  }
}
