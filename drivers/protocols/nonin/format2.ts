/**
 * Nonin data format #2: 5-byte frames `01 STATUS PLETH FLOAT CHK`, 25 frames per packet (SYNC bit on the first).
 * The FLOAT byte carries one slot of the packet: HR MSB/LSB in slots 0/1, SpO2 in slot 2, STAT2 in slot 7.
 */
import { emptyOutput, type DecodeOutput } from '../../protocol';
import { ByteQueue } from '../shared/bytes';
import { pushNoninValues } from './common';

export const FRAME_LEN = 5;
export const FRAMES_PER_PACKET = 25;

export function frameChecksum(b1: number, b2: number, b3: number, b4: number): number {
  return (b1 + b2 + b3 + b4) & 0xff;
}

export class NoninFormat2Decoder {
  private q = new ByteQueue(256);
  private slots = new Uint8Array(FRAMES_PER_PACKET);
  /** Next slot to fill; -1 until a SYNC frame starts a packet. */
  private slot = -1;
  private statusOr = 0;
  private skipping = false;
  private lowBattery = false;

  receive(chunk: Uint8Array): DecodeOutput {
    const out = emptyOutput();
    this.q.push(chunk);
    const b = this.q.view();
    let p = 0;
    while (b.length - p >= FRAME_LEN) {
      const b0 = b[p]!, b1 = b[p + 1]!, b2 = b[p + 2]!, b3 = b[p + 3]!, b4 = b[p + 4]!;
      if (b0 !== 0x01 || (b1 & 0x80) === 0 || frameChecksum(b0, b1, b2, b3) !== b4) {
        // Count one rejection per run of unusable bytes, then slide a byte at a time to resync.
        if (!this.skipping) {
          out.rejected.push({ reason: b0 === 0x01 && b1 & 0x80 ? 'checksumMismatch' : 'outOfSync' });
          this.skipping = true;
          if (this.slot > 0) this.slot = -1; // a packet with a hole in it cannot be trusted
        }
        p++;
        continue;
      }
      this.skipping = false;
      out.frames++;
      this.frame(b1, b3, out);
      p += FRAME_LEN;
    }
    this.q.consume(p);
    return out;
  }

  private frame(status: number, float: number, out: DecodeOutput): void {
    if (status & 0x01) {
      if (this.slot > 0) out.rejected.push({ reason: 'incompletePacket' });
      this.slot = 0;
      this.statusOr = 0;
    }
    if (this.slot < 0) return; // tail of a packet whose start we missed
    this.slots[this.slot] = float;
    this.statusOr |= status;
    this.slot++;
    if (this.slot < FRAMES_PER_PACKET) return;
    this.slot = -1;
    const s = this.slots;
    const hr = ((s[0]! & 0x03) << 7) | (s[1]! & 0x7f);
    const spo2 = s[2]! & 0x7f;
    const stat2 = s[7]!;
    const lowBattery = (stat2 & 0x01) !== 0;
    pushNoninValues(out, hr, spo2, {
      artifact: (this.statusOr & 0x20) !== 0,
      outOfTrack: (this.statusOr & 0x10) !== 0,
      sensorAlarm: (this.statusOr & 0x08) !== 0,
      // Red perfusion alone (bit 2 without the green bit 1) = low perfusion.
      lowPerfusion: (this.statusOr & 0x06) === 0x04,
      lowBattery,
    });
    if (lowBattery !== this.lowBattery) {
      this.lowBattery = lowBattery;
      out.notices.push(lowBattery ? { code: 'oximeter.batteryLow', text: 'low battery' } : { code: 'oximeter.batteryOk', text: 'battery ok' });
    }
  }
}
