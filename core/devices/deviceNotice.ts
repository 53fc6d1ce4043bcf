/**
 * What a device told us besides readings, as a closed list of codes: the drivers keep an English text for logs,
 * the screen says the code in the user's language (renderer/i18n `setup.notice.*`) with the notice's args
 * (pump address, drug name, error number: device data, no words) filled in.
 */
export const NOTICE_CODES = [
  // Philips MIB association.
  'monitor.associated',
  'monitor.refused',
  'monitor.released',
  'monitor.aborted',
  'monitor.error',
  // Oximeters (Masimo, Nonin).
  'oximeter.alarm',
  'oximeter.alarmEnded',
  'oximeter.exception',
  'oximeter.exceptionEnded',
  'oximeter.batteryLow',
  'oximeter.batteryOk',
  'oximeter.formatSelected',
  'oximeter.formatRefused',
  // B. Braun BCC pumps via the ComDevice.
  'pump.connected',
  'pump.error',
  'pump.new',
  'pump.drug',
  'pump.bolus',
  'pump.bolusCount',
  'pump.alarm',
  'pump.alarmCleared',
] as const;

export type NoticeCode = (typeof NOTICE_CODES)[number];

/**
 * Values a notice text fills in; never words of a language. The alarm and exception notices (core/devices/deviceAlarms.ts
 * NOTICE_CONDITION_KIND) carry `conditions`: what the device reported, comma-joined without spaces, each entry a
 * condition code ('spo2High', 'sensorOff', 'occlusion') or, for a bit or alarm id the table does not name, its number
 * as the device gives it ('0x4000' for a Masimo bit, '55' for INA55); beside it the raw value for the log
 * (`alarm: '0x22'`, `exception: '0x820'`, `alarm: 'INA3'`).
 */
export type NoticeArgs = Record<string, string | number>;

export function isNoticeCode(code: string): code is NoticeCode {
  return (NOTICE_CODES as readonly string[]).includes(code);
}
