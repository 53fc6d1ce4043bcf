/** The physician's worklist (issue 12 item 4): what waits for her prescription, release or signature. */
import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { EpochMs } from '../schemas';
import { SessionSummary } from './sessionSchemas';

export const WorklistItem = z.object({
  session: SessionSummary,
  awaiting: z.enum(['release', 'prescription', 'signature']),
  since: EpochMs,
  overdue: z.boolean(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const worklistMethods = methodTable({
  /** In working order: overdue signatures first (core/session/worklist.ts); the overdue rule with its source. */
  'worklist.physician': {
    access: ['physician'],
    input: z.strictObject({}),
    output: z.object({
      items: z.array(WorklistItem),
      signatureOverdue: z.object({ hours: z.number(), source: z.string() }),
    }),
  },
});
