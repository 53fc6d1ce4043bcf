/** The contract's calls, implemented on the running services. Thin: rules live in core/, SQL in db/. */
import { AppError } from '../../core/api/envelope';
import { VITAL_PARAMETERS } from '../../core/vitals';
import type { DbClient } from '../../db/client';
import type { Handlers } from '../ipc/dispatcher';
import type { ChairMonitor } from './chairMonitor';
import { INTENDED_USE } from './intendedUse';

/** A chart is about 1000 px wide: more points than that only cost time. */
const TREND_MAX_POINTS = 1200;

export interface HandlerDeps {
  db: DbClient;
  monitors: Map<number, ChairMonitor>;
  chairNames: Map<number, string>;
  transport: 'electron' | 'web-host';
  version: string;
  startedAt: number;
}

/** A chair with no device and no simulation: shown, with a link status that says why nothing comes. */
function unconfigured(since: number) {
  return {
    state: 'stopped' as const,
    since,
    detail: 'no device configured',
    portPath: '',
    protocolId: '',
    simulated: false,
    lastDataAt: null,
    framesRead: 0,
    framesRejected: 0,
    rejectReasons: {},
  };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const monitor = (chairId: number) => {
    const m = deps.monitors.get(chairId);
    if (!m) throw new AppError('NOT_FOUND', `there is no chair ${chairId}`);
    return m;
  };
  return {
    'app.info': () => ({ version: deps.version, transport: deps.transport, intendedUse: INTENDED_USE, startedAt: deps.startedAt }),
    'chairs.list': () =>
      [...deps.chairNames].map(([id, name]) => ({ id, name, link: deps.monitors.get(id)?.link.status() ?? unconfigured(deps.startedAt) })),
    'vitals.latest': ({ chairId }) => monitor(chairId).latest(),
    'vitals.trend': async ({ chairId, from, to, parameters }) => {
      const m = monitor(chairId);
      await m.flush(); // the trend must include what arrived a moment ago
      return deps.db.call('vitalTrend', chairId, from, to, parameters ?? [...VITAL_PARAMETERS], TREND_MAX_POINTS);
    },
  };
}
