/**
 * The dose record (issue 10 points 8, 9): the MFA confirms at the pump a rate the physician ordered (until then it
 * is pending and not in the dose timeline), and a physician corrects a wrongly documented dose event with a
 * structured amendment (old → new value, reason, password) that the dose computation applies.
 */
import { z } from 'zod';
import { AMENDABLE_FIELDS } from '../../dose/amendments';
import { methodTable } from '../methodSpec';
import { Id } from '../schemas';
import { SessionDetail } from './sessionSchemas';

export const doseRecordMethods = methodTable({
  /** Refused (REFUSED) when the order is no longer pending (confirmed, replaced by a newer one, infusion stopped). */
  'infusion.confirmRate': { access: ['mfa', 'physician'], input: z.strictObject({ sessionId: Id, orderId: Id }), output: SessionDetail },
  'sessions.amendDoseEvent': {
    access: ['physician'],
    input: z.strictObject({
      sessionId: Id,
      doseEventId: Id,
      field: z.enum(AMENDABLE_FIELDS),
      /** ml/h for a rate, the bolus's own unit for an amount, epoch ms for a time. */
      newValue: z.number(),
      reason: z.string().max(2000),
      password: z.string().max(200),
    }),
    output: SessionDetail,
  },
});
