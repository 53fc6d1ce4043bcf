/**
 * BCC framing: `SOH LLLLL STX <bedId>/1/1> info ETX|ETB CCCCC EOT`. LLLLL = total length, CCCCC = Σ bytes SOH..ETX
 * mod 256, both of the *unstuffed* message. Character stuffing (D→EX, E→EE, d→ex, e→ee) is a ComDevice setting, so
 * the decoder accepts a frame that verifies as sent or after destuffing.
 */
import type { RejectReason } from '../../../core/devices/rejectReason';
import { ByteQueue } from '../shared/bytes';

export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ACK = 0x06;
export const NAK = 0x15;
export const ETB = 0x17;
export const RS = 0x1e;
/** A MEM:GET block for one pump is ~1–2 kB; far longer means we lost an EOT. */
export const MAX_FRAME = 16_384;

export interface BccFrame {
  /** Header before '>' (e.g. "ComSystem/1/1"); bedId is its first part. */
  bedId: string;
  info: string;
  /** true: ETB, more blocks follow after our ACK. */
  more: boolean;
  stuffed: boolean;
}

export type BccEvent = { kind: 'frame'; frame: BccFrame } | { kind: 'rejected'; reason: RejectReason } | { kind: 'control'; byte: number };

const textDecoder = new TextDecoder('utf-8');
const textEncoder = new TextEncoder();

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

function digits(b: Uint8Array, from: number): number | undefined {
  let v = 0;
  for (let i = from; i < from + 5; i++) {
    if (!isDigit(b[i])) return undefined;
    v = v * 10 + (b[i]! - 0x30);
  }
  return v;
}

export function stuff(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (const x of b) {
    if (x === 0x44) out.push(0x45, 0x58); // D → EX
    else if (x === 0x45) out.push(0x45, 0x45); // E → EE
    else if (x === 0x64) out.push(0x65, 0x78); // d → ex
    else if (x === 0x65) out.push(0x65, 0x65); // e → ee
    else out.push(x);
  }
  return Uint8Array.from(out);
}

/** Left-to-right destuffing; undefined if an E/e is not followed by a valid partner. */
export function destuff(b: Uint8Array): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x !== 0x45 && x !== 0x65) {
      out.push(x);
      continue;
    }
    const y = b[++i];
    if (x === 0x45 && y === 0x58) out.push(0x44);
    else if (x === 0x45 && y === 0x45) out.push(0x45);
    else if (x === 0x65 && y === 0x78) out.push(0x64);
    else if (x === 0x65 && y === 0x65) out.push(0x65);
    else return undefined;
  }
  return Uint8Array.from(out);
}

function sum(b: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += b[i]!;
  return s & 0xff;
}

/** Checks one complete SOH…EOT block (unstuffed form) and splits header and information. */
function verify(f: Uint8Array): { ok: true; frame: Omit<BccFrame, 'stuffed'> } | { ok: false; reason: RejectReason } {
  const n = f.length;
  if (n < 14 || f[6] !== STX) return { ok: false, reason: 'malformedBlock' };
  const declared = digits(f, 1);
  const check = digits(f, n - 6);
  const end = f[n - 7];
  if (declared === undefined || check === undefined || (end !== ETX && end !== ETB)) return { ok: false, reason: 'malformedBlock' };
  if (declared !== n) return { ok: false, reason: 'lengthMismatch' };
  if (sum(f, 0, n - 6) !== check) return { ok: false, reason: 'checksumMismatch' };
  const body = f.subarray(7, n - 7);
  const gt = body.indexOf(0x3e);
  if (gt < 0) return { ok: false, reason: 'blockWithoutAddress' };
  const header = textDecoder.decode(body.subarray(0, gt));
  return { ok: true, frame: { bedId: header.split('/')[0] ?? '', info: textDecoder.decode(body.subarray(gt + 1)), more: end === ETB } };
}

export class BccFramer {
  private q = new ByteQueue(1024);
  private skipping = false;

  push(chunk: Uint8Array): BccEvent[] {
    this.q.push(chunk);
    const events: BccEvent[] = [];
    for (;;) {
      const b = this.q.view();
      if (b.length === 0) break;
      if (b[0] !== SOH) {
        // Outside a block only ACK/NAK are meaningful (host → ComDevice); anything else is noise.
        if (b[0] === ACK || b[0] === NAK) events.push({ kind: 'control', byte: b[0] });
        else if (!this.skipping) {
          this.skipping = true;
          events.push({ kind: 'rejected', reason: 'bytesOutsideFrame' });
        }
        const next = this.nextInteresting(b);
        this.q.consume(next);
        continue;
      }
      const eot = b.indexOf(EOT);
      const restart = b.indexOf(SOH, 1);
      if (restart >= 0 && (eot < 0 || restart < eot)) {
        events.push({ kind: 'rejected', reason: 'frameRestarted' });
        this.q.consume(restart);
        continue;
      }
      if (eot < 0) {
        if (b.length > MAX_FRAME) {
          events.push({ kind: 'rejected', reason: 'frameTooLong' });
          this.q.clear();
          this.skipping = true;
        }
        break;
      }
      this.skipping = false;
      events.push(this.decode(b.slice(0, eot + 1)));
      this.q.consume(eot + 1);
    }
    return events;
  }

  private nextInteresting(b: Uint8Array): number {
    if (b[0] === ACK || b[0] === NAK) return 1;
    for (let i = 1; i < b.length; i++) if (b[i] === SOH || b[i] === ACK || b[i] === NAK) return i;
    return b.length;
  }

  private decode(raw: Uint8Array): BccEvent {
    const plain = verify(raw);
    if (plain.ok) return { kind: 'frame', frame: { ...plain.frame, stuffed: false } };
    // Try the stuffed reading: only the part between STX and ETX/ETB is stuffed.
    const n = raw.length;
    if (n >= 14) {
      const inner = destuff(raw.subarray(7, n - 7));
      if (inner) {
        const un = new Uint8Array(inner.length + 14);
        un.set(raw.subarray(0, 7));
        un.set(inner, 7);
        un.set(raw.subarray(n - 7), 7 + inner.length);
        const res = verify(un);
        if (res.ok) return { kind: 'frame', frame: { ...res.frame, stuffed: true } };
      }
    }
    return { kind: 'rejected', reason: plain.reason };
  }
}

/** A complete block; `stuffing` as configured on the ComDevice. */
export function encodeBccFrame(bedId: string, info: string, opts: { more?: boolean; stuffing?: boolean } = {}): Uint8Array {
  const inner = textEncoder.encode(`${bedId}/1/1>${info}`);
  const n = inner.length + 14;
  const f = new Uint8Array(n);
  f[0] = SOH;
  f.set(textEncoder.encode(String(n).padStart(5, '0')), 1);
  f[6] = STX;
  f.set(inner, 7);
  f[n - 7] = opts.more ? ETB : ETX;
  f.set(textEncoder.encode(String(sum(f, 0, n - 6)).padStart(5, '0')), n - 6);
  f[n - 1] = EOT;
  if (!opts.stuffing) return f;
  const st = stuff(inner);
  const out = new Uint8Array(st.length + 14);
  out.set(f.subarray(0, 7));
  out.set(st, 7);
  out.set(f.subarray(n - 7), 7 + st.length);
  return out;
}
