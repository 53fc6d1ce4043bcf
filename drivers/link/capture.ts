/**
 * Raw capture of a serial link: every byte in both directions with its direction and time, so a field problem can
 * be decoded again (`npm run decode`) and replayed into a pty (`scripts/simulate.ts --replay`).
 *
 * File format ".ismcap" (documented in docs/capture-format.md):
 *   line 1, ASCII:  ISMCAP1 <JSON header>\n     header: { protocol, startedAt (epoch ms), portPath?, chairId?, lineSettings? }
 *   then records:   direction u8 ('R' 0x52 received from the device, 'T' 0x54 sent by the app)
 *                   offsetMs  u32 little-endian, ms since header.startedAt
 *                   length    u16 little-endian (1..65535; longer chunks are split)
 *                   bytes     length bytes, exactly as the link read or wrote them
 * A file that does not start with "ISMCAP1 " is a plain capture of received bytes only (e.g. from a logic
 * analyser or `cat /dev/ttyUSB0 > file`); the tools accept both.
 * A truncated last record (app killed while writing) is ignored by the reader, and counted.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { LineSettings } from '../protocol';

export const CAPTURE_MAGIC = 'ISMCAP1 ';
const RX = 0x52;
const TX = 0x54;
const RECORD_HEADER = 7;
const MAX_CHUNK = 0xffff;

export interface CaptureHeader {
  protocol: string;
  startedAt: number;
  portPath?: string;
  chairId?: number;
  lineSettings?: LineSettings;
}

export interface CaptureRecord {
  direction: 'rx' | 'tx';
  /** ms since header.startedAt */
  offsetMs: number;
  bytes: Uint8Array;
}

export interface ParsedCapture {
  /** null: a plain file of received bytes. */
  header: CaptureHeader | null;
  records: CaptureRecord[];
  /** Bytes at the end that do not form a whole record. */
  truncatedBytes: number;
}

export function encodeCaptureHeader(header: CaptureHeader): Uint8Array {
  return new TextEncoder().encode(`${CAPTURE_MAGIC}${JSON.stringify(header)}\n`);
}

export function encodeCaptureRecord(direction: 'rx' | 'tx', offsetMs: number, bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let p = 0; p < bytes.length; p += MAX_CHUNK) {
    const slice = bytes.subarray(p, p + MAX_CHUNK);
    const rec = new Uint8Array(RECORD_HEADER + slice.length);
    const view = new DataView(rec.buffer);
    rec[0] = direction === 'rx' ? RX : TX;
    view.setUint32(1, Math.max(0, Math.min(0xffffffff, Math.round(offsetMs))), true);
    view.setUint16(5, slice.length, true);
    rec.set(slice, RECORD_HEADER);
    parts.push(rec);
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function startsWithMagic(file: Uint8Array): boolean {
  if (file.length < CAPTURE_MAGIC.length) return false;
  for (let i = 0; i < CAPTURE_MAGIC.length; i++) if (file[i] !== CAPTURE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** Reads a capture file (record format or plain received bytes). Throws only on a damaged header line. */
export function parseCapture(file: Uint8Array): ParsedCapture {
  if (!startsWithMagic(file)) {
    return { header: null, records: file.length > 0 ? [{ direction: 'rx', offsetMs: 0, bytes: file }] : [], truncatedBytes: 0 };
  }
  const nl = file.indexOf(0x0a);
  if (nl < 0) throw new Error('capture header line has no end');
  const header = JSON.parse(new TextDecoder().decode(file.subarray(CAPTURE_MAGIC.length, nl))) as CaptureHeader;
  if (typeof header.protocol !== 'string' || typeof header.startedAt !== 'number') throw new Error('capture header lacks protocol or startedAt');
  const records: CaptureRecord[] = [];
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let p = nl + 1;
  while (p + RECORD_HEADER <= file.length) {
    const dir = file[p];
    const len = view.getUint16(p + 5, true);
    if ((dir !== RX && dir !== TX) || p + RECORD_HEADER + len > file.length) break;
    records.push({ direction: dir === RX ? 'rx' : 'tx', offsetMs: view.getUint32(p + 1, true), bytes: file.subarray(p + RECORD_HEADER, p + RECORD_HEADER + len) });
    p += RECORD_HEADER + len;
  }
  return { header, records, truncatedBytes: file.length - p };
}

/**
 * Appends a link's bytes to a capture file as they come. Synchronous small writes: a capture is for
 * diagnosis at serial speeds (≤ 115200 Bd ≈ 11.5 kB/s), and nothing is lost when the app is killed.
 */
export class CaptureWriter {
  private fd: number | null;
  private bytesWritten = 0;
  private records = 0;

  constructor(
    readonly file: string,
    readonly header: CaptureHeader,
  ) {
    this.fd = openSync(file, 'wx', 0o600);
    this.put(encodeCaptureHeader(header));
  }

  write(direction: 'rx' | 'tx', bytes: Uint8Array, at: number): void {
    if (this.fd === null || bytes.length === 0) return;
    this.put(encodeCaptureRecord(direction, at - this.header.startedAt, bytes));
    this.records++;
  }

  stats(): { file: string; bytes: number; records: number; startedAt: number; open: boolean } {
    return { file: this.file, bytes: this.bytesWritten, records: this.records, startedAt: this.header.startedAt, open: this.fd !== null };
  }

  close(): void {
    if (this.fd === null) return;
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private put(bytes: Uint8Array): void {
    if (this.fd === null) return;
    writeSync(this.fd, bytes);
    this.bytesWritten += bytes.length;
  }
}
