/**
 * Required parameters (issue 11 item 2): from the infusion start to discharge (running, paused and post-infusion
 * observation) the clinic requires SpO₂ and heart rate continuously, a new NIBP cuff value at the blood-pressure
 * interval in force, and EtCO₂ / respiratory rate where it uses capnography (clinical-requirements §1.6). Before the
 * infusion nothing is required: the patient is being connected.
 *
 * A required parameter is a technical alarm when it is
 *  - missing: no usable value since the session began, for longer than its maximum age after the infusion start;
 *  - stale: its last usable value is older than its maximum age (NIBP: its last new cuff value, or the last blood
 *    pressure the MFA typed, older than the interval + the grace time, §4.1 "stale NIBP");
 *  - frozen: the monitor keeps sending, but the same sample: a new sample is one whose value or device time differs
 *    from the previous one, or that comes after a gap of more than a minute. Samples that carry a device time are
 *    frozen when that time and the value have not changed for longer than `frozenMs` (a monitor re-sending its last
 *    sample). Without a device time only a heart rate can be judged (an averaged heart rate still changes within
 *    minutes), after `frozenValueMs`; SpO₂, EtCO₂ and RR may stay on one number for long. NIBP is never "frozen": a
 *    monitor repeats the last cuff value until the next measurement, which is what "stale" judges.
 * Priorities as the sheet's no-data rule (§4.1 technical alarms): medium past the maximum age, high once the gap
 * reaches the no-data high time beyond it (default 10 s → medium, 30 s → high); NIBP and frozen values medium.
 * While the whole chair is silent the no-data alarm says it once; a parameter with a sensor fault has its own alarm.
 */
import type { SettingDefault } from '../settings';
import type { Reading } from '../vitals';
import type { AlarmParameter, Priority, RequiredParameter, RequirementFault } from './codes';
import type { Condition, LatestReading } from './condition';
import type { TechnicalSettings } from './defaults';

export interface RequiredSettings {
  /** Maximum age of the last usable value; 0 = not required (EtCO₂ and RR: only where capnography is used). */
  requiredSpo2MaxAgeMs: SettingDefault<number>;
  requiredHrMaxAgeMs: SettingDefault<number>;
  requiredEtco2MaxAgeMs: SettingDefault<number>;
  requiredRespRateMaxAgeMs: SettingDefault<number>;
  /** A cuff value older than the blood-pressure interval in force plus this is stale. */
  nibpGraceMs: SettingDefault<number>;
  /** The same sample (value and device time) for longer than this: frozen. */
  frozenMs: SettingDefault<number>;
  /** Without a device time: the same heart rate, to the last digit, for longer than this: frozen. */
  frozenValueMs: SettingDefault<number>;
}

const SEC = 1000;
const MIN = 60 * SEC;
const TECH = 'clinical-requirements §4.1 technical alarms [E]';
const CONTINUOUS = 'clinical-requirements §1.6 [E]: continuous SpO2/HR/ECG monitoring';
const maxAge = (value: number, source: string, min: number): SettingDefault<number> => ({
  value,
  unit: 'ms',
  source,
  range: { min, max: 60 * SEC, source: `${TECH}: no data > 10 s medium; up to 60 s for a monitor that sends slowly [E]${min === 0 ? '; 0 = not required' : ''}` },
});

