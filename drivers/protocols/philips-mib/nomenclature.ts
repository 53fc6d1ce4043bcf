/** The IntelliVue codes the app needs: physiological ids → app parameters, unit codes, state bits. */
import type { MeasurementState, VitalParameter } from '../../../core/vitals';

/** Physio ids (partition SCADA) → parameter. Skin temperature and NBP pulse are deliberately not mapped. */
export const PHYSIO_TO_PARAMETER: ReadonlyMap<number, VitalParameter> = new Map<number, VitalParameter>([
  [0x4182, 'hr'], // NOM_ECG_CARD_BEAT_RATE
  [0x480a, 'pulseRate'], // NOM_PULS_RATE
  [0x4822, 'pulseRate'], // NOM_PLETH_PULS_RATE (SpO2 pulse)
  [0x4bb8, 'spo2'], // NOM_PULS_OXIM_SAT_O2
  [0x4a05, 'nibpSys'],
  [0x4a06, 'nibpDia'],
  [0x4a07, 'nibpMean'],
  [0x500a, 'respRate'], // NOM_RESP_RATE
  [0x5012, 'respRate'], // NOM_AWAY_RESP_RATE
  [0x50b0, 'etco2'], // NOM_AWAY_CO2_ET
  [0x4b48, 'temp'], // NOM_TEMP
  [0x4b60, 'temp'], // core
  [0x4b78, 'temp'], // tympanic
]);

export const PHYSIO = {
  hr: 0x4182,
  pulseRate: 0x4822,
  spo2: 0x4bb8,
  nibp: 0x4a04,
  nibpSys: 0x4a05,
  nibpDia: 0x4a06,
  nibpMean: 0x4a07,
  respRate: 0x500a,
  etco2: 0x50b0,
  temp: 0x4b48,
} as const;

export const UNIT = {
  bpm: 0x0aa0,
  percent: 0x0220,
  mmHg: 0x0f20,
  kPa: 0x0f03,
  respPerMin: 0x0ae0,
  degC: 0x17a0,
  degF: 0x1140,
  dimless: 0x0200,
} as const;

const KPA_TO_MMHG = 7.50062;
const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Value in the app's unit, or undefined when the unit code is not one this parameter can have. */
export function toAppUnit(parameter: VitalParameter, unit: number, value: number): number | undefined {
  switch (parameter) {
    case 'hr':
    case 'pulseRate':
      return unit === UNIT.bpm ? value : undefined;
    case 'respRate':
      return unit === UNIT.respPerMin || unit === UNIT.bpm ? value : undefined;
    case 'spo2':
      return unit === UNIT.percent ? value : undefined;
    case 'nibpSys':
    case 'nibpDia':
    case 'nibpMean':
    case 'etco2':
      // German monitors are often set to kPa for CO2 (and sometimes pressures): always honour unit_code.
      if (unit === UNIT.mmHg) return value;
      if (unit === UNIT.kPa) return round(value * KPA_TO_MMHG, 1);
      return undefined;
    case 'temp':
      if (unit === UNIT.degC) return value;
      if (unit === UNIT.degF) return round(((value - 32) * 5) / 9, 2);
      return undefined;
    default:
      return undefined;
  }
}

export const STATE = {
  invalid: 0x8000,
  questionable: 0x4000,
  unavailable: 0x2000,
  calibrationOngoing: 0x1000,
  testData: 0x0800,
  demoData: 0x0400,
} as const;

/**
 * MeasurementState bits → app state. Demo/test data first: a monitor in demo mode must never pass for a patient.
 * A missing value (NaN FLOAT) with no bit set is still not a measurement: 'invalid'.
 */
export function appState(bits: number, hasValue: boolean): MeasurementState {
  if (bits & (STATE.demoData | STATE.testData)) return 'demo';
  if (bits & (STATE.invalid | STATE.calibrationOngoing)) return 'invalid';
  if (bits & STATE.unavailable) return 'unavailable';
  if (bits & STATE.questionable) return 'questionable';
  return hasValue ? 'valid' : 'invalid';
}
