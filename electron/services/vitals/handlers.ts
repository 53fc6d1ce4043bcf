/** Live and stored vitals of the chairs. Thin: rules live in core/, SQL in db/. */
import { AppError } from '../../../core/api/envelope';
import { CHART_MAX_BUCKETS } from '../../../core/trendBuckets';
import { VITAL_PARAMETERS } from '../../../core/vitals';
import type { DbClient } from '../../../db/client';
import type { HandlersFor } from '../../ipc/dispatcher';
import type { ChairMonitor } from '../chairMonitor';
import type { VitalsStore } from '../vitalsStore';

export interface VitalsDeps {
  db: DbClient;
  store: VitalsStore;
  monitors: Map<number, ChairMonitor>;
  chairNames: Map<number, string>;
  startedAt: number;
}

/** A chair with no device and no simulation: shown, with a link status that says why nothing comes. */
function unconfigured(since: number) {
  return {
    state: 'stopped' as const,
    since,
    phase: null,
    detail: 'no device configured',
    fault: null,
    portPath: '',
    protocolId: '',
    simulated: false,
    lastDataAt: null,
    framesRead: 0,
    framesRejected: 0,
    rejectReasons: {},
  };
}

export function createVitalsHandlers(deps: VitalsDeps): HandlersFor<'chairs.list' | 'vitals.latest' | 'vitals.trend'> {
  const monitor = (chairId: number) => {
    const m = deps.monitors.get(chairId);
    if (!m) throw new AppError('NOT_FOUND', `chair ${chairId} has no monitor`);
    return m;
  };
  return {
    'chairs.list': () =>
      [...deps.chairNames].map(([id, name]) => ({ id, name, link: deps.monitors.get(id)?.link.status() ?? unconfigured(deps.startedAt) })),
    'vitals.latest': ({ chairId }) => monitor(chairId).latest(),
    'vitals.trend': async ({ chairId, from, to, parameters }) => {
      if (!deps.chairNames.has(chairId)) throw new AppError('NOT_FOUND', `there is no chair ${chairId}`);
      await deps.store.flush(); // the trend must include what arrived a moment ago
      return deps.db.call('vitalTrend', chairId, from, to, parameters ?? [...VITAL_PARAMETERS], CHART_MAX_BUCKETS, true);
    },
  };
}
