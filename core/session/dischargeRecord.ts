/**
 * What the discharge gate reads from the whole record besides the discharge steps: the latest adverse event, the
 * latest abnormal observation (clinic thresholds) and the high-priority alarms of the stored alarm log. A score or a
 * release taken before any of these no longer counts (§1.11, §2.5 "until sedation, dissociation … have resolved").
 * Times are when the entry was recorded: an observation written down late still asks for a new assessment.
 */
import type { ClinicSettings } from '../clinic/defaults';
import type { Observation } from './observations';

export interface AbnormalRules {
  rassAtMost: number;
  rassAtLeast: number;
  moaasAtMost: number;
  dissociationAtLeast: number;
  systolicBelowMmHg: number;
  systolicAboveMmHg: number;
  spo2BelowPercent: number;
}

export function abnormalRules(settings: ClinicSettings): AbnormalRules {
  return {
    rassAtMost: settings.abnormalRassAtMost,
    rassAtLeast: settings.abnormalRassAtLeast,
    moaasAtMost: settings.abnormalMoaasAtMost,
    dissociationAtLeast: settings.abnormalDissociationAtLeast,
    systolicBelowMmHg: settings.abnormalSystolicBelowMmHg,
    systolicAboveMmHg: settings.abnormalSystolicAboveMmHg,
    spo2BelowPercent: settings.abnormalSpo2BelowPercent,
  };
}

/** An observation outside the clinic's thresholds (sedation, agitation, dissociation, blood pressure, SpO₂). */
export function isAbnormal(o: Observation, rules: AbnormalRules): boolean {
  switch (o.kind) {
    case 'sedation':
      return o.scale === 'rass' ? o.score <= rules.rassAtMost || o.score >= rules.rassAtLeast : o.score <= rules.moaasAtMost;
    case 'dissociation':
      return o.score >= rules.dissociationAtLeast;
    case 'bloodPressure':
      return (
        o.systolicMmHg < rules.systolicBelowMmHg ||
        o.systolicMmHg > rules.systolicAboveMmHg ||
        (o.spo2 !== undefined && o.spo2 < rules.spo2BelowPercent)
      );
    default:
      return false;
  }
}

export interface RecordedObservation {
  observation: Observation;
  recordedAt: number;
}

/** Latest recording time of an adverse event and of an abnormal observation; undefined when there is none. */
export function latestEvents(observations: readonly RecordedObservation[], rules: AbnormalRules): { adverseEventAt?: number; abnormalAt?: number } {
  let adverseEventAt: number | undefined;
  let abnormalAt: number | undefined;
  for (const { observation, recordedAt } of observations) {
    if (observation.kind === 'adverseEvent') adverseEventAt = Math.max(adverseEventAt ?? recordedAt, recordedAt);
    else if (isAbnormal(observation, rules)) abnormalAt = Math.max(abnormalAt ?? recordedAt, recordedAt);
  }
  return { ...(adverseEventAt !== undefined ? { adverseEventAt } : {}), ...(abnormalAt !== undefined ? { abnormalAt } : {}) };
}

/** One row of the stored alarm log (db/repos/alarms.ts), as far as the gate needs it. */
export interface AlarmLogEntry {
  at: number;
  type: string;
  alarmId: string | null;
  priority: 'high' | 'medium' | 'low' | null;
}

export interface HighAlarmHistory {
  /** High-priority alarms raised and not cleared (still active or latched). */
  active: number;
  /** The last moment a high-priority alarm was active: `now` while one is. */
  lastActiveAt?: number;
}

/**
 * High-priority alarms from the stored log, so the answer is the same after a restart of the app. An alarm that was
 * high at any time counts as high until it is cleared (a latched or downgraded one still needs its end).
 */
export function highAlarmHistory(log: readonly AlarmLogEntry[], now: number): HighAlarmHistory {
  const high = new Set<string>();
  let lastActiveAt: number | undefined;
  for (const e of log) {
    if (e.alarmId === null) continue;
    if (e.priority === 'high') high.add(e.alarmId);
    if (high.has(e.alarmId)) lastActiveAt = Math.max(lastActiveAt ?? e.at, e.at);
    if (e.type === 'cleared') high.delete(e.alarmId);
  }
  if (high.size > 0) lastActiveAt = now;
  return { active: high.size, ...(lastActiveAt !== undefined ? { lastActiveAt } : {}) };
}
