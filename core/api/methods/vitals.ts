import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { Chair, EpochMs, Id, StoredReading, VitalParameterSchema, VitalTrend } from '../schemas';

export const vitalsMethods = methodTable({
  'chairs.list': { access: 'anyUser', input: z.strictObject({}), output: z.array(Chair) },
  'vitals.latest': { access: 'anyUser', input: z.strictObject({ chairId: Id }), output: z.array(StoredReading) },
  'vitals.trend': {
    access: 'anyUser',
    input: z
      .strictObject({ chairId: Id, from: EpochMs, to: EpochMs, parameters: z.array(VitalParameterSchema).max(16).optional() })
      .refine((r) => r.to >= r.from, { message: '"to" must not be before "from"' })
      .refine((r) => r.to - r.from <= 24 * 3600_000, { message: 'a trend covers at most 24 h' }),
    output: VitalTrend,
  },
});

export const vitalsEvents = {
  'vitals.readings': z.object({ chairId: Id, readings: z.array(StoredReading) }),
};
