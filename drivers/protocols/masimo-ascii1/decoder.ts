/** Masimo ASCII 1 decoder: bytes → lines → readings. Keeps only the unfinished line between calls. */
import { conditionsLogText, joinConditions, OXIMETER_EXCEPTION_NORMAL, oximeterAlarmConditions, oximeterExceptionConditions } from '../../../core/devices/deviceAlarms';
import type { DeviceNotice } from '../../protocol';
import type { MeasurementState } from '../../../core/vitals';
import { emptyOutput, type DecodeOutput } from '../../protocol';
import { LineSplitter } from '../shared/lines';
import { pushReading } from '../shared/readings';
import { EXC_INVALID, EXC_QUESTIONABLE, EXC_SENSOR_OFF, parseMasimoLine } from './parse';

/** A real line is ~130 characters; anything far longer is noise. */
const MAX_LINE = 512;

export class MasimoDecoder {
  private lines = new LineSplitter(MAX_LINE);
  private lastAlarm = 0;
  private lastException = 0;

  receive(chunk: Uint8Array): DecodeOutput {
    const out = emptyOutput();
    for (const ev of this.lines.push(chunk)) {
      if (ev.kind === 'overflow') {
        out.rejected.push({ reason: 'lineTooLong' });
        continue;
      }
      if (ev.text.replace(/[\0\r\s]/g, '') === '') continue; // blank lines between records are normal
      const res = parseMasimoLine(ev.text);
      if (!res.ok) {
        out.rejected.push({ reason: res.reason, detail: res.detail });
        continue;
      }
      out.frames++;
      const { record } = res;
      const exc = record.exception ?? 0;
      const state: MeasurementState =
        exc & EXC_SENSOR_OFF ? 'sensorOff' : exc & EXC_INVALID ? 'invalid' : exc & EXC_QUESTIONABLE ? 'questionable' : 'valid';
      if (record.spo2 !== undefined) {
        pushReading(out, 'spo2', record.spo2, record.spo2 === null && state === 'valid' ? 'unavailable' : state, record.deviceTime);
      }
      if (record.pulseRate !== undefined) {
        pushReading(out, 'pulseRate', record.pulseRate, record.pulseRate === null && state === 'valid' ? 'unavailable' : state, record.deviceTime);
      }
      // Alarms and exceptions as notices on change only: the line repeats them every second.
      const alarm = record.alarm ?? 0;
      if (alarm !== this.lastAlarm) {
        this.lastAlarm = alarm;
        out.notices.push(alarm ? conditionNotice('oximeter.alarm', 'alarm', alarm, oximeterAlarmConditions(alarm)) : { code: 'oximeter.alarmEnded', text: 'no alarm' });
      }
      // "Masimo SET" alone is the normal state: no notice for it.
      const reported = exc & ~OXIMETER_EXCEPTION_NORMAL;
      if (record.exception !== undefined && reported !== this.lastException) {
        this.lastException = reported;
        out.notices.push(
          reported
            ? conditionNotice('oximeter.exception', 'exception', exc, oximeterExceptionConditions(exc))
            : { code: 'oximeter.exceptionEnded', text: 'no exception' },
        );
      }
    }
    return out;
  }
}

/** A notice naming each set bit by its code (unknown bits by their hex value), the raw field kept for the log. */
function conditionNotice(code: 'oximeter.alarm' | 'oximeter.exception', field: 'alarm' | 'exception', bits: number, entries: string[]): DeviceNotice {
  return { code, text: conditionsLogText(entries, (bit) => `bit ${bit}`), args: { [field]: `0x${bits.toString(16)}`, conditions: joinConditions(entries) } };
}
