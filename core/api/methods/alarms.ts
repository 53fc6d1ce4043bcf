/**
 * Secondary alarms of the chairs (the bedside monitor stays the primary alarm system): live alarm state per chair,
 * operator actions (acknowledge, audio pause, alarm off for one condition), the per-session alarm log, and
 * per-patient limit overrides set by a physician. The engine runs in the main process (core/alarms/engine.ts);
 * the renderer only shows what it is sent.
 */
import { z } from 'zod';
import { TextArgsSchema } from '../../text';
import { methodTable } from '../methodSpec';
import { EpochMs, Id } from '../schemas';

export const PrioritySchema = z.enum(['high', 'medium', 'low']);
const Params = TextArgsSchema;

export const AlarmViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['physiological', 'technical']),
  code: z.string(),
  priority: PrioritySchema,
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  raisedAt: EpochMs,
  acknowledgedAt: EpochMs.nullable(),
  acknowledgedBy: z.string().nullable(),
  latched: z.boolean(),
  escalated: z.boolean(),
  params: Params,
});
export type AlarmViewDto = z.infer<typeof AlarmViewSchema>;

export const AlarmStateSchema = z.object({
  at: EpochMs,
  alarms: z.array(AlarmViewSchema),
  /** Conditions under ALARM OFF on the chair: shown wherever alarms are shown. */
  switchedOff: z.array(z.string()),
  highestPriority: PrioritySchema.nullable(),
  audio: z.object({
    tone: PrioritySchema.nullable(),
    pausedUntil: EpochMs.nullable(),
    pauseRemainingMs: z.number().nullable(),
    pausedBy: z.string().nullable(),
  }),
  /** What the engine is told about the infusion: alarms cannot be switched off while it runs. */
  infusionRunning: z.boolean(),
});
export type AlarmStateDto = z.infer<typeof AlarmStateSchema>;

export const ChairAlarmState = z.object({ chairId: Id, state: AlarmStateSchema });
export type ChairAlarmState = z.infer<typeof ChairAlarmState>;

/** One stored alarm-log row: the engine's event plus who did it and the session it belongs to. */
export const AlarmLogEntrySchema = z.object({
  id: Id,
  chairId: Id,
  sessionId: Id.nullable(),
  at: EpochMs,
  type: z.string(),
  alarmId: z.string().nullable(),
  code: z.string().nullable(),
  priority: PrioritySchema.nullable(),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  /** The rest of the engine event: value, threshold, duration, reason … */
  detail: z.record(z.string(), z.unknown()),
});
export type AlarmLogEntry = z.infer<typeof AlarmLogEntrySchema>;

const LimitsInput = z.record(
  z.string().max(40),
  z.strictObject({ medium: z.number().finite().optional(), high: z.number().finite().optional() }),
);

export const alarmsMethods = methodTable({
  'alarms.state': { access: 'anyUser', input: z.strictObject({}), output: z.array(ChairAlarmState) },
  /**
   * The same alarm states for a locked or logged-out station: an idle lock must not hide an alarm
   * (IEC 60601-1-8: alarm signals are not silenced by a screen lock). No patient identity is in them:
   * chair, condition, priority, value, limit. Read-only; acknowledging needs a user.
   */
  'alarms.summary': { access: 'public', input: z.strictObject({}), output: z.array(ChairAlarmState) },
  'alarms.acknowledge': {
    access: ['mfa', 'physician'],
    input: z.strictObject({ chairId: Id, alarmId: z.string().min(1).max(200) }),
    output: ChairAlarmState,
  },
  /** AUDIO PAUSED (≤ 2 min) for one chair, or for every chair as its own, explicitly asked action. */
  'alarms.pauseAudio': {
    access: ['mfa', 'physician'],
    input: z.union([z.strictObject({ chairId: Id }), z.strictObject({ allChairs: z.literal(true) })]),
    output: z.array(ChairAlarmState),
  },
  /** ALARM OFF for one condition (e.g. EtCO2 without a capnograph). Refused while an infusion runs. */
  'alarms.switchOff': {
    access: ['physician'],
    input: z.strictObject({ chairId: Id, code: z.string().min(1).max(60) }),
    output: ChairAlarmState,
  },
  /** The alarm log of one session, or of a chair over a time range. */
  'alarms.log': {
    access: 'anyUser',
    input: z.union([
      z.strictObject({ sessionId: Id }),
      z
        .strictObject({ chairId: Id, from: EpochMs, to: EpochMs })
        .refine((r) => r.to >= r.from, { message: '"to" must not be before "from"' }),
    ]),
    output: z.array(AlarmLogEntrySchema),
  },
  /** Per-patient limits for the chair's current patient, physicians only, with a reason (audited). */
  'alarms.setOverrides': {
    access: ['physician'],
    input: z.strictObject({ chairId: Id, reason: z.string().trim().min(3).max(500), limits: LimitsInput }),
    output: ChairAlarmState,
  },
  /** The limits in force on a chair: clinic defaults merged with the patient's overrides, with their sources. */
  'alarms.thresholds': {
    access: 'anyUser',
    input: z.strictObject({ chairId: Id }),
    output: z.object({
      chairId: Id,
      limits: z.array(
        z.object({
          code: z.string(),
          priority: z.enum(['medium', 'high']),
          op: z.string(),
          limit: z.number(),
          delayMs: z.number(),
          unit: z.string().optional(),
          source: z.string(),
        }),
      ),
      overriddenBy: z.string().nullable(),
    }),
  },
});

export const alarmsEvents = {
  'alarms.state': ChairAlarmState,
};
