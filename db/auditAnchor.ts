/**
 * The audit anchor: the last (seq, hash) of the audit log, in a file beside the database, sealed with an HMAC under
 * the audit key. The chain alone cannot see entries cut off its end; the anchor can. Without the key it can be
 * neither rewritten nor forged, and a log with entries but no anchor fails too. An older genuine anchor copied back
 * together with an older database is not detected (docs/threat-model.md).
 */
import { createHmac } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

export interface Anchor {
  seq: number;
  hash: string;
}

export type AnchorReading = { kind: 'missing' } | { kind: 'sealed'; anchor: Anchor } | { kind: 'invalid'; why: string };

function anchorMac(key: Buffer, a: Anchor): string {
  // Its own prefix, so an anchor MAC can never pass for an entry hash or the other way round.
  return createHmac('sha256', key).update(`audit.anchor\u001f${a.seq}\u001f${a.hash}`).digest('hex');
}

function parse(text: string): (Anchor & { mac?: unknown }) | null {
  try {
    const a = JSON.parse(text) as { seq?: unknown; hash?: unknown; mac?: unknown };
    return Number.isSafeInteger(a.seq) && typeof a.hash === 'string' ? (a as Anchor & { mac?: unknown }) : null;
  } catch {
    return null;
  }
}

export function readAnchor(file: string, key: Buffer): AnchorReading {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  const a = parse(text);
  if (!a) return { kind: 'invalid', why: 'is not an audit anchor' };
  if (a.mac === undefined) return { kind: 'invalid', why: 'has no seal (written by hand or by an app version before the seal)' };
  if (a.mac !== anchorMac(key, a)) return { kind: 'invalid', why: 'does not verify with this audit key (rewritten, or a different key)' };
  return { kind: 'sealed', anchor: { seq: a.seq, hash: a.hash } };
}

/** Writes the sealed anchor atomically (temp file, fsync, rename): a power cut leaves the old anchor or the new one. */
export function writeAnchor(file: string, key: Buffer, anchor: Anchor): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ seq: anchor.seq, hash: anchor.hash, mac: anchorMac(key, anchor) }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/**
 * Seals an anchor written before anchors were sealed, once, while the old key file beside the data is moved away
 * (electron/services/auditKey.ts). Its (seq, hash) is still checked against the log at the next open.
 */
export function sealUnsealedAnchor(file: string, key: Buffer): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const a = parse(text);
  if (a && a.mac === undefined) writeAnchor(file, key, { seq: a.seq, hash: a.hash });
}

/** What is wrong between the anchor and a log whose chain holds up to `lastSeq`, in words (null when they agree). */
export function anchorProblem(file: string, key: Buffer, lastSeq: number, hashAt: (seq: number) => string | undefined): string | null {
  const reading = readAnchor(file, key);
  if (reading.kind === 'missing') return lastSeq > 0 ? `the audit anchor ${file} is missing, so entries cut off the end would go unseen` : null;
  if (reading.kind === 'invalid') return `the audit anchor ${file} ${reading.why}`;
  const { seq, hash } = reading.anchor;
  if (seq > lastSeq) return `entries after ${lastSeq} were removed (the last written was ${seq})`;
  if (seq > 0 && hashAt(seq) !== hash) return `entry ${seq} does not match the one the anchor recorded`;
  return null;
}
