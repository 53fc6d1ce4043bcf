/** Runtime schemas of the values that cross the main/renderer boundary. Shared by every transport. */
import { z } from 'zod';
import { LinkFaultSchema } from '../devices/linkFault';
import { LinkPhaseSchema } from '../devices/linkPhase';
import { RejectReasonSchema } from '../devices/rejectReason';
import { MEASUREMENT_STATES, VITAL_PARAMETERS } from '../vitals';

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const EpochMs = z.number().int().min(0).max(8.64e15);

export const VitalParameterSchema = z.enum(VITAL_PARAMETERS);
export const MeasurementStateSchema = z.enum(MEASUREMENT_STATES);

/** A reading as stored and shown: the device's reading plus the PC time it arrived. */
export const StoredReading = z.object({
  parameter: VitalParameterSchema,
  value: z.number().nullable(),
  unit: z.string(),
  state: MeasurementStateSchema,
  deviceTime: EpochMs.optional(),
  receivedAt: EpochMs,
});
export type StoredReading = z.infer<typeof StoredReading>;

export const LINK_STATES = ['stopped', 'connecting', 'associating', 'receiving', 'silent', 'error'] as const;
export const RejectReasons = z.partialRecord(RejectReasonSchema, z.number().int().min(0));

export const LinkStatus = z.object({
  state: z.enum(LINK_STATES),
  /** When the current state began (for "silent since …"). */
  since: EpochMs,
  /** Where the device conversation stands (the screen says it in words); null when no conversation runs. */
  phase: LinkPhaseSchema.nullable(),
  /** The technical reason of an error or of connecting (an OS error text, the port path) in English, for logs; else empty. */
  detail: z.string(),
  /** Why the link is in error, as a code the screen says in words (core/devices/linkFault.ts); null in any other state. */
  fault: LinkFaultSchema.nullable(),
  portPath: z.string(),
  protocolId: z.string(),
  simulated: z.boolean(),
  lastDataAt: EpochMs.nullable(),
  framesRead: z.number().int().min(0),
  framesRejected: z.number().int().min(0),
  /** Rejected frames per reason code (core/devices/rejectReason.ts); the screen says each in words. */
  rejectReasons: RejectReasons,
});
export type LinkStatus = z.infer<typeof LinkStatus>;

export const Chair = z.object({
  id: Id,
  name: z.string(),
  link: LinkStatus,
});
export type Chair = z.infer<typeof Chair>;

/** Vitals for a chart (core/trendBuckets.ts): every parameter on the same time buckets, min and max per bucket. */
export const VitalTrend = z
  .object({
    bucketMs: z.number().int().positive(),
    times: z.array(EpochMs),
    series: z.array(
      z.object({
        parameter: VitalParameterSchema,
        min: z.array(z.number().nullable()),
        max: z.array(z.number().nullable()),
      }),
    ),
  })
  .refine((v) => v.series.every((s) => s.min.length === v.times.length && s.max.length === v.times.length), {
    message: 'every series has one min and one max per bucket',
  });
export type VitalTrend = z.infer<typeof VitalTrend>;

export const AppInfo = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'web-host']),
  /** Shown to users: the bedside monitor remains the primary alarm system. */
  intendedUse: z.string(),
  startedAt: EpochMs,
});
export type AppInfo = z.infer<typeof AppInfo>;
