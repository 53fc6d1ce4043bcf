/**
 * What a device's alarm and exception codes mean, as stable code names: the Masimo ALARM and EXC bits and the B. Braun
 * pump alarms INA<n>. Source: ../shared/docs/monitor-protocols.md §2c (Masimo bits, from poxrad_discrete.h) and §2g
 * (BCC alarm parameters; only these four are named there). The drivers put the codes in their notices' `conditions`
 * arg (core/devices/deviceNotice.ts) and take their English log words from here; the screen says each code in the
 * user's language (renderer/i18n `device.condition.*`).
 */
import type { MeasurementState } from '../vitals';
import type { NoticeCode } from './deviceNotice';

interface Condition<C extends string> {
  code: C;
  /** English, for the operator's log only. */
  log: string;
}

/** Masimo ALARM field (hex bit field). */
const OXIMETER_ALARM_BITS = [
  { bit: 0x0001, code: 'spo2High', log: 'SpO2 high' },
  { bit: 0x0002, code: 'spo2Low', log: 'SpO2 low' },
  { bit: 0x0004, code: 'pulseRateHigh', log: 'pulse rate high' },
  { bit: 0x0008, code: 'pulseRateLow', log: 'pulse rate low' },
  { bit: 0x0010, code: 'alarmActive', log: 'alarm active' },
  { bit: 0x0020, code: 'alarmSilenced', log: 'alarm silenced' },
  { bit: 0x0040, code: 'batteryLow', log: 'low battery' },
  { bit: 0x0100, code: 'spcoHigh', log: 'SpCO high' },
  { bit: 0x0200, code: 'spcoLow', log: 'SpCO low' },
  { bit: 0x0400, code: 'spmetHigh', log: 'SpMet high' },
  { bit: 0x0800, code: 'spmetLow', log: 'SpMet low' },
  { bit: 0x1000, code: 'desatIndex', log: 'desaturation index' },
  { bit: 0x2000, code: 'perfusionIndexChange', log: 'PI rate of change' },
] as const satisfies readonly (Condition<string> & { bit: number })[];

/**
 * Masimo EXC field (hex bit field), each with what it makes of the SpO₂ and pulse rate read on the same line
 * (§2c: invalid with any of 0x0001|0x0002|0x0008|0x0020|0x0080|0x0100|0x1000; the sensor-off ones are told apart).
 */
const OXIMETER_EXCEPTION_BITS = [
  { bit: 0x0001, code: 'noSensor', log: 'no sensor', reading: 'sensorOff' },
  { bit: 0x0002, code: 'sensorDefective', log: 'defective sensor', reading: 'invalid' },
  { bit: 0x0004, code: 'lowPerfusion', log: 'low perfusion', reading: 'questionable' },
  { bit: 0x0008, code: 'pulseSearch', log: 'pulse search', reading: 'invalid' },
  { bit: 0x0010, code: 'interference', log: 'interference', reading: 'questionable' },
  { bit: 0x0020, code: 'sensorOff', log: 'sensor off', reading: 'sensorOff' },
  { bit: 0x0040, code: 'ambientLight', log: 'ambient light', reading: 'questionable' },
  { bit: 0x0080, code: 'sensorUnrecognized', log: 'unrecognized sensor', reading: 'invalid' },
  { bit: 0x0100, code: 'sensorIncompatible', log: 'incompatible sensor', reading: 'invalid' },
  { bit: 0x0400, code: 'lowSignalQuality', log: 'low signal IQ', reading: 'questionable' },
  { bit: 0x1000, code: 'noCable', log: 'no cable', reading: 'sensorOff' },
] as const satisfies readonly (Condition<string> & { bit: number; reading: MeasurementState })[];

/** EXC 0x0800 "Masimo SET" is set in normal operation: not a condition to report. */
export const OXIMETER_EXCEPTION_NORMAL = 0x0800;

