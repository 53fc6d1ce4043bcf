/**
 * What the alarm engine needs from a session's stored record (issue 11 items 2 and 3), read the same way after a
 * restart: the latest sedation and dissociation scores, the newest typed blood pressure, the baselines (systolic
 * from the checklist, EtCO₂ from the monitor samples stored before the start: core/alarms/assessments.ts), the
 * monitor's cuff measurements (they count as blood-pressure observations) and the blood-pressure interval in force.
 */
import { NO_ASSESSMENTS, etco2Baseline, type Assessments } from '../../../core/alarms/assessments';
import type { ClinicSettings } from '../../../core/clinic/defaults';
import { monitorCuffTimes } from '../../../core/session/observationSchedule';
import { BASELINE_BEFORE_START_MS, recordRange } from '../../../core/session/signedContent';
import type { DbClient } from '../../../db/client';
import type { ObservationRecord, SessionBundle } from '../../../db/repos/sessionRead';
import { bloodPressureIntervalOf } from './scheduleView';

export interface AlarmFeed {
  assessments: Assessments;
  bloodPressureIntervalMs: number | null;
  monitorCuffAt: number[];
}

/**
 * The chair monitor's cuff measurements of the session so far (stored vitals of its chair). A finished session's
 * range ends at its discharge: the next patient's cuff readings on that chair are not this session's, and an old
 * session must not read years of its chair's readings (issue 13: 100–770 ms per screen on the ten-year database).
 */
export async function monitorCuffAtOf(db: DbClient, bundle: SessionBundle, now: number): Promise<number[]> {
  const { chairId, startedAt, dischargedAt } = bundle.session;
  if (startedAt === null) return [];
  const { to } = recordRange(bundle.session, dischargedAt ?? now);
  return monitorCuffTimes(await db.call('vitalSamples', chairId, 'nibpSys', startedAt, to));
}

export async function alarmFeedOf(db: DbClient, bundle: SessionBundle, settings: ClinicSettings, now: number): Promise<AlarmFeed> {
  const { chairId, startedAt } = bundle.session;
  if (startedAt === null) return { assessments: NO_ASSESSMENTS, bloodPressureIntervalMs: null, monitorCuffAt: [] };
  const [monitorCuffAt, etco2] = await Promise.all([
    monitorCuffAtOf(db, bundle, now),
    db.call('vitalSamples', chairId, 'etco2', startedAt - BASELINE_BEFORE_START_MS, startedAt),
  ]);
  const baselineVitals = bundle.checklist?.items.baselineVitals as { systolicMmHg?: unknown } | undefined;
  const systolic = baselineVitals?.systolicMmHg;
  const sedation = latest(bundle.observations, 'sedation');
  const dissociation = latest(bundle.observations, 'dissociation');
  const bloodPressure = latest(bundle.observations, 'bloodPressure');
  return {
    assessments: {
      sedation: sedation && (sedation.data.scale === 'rass' || sedation.data.scale === 'moaas') ? { scale: sedation.data.scale, score: Number(sedation.data.score), at: sedation.at } : null,
      dissociation: dissociation ? { score: Number(dissociation.data.score), at: dissociation.at } : null,
      manualSystolic: bloodPressure ? { mmHg: Number(bloodPressure.data.systolicMmHg), at: bloodPressure.at } : null,
      baseline: { systolicMmHg: typeof systolic === 'number' ? systolic : null, etco2MmHg: etco2Baseline(etco2) },
    },
    bloodPressureIntervalMs: bloodPressureIntervalOf(bundle, settings, now, monitorCuffAt),
    monitorCuffAt,
  };
}

/** The newest observation of a kind by its time (a late entry of an earlier score does not replace a newer one). */
function latest(observations: readonly ObservationRecord[], kind: string): ObservationRecord | undefined {
  return observations.filter((o) => o.kind === kind).reduce<ObservationRecord | undefined>((l, o) => (l === undefined || o.at >= l.at ? o : l), undefined);
}
