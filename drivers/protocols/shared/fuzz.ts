/**
 * Fuzz runner shared by the test suite and scripts/fuzz.ts: feeds a session a mix of valid, damaged,
 * integrity-preserving-but-damaged and random frames in random chunking, and counts what came out.
 * Pure (the caller times it).
 */
import { isPlausible } from '../../../core/vitals';
import type { ProtocolSession } from '../../protocol';
import { mutate, Rng } from './harness';

export interface FuzzTarget {
  id: string;
  /** A session ready to decode device data (handshake already done where the protocol needs one). */
  session(): ProtocolSession;
  /** A valid frame as the device sends it, with random values (some outside the plausible range). */
  frame(rng: Rng): Uint8Array;
  /** Damage the content but keep the checksum/FCS valid, so the parser behind the integrity check is exercised. */
  deepMutate?(rng: Rng, frame: Uint8Array): Uint8Array;
}

export interface FuzzResult {
  id: string;
  frames: number;
  bytes: number;
  decodedFrames: number;
  readings: number;
  rejected: number;
  /** Rejections without a reason text (must be 0). */
  unexplained: number;
  exceptions: number;
  /** Readings emitted with a value outside PLAUSIBLE_RANGE (must be 0). */
  implausible: number;
  reasons: Record<string, number>;
  firstException?: string;
}

const POOL = 256;
/** A new session now and then, so start-of-stream states are fuzzed too. */
const SESSION_FRAMES = 5000;

export function runFuzz(target: FuzzTarget, frames: number, seed = 1): FuzzResult {
  const rng = new Rng(seed);
  const pool = Array.from({ length: POOL }, () => target.frame(rng));
  const res: FuzzResult = {
    id: target.id,
    frames: 0,
    bytes: 0,
    decodedFrames: 0,
    readings: 0,
    rejected: 0,
    unexplained: 0,
    exceptions: 0,
    implausible: 0,
    reasons: {},
  };
  let session = target.session();
  let sinceNew = 0;
  const batch: Uint8Array[] = [];
  let batchLen = 0;
  const flush = (): void => {
    const all = new Uint8Array(batchLen);
    let o = 0;
    for (const b of batch) {
      all.set(b, o);
      o += b.length;
    }
    batch.length = 0;
    batchLen = 0;
    res.bytes += all.length;
    let p = 0;
    while (p < all.length) {
      // Chunks from 1 byte to a few frames long, like a serial port delivers them.
      const n = 1 + rng.int(rng.int(4) === 0 ? 8 : 600);
      const chunk = all.subarray(p, p + n);
      p += n;
      try {
        const out = session.receive(chunk, 0);
        res.decodedFrames += out.frames;
        res.readings += out.readings.length;
        for (const r of out.readings) if (r.value !== null && !isPlausible(r.parameter, r.value)) res.implausible++;
        for (const rj of out.rejected) {
          res.rejected++;
          if (!rj.reason) res.unexplained++;
          res.reasons[rj.reason] = (res.reasons[rj.reason] ?? 0) + 1;
        }
      } catch (e) {
        res.exceptions++;
        res.firstException ??= String((e as Error)?.stack ?? e);
        session = target.session();
      }
    }
  };
  for (let i = 0; i < frames; i++) {
    const base = pool[rng.int(POOL)]!;
    const kind = rng.int(20);
    let f: Uint8Array;
    if (kind < 7) f = base;
    else if (kind < 13) f = mutate(rng, base);
    else if (kind < 17 && target.deepMutate) f = target.deepMutate(rng, base);
    else f = rng.bytes(1 + rng.int(Math.max(8, base.length)));
    if (rng.int(64) === 0) pool[rng.int(POOL)] = target.frame(rng); // keep some variety in values
    batch.push(f);
    batchLen += f.length;
    res.frames++;
    if (batch.length >= 16) flush();
    if (++sinceNew >= SESSION_FRAMES) {
      flush();
      session = target.session();
      sinceNew = 0;
    }
  }
  if (batch.length) flush();
  return res;
}
