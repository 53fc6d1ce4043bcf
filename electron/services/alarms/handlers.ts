/** The alarm calls: thin, the rules live in core/alarms, the state in AlarmService, SQL in db/repos/alarms.ts. */
import { PHYSIOLOGICAL_CODES } from '../../../core/alarms/codes';
import type { PatientOverrides } from '../../../core/alarms/overrides';
import type { DbClient } from '../../../db/client';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { AlarmService } from './alarmService';

export type AlarmMethod =
  | 'alarms.state'
  | 'alarms.summary'
  | 'alarms.acknowledge'
  | 'alarms.pauseAudio'
  | 'alarms.switchOff'
  | 'alarms.log'
  | 'alarms.setOverrides'
  | 'alarms.thresholds';

export function createAlarmHandlers(alarms: AlarmService, db: DbClient): HandlersFor<AlarmMethod> {
  return {
    'alarms.state': () => alarms.states(),
    'alarms.summary': () => alarms.states(),
    'alarms.acknowledge': ({ chairId, alarmId }, ctx) => alarms.acknowledge(chairId, alarmId, userOf(ctx)),
    'alarms.pauseAudio': (input, ctx) => alarms.pauseAudio('chairId' in input ? input.chairId : 'all', userOf(ctx)),
    'alarms.switchOff': ({ chairId, code }, ctx) => alarms.switchOff(chairId, code, userOf(ctx)),
    'alarms.log': async (input) => {
      await alarms.flush(); // the log must include what happened a moment ago
      return 'sessionId' in input
        ? db.call('alarmLogOfSession', input.sessionId)
        : db.call('alarmLogOfChair', input.chairId, input.from, input.to);
    },
    'alarms.setOverrides': ({ chairId, reason, limits }, ctx) =>
      alarms.setOverrides(chairId, reason, limits as PatientOverrides['limits'], userOf(ctx)),
    'alarms.thresholds': ({ chairId }) => {
      const { thresholds, overriddenBy } = alarms.thresholds(chairId);
      const limits = PHYSIOLOGICAL_CODES.flatMap((code) =>
        (['medium', 'high'] as const).flatMap((priority) => {
          const s = thresholds.physiological[code][priority];
          return s ? [{ code, priority, ...s.value, ...(s.unit === undefined ? {} : { unit: s.unit }), source: s.source }] : [];
        }),
      );
      return { chairId, limits, overriddenBy };
    },
  };
}