export const REQUIRED_DEFAULTS: RequiredSettings = {
  requiredSpo2MaxAgeMs: maxAge(10 * SEC, `${CONTINUOUS}; ${TECH}: no data > 10 s → medium`, 5 * SEC),
  requiredHrMaxAgeMs: maxAge(10 * SEC, `${CONTINUOUS}; ${TECH}: no data > 10 s → medium (ECG heart rate or oximeter pulse rate)`, 5 * SEC),
  requiredEtco2MaxAgeMs: maxAge(0, 'clinical-requirements §1.6 [E]: "(EtCO2 if used)": not required until the clinic sets a maximum age', 0),
  requiredRespRateMaxAgeMs: maxAge(0, 'clinical-requirements §4.1 [E]: "RR (if measured)": not required until the clinic sets a maximum age', 0),
  nibpGraceMs: {
    value: 2 * MIN,
    unit: 'ms',
    source: `${TECH}: stale NIBP = no new cuff value for > configured interval + 2 min`,
    range: { min: 1 * MIN, max: 5 * MIN, source: `${TECH} (+ 2 min); at most 5 min, the overdue-observation medium time (§4.1)` },
  },
  frozenMs: {
    value: 60 * SEC,
    unit: 'ms',
    source: '[E] engineering default, not in §4: a monitor sends a new sample every 1–5 s; one unchanged for 1 min is a re-sent old one; clinic must confirm',
    range: { min: 20 * SEC, max: 5 * MIN, source: '[E] engineering: above the slowest monitor send interval; at most the 5 min of an overdue observation (§4.1)' },
  },
  frozenValueMs: {
    value: 5 * MIN,
    unit: 'ms',
    source: '[E] engineering default, not in §4: an averaged heart rate of a living patient changes within minutes; clinic must confirm',
    range: { min: 2 * MIN, max: 15 * MIN, source: '[E] engineering: 2 min of one heart rate happens at rest; 15 min the longest a wrong value may stand (§4.1 overdue high)' },
  },
};

/** A new sample comes after a gap this long even if it repeats the old one (the Datex S/5 drops an NIBP after 60 s). */
const NEW_AFTER_GAP_MS = 60 * SEC;

interface Sample {
  value: number;
  deviceTime: number | undefined;
  /** The last usable reading. */
  lastAt: number;
  /** When the current sample first came (value or device time last changed). */
  changedAt: number;
}

/** The last usable sample of every parameter in this session, and since when it has not changed. */
export class Freshness {
  private readonly samples = new Map<AlarmParameter, Sample>();

  see(parameter: AlarmParameter, reading: Reading, usable: number | null, at: number): void {
    if (usable === null) return;
    const previous = this.samples.get(parameter);
    const same = previous !== undefined && previous.value === usable && previous.deviceTime === reading.deviceTime && at - previous.lastAt <= NEW_AFTER_GAP_MS;
    this.samples.set(parameter, { value: usable, deviceTime: reading.deviceTime, lastAt: at, changedAt: same ? previous.changedAt : at });
  }

  /** A new patient: nothing of the previous session counts. */
  clear(): void {
    this.samples.clear();
  }

  get(parameter: AlarmParameter): Sample | undefined {
    return this.samples.get(parameter);
  }
}

export interface RequiredInput {
  /** The first infusion start of the session; null before it (nothing required) or without a session. */
  since: number | null;
  lastDataAt: number | null;
  latest: Partial<Record<AlarmParameter, LatestReading>>;
  freshness: Freshness;
  /** The blood-pressure interval in force (the observation schedule); null = no NIBP judged. */
  bloodPressureIntervalMs: number | null;
  /** The newest blood pressure the MFA typed: a manual measurement meets the requirement too. */
  manualBloodPressureAt: number | null;
}

const CONTINUOUS_SOURCES = {
  spo2: ['spo2'],
  hr: ['hr', 'pulseRate'],
  etco2: ['etco2'],
  respRate: ['respRate'],
} as const satisfies Partial<Record<RequiredParameter, readonly AlarmParameter[]>>;
type ContinuousParameter = keyof typeof CONTINUOUS_SOURCES;
const MAX_AGE: Record<ContinuousParameter, keyof RequiredSettings> = {
  spo2: 'requiredSpo2MaxAgeMs',
  hr: 'requiredHrMaxAgeMs',
  etco2: 'requiredEtco2MaxAgeMs',
  respRate: 'requiredRespRateMaxAgeMs',
};
/** Faults that already have their own alarm (equipment.ts): the parameter is not also "stale". */
const FAULT_STATES = new Set(['sensorOff', 'invalid', 'demo']);
const HEART_RATES: readonly AlarmParameter[] = ['hr', 'pulseRate'];

