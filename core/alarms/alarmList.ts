/**
 * The active alarms of one chair and what happens to them (IEC 60601-1-8 style), given the conditions judged now:
 *  - a condition appears → alarm raised (a higher priority breaks through an audio pause started below it);
 *  - it ends → medium/low alarms clear themselves; unacknowledged high alarms latch until acknowledged;
 *  - unacknowledged past the escalation time → escalated; acknowledged but persisting → reminder (sounds again).
 * Also the audio pause and the log of every event. Pure; the engine (engine.ts) owns the clock.
 */
import type { Problem } from '../settings';
import { PRIORITY_RANK, higherPriority, type Priority } from './codes';
import type { Condition } from './condition';
import type { TechnicalSettings } from './defaults';
import type { AlarmLogEvent, AlarmState, AlarmView } from './output';

/** AUDIO PAUSED for the chair in view, or for every chair at once (a separate, confirmed action). */
export type PauseScope = 'chair' | 'allChairs';

interface ActiveAlarm extends AlarmView {
  key: string;
  unacknowledgedSince: number;
}

interface AudioPause {
  until: number;
  by: string;
  /** Highest priority active when the pause started: only a new alarm above it breaks through; null = any new one. */
  ceiling: Priority | null;
}

export class AlarmList {
  private sequence = 0;
  private readonly active = new Map<string, ActiveAlarm>();
  private pause: AudioPause | null = null;
  private log: AlarmLogEvent[] = [];

  /** Keys of the conditions with an alarm now (the HR/pulse merge keeps the one already raised). */
  get keys(): ReadonlyMap<string, unknown> {
    return this.active;
  }

  record(event: AlarmLogEvent): void {
    this.log.push(event);
  }

  /** The alarms follow the conditions judged now; then reminders and escalation. */
  follow(now: number, conditions: readonly Condition[], settings: TechnicalSettings): void {
    if (this.pause && now >= this.pause.until) {
      this.pause = null;
      this.log.push({ type: 'audioPauseEnded', at: now, reason: 'expired', alarmId: null });
    }
    const byKey = new Map(conditions.map((c) => [c.key, c]));
    for (const alarm of [...this.active.values()]) {
      const condition = byKey.get(alarm.key);
      if (condition) this.holds(now, alarm, condition);
      else this.conditionEnded(now, alarm);
    }
    for (const condition of conditions) {
      if (!this.active.has(condition.key)) this.raise(now, condition);
    }
    this.remindAndEscalate(now, settings);
  }

  acknowledge(now: number, alarmId: string, user: string): Problem | null {
    const alarm = [...this.active.values()].find((a) => a.id === alarmId);
    if (!alarm) return { code: 'alarm.notFound', message: 'This alarm is no longer active.', params: { alarmId } };
    if (alarm.acknowledgedAt === null) {
      alarm.acknowledgedAt = now;
      alarm.acknowledgedBy = user;
      alarm.escalated = false;
      this.log.push({ ...ref(now, alarm), type: 'acknowledged', user, value: alarm.value });
    }
    return null;
  }

  /**
   * A pause of this chair lets through only a new alarm above the priorities present (Dräger); a pause of all chairs
   * lets every new alarm through, since nobody looked at this chair's alarms when pausing (issue 11 item 5).
   */
  pauseAudio(now: number, user: string, durationMs: number, scope: PauseScope): void {
    const present = [...this.active.values()].reduce<Priority | null>((p, a) => higherPriority(p, a.priority), null);
    this.pause = { until: now + durationMs, by: user, ceiling: scope === 'chair' ? present : null };
    this.log.push({ type: 'audioPaused', at: now, user, until: now + durationMs, durationMs, scope });
  }

