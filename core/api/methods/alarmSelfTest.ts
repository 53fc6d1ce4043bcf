/**
 * The alarm self-test at start (issue 11 item 9): the state of this start's self-test, each priority shown, and
 * the operator's answer. Any logged-in user may run it: whoever works at the station hears and sees it.
 */
import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { EpochMs } from '../schemas';
import { PrioritySchema } from './alarms';

const RunId = z.string().min(8).max(64);
const ResultSchema = z.enum(['passed', 'notConfirmed']);
const ReasonSchema = z.enum(['notPerceived', 'noSound', 'cancelled']);

export const SelfTestStateSchema = z.object({
  runId: RunId,
  status: z.enum(['pending', 'running', 'passed', 'notConfirmed']),
  shown: z.array(z.object({ priority: PrioritySchema, sound: z.boolean(), at: EpochMs })),
  result: z.object({ result: ResultSchema, reason: ReasonSchema.nullable(), at: EpochMs, by: z.string() }).nullable(),
});
export type SelfTestStateDto = z.infer<typeof SelfTestStateSchema>;

export const alarmSelfTestMethods = methodTable({
  'alarms.selfTest': { access: 'anyUser', input: z.strictObject({}), output: SelfTestStateSchema },
  /** One priority's sound and colour were shown; `sound`: the audio output was running and the tone was played. */
  'alarms.selfTestShown': {
    access: 'anyUser',
    input: z.strictObject({ runId: RunId, priority: PrioritySchema, sound: z.boolean() }),
    output: SelfTestStateSchema,
  },
  /** The operator's answer; "notConfirmed" says why. */
  'alarms.selfTestResult': {
    access: 'anyUser',
    input: z.union([
      z.strictObject({ runId: RunId, result: z.literal('passed') }),
      z.strictObject({ runId: RunId, result: z.literal('notConfirmed'), reason: ReasonSchema }),
    ]),
    output: SelfTestStateSchema,
  },
});

export const alarmSelfTestEvents = {
  'alarms.selfTest': SelfTestStateSchema,
};