export function judgeRequired(now: number, input: RequiredInput, settings: RequiredSettings, technical: TechnicalSettings): Condition[] {
  const since = input.since;
  if (since === null) return [];
  // A silent chair is one no-data alarm, not one per parameter.
  if (input.lastDataAt === null || now - input.lastDataAt > technical.noDataMediumMs.value) return [];
  const highAfterMs = technical.noDataHighMs.value - technical.noDataMediumMs.value;
  const conditions: Condition[] = [];
  for (const required of Object.keys(CONTINUOUS_SOURCES) as ContinuousParameter[]) {
    const limitMs = settings[MAX_AGE[required]].value;
    if (!(limitMs > 0)) continue;
    const sources: readonly AlarmParameter[] = CONTINUOUS_SOURCES[required];
    if (sources.some((p) => FAULT_STATES.has(input.latest[p]?.state ?? 'valid'))) continue;
    const seen = sources.map((p) => input.freshness.get(p)).filter((s): s is Sample => s !== undefined);
    const lastAt = seen.reduce<number | null>((latest, s) => (latest === null || s.lastAt > latest ? s.lastAt : latest), null);
    const ageMs = now - (lastAt ?? since);
    if (ageMs > limitMs) {
      const priority: Priority = ageMs > limitMs + highAfterMs ? 'high' : 'medium';
      conditions.push(condition(required, lastAt === null ? 'missing' : 'stale', priority, Math.floor(ageMs / SEC), limitMs / SEC, { seconds: Math.floor(ageMs / SEC), limit: limitMs / SEC }));
      continue;
    }
    const frozen = sources.find((p) => isFrozen(p, input.freshness.get(p), settings));
    if (frozen) {
      const sample = input.freshness.get(frozen)!;
      const seconds = Math.floor((sample.lastAt - sample.changedAt) / SEC);
      conditions.push(condition(required, 'frozen', 'medium', sample.value, null, { parameter: frozen, value: sample.value, seconds }));
    }
  }
  conditions.push(...staleCuff(now, input, settings));
  return conditions;
}

function isFrozen(parameter: AlarmParameter, sample: Sample | undefined, settings: RequiredSettings): boolean {
  if (!sample) return false;
  const unchangedMs = sample.lastAt - sample.changedAt;
  if (sample.deviceTime !== undefined) return unchangedMs > settings.frozenMs.value;
  return HEART_RATES.includes(parameter) && unchangedMs > settings.frozenValueMs.value;
}

function staleCuff(now: number, input: RequiredInput, settings: RequiredSettings): Condition[] {
  const interval = input.bloodPressureIntervalMs;
  if (interval === null || !Number.isFinite(interval) || input.since === null) return [];
  if (FAULT_STATES.has(input.latest.nibpSys?.state ?? 'valid')) return [];
  const cuffAt = Math.max(input.freshness.get('nibpSys')?.changedAt ?? -Infinity, input.manualBloodPressureAt ?? -Infinity);
  const measuredAt = Number.isFinite(cuffAt) ? cuffAt : null;
  const limitMs = interval + settings.nibpGraceMs.value;
  const ageMs = now - (measuredAt ?? input.since);
  if (ageMs <= limitMs) return [];
  const minutes = Math.floor(ageMs / MIN);
  return [condition('nibp', measuredAt === null ? 'missing' : 'stale', 'medium', minutes, limitMs / MIN, { minutes, limit: Math.round((limitMs / MIN) * 10) / 10 })];
}

function condition(parameter: RequiredParameter, fault: RequirementFault, priority: Priority, value: number | null, threshold: number | null, params: Condition['params']): Condition {
  const code = `${parameter}.${fault}` as const;
  return { key: code, code, kind: 'technical', priority, value, threshold, params };
}
