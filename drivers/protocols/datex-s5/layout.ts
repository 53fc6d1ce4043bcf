/**
 * Byte layout of the DRI record and of the basic physiological sub-record (DRI spec 8005313 §2.2, §3.5;
 * offsets verified against the real record in shared/vectors). All values little-endian.
 */
export const HEADER_LENGTH = 40;
export const SUBRECORD_LENGTH = 278;
export const PHYSDATA_OFFSET = 4; // after the sub-record's own u32 time
export const MAINTYPE_PHDB = 0;
export const SUBTYPE_DISPL = 1;
export const CLASS_BASIC = 0;
/** Values at or below this are markers, not measurements (VSCaptureWave Class2.cs). */
export const DATA_INVALID_LIMIT = -32001;

export const MARKER = {
  invalid: -32767,
  notUpdated: -32766,
  discontinuity: -32765,
  underRange: -32764,
  overRange: -32763,
  notCalibrated: -32762,
} as const;

/** Group header offsets inside physdata (status u32 at +0: bit0 exists, bit1 active; label u16 at +4). */
export const GROUP = { ecg: 0, nibp: 72, t1: 86, spo2: 118, co2: 132 } as const;

/** Value offsets (i16) inside physdata of the basic class. */
export const FIELD = {
  hr: 6,
  nibpLabel: 76,
  nibpSys: 78,
  nibpDia: 80,
  nibpMean: 82,
  temp1: 92,
  spo2: 124,
  pulseRate: 126,
  etco2: 138,
  co2RespRate: 142,
  ambientPressure: 144,
} as const;

/** NIBP label bit 8: the shown value is older than 60 s (an old cuff value, not a new measurement). */
export const NIBP_OLDER_THAN_60S = 1 << 8;
