/** Runtime schemas of the values that cross the main/renderer boundary. Shared by every transport. */
import { z } from 'zod';
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
export const LinkStatus = z.object({
  state: z.enum(LINK_STATES),
  /** When the current state began (for "silent since …"). */
  since: EpochMs,
  /** Protocol phase or error reason, in words. */
  detail: z.string(),
  portPath: z.string(),
  protocolId: z.string(),
  simulated: z.boolean(),
  lastDataAt: EpochMs.nullable(),
  framesRead: z.number().int().min(0),
  framesRejected: z.number().int().min(0),
  rejectReasons: z.record(z.string(), z.number().int().min(0)),
});
export type LinkStatus = z.infer<typeof LinkStatus>;

export const Chair = z.object({
  id: Id,
  name: z.string(),
  link: LinkStatus,
});
export type Chair = z.infer<typeof Chair>;

export const TrendSeries = z.object({
  parameter: VitalParameterSchema,
  /** Parallel arrays keep a 3-hour trend small on the wire. */
  times: z.array(EpochMs),
  values: z.array(z.number().nullable()),
});
export type TrendSeries = z.infer<typeof TrendSeries>;

export const AppInfo = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'web-host']),
  /** Shown to users: the bedside monitor remains the primary alarm system. */
  intendedUse: z.string(),
  startedAt: EpochMs,
});
export type AppInfo = z.infer<typeof AppInfo>;
