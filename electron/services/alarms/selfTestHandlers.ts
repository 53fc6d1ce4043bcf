/** The self-test calls: thin, the rules live in core/alarms/selfTest.ts, the steps in AlarmSelfTest. */
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { AlarmSelfTest } from './selfTest';

export function createSelfTestHandlers(selfTest: AlarmSelfTest): HandlersFor<'alarms.selfTest' | 'alarms.selfTestShown' | 'alarms.selfTestResult'> {
  return {
    'alarms.selfTest': () => selfTest.state(),
    'alarms.selfTestShown': ({ runId, priority, sound }, ctx) => selfTest.shown(runId, priority, sound, userOf(ctx)),
    'alarms.selfTestResult': (input, ctx) =>
      selfTest.result(input.runId, input.result, input.result === 'notConfirmed' ? input.reason : null, userOf(ctx)),
  };
}
