/** Splits a byte stream into text lines (LF-terminated, CR ignored) with a length cap against runaway garbage. */
import { bytesToAscii, ByteQueue } from './bytes';

export type LineEvent = { kind: 'line'; text: string } | { kind: 'overflow'; length: number };

export class LineSplitter {
  private q = new ByteQueue(512);

  constructor(private readonly maxLine: number) {}

  push(chunk: Uint8Array): LineEvent[] {
    this.q.push(chunk);
    const events: LineEvent[] = [];
    for (;;) {
      const nl = this.q.indexOf(0x0a);
      if (nl < 0) {
        // No terminator in sight: a line this long is noise, drop it rather than buffer forever.
        if (this.q.length > this.maxLine) {
          events.push({ kind: 'overflow', length: this.q.length });
          this.q.clear();
        }
        return events;
      }
      if (nl > this.maxLine) {
        events.push({ kind: 'overflow', length: nl });
      } else {
        events.push({ kind: 'line', text: bytesToAscii(this.q.view(), 0, nl) });
      }
      this.q.consume(nl + 1);
    }
  }

  /** Bytes held back waiting for a line end. */
  get pending(): number {
    return this.q.length;
  }
}
