/**
 * Alarm vocabulary: priorities and every condition code the engine can raise.
 * Codes are stable strings: they are stored in the alarm log and used as translation keys.
 */
import type { VitalParameter } from '../vitals';

/** IEC 60601-1-8 priorities: high = immediate response, medium = prompt response, low = awareness. */
export type Priority = 'high' | 'medium' | 'low';
export const PRIORITY_RANK: Record<Priority, number> = { low: 1, medium: 2, high: 3 };

/** The more urgent of two priorities; null means "no alarm". */
export function higherPriority(a: Priority | null, b: Priority | null): Priority | null {
  if (a === null) return b;
  if (b === null) return a;
  return PRIORITY_RANK[a] >= PRIORITY_RANK[b] ? a : b;
}

export type AlarmKind = 'physiological' | 'technical';

/** Parameters the engine judges. Pump volume is documented, not alarmed. */
export const ALARM_PARAMETERS = [
  'hr',
  'pulseRate',
  'spo2',
  'nibpSys',
  'nibpDia',
  'nibpMean',
  'respRate',
  'etco2',
  'temp',
  'pumpRate',
] as const satisfies readonly VitalParameter[];
export type AlarmParameter = (typeof ALARM_PARAMETERS)[number];

export function isAlarmParameter(p: string): p is AlarmParameter {
  return (ALARM_PARAMETERS as readonly string[]).includes(p);
}

/**
 * Physiological conditions: which parameter each judges and in which direction.
 * 'low' codes alarm when the value falls below a limit, 'high' codes when it rises above one.
 * SpO₂ desaturation and EtCO₂ apnoea are their own codes (as on bedside monitors), so each code has at most
 * one limit per priority and a physician can override it with a single number.
 */
export const PHYSIOLOGICAL_CONDITIONS = {
  'spo2.low': { parameter: 'spo2', direction: 'low' },
  'spo2.desat': { parameter: 'spo2', direction: 'low' },
  'hr.high': { parameter: 'hr', direction: 'high' },
  'hr.low': { parameter: 'hr', direction: 'low' },
  'pulseRate.high': { parameter: 'pulseRate', direction: 'high' },
  'pulseRate.low': { parameter: 'pulseRate', direction: 'low' },
  'nibpSys.high': { parameter: 'nibpSys', direction: 'high' },
  'nibpSys.low': { parameter: 'nibpSys', direction: 'low' },
  'nibpDia.high': { parameter: 'nibpDia', direction: 'high' },
  'nibpDia.low': { parameter: 'nibpDia', direction: 'low' },
  'nibpMean.high': { parameter: 'nibpMean', direction: 'high' },
  'nibpMean.low': { parameter: 'nibpMean', direction: 'low' },
  'respRate.high': { parameter: 'respRate', direction: 'high' },
  'respRate.low': { parameter: 'respRate', direction: 'low' },
  'etco2.high': { parameter: 'etco2', direction: 'high' },
  'etco2.apnoea': { parameter: 'etco2', direction: 'low' },
  'temp.high': { parameter: 'temp', direction: 'high' },
  'temp.low': { parameter: 'temp', direction: 'low' },
} as const satisfies Record<string, { parameter: AlarmParameter; direction: 'low' | 'high' }>;
export type PhysiologicalCode = keyof typeof PHYSIOLOGICAL_CONDITIONS;
export const PHYSIOLOGICAL_CODES = Object.keys(PHYSIOLOGICAL_CONDITIONS) as PhysiologicalCode[];

/** What a device can say is wrong with one measurement (anything but a usable number). */
export const MEASUREMENT_FAULTS = ['sensorOff', 'invalid', 'demo'] as const;
export type MeasurementFault = (typeof MEASUREMENT_FAULTS)[number];
export type MeasurementFaultCode = `${AlarmParameter}.${MeasurementFault}`;

/**
 * Parameters the clinic requires during the infusion and recovery (required.ts): 'hr' is met by the ECG heart rate
 * or the oximeter pulse rate, 'nibp' by a new cuff measurement.
 */
export const REQUIRED_PARAMETERS = ['spo2', 'hr', 'nibp', 'etco2', 'respRate'] as const;
export type RequiredParameter = (typeof REQUIRED_PARAMETERS)[number];
/** never seen since the infusion began; older than its maximum age; the monitor keeps repeating one sample. */
export const REQUIREMENT_FAULTS = ['missing', 'stale', 'frozen'] as const;
export type RequirementFault = (typeof REQUIREMENT_FAULTS)[number];
export type RequirementCode = `${RequiredParameter}.${RequirementFault}`;
/** A monitor repeats its last cuff value until the next measurement: NIBP is judged stale, never frozen. */
export const REQUIREMENT_CODES: readonly RequirementCode[] = REQUIRED_PARAMETERS.flatMap((p) =>
  REQUIREMENT_FAULTS.filter((f) => p !== 'nibp' || f !== 'frozen').map((f): RequirementCode => `${p}.${f}`),
);

/** Alarms from the stored observations (sedation, dissociation) and from the pre-infusion baseline (assessments.ts). */
export const ASSESSMENT_CODES = ['sedation.deep', 'sedation.agitated', 'dissociation.marked', 'nibpSys.aboveBaseline', 'etco2.fromBaseline'] as const;
export type AssessmentCode = (typeof ASSESSMENT_CODES)[number];

/** Technical conditions of the chair as a whole. */
export const SYSTEM_CODES = ['data.none', 'link.lost', 'pump.rateMismatch', 'observation.overdue', 'session.none', 'clock.drift'] as const;
export type SystemCode = (typeof SYSTEM_CODES)[number];

/** The session caps of §2.2 during the infusion: projection at the current rate within the window, and crossed. */
export const CAP_CODES = ['dose.capNear', 'dose.capReached', 'duration.capNear', 'duration.capReached'] as const;
export type CapCode = (typeof CAP_CODES)[number];

export type TechnicalCode = SystemCode | MeasurementFaultCode | RequirementCode;
export type ConditionCode = PhysiologicalCode | TechnicalCode | CapCode | AssessmentCode;

export const MEASUREMENT_FAULT_CODES: readonly MeasurementFaultCode[] = ALARM_PARAMETERS.flatMap((p) =>
  MEASUREMENT_FAULTS.map((f): MeasurementFaultCode => `${p}.${f}`),
);

export const CONDITION_CODES: readonly ConditionCode[] = [
  ...PHYSIOLOGICAL_CODES,
  ...SYSTEM_CODES,
  ...CAP_CODES,
  ...MEASUREMENT_FAULT_CODES,
  ...REQUIREMENT_CODES,
  ...ASSESSMENT_CODES,
];

export function isConditionCode(code: string): code is ConditionCode {
  return (CONDITION_CODES as readonly string[]).includes(code);
}

export function isPhysiologicalCode(code: string): code is PhysiologicalCode {
  return Object.hasOwn(PHYSIOLOGICAL_CONDITIONS, code);
}