/** B. Braun BCC alarm parameters INA<n> (INA2 and INA02 alike), by n. */
const PUMP_ALARMS = [
  { id: 2, code: 'syringeEmpty', log: 'syringe empty' },
  { id: 3, code: 'occlusion', log: 'pressure / occlusion' },
  { id: 7, code: 'volumeDone', log: 'end of volume (VTBI reached)' },
  { id: 12, code: 'syringeNearlyEmpty', log: 'syringe nearly empty (pre-alarm)' },
] as const satisfies readonly (Condition<string> & { id: number })[];

type OximeterAlarmCode = (typeof OXIMETER_ALARM_BITS)[number]['code'];
type OximeterExceptionCode = (typeof OXIMETER_EXCEPTION_BITS)[number]['code'];
type PumpAlarmCode = (typeof PUMP_ALARMS)[number]['code'];
export type DeviceConditionCode = OximeterAlarmCode | OximeterExceptionCode | PumpAlarmCode;

const ALL: readonly Condition<DeviceConditionCode>[] = [...OXIMETER_ALARM_BITS, ...OXIMETER_EXCEPTION_BITS, ...PUMP_ALARMS];
export const DEVICE_CONDITION_CODES: readonly DeviceConditionCode[] = ALL.map((c) => c.code);

export function isDeviceConditionCode(s: string): s is DeviceConditionCode {
  return (DEVICE_CONDITION_CODES as readonly string[]).includes(s);
}

/** The three lists a notice's conditions come from; an entry not known there is said as unknown of this kind. */
export const CONDITION_KINDS = ['oximeterAlarm', 'oximeterException', 'pumpAlarm'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** The notices that carry a `conditions` arg, and which kind their entries are. */
export const NOTICE_CONDITION_KIND: Partial<Record<NoticeCode, ConditionKind>> = {
  'oximeter.alarm': 'oximeterAlarm',
  'oximeter.exception': 'oximeterException',
  'pump.alarm': 'pumpAlarm',
  'pump.alarmCleared': 'pumpAlarm',
};

/**
 * The set bits of a Masimo field, lowest first: a known bit as its code, an unknown one as its hex value ("0x4000"),
 * so nothing the device set is dropped.
 */
function setBits(bits: number, table: readonly (Condition<DeviceConditionCode> & { bit: number })[], ignore = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < 32; i++) {
    const bit = 2 ** i;
    if (((bits >>> i) & 1) === 0 || (ignore & bit) !== 0) continue;
    out.push(table.find((c) => c.bit === bit)?.code ?? `0x${bit.toString(16)}`);
  }
  return out;
}

export const oximeterAlarmConditions = (bits: number): string[] => setBits(bits, OXIMETER_ALARM_BITS);
export const oximeterExceptionConditions = (bits: number): string[] => setBits(bits, OXIMETER_EXCEPTION_BITS, OXIMETER_EXCEPTION_NORMAL);

/** A pump alarm parameter ("INA3", "INA03") as its code, or its number ("55") when the table does not name it. */
export function pumpAlarmCondition(parameter: string): string {
  const n = Number(parameter.replace(/^INA/, ''));
  return PUMP_ALARMS.find((a) => a.id === n)?.code ?? String(n);
}

/** The EXC bits that give a reading this state. */
export function exceptionMask(reading: MeasurementState): number {
  return OXIMETER_EXCEPTION_BITS.filter((c) => c.reading === reading).reduce((m, c) => m | c.bit, 0);
}

/** A notice's `conditions` arg: the entries joined by ",", no spaces (codes and numbers hold none). */
export const joinConditions = (entries: readonly string[]): string => entries.join(',');
export const splitConditions = (arg: string): string[] => arg.split(',').filter((e) => e !== '');

/** English log words for the entries ("SpO2 high, bit 0x4000"); `unknown` words an entry the table does not name. */
export function conditionsLogText(entries: readonly string[], unknown: (entry: string) => string): string {
  return entries.map((e) => ALL.find((c) => c.code === e)?.log ?? unknown(e)).join(', ');
}
