/**
 * Technical alarm conditions: missing data, measurement faults, link loss, pump rate against the documented rate,
 * overdue observations. Missing data is an alarm, never a blank.
 */
import { isPlausible } from '../vitals';
import { ALARM_PARAMETERS, type AlarmParameter, type MeasurementFault, type Priority } from './codes';
import { usableValue, type Condition, type LatestReading, type Observed } from './condition';
import type { TechnicalSettings } from './defaults';

export function judgeEquipment(now: number, observed: Observed, settings: TechnicalSettings, faultSince: Map<string, number> = new Map()): Condition[] {
  return [
    ...noData(now, observed, settings),
    ...linkLost(observed),
    ...measurementFaults(now, observed, settings, faultSince),
    ...pumpMismatch(observed, settings),
    ...overdueObservations(now, observed, settings),
    ...clockDrift(observed, settings),
  ];
}

/** The record uses the PC's time; a monitor clock far off makes its own printout and trend disagree with it. */
function clockDrift(observed: Observed, settings: TechnicalSettings): Condition[] {
  const drift = observed.clockDriftMs;
  if (drift === null || Math.abs(drift) <= settings.clockDriftMs.value) return [];
  const seconds = Math.round(drift / 1000);
  const limit = settings.clockDriftMs.value / 1000;
  return [{ key: 'clock.drift', code: 'clock.drift', kind: 'technical', priority: 'low', value: seconds, threshold: limit, params: { seconds, limit } }];
}

/**
 * A chair without a session: values are shown, but the only alarm is a low notice while a patient seems connected
 * (usable values arrive), so that nobody monitors a patient the app has not been told about.
 */
export function judgeNoSession(now: number, observed: Observed, settings: TechnicalSettings): Condition[] {
  const connected = ALARM_PARAMETERS.some((p) => {
    const reading = observed.latest[p];
    return reading !== undefined && usableValue(reading) !== null && now - reading.at <= settings.noDataMediumMs.value;
  });
  if (!connected) return [];
  return [{ key: 'session.none', code: 'session.none', kind: 'technical', priority: 'low', value: null, threshold: null, params: {} }];
}

/** Equipment problems keep their priority through the whole session: paused and post-infusion included. */
function equipmentPriority(observed: Observed): Priority {
  return observed.watchedSince !== null ? 'medium' : 'low';
}

function noData(now: number, observed: Observed, settings: TechnicalSettings): Condition[] {
  const since = observed.watchedSince;
  if (since === null) return [];
  // Counted from the start of the watched period when data stopped before it (or never came).
  const silentMs = now - Math.max(observed.lastDataAt ?? since, since);
  const priority: Priority | null =
    silentMs > settings.noDataHighMs.value ? 'high' : silentMs > settings.noDataMediumMs.value ? 'medium' : null;
  if (priority === null) return [];
  const seconds = Math.floor(silentMs / 1000);
  const threshold = (priority === 'high' ? settings.noDataHighMs.value : settings.noDataMediumMs.value) / 1000;
  return [{ key: 'data.none', code: 'data.none', kind: 'technical', priority, value: seconds, threshold, params: { seconds } }];
}

function linkLost(observed: Observed): Condition[] {
  const { status, reason, fault } = observed.link;
  if (status !== 'lost' && status !== 'error') return [];
  return [
    {
      key: 'link.lost',
      code: 'link.lost',
      kind: 'technical',
      priority: equipmentPriority(observed),
      value: null,
      threshold: null,
      // The fault's code and args beside the English reason: the message says the code in words (messages.ts).
      params: { ...fault?.args, ...(fault ? { fault: fault.code } : {}), reason: reason || status },
    },
  ];
}

function faultOf(parameter: AlarmParameter, reading: LatestReading, measured: boolean): MeasurementFault | null {
  switch (reading.state) {
    case 'sensorOff':
      return 'sensorOff';
    case 'demo':
      return 'demo';
    case 'invalid':
      return 'invalid';
    case 'unavailable':
      // "Not measured" is only a fault for a parameter that was being measured in this session.
      return measured ? 'invalid' : null;
    case 'valid':
    case 'questionable':
      return reading.value === null || !isPlausible(parameter, reading.value) ? 'invalid' : null;
  }
}

