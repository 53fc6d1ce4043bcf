/**
 * Pure helpers for tests, the fuzz script and the bench: feeding sessions in arbitrary chunks,
 * a seeded PRNG, frame mutation. No Node APIs so the same code runs everywhere.
 */
import { emptyOutput, type DecodeOutput, type ProtocolSession } from '../../protocol';
import { mergeOutput } from './readings';

/** xorshift32: small, fast, reproducible from a seed. */
export class Rng {
  private s: number;
  constructor(seed = 0x2545f491) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return this.next() % n;
  }
  float(): number {
    return this.next() / 0x1_0000_0000;
  }
  bytes(n: number): Uint8Array {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = this.next() & 0xff;
    return b;
  }
}

/** Cut `bytes` into chunks at the given offsets (sorted, deduplicated, clamped). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(bytes.length, c))))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

/** Feed chunks to a session and merge everything it decoded. */
export function feed(session: ProtocolSession, chunks: readonly Uint8Array[], now = 0): DecodeOutput {
  const all = emptyOutput();
  for (const c of chunks) mergeOutput(all, session.receive(c, now));
  return all;
}

/** One random damage of a frame: bit flip, byte change, insertion, deletion, truncation or duplication. */
export function mutate(rng: Rng, frame: Uint8Array): Uint8Array {
  if (frame.length === 0) return rng.bytes(1 + rng.int(8));
  const b = Array.from(frame);
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const i = rng.int(b.length || 1);
    switch (rng.int(6)) {
      case 0:
        b[i] = (b[i] ?? 0) ^ (1 << rng.int(8));
        break;
      case 1:
        b[i] = rng.int(256);
        break;
      case 2:
        b.splice(i, 0, rng.int(256));
        break;
      case 3:
        b.splice(i, 1);
        break;
      case 4:
        b.length = i;
        break;
      default:
        b.splice(i, 0, ...b.slice(i, i + 1 + rng.int(8)));
    }
  }
  return Uint8Array.from(b);
}
