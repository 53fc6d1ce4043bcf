/**
 * Schemas of the infusion session, course and patient calls (issue 5): what the treatment-room screens send and get.
 * Names follow the clinic's words and core/: course, session, prescription, dose event, checklist, observation,
 * discharge score, escort, physician release, override, sign-off, amendment.
 * Value ranges (NRS 0–10, weight, rates …) are checked by the domain rules in core/, which name every problem;
 * these schemas check shape, type, and what needs no clock: real calendar dates, names with visible letters.
 * Ranges that depend on the time (no future consent, observations within the session) need the server clock and
 * are checked in core/ rules by the service. Patients and courses: patientSchemas.ts; prescription and dose:
 * doseSchemas.ts (re-exported here, so a caller imports the session's schemas from one place).
 */
import { z } from 'zod';
import { OVERRIDABLE_CRITERIA } from '../../session/dischargeGate';
import { ADVERSE_EVENT_SEVERITIES } from '../../session/observations';
import { RESCUE_DRUG_IDS, RESCUE_ROUTE_IDS } from '../../session/rescueMedications';
import { SCHEDULED_OBSERVATION_KINDS } from '../../session/observationSchedule';
import { DISCHARGE_SCALES_LIST } from '../../session/scales';
import { SESSION_STATUSES } from '../../session/stateMachine';
import { ProblemSchema } from '../envelope';
import { AlarmLogEntrySchema } from './alarms';
import { EpochMs, Id, VitalTrend } from '../schemas';
import { CumulativeDoseSchema, DoseEventRow, Prescription, RateOrderRow } from './doseSchemas';
import { Course, Patient } from './patientSchemas';
import { Finite, Stamp, Text } from './recordStamp';

export * from './doseSchemas';
export * from './patientSchemas';
export { Stamp } from './recordStamp';

export const SessionStatusSchema = z.enum(SESSION_STATUSES);

/** One line per session wherever sessions are listed (chair board, course view, day list). */
export const SessionSummary = z.object({
  id: Id,
  courseId: Id,
  patientId: Id,
  patientName: z.string(),
  chairId: Id,
  chairName: z.string(),
  /** 1-based number within the course. */
  sessionNumber: z.number().int().min(1),
  status: SessionStatusSchema,
  plannedFor: EpochMs,
  startedAt: EpochMs.nullable(),
  stoppedAt: EpochMs.nullable(),
  dischargedAt: EpochMs.nullable(),
  signed: Stamp.nullable(),
  /** NRS before the infusion (checklist) and after it (latest pain observation after the stop). */
  nrsBefore: z.number().nullable(),
  nrsAfter: z.number().nullable(),
  /** Cumulative dose at the stop (or now, while running). */
  totalMg: z.number().nullable(),
  mgPerKg: z.number().nullable(),
  /** A rate ordered but not yet set at the pump: shown on the chair tile until confirmed. */
  pendingRateOrder: z.object({ id: Id, rateMlPerH: z.number(), ordered: Stamp }).nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const PainChange = z.object({
  from: z.number(),
  to: z.number(),
  dropPoints: z.number(),
  dropPercent: z.number().optional(),
  meaningful: z.boolean(),
});

/** Course view: the plan, its sessions and the pain trend (e.g. 7.5 → 3.4, 4 of 5 sessions meaningful). */
export const CourseView = z.object({
  course: Course,
  patient: Patient,
  sessions: z.array(SessionSummary),
  painTrend: z.object({
    sessions: z.array(z.object({ sessionNumber: z.number().int(), change: PainChange.optional() })),
    course: PainChange.optional(),
    assessedSessions: z.number().int(),
    meaningfulSessions: z.number().int(),
    meaningfulShare: z.number().optional(),
  }),
  /** The rule used, with its source (clinic setting). */
  meaningfulDrop: z.object({ minPoints: z.number(), minPercent: z.number(), source: z.string() }),
});
export type CourseView = z.infer<typeof CourseView>;

// ---------------------------------------------------------------- checklist

export const EscortSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), name: Text(200).optional(), relation: Text(100).optional(), phone: Text(40).optional(), arrivalAt: EpochMs.optional() }),
  z.strictObject({ kind: z.literal('taxi'), company: Text(200).optional(), bookingReference: Text(100).optional(), arrivalAt: EpochMs.optional() }),
]);

