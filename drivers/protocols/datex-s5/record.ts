/**
 * Pure decoder of one DRI record (already unframed and checksum-checked) into readings.
 * Only the displayed-values sub-records of the basic class are read; other classes and record types are skipped.
 */
import type { RejectedFrame } from '../../protocol';
import { isPlausible, PARAMETER_UNIT, type MeasurementState, type Reading, type VitalParameter } from '../../../core/vitals';
import {
  CLASS_BASIC,
  DATA_INVALID_LIMIT,
  FIELD,
  GROUP,
  HEADER_LENGTH,
  MAINTYPE_PHDB,
  MARKER,
  NIBP_OLDER_THAN_60S,
  PHYSDATA_OFFSET,
  SUBRECORD_LENGTH,
  SUBTYPE_DISPL,
} from './layout';

export interface RecordDecode {
  readings: Reading[];
  rejected: RejectedFrame[];
}

function markerState(raw: number): MeasurementState {
  switch (raw) {
    case MARKER.invalid:
      return 'invalid';
    case MARKER.underRange:
    case MARKER.overRange:
    case MARKER.notCalibrated:
      return 'questionable';
    default:
      return 'unavailable';
  }
}

export function decodeRecord(record: Uint8Array): RecordDecode {
  const out: RecordDecode = { readings: [], rejected: [] };
  if (record.length < HEADER_LENGTH) {
    out.rejected.push({ reason: 'recordTooShort' });
    return out;
  }
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  if (view.getInt16(0, true) !== record.length) {
    out.rejected.push({ reason: 'recordLengthMismatch' });
    return out;
  }
  if (view.getInt16(14, true) !== MAINTYPE_PHDB) return out; // waves, alarms, network: not read here
  for (let i = 0; i < 8; i++) {
    const type = view.getUint8(16 + i * 3 + 2);
    if (type === 0xff) break;
    if (type !== SUBTYPE_DISPL) continue;
    const start = HEADER_LENGTH + view.getInt16(16 + i * 3, true);
    if (start < HEADER_LENGTH || start + SUBRECORD_LENGTH > record.length) {
      out.rejected.push({ reason: 'subRecordOutsideRecord' });
      continue;
    }
    const subtype = view.getUint16(start + SUBRECORD_LENGTH - 2, true);
    if (((subtype >> 8) & 0x0f) !== CLASS_BASIC) continue;
    decodeBasic(view, start, out);
  }
  return out;
}

function decodeBasic(view: DataView, start: number, out: RecordDecode): void {
  const deviceTime = view.getUint32(start, true) * 1000;
  const phys = start + PHYSDATA_OFFSET;
  const i16 = (offset: number) => view.getInt16(phys + offset, true);
  const groupStatus = (offset: number) => view.getUint32(phys + offset, true);

  const emit = (parameter: VitalParameter, raw: number, scale: number, active: boolean) => {
    if (!active) {
      out.readings.push({ parameter, value: null, unit: PARAMETER_UNIT[parameter], state: 'unavailable', deviceTime });
      return;
    }
    if (raw <= DATA_INVALID_LIMIT) {
      out.readings.push({ parameter, value: null, unit: PARAMETER_UNIT[parameter], state: markerState(raw), deviceTime });
      return;
    }
    const value = Math.round(raw * scale * 100) / 100;
    if (!isPlausible(parameter, value)) {
      out.rejected.push({ reason: 'implausibleValue', detail: `implausible ${parameter} value` });
      return;
    }
    out.readings.push({ parameter, value, unit: PARAMETER_UNIT[parameter], state: 'valid', deviceTime });
  };

  // A group whose "exists" bit is clear is a module the monitor does not have: no reading, no alarm.
  const group = (offset: number, fn: (active: boolean) => void) => {
    const status = groupStatus(offset);
    if ((status & 1) === 0) return;
    fn((status & 2) !== 0);
  };

  group(GROUP.ecg, (active) => emit('hr', i16(FIELD.hr), 1, active));
  group(GROUP.nibp, (active) => {
    // An NIBP value persists between cuff measurements; report it only while it is fresh.
    if (view.getUint16(phys + FIELD.nibpLabel, true) & NIBP_OLDER_THAN_60S) return;
    emit('nibpSys', i16(FIELD.nibpSys), 0.01, active);
    emit('nibpDia', i16(FIELD.nibpDia), 0.01, active);
    emit('nibpMean', i16(FIELD.nibpMean), 0.01, active);
  });
  group(GROUP.t1, (active) => emit('temp', i16(FIELD.temp1), 0.01, active));
  group(GROUP.spo2, (active) => {
    emit('spo2', i16(FIELD.spo2), 0.01, active);
    emit('pulseRate', i16(FIELD.pulseRate), 1, active);
  });
  group(GROUP.co2, (active) => {
    const et = i16(FIELD.etco2);
    const ambient = i16(FIELD.ambientPressure);
    // EtCO2 is sent in 0.01 % of ambient pressure; mmHg needs the ambient pressure (0.1 mmHg) of the same record.
    if (et > DATA_INVALID_LIMIT && ambient <= DATA_INVALID_LIMIT) emit('etco2', MARKER.invalid, 1, active);
    else emit('etco2', et <= DATA_INVALID_LIMIT ? et : et * ambient, 1e-5, active);
    emit('respRate', i16(FIELD.co2RespRate), 1, active);
  });
}

/** The ambient pressure of a record in mmHg, or null if the monitor marks it invalid (used by tests and the setup screen). */
export function ambientPressureMmHg(record: Uint8Array): number | null {
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  for (let i = 0; i < 8; i++) {
    const type = view.getUint8(16 + i * 3 + 2);
    if (type === 0xff) break;
    const start = HEADER_LENGTH + view.getInt16(16 + i * 3, true);
    if (type !== SUBTYPE_DISPL || start + SUBRECORD_LENGTH > record.length) continue;
    const raw = view.getInt16(start + PHYSDATA_OFFSET + FIELD.ambientPressure, true);
    return raw <= DATA_INVALID_LIMIT ? null : raw / 10;
  }
  return null;
}