  state(now: number): Omit<AlarmState, 'switchedOff'> {
    const alarms = [...this.active.values()]
      .map(view)
      .sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.raisedAt - b.raisedAt);
    const sounding = alarms.filter((a) => a.acknowledgedAt === null);
    return {
      at: now,
      alarms,
      highestPriority: alarms.reduce<Priority | null>((p, a) => higherPriority(p, a.priority), null),
      audio: {
        tone: this.pause ? null : sounding.reduce<Priority | null>((p, a) => higherPriority(p, a.priority), null),
        pausedUntil: this.pause?.until ?? null,
        pauseRemainingMs: this.pause ? this.pause.until - now : null,
        pausedBy: this.pause?.by ?? null,
      },
    };
  }

  /** Log events since the last call, oldest first. */
  drainLog(): AlarmLogEvent[] {
    const events = this.log;
    this.log = [];
    return events;
  }

  private raise(now: number, c: Condition): void {
    const alarm: ActiveAlarm = {
      id: `${c.key}#${++this.sequence}`,
      key: c.key,
      kind: c.kind,
      code: c.code,
      priority: c.priority,
      value: c.value,
      threshold: c.threshold,
      raisedAt: now,
      acknowledgedAt: null,
      acknowledgedBy: null,
      latched: false,
      escalated: false,
      params: c.params,
      unacknowledgedSince: now,
    };
    this.active.set(c.key, alarm);
    this.log.push({ ...ref(now, alarm), type: 'raised', kind: c.kind, value: c.value, threshold: c.threshold, params: c.params });
    this.breakThrough(now, alarm);
  }

  /** The condition still holds, possibly at another priority. */
  private holds(now: number, alarm: ActiveAlarm, c: Condition): void {
    const rise = PRIORITY_RANK[c.priority] - PRIORITY_RANK[alarm.priority];
    if (rise < 0 && latches(alarm)) {
      // Held at high: keep the values that made it high, as for a condition that ended.
      alarm.latched = true;
      return;
    }
    alarm.value = c.value;
    alarm.threshold = c.threshold;
    alarm.params = c.params;
    alarm.latched = false;
    if (rise === 0) return;
    this.log.push({ ...ref(now, alarm), type: 'priorityChanged', priority: c.priority, from: alarm.priority, value: c.value, threshold: c.threshold });
    alarm.priority = c.priority;
    if (rise > 0) {
      // A more dangerous state needs its own acknowledgement and counts as a new alarm for the pause.
      alarm.acknowledgedAt = null;
      alarm.acknowledgedBy = null;
      alarm.unacknowledgedSince = now;
      this.breakThrough(now, alarm);
    }
  }

  private conditionEnded(now: number, alarm: ActiveAlarm): void {
    if (latches(alarm)) {
      alarm.latched = true;
      return;
    }
    this.active.delete(alarm.key);
    this.log.push({ ...ref(now, alarm), type: 'cleared', value: alarm.value, durationMs: now - alarm.raisedAt, latched: alarm.latched });
  }

  private breakThrough(now: number, alarm: ActiveAlarm): void {
    if (!this.pause) return;
    const ceiling = this.pause.ceiling;
    if (ceiling !== null && PRIORITY_RANK[alarm.priority] <= PRIORITY_RANK[ceiling]) return;
    this.pause = null;
    this.log.push({ type: 'audioPauseEnded', at: now, reason: 'breakThrough', alarmId: alarm.id });
  }

  private remindAndEscalate(now: number, { reminderMs, escalationMs }: TechnicalSettings): void {
    for (const alarm of this.active.values()) {
      if (alarm.acknowledgedAt !== null && now - alarm.acknowledgedAt >= reminderMs.value) {
        alarm.acknowledgedAt = null;
        alarm.acknowledgedBy = null;
        alarm.unacknowledgedSince = now;
        this.log.push({ ...ref(now, alarm), type: 'reminder' });
      }
      // Low priority asks for awareness only: calling the physician for it would teach staff to ignore escalations.
      const escalates = alarm.priority !== 'low' && alarm.acknowledgedAt === null && !alarm.escalated;
      if (escalates && now - alarm.unacknowledgedSince >= escalationMs.value) {
        alarm.escalated = true;
        this.log.push({ ...ref(now, alarm), type: 'escalated', unacknowledgedMs: now - alarm.unacknowledgedSince });
      }
    }
  }
}

/** High-priority alarms latch until acknowledged (Dräger practice, clinical-requirements §4.2, S80). */
function latches(alarm: ActiveAlarm): boolean {
  return alarm.priority === 'high' && alarm.acknowledgedAt === null;
}

function ref(at: number, alarm: ActiveAlarm) {
  return { at, alarmId: alarm.id, code: alarm.code, priority: alarm.priority };
}

function view(alarm: ActiveAlarm): AlarmView {
  const { key: _key, unacknowledgedSince: _since, ...shown } = alarm;
  return { ...shown, params: { ...shown.params } };
}
