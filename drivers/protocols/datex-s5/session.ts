/**
 * The app's side of the S/5 conversation: ask for displayed values on open, and ask again when the
 * monitor has been quiet (it stops after a restart or when it missed the request).
 */
import type { LinkPhase } from '../../../core/devices/linkPhase';
import { emptyOutput, type DecodeOutput, type ProtocolSession } from '../../protocol';
import { DatexFramer } from './framing';
import { decodeRecord } from './record';
import { displayRequestFrame, MIN_INTERVAL_S } from './request';

/** Re-request after three missed records; the monitor ignores a second request within 5 s anyway. */
const REREQUEST_AFTER_MS = 3 * MIN_INTERVAL_S * 1000;

export class DatexSession implements ProtocolSession {
  private framer = new DatexFramer();
  private lastRecordAt = 0;
  private lastRequestAt = 0;

  constructor(private readonly intervalS = MIN_INTERVAL_S) {}

  start(now: number): Uint8Array[] {
    this.lastRequestAt = now;
    return [displayRequestFrame(this.intervalS)];
  }

  receive(chunk: Uint8Array, now: number): DecodeOutput {
    const out = emptyOutput();
    for (const frame of this.framer.push(chunk)) {
      if (!frame.ok) {
        out.rejected.push({ reason: frame.reason });
        continue;
      }
      out.frames++;
      this.lastRecordAt = now;
      const decoded = decodeRecord(frame.record);
      out.readings.push(...decoded.readings);
      out.rejected.push(...decoded.rejected);
    }
    return out;
  }

  tick(now: number): Uint8Array[] {
    const quietSince = Math.max(this.lastRecordAt, this.lastRequestAt);
    if (now - quietSince < REREQUEST_AFTER_MS) return [];
    this.lastRequestAt = now;
    return [displayRequestFrame(this.intervalS)];
  }

  phase(): LinkPhase {
    return this.lastRecordAt > 0 ? 'receivingDisplayedValues' : 'displayDataRequested';
  }
}
