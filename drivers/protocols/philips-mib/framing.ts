/**
 * MIB/RS232 framing: `C0 | 11 01 LLLL | user data | FCS lo hi | C1`, with C0/C1/7D inside escaped as `7D, b^0x20`.
 * `7D C1` aborts a frame; an unexpected C0 inside a frame starts a new one (the old one is lost).
 */
import type { RejectReason } from '../../../core/devices/rejectReason';
import { fcs16, FCS_GOOD, frameFcs } from './fcs';

const BOF = 0xc0;
const EOF_ = 0xc1;
const ESC = 0x7d;
export const PROTOCOL_ID = 0x11;
export const MSG_TYPE = 0x01;
/** The monitor negotiates ~1000-byte frames; allow generous room before calling a frame runaway noise. */
export const MAX_FRAME = 8192;

export type FrameResult = { ok: true; userData: Uint8Array } | { ok: false; reason: RejectReason };

export class MibFramer {
  private buf = new Uint8Array(1024);
  private len = 0;
  private state: 'outside' | 'inside' | 'escape' = 'outside';
  private garbage = false;

  push(chunk: Uint8Array): FrameResult[] {
    const results: FrameResult[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case 'outside':
          if (b === BOF) {
            this.state = 'inside';
            this.len = 0;
            this.garbage = false;
          } else if (!this.garbage) {
            // One rejection per run of bytes between frames, not one per byte.
            this.garbage = true;
            results.push({ ok: false, reason: 'bytesOutsideFrame' });
          }
          break;
        case 'inside':
          if (b === BOF) {
            results.push({ ok: false, reason: 'frameRestarted' });
            this.len = 0;
          } else if (b === EOF_) {
            results.push(this.finish());
            this.state = 'outside';
          } else if (b === ESC) {
            this.state = 'escape';
          } else {
            this.append(b, results);
          }
          break;
        case 'escape':
          if (b === EOF_) {
            results.push({ ok: false, reason: 'frameAborted' });
            this.state = 'outside';
          } else if (b === BOF) {
            results.push({ ok: false, reason: 'frameRestarted' });
            this.state = 'inside';
            this.len = 0;
          } else {
            this.state = 'inside';
            this.append(b ^ 0x20, results);
          }
          break;
      }
    }
    return results;
  }

  private append(b: number, results: FrameResult[]): void {
    if (this.len >= MAX_FRAME) {
      results.push({ ok: false, reason: 'frameTooLong' });
      this.state = 'outside';
      this.garbage = true; // the rest up to the next C0 belongs to this rejection
      return;
    }
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }

  private finish(): FrameResult {
    const n = this.len;
    if (n < 6) return { ok: false, reason: 'frameTooShort' };
    if (fcs16(this.buf, 0, n) !== FCS_GOOD) return { ok: false, reason: 'checksumMismatch' };
    if (this.buf[0] !== PROTOCOL_ID || this.buf[1] !== MSG_TYPE) return { ok: false, reason: 'notDataExport' };
    const declared = (this.buf[2]! << 8) | this.buf[3]!;
    if (declared !== n - 6) return { ok: false, reason: 'lengthMismatch' };
    return { ok: true, userData: this.buf.slice(4, n - 2) };
  }
}

function escapeInto(out: number[], b: number): void {
  if (b === BOF || b === EOF_ || b === ESC) out.push(ESC, b ^ 0x20);
  else out.push(b);
}

/** Add FCS, escape and the flags to bytes that already contain everything the FCS covers. */
export function wrapWithFcs(covered: Uint8Array): Uint8Array {
  const fcs = frameFcs(covered);
  const out: number[] = [BOF];
  for (const b of covered) escapeInto(out, b);
  escapeInto(out, fcs & 0xff);
  escapeInto(out, fcs >>> 8);
  out.push(EOF_);
  return Uint8Array.from(out);
}

/** A complete wire frame for one message's user data. */
export function encodeFrame(userData: Uint8Array): Uint8Array {
  const covered = new Uint8Array(4 + userData.length);
  covered[0] = PROTOCOL_ID;
  covered[1] = MSG_TYPE;
  covered[2] = (userData.length >>> 8) & 0xff;
  covered[3] = userData.length & 0xff;
  covered.set(userData, 4);
  return wrapWithFcs(covered);
}
