/** Schemas of the prescription and the dose timeline: rates, events, orders, the cumulative dose (issues 5, 10). */
import { z } from 'zod';
import { AMENDABLE_FIELDS } from '../../dose/amendments';
import { SUBSTANCES } from '../../dose/substance';
import { ProblemSchema } from '../envelope';
import { EpochMs, Id } from '../schemas';
import { Finite, Stamp, Text } from './recordStamp';

// ---------------------------------------------------------------- prescription and dose

export const SubstanceSchema = z.enum(SUBSTANCES);

export const PrescriptionInput = z.strictObject({
  sessionId: Id,
  substance: SubstanceSchema,
  concentrationMgPerMl: Finite,
  weightKg: Finite,
  targetMgPerKgPerH: Finite,
  /** Required above the soft limit. */
  softLimitReason: Text(1000).optional(),
});

export const Prescription = z.object({
  id: Id,
  substance: SubstanceSchema,
  concentrationMgPerMl: z.number(),
  weightKg: z.number(),
  targetMgPerKgPerH: z.number(),
  mgPerH: z.number(),
  /** Exact; and rounded to what the pump can be set to. */
  rateMlPerH: z.number(),
  pumpRateMlPerH: z.number(),
  softLimitReason: z.string().nullable(),
  /** Limits crossed (a soft limit covered by the reason), for display. */
  limitProblems: z.array(ProblemSchema),
  prescribed: Stamp,
});
export type Prescription = z.infer<typeof Prescription>;

/** Calculator: give mg/kg/h or ml/h, get both, with the verdict against the clinic's limits. */
export const DoseCalculationInput = z
  .strictObject({
    substance: SubstanceSchema,
    concentrationMgPerMl: Finite,
    weightKg: Finite,
    mgPerKgPerH: Finite.optional(),
    mlPerH: Finite.optional(),
  })
  .refine((r) => (r.mgPerKgPerH === undefined) !== (r.mlPerH === undefined), { message: 'give either mgPerKgPerH or mlPerH' });

export const LimitSetting = z.object({ value: z.number(), unit: z.string(), source: z.string() });
export const DoseCalculation = z.object({
  mgPerKgPerH: z.number(),
  mgPerH: z.number(),
  mlPerH: z.number(),
  pumpRateMlPerH: z.number(),
  /** Racemic-ketamine equivalent for comparison with the literature ranges (§2.4). */
  racemicEquivalentMgPerKgPerH: z.number(),
  verdict: z.enum(['ok', 'reasonRequired', 'refused']),
  problems: z.array(ProblemSchema),
  limits: z.object({ soft: LimitSetting, hard: LimitSetting, maxBolus: LimitSetting, maxSessionDose: LimitSetting }),
});

export const DoseEventKind = z.enum(['start', 'rateChange', 'pause', 'resume', 'stop', 'bolus']);
export const DoseEventRow = z.object({
  id: Id,
  kind: DoseEventKind,
  at: EpochMs,
  rateMlPerH: z.number().nullable(),
  /** The rate in mg/kg/h for this patient and syringe (start and rate change). */
  rateMgPerKgPerH: z.number().nullable(),
  amount: z.number().nullable(),
  unit: z.enum(['ml', 'mg']).nullable(),
  reason: z.string().nullable(),
  by: Stamp,
  /** Signed corrections of this event (old → new), in signing order; the values above stay as recorded. */
  corrections: z.array(z.object({ amendmentId: Id, field: z.enum(AMENDABLE_FIELDS), oldValue: z.number(), newValue: z.number() })),
  /** The physician's order this rate change carried out: ordered then, confirmed at `at`. */
  order: z.object({ id: Id, ordered: Stamp, via: z.enum(['mfa', 'pumpReadback']) }).nullable(),
});
export type DoseEventRow = z.infer<typeof DoseEventRow>;

/** A rate the physician ordered: pending until the pump runs at it (MFA confirmation or the pump's read-back). */
export const RateOrderRow = z.object({
  id: Id,
  rateMlPerH: z.number(),
  rateMgPerKgPerH: z.number().nullable(),
  reason: z.string().nullable(),
  ordered: Stamp,
  status: z.enum(['pending', 'confirmed', 'superseded', 'cancelled']),
  confirmation: z
    .object({ at: EpochMs, via: z.enum(['mfa', 'pumpReadback']), by: Stamp.nullable(), pumpRateMlPerH: z.number().nullable() })
    .nullable(),
});
export type RateOrderRow = z.infer<typeof RateOrderRow>;

/** Exact integral of the dose timeline up to `at` (core/dose/timeline.ts), never from samples. */
export const CumulativeDoseSchema = z.object({
  at: EpochMs,
  infusedMl: z.number(),
  bolusMl: z.number(),
  totalMl: z.number(),
  totalMg: z.number(),
  mgPerKg: z.number(),
  pumpPhase: z.enum(['notStarted', 'running', 'paused', 'stopped']),
  rateMlPerH: z.number(),
  rateMgPerKgPerH: z.number(),
  /** Above the maximum dose per session. */
  problems: z.array(ProblemSchema),
});
