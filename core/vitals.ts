/**
 * Vital-sign readings as every layer sees them: drivers produce them, the database stores them,
 * the alarm engine judges them and the renderer shows them. Pure: no Node, no DOM.
 */

/** Parameters the app knows, in the clinic's words. Pump values come from the syringe pump, not the monitor. */
export const VITAL_PARAMETERS = [
  'hr', // heart rate from ECG (or the monitor's chosen HR source), 1/min
  'pulseRate', // pulse rate from the oximeter, 1/min
  'spo2', // %
  'nibpSys', // mmHg
  'nibpDia', // mmHg
  'nibpMean', // mmHg
  'respRate', // respiratory rate, 1/min
  'etco2', // mmHg
  'temp', // °C
  'pumpRate', // ml/h, read from the pump
  'pumpVolume', // ml infused, read from the pump
] as const;
export type VitalParameter = (typeof VITAL_PARAMETERS)[number];

export const PARAMETER_UNIT: Record<VitalParameter, string> = {
  hr: '/min',
  pulseRate: '/min',
  spo2: '%',
  nibpSys: 'mmHg',
  nibpDia: 'mmHg',
  nibpMean: 'mmHg',
  respRate: '/min',
  etco2: 'mmHg',
  temp: '°C',
  pumpRate: 'ml/h',
  pumpVolume: 'ml',
};

/**
 * Physiologically possible range: a decoded value outside it is rejected as corrupt, never stored as valid.
 * Wide on purpose: these catch broken bytes, not clinical abnormality (that is the alarm engine's job).
 */
export const PLAUSIBLE_RANGE: Record<VitalParameter, readonly [number, number]> = {
  hr: [0, 350],
  pulseRate: [0, 350],
  spo2: [0, 100],
  nibpSys: [0, 320],
  nibpDia: [0, 300],
  nibpMean: [0, 310],
  respRate: [0, 150],
  etco2: [0, 150],
  temp: [10, 45],
  pumpRate: [0, 1200],
  pumpVolume: [0, 10000],
};

/**
 * What the device says about the measurement. Anything but 'valid' is shown and stored, never treated as a number
 * for thresholds; the alarm engine raises a technical alarm for it.
 */
export const MEASUREMENT_STATES = ['valid', 'invalid', 'unavailable', 'sensorOff', 'questionable', 'demo'] as const;
export type MeasurementState = (typeof MEASUREMENT_STATES)[number];

/** One decoded value. `value` is null when the device sent a "no value" marker. */
export interface Reading {
  parameter: VitalParameter;
  value: number | null;
  unit: string;
  state: MeasurementState;
  /** Device clock, epoch ms, when the protocol carries one (monitors' clocks drift: the receive time is stored too). */
  deviceTime?: number;
}

export function isPlausible(parameter: VitalParameter, value: number): boolean {
  const [lo, hi] = PLAUSIBLE_RANGE[parameter];
  return Number.isFinite(value) && value >= lo && value <= hi;
}
