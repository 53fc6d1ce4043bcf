/** Byte helpers shared by the drivers. Pure: Uint8Array/DataView only, so they run in the renderer and workers too. */

/** A growable FIFO of bytes: decoders append what the port delivers and consume whole frames from the front. */
export class ByteQueue {
  private buf: Uint8Array;
  private head = 0;
  private tail = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
  }

  get length(): number {
    return this.tail - this.head;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.tail + chunk.length > this.buf.length) {
      const live = this.length;
      // Compact first; grow only when the live bytes really need the room.
      if (live + chunk.length <= this.buf.length && this.head > 0) {
        this.buf.copyWithin(0, this.head, this.tail);
      } else {
        let cap = this.buf.length * 2;
        while (cap < live + chunk.length) cap *= 2;
        const next = new Uint8Array(cap);
        next.set(this.buf.subarray(this.head, this.tail));
        this.buf = next;
      }
      this.head = 0;
      this.tail = live;
    }
    this.buf.set(chunk, this.tail);
    this.tail += chunk.length;
  }

  /** Byte at offset i from the front; undefined past the end. */
  at(i: number): number | undefined {
    const p = this.head + i;
    return p < this.tail && i >= 0 ? this.buf[p] : undefined;
  }

  /** Offset of the first `byte` at or after `from`, or -1. */
  indexOf(byte: number, from = 0): number {
    const p = this.buf.subarray(this.head, this.tail).indexOf(byte, from);
    return p;
  }

  /** A copy of bytes [from, to) from the front. */
  copy(from: number, to: number): Uint8Array {
    return this.buf.slice(this.head + from, this.head + Math.min(to, this.length));
  }

  /** A view (no copy) valid until the next push/consume. */
  view(): Uint8Array {
    return this.buf.subarray(this.head, this.tail);
  }

  consume(n: number): void {
    this.head = Math.min(this.head + n, this.tail);
    if (this.head === this.tail) {
      this.head = 0;
      this.tail = 0;
    }
  }

  clear(): void {
    this.head = 0;
    this.tail = 0;
  }
}

/** Thrown by ByteReader on a short or malformed message; decoders catch it and count a rejected frame. */
export class ParseError extends Error {}

/** Bounds-checked big-endian reader over one message. */
export class ByteReader {
  private view: DataView;
  pos: number;
  readonly end: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    end = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
    this.end = Math.min(end, bytes.length);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.end) throw new ParseError(`truncated ${what}`);
  }

  u8(what = 'u8'): number {
    this.need(1, what);
    return this.view.getUint8(this.pos++);
  }

  u16(what = 'u16'): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  u32(what = 'u32'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  bytesOf(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const v = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  skip(n: number, what = 'field'): void {
    this.need(n, what);
    this.pos += n;
  }

  /** A reader over the next n bytes; this reader moves past them. */
  sub(n: number, what = 'block'): ByteReader {
    this.need(n, what);
    const r = new ByteReader(this.bytes, this.pos, this.pos + n);
    this.pos += n;
    return r;
  }
}

/** Big-endian message builder. */
export class ByteWriter {
  private parts: number[] = [];

  get length(): number {
    return this.parts.length;
  }

  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }

  u16(v: number): this {
    this.parts.push((v >>> 8) & 0xff, v & 0xff);
    return this;
  }

  u32(v: number): this {
    this.parts.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
    return this;
  }

  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.parts.push((b[i] ?? 0) & 0xff);
    return this;
  }

  /** Overwrite a u16 written earlier (length fields known only at the end). */
  patchU16(at: number, v: number): this {
    this.parts[at] = (v >>> 8) & 0xff;
    this.parts[at + 1] = v & 0xff;
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Latin-1/ASCII bytes of a string (the serial protocols here are 8-bit text). */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function bytesToAscii(b: Uint8Array, from = 0, to = b.length): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(b: Uint8Array, sep = ' '): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(sep);
}
