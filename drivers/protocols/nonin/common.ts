/** What Nonin formats #2 and #8 share: missing-data markers, status → state, the format-select command. */
import type { MeasurementState } from '../../../core/vitals';
import type { DecodeOutput } from '../../protocol';
import { pushReading } from '../shared/readings';

export const HR_MISSING = 511;
export const SPO2_MISSING = 127;

export interface NoninFlags {
  sensorAlarm: boolean; // SNSA: sensor off / not on the finger
  outOfTrack: boolean; // OOT
  artifact: boolean; // ARTF
  lowPerfusion: boolean; // LPRF / red perfusion
  lowBattery: boolean;
}

export function stateOf(f: NoninFlags): MeasurementState {
  if (f.sensorAlarm) return 'sensorOff';
  if (f.outOfTrack) return 'invalid';
  if (f.artifact || f.lowPerfusion) return 'questionable';
  return 'valid';
}

/** Pulse rate and SpO2 with Nonin's "missing" markers mapped to null. */
export function pushNoninValues(out: DecodeOutput, hr: number, spo2: number, f: NoninFlags): void {
  const state = stateOf(f);
  const missingState = state === 'valid' ? 'unavailable' : state;
  pushReading(out, 'pulseRate', hr === HR_MISSING ? null : hr, hr === HR_MISSING ? missingState : state);
  pushReading(out, 'spo2', spo2 === SPO2_MISSING ? null : spo2, spo2 === SPO2_MISSING ? missingState : state);
}

/** 9560 "select data format" command; the device answers ACK 06 or NAK 15. */
export function selectFormatCommand(format: 2 | 7 | 8 | 13): Uint8Array {
  return Uint8Array.of(0x02, 0x70, 0x02, 0x02, format, 0x03);
}
export const ACK = 0x06;
export const NAK = 0x15;
