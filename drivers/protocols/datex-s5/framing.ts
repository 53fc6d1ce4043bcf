/**
 * GE/Datex S/5 Computer Interface framing (M1017617 §2): 7E | escaped(record ‖ checksum) | 7E,
 * 7E → 7D 5E and 7D → 7D 5D; checksum = sum of the record bytes & 0xFF.
 */
import type { RejectReason } from '../../../core/devices/rejectReason';

const FLAG = 0x7e;
const ESC = 0x7d;
/** Largest record the monitor sends (40-byte header + 1450 data) plus checksum; anything longer is line noise. */
const MAX_FRAME = 1491;

export function checksum(record: Uint8Array): number {
  let sum = 0;
  for (const b of record) sum = (sum + b) & 0xff;
  return sum;
}

/** Wraps a record into a frame ready to write to the wire. */
export function encodeFrame(record: Uint8Array): Uint8Array {
  const out: number[] = [FLAG];
  const push = (b: number) => {
    if (b === FLAG || b === ESC) out.push(ESC, b & ~0x20);
    else out.push(b);
  };
  for (const b of record) push(b);
  push(checksum(record));
  out.push(FLAG);
  return Uint8Array.from(out);
}

export type FrameResult = { ok: true; record: Uint8Array } | { ok: false; reason: RejectReason };

/**
 * Splits a byte stream into checked records. Keeps the unfinished frame between calls, so reads may split
 * or merge frames anywhere. Bytes outside a frame are reported once per run as garbage.
 */
export class DatexFramer {
  private buf = new Uint8Array(MAX_FRAME);
  private len = 0;
  private inFrame = false;
  private escaped = false;
  private garbage = false;

  push(chunk: Uint8Array): FrameResult[] {
    const results: FrameResult[] = [];
    for (const b of chunk) {
      if (b === FLAG) {
        if (this.garbage) results.push({ ok: false, reason: 'bytesOutsideFrame' });
        this.garbage = false;
        if (this.inFrame && this.len > 0) {
          results.push(this.finish());
          this.inFrame = false;
        } else {
          // A flag with an empty buffer opens a frame (also resynchronises after a lost start flag).
          this.inFrame = true;
        }
        this.len = 0;
        this.escaped = false;
        continue;
      }
      if (!this.inFrame) {
        this.garbage = true;
        continue;
      }
      if (b === ESC && !this.escaped) {
        this.escaped = true;
        continue;
      }
      const value = this.escaped ? b | 0x20 : b;
      this.escaped = false;
      if (this.len >= MAX_FRAME) {
        results.push({ ok: false, reason: 'frameTooLong' });
        this.inFrame = false;
        this.len = 0;
        continue;
      }
      this.buf[this.len++] = value;
    }
    return results;
  }

  private finish(): FrameResult {
    if (this.escaped) return { ok: false, reason: 'frameEndsInEscape' };
    if (this.len < 41) return { ok: false, reason: 'frameTooShort' };
    const record = this.buf.slice(0, this.len - 1);
    const expected = this.buf[this.len - 1];
    if (checksum(record) !== expected) return { ok: false, reason: 'checksumMismatch' };
    return { ok: true, record };
  }
}