/**
 * Parameters the monitor measures continuously: a probe off there leaves the patient unwatched for that value, so
 * after the no-data high delay it is high like a silent monitor (a paused infusion included: issue 11).
 */
const CONTINUOUS: ReadonlySet<AlarmParameter> = new Set<AlarmParameter>(['hr', 'pulseRate', 'spo2', 'etco2', 'respRate']);

function measurementFaults(now: number, observed: Observed, settings: TechnicalSettings, faultSince: Map<string, number>): Condition[] {
  const conditions: Condition[] = [];
  for (const parameter of ALARM_PARAMETERS) {
    const reading = observed.latest[parameter];
    const fault = reading ? faultOf(parameter, reading, observed.measured.has(parameter)) : null;
    const sinceKey = `fault:${parameter}`;
    if (fault === null) {
      faultSince.delete(sinceKey);
      continue;
    }
    const code = `${parameter}.${fault}` as const;
    const since = faultSince.get(sinceKey) ?? now;
    faultSince.set(sinceKey, since);
    const unwatched = observed.watchedSince !== null && CONTINUOUS.has(parameter) && now - since > settings.noDataHighMs.value;
    conditions.push({
      key: code,
      code,
      kind: 'technical',
      priority: unwatched ? 'high' : equipmentPriority(observed),
      value: null,
      threshold: null,
      params: { parameter, state: reading?.state ?? 'unavailable' },
    });
  }
  return conditions;
}

function pumpMismatch(observed: Observed, settings: TechnicalSettings): Condition[] {
  const pumpRate = usableValue(observed.latest.pumpRate);
  if (pumpRate === null || !isPlausible('pumpRate', pumpRate)) return [];
  const { running, documentedRateMlH } = observed.infusion;
  // A pump delivering while no infusion (or no rate) is documented is a mismatch against 0 ml/h.
  const documented = running && documentedRateMlH !== null && Number.isFinite(documentedRateMlH) ? documentedRateMlH : 0;
  const tolerance = Math.max(settings.pumpToleranceMlH.value, (documented * settings.pumpTolerancePercent.value) / 100);
  // The epsilon keeps decimal rates exact: 1.1 − 1.0 is 0.10000000000000009 in binary floating point.
  if (Math.abs(pumpRate - documented) - tolerance <= 1e-9) return [];
  // Magnitude decides: a pump above the dose hard limit or at twice the documented rate (a 10× error) is high.
  const hardLimit = observed.infusion.hardLimitMlH;
  const dangerous = (hardLimit !== null && pumpRate > hardLimit + 1e-9) || pumpRate >= 2 * documented;
  return [
    {
      key: 'pump.rateMismatch',
      code: 'pump.rateMismatch',
      kind: 'technical',
      priority: dangerous ? 'high' : 'medium',
      value: pumpRate,
      threshold: documented,
      params: { pumpRate, documentedRate: documented },
    },
  ];
}

function overdueObservations(now: number, observed: Observed, settings: TechnicalSettings): Condition[] {
  const conditions: Condition[] = [];
  for (const [kind, { overdueMs, reportedAt }] of observed.overdue) {
    const lateMs = overdueMs + (now - reportedAt);
    const priority: Priority | null =
      lateMs > settings.observationOverdueHighMs.value
        ? 'high'
        : lateMs > settings.observationOverdueMediumMs.value
          ? 'medium'
          : null;
    if (priority === null) continue;
    const minutes = Math.floor(lateMs / 60_000);
    const limitMs = priority === 'high' ? settings.observationOverdueHighMs.value : settings.observationOverdueMediumMs.value;
    conditions.push({
      key: `observation.overdue:${kind}`,
      code: 'observation.overdue',
      kind: 'technical',
      priority,
      value: minutes,
      threshold: limitMs / 60_000,
      params: { kind, minutes },
    });
  }
  return conditions;
}