/** The pre-infusion checklist as in core/session/checklist.ts; every item optional so a half-filled form can be saved. */
export const ChecklistSchema = z.strictObject({
  offLabelConsent: z
    .strictObject({ signedAt: EpochMs, infoSheetVersion: Text(50), offLabelClause: z.boolean(), safetyBriefingGiven: z.boolean() })
    .optional(),
  weight: z.strictObject({ kg: Finite, measuredAt: EpochMs }).optional(),
  baselineVitals: z
    .strictObject({
      source: z.enum(['monitor', 'manual']),
      at: EpochMs,
      systolicMmHg: Finite.optional(),
      diastolicMmHg: Finite.optional(),
      heartRate: Finite.optional(),
      spo2: Finite.optional(),
    })
    .optional(),
  baselinePainNrs: Finite.optional(),
  fasting: z.strictObject({ lastMealAt: EpochMs }).optional(),
  escort: EscortSchema.optional(),
  /** A physician account (staff.list); the contraindications are confirmed by a physician with their own call. */
  responsiblePhysician: z.strictObject({ userId: Id, onSite: z.boolean() }).optional(),
});

export const ChecklistState = z.object({
  items: ChecklistSchema,
  /** The latest physician confirmation of the contraindications (checklist.confirmContraindications). */
  contraindications: z.object({ absoluteContraindicationFound: z.boolean(), confirmed: Stamp }).nullable(),
  /** Every missing or failing item; empty = the infusion may start. */
  problems: z.array(ProblemSchema),
  saved: Stamp.nullable(),
});

// ---------------------------------------------------------------- observations

/** Only when the user chose a time; otherwise the server stamps it (one clock). */
const at = EpochMs.optional();
export const ObservationInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pain'), at, nrs: Finite }),
  z.strictObject({ kind: z.literal('sedation'), at, scale: z.enum(['rass', 'moaas']), score: Finite }),
  z.strictObject({ kind: z.literal('dissociation'), at, score: Finite }),
  z.strictObject({ kind: z.literal('nausea'), at, score: Finite, vomitingEpisodes: Finite.optional() }),
  z.strictObject({ kind: z.literal('bloodPressure'), at, systolicMmHg: Finite, diastolicMmHg: Finite, heartRate: Finite.optional(), spo2: Finite.optional() }),
  z.strictObject({ kind: z.literal('note'), at, text: Text(4000) }),
  z.strictObject({
    kind: z.literal('adverseEvent'),
    at,
    description: Text(4000),
    severity: z.enum(ADVERSE_EVENT_SEVERITIES),
    /** A drug of the list (core/session/rescueMedications.ts); its unit is the drug's; `at` defaults to the event's. */
    rescueMedication: z
      .strictObject({ drug: z.enum(RESCUE_DRUG_IDS), dose: Finite, route: z.enum(RESCUE_ROUTE_IDS), at, givenBy: Id, orderedBy: Id })
      .optional(),
  }),
]);
/** As recorded: `at` is always set (defaults to the time of recording). */
export const ObservationRow = z.object({
  id: Id,
  observation: z.record(z.string(), z.unknown()).and(z.object({ kind: z.string(), at: EpochMs })),
  recorded: Stamp,
});

export const ObservationDue = z.object({
  kind: z.enum(SCHEDULED_OBSERVATION_KINDS),
  dueAt: EpochMs,
  overdueByMs: z.number().min(0),
});
export const ObservationScheduleSchema = z.object({
  next: ObservationDue.optional(),
  overdue: z.array(ObservationDue),
  due: z.array(ObservationDue),
  /** The newest blood pressure since the start: typed, or the monitor's cuff (which counts as the observation). */
  lastBloodPressure: z.object({ at: EpochMs, from: z.enum(['monitor', 'manual']) }).optional(),
});

// ---------------------------------------------------------------- discharge

export const DischargeScaleSchema = z.enum(DISCHARGE_SCALES_LIST);
export const OverridableCriterionSchema = z.enum(OVERRIDABLE_CRITERIA);
/** Emergency end of the session instead of a discharge: handed over to whom, where to, why. */
export const TransferSchema = z.object({ handedOverTo: z.string(), destination: z.string(), reason: z.string(), by: Stamp });
export const DischargeScoreInput = z.strictObject({
  sessionId: Id,
  scale: DischargeScaleSchema,
  /** Points per item id of the scale (core/session/scales.ts). */
  answers: z.record(z.string().max(50), z.number()),
  /** Required when `scale` is not the clinic's configured discharge scale. */
  otherScaleReason: Text(1000).optional(),
});
export const DischargeScoreRow = z.object({
  id: Id,
  scale: DischargeScaleSchema,
  answers: z.record(z.string(), z.number()),
  total: z.number(),
  maxPoints: z.number(),
  threshold: z.number(),
  complete: z.boolean(),
  otherScaleReason: z.string().nullable(),
  recorded: Stamp,
});

