/**
 * What the alarm engine hands out: the state the UI shows and the events the alarm log stores.
 */
import type { AlarmKind, ConditionCode, Priority } from './codes';
import type { AlarmParams } from './condition';

export interface AlarmView {
  /** Unique per occurrence: a condition that clears and comes back is a new alarm with a new id. */
  id: string;
  kind: AlarmKind;
  code: ConditionCode;
  priority: Priority;
  /** Current value (the last one while latched) and the limit crossed; null for conditions without numbers. */
  value: number | null;
  threshold: number | null;
  raisedAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  /** The condition has ended but the alarm is held until acknowledged. */
  latched: boolean;
  /** Medium/high unacknowledged for longer than the escalation time: call the physician. Reset by acknowledgement. */
  escalated: boolean;
  /** Placeholders for the message texts (messages.ts). */
  params: AlarmParams;
}

export interface AudioState {
  /** The priority whose tone pattern to play now, or null for silence. */
  tone: Priority | null;
  pausedUntil: number | null;
  /** Countdown for the AUDIO PAUSED banner, as of `AlarmState.at`. */
  pauseRemainingMs: number | null;
  pausedBy: string | null;
}

export interface AlarmState {
  /** Engine time of the last input. */
  at: number;
  /** Most urgent first, then oldest first. */
  alarms: AlarmView[];
  /** Conditions under ALARM OFF on this chair (shown wherever alarms are shown); empty from the infusion start on. */
  switchedOff: ConditionCode[];
  highestPriority: Priority | null;
  audio: AudioState;
}

interface AlarmRef {
  at: number;
  alarmId: string;
  code: ConditionCode;
  priority: Priority;
}

/** Append-only events for the per-session alarm log (clinical-requirements §4.3 item 1). */
export type AlarmLogEvent =
  | (AlarmRef & { type: 'raised'; kind: AlarmKind; value: number | null; threshold: number | null; params: AlarmParams })
  | (AlarmRef & { type: 'priorityChanged'; from: Priority; value: number | null; threshold: number | null })
  | (AlarmRef & { type: 'acknowledged'; user: string; value: number | null })
  | (AlarmRef & { type: 'reminder' })
  | (AlarmRef & { type: 'escalated'; unacknowledgedMs: number })
  | (AlarmRef & { type: 'cleared'; value: number | null; durationMs: number; latched: boolean })
  | { type: 'audioPaused'; at: number; user: string; until: number; durationMs: number; scope: 'chair' | 'allChairs' }
  | { type: 'audioPauseEnded'; at: number; reason: 'expired' | 'breakThrough'; alarmId: string | null }
  | { type: 'switchedOff'; at: number; user: string; code: ConditionCode }
  | { type: 'switchOffRefused'; at: number; user: string; code: string; reason: string }
  | { type: 'switchedOn'; at: number; codes: ConditionCode[]; reason: 'infusionStarted' | 'sessionStarted' | 'sessionEnded' };
