/**
 * Nonin data format #8: one 4-byte record a second, `STATUS1 HR SPO2 STATUS2`. No checksum: sync is
 * "bit 7 set only in byte 1", so a record is accepted only if that pattern holds exactly.
 */
import { emptyOutput, type DecodeOutput } from '../../protocol';
import { ByteQueue } from '../shared/bytes';
import { pushNoninValues } from './common';

export const RECORD_LEN = 4;

export class NoninFormat8Decoder {
  private q = new ByteQueue(64);
  private skipping = false;
  private lowBattery = false;

  receive(chunk: Uint8Array): DecodeOutput {
    const out = emptyOutput();
    this.q.push(chunk);
    const b = this.q.view();
    let p = 0;
    while (b.length - p >= RECORD_LEN) {
      const s1 = b[p]!, hr = b[p + 1]!, spo2 = b[p + 2]!, s2 = b[p + 3]!;
      if ((s1 & 0x80) === 0 || ((hr | spo2 | s2) & 0x80) !== 0) {
        if (!this.skipping) {
          out.rejected.push({ reason: s1 & 0x80 ? 'truncatedRecord' : 'outOfSync' });
          this.skipping = true;
        }
        p++;
        continue;
      }
      this.skipping = false;
      out.frames++;
      const lowBattery = (s2 & 0x01) !== 0;
      pushNoninValues(out, ((s1 & 0x03) << 7) | hr, spo2, {
        outOfTrack: (s1 & 0x20) !== 0,
        lowPerfusion: (s1 & 0x10) !== 0,
        artifact: (s1 & 0x04) !== 0,
        sensorAlarm: (s2 & 0x08) !== 0,
        lowBattery,
      });
      if (lowBattery !== this.lowBattery) {
        this.lowBattery = lowBattery;
        out.notices.push(lowBattery ? { code: 'oximeter.batteryLow', text: 'low battery' } : { code: 'oximeter.batteryOk', text: 'battery ok' });
      }
      p += RECORD_LEN;
    }
    this.q.consume(p);
    return out;
  }
}