export const DischargeState = z.object({
  /** Stop + post-infusion observation time; the screen counts down to it. null before the stop. */
  observationEndsAt: EpochMs.nullable(),
  observationMin: z.number(),
  /** The discharge scale the clinic configured (setting dischargeScale). */
  configuredScale: DischargeScaleSchema,
  escort: z.object({ escort: EscortSchema, confirmed: Stamp }).nullable(),
  score: DischargeScoreRow.nullable(),
  instructionsAcknowledged: Stamp.nullable(),
  physicianRelease: Stamp.nullable(),
  /** The physician's override: the criteria it waived by name (never the escort) and the written reason. */
  override: z.object({ reason: z.string(), criteria: z.array(OverridableCriterionSchema), by: Stamp }).nullable(),
  /** The gate now: allowed, and every condition still missing, in words. */
  allowed: z.boolean(),
  missing: z.array(ProblemSchema),
  unresolvedHighPriorityAlarms: z.number().int().min(0),
});

// ---------------------------------------------------------------- sign-off and amendments

export const AmendmentTarget = z.enum(['session', 'prescription', 'doseEvent', 'checklist', 'observation', 'dischargeScore', 'escort', 'discharge']);
export const AmendmentRow = z.object({
  id: Id,
  target: AmendmentTarget,
  /** The row corrected (null for the session as a whole); the original stays visible. */
  targetId: Id.nullable(),
  /** What the physician writes as the correct content. */
  correction: z.string(),
  reason: z.string(),
  signed: Stamp,
});

// ---------------------------------------------------------------- the whole session

export const SessionDetail = z.object({
  /** Server time of this answer: timers count from it. */
  now: EpochMs,
  session: SessionSummary,
  patient: Patient,
  course: Course,
  prescription: Prescription.nullable(),
  /** Every prescription, latest last (a change of syringe or weight is a new one). */
  prescriptions: z.array(Prescription),
  doseEvents: z.array(DoseEventRow),
  dose: CumulativeDoseSchema.nullable(),
  checklist: ChecklistState,
  observations: z.array(ObservationRow),
  schedule: ObservationScheduleSchema.nullable(),
  discharge: DischargeState,
  transfer: TransferSchema.nullable(),
  cancelReason: z.string().nullable(),
  amendments: z.array(AmendmentRow),
  /** Every rate the physician ordered, oldest first; `pendingRateOrder` is the one waiting for the pump. */
  rateOrders: z.array(RateOrderRow),
  pendingRateOrder: RateOrderRow.nullable(),
  /** The events the session's status allows next (core LEGAL_EVENTS). */
  allowedEvents: z.array(z.string()),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

/** Review for sign-off: the whole session plus the vitals of its chair over the session's time range. */
/** The signed content recomputed against its signature (db/recordSeal.ts): every difference named. */
export const SessionRecordCheck = z.object({
  status: z.enum(['unsigned', 'intact', 'changed', 'signedWithoutHash']),
  contentHash: z.string().nullable(),
  problems: z.array(ProblemSchema),
});

export const SessionReview = z.object({
  detail: SessionDetail,
  integrity: SessionRecordCheck,
  vitalsFrom: EpochMs,
  vitalsTo: EpochMs,
  vitals: VitalTrend,
  /** The alarm log of the session's chair over the same time range (baseline, infusion, recovery), oldest first. */
  alarms: z.array(AlarmLogEntrySchema),
  /** Audit entries of this session, oldest first. */
  history: z.array(z.object({ at: EpochMs, userName: z.string().nullable(), action: z.string(), detail: z.string() })),
});

// ---------------------------------------------------------------- clinic settings

export const ClinicSettingRow = z.object({
  key: z.string(),
  value: z.unknown(),
  defaultValue: z.unknown(),
  unit: z.string().nullable(),
  /** Where the shipped default comes from, or who changed it and why. */
  source: z.string(),
  changed: z.object({ by: Stamp, reason: z.string() }).nullable(),
  /** The clinical bounds of the value, with their source; null for texts and choices. */
  range: z.object({ min: z.number(), max: z.number(), integer: z.boolean(), source: z.string() }).nullable(),
  choices: z.array(z.string()).nullable(),
});

/** One change of a clinic setting: who, when, old → new, why (newest first). */
export const ClinicSettingChangeRow = z.object({
  key: z.string(),
  previousValue: z.unknown(),
  value: z.unknown(),
  reason: z.string(),
  by: Stamp,
});
