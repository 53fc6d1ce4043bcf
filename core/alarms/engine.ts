/**
 * The alarm engine of one chair, IEC 60601-1-8 style. Pure: time comes in as epoch ms with every input, so the
 * main process drives it with real time and tests with simulated time.
 *
 * Every input updates what the engine observed and re-judges all conditions; alarms then follow the conditions:
 *  - a condition appears → alarm raised (a higher priority breaks through an audio pause started below it);
 *  - it ends → medium/low alarms clear themselves; unacknowledged high alarms latch until acknowledged;
 *  - unacknowledged past the escalation time → escalated; acknowledged but persisting → reminder (sounds again).
 * The bedside monitor stays the primary alarm system: these are secondary alerts.
 */
import type { Problem } from '../settings';
import type { Reading } from '../vitals';
import {
  PRIORITY_RANK,
  higherPriority,
  isAlarmParameter,
  isConditionCode,
  type AlarmParameter,
  type ConditionCode,
  type Priority,
} from './codes';
import { usableValue, type Condition, type LatestReading, type LinkStatus, type Observed } from './condition';
import { AUDIO_PAUSE_MAX_MS, type Thresholds } from './defaults';
import type { CapState } from '../dose/caps';
import { judgeCaps } from './caps';
import { judgeEquipment, judgeNoSession } from './equipment';
import type { AlarmLogEvent, AlarmState, AlarmView } from './output';
import { judgeVitals, mergeRateSources } from './vital-limits';

export interface InfusionStatus {
  running: boolean;
  documentedRateMlH: number | null;
  /** The dose hard limit at this patient's weight and syringe, in ml/h (a pump above it is a high alarm). */
  hardLimitMlH?: number | null;
}

/** AUDIO PAUSED for the chair in view, or for every chair at once (a separate, confirmed action). */
export type PauseScope = 'chair' | 'allChairs';

export interface OverdueObservation {
  kind: string;
  overdueMs: number;
}

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

export class AlarmEngine {
  private now = 0;
  private sequence = 0;
  private infusionState: Observed['infusion'] = { running: false, documentedRateMlH: null, startedAt: null, hardLimitMlH: null };
  private clockDriftMs: number | null = null;
  /** The chair's session from check-in to discharge: the watched period (clinical-requirements §4, issue 11 item 1). */
  private sessionState: { active: boolean; since: number | null; infusionStarted: boolean } = { active: false, since: null, infusionStarted: false };
  private lastDataAt: number | null = null;
  private linkState: Observed['link'] = { status: 'receiving', reason: '' };
  private readonly latest: Partial<Record<AlarmParameter, LatestReading>> = {};
  private readonly measured = new Set<AlarmParameter>();
  private overdue = new Map<string, { overdueMs: number; reportedAt: number }>();
  private caps: CapState | null = null;
  private readonly metSince = new Map<string, number>();
  private readonly active = new Map<string, ActiveAlarm>();
  private readonly switchedOff = new Set<ConditionCode>();
  private pause: AudioPause | null = null;
  private log: AlarmLogEvent[] = [];

  constructor(private thresholds: Thresholds) {}

  // ---- inputs ----

  readings(now: number, readings: readonly Reading[]): void {
    const t = this.clock(now);
    if (readings.length > 0) this.lastDataAt = t;
    for (const reading of readings) {
      if (reading.deviceTime !== undefined && Number.isFinite(reading.deviceTime)) this.clockDriftMs = reading.deviceTime - now;
      if (!isAlarmParameter(reading.parameter)) continue;
      const latest: LatestReading = { value: reading.value, state: reading.state, at: t };
      this.latest[reading.parameter] = latest;
      if (usableValue(latest) !== null) this.measured.add(reading.parameter);
    }
    this.evaluate(t);
  }

  link(now: number, status: LinkStatus, reason = ''): void {
    const t = this.clock(now);
    this.linkState = { status, reason };
    this.evaluate(t);
  }

  infusion(now: number, status: InfusionStatus): void {
    const t = this.clock(now);
    const starting = status.running && !this.infusionState.running;
    const rate = status.documentedRateMlH;
    this.infusionState = {
      running: status.running,
      documentedRateMlH: rate !== null && Number.isFinite(rate) ? rate : null,
      startedAt: status.running ? (starting ? t : this.infusionState.startedAt) : null,
      hardLimitMlH: status.hardLimitMlH !== undefined && status.hardLimitMlH !== null && Number.isFinite(status.hardLimitMlH) ? status.hardLimitMlH : null,
    };
    if (status.running) this.sessionState.infusionStarted = true;
    // clinical-requirements §4.3 item 4: no ALARM OFF while an infusion runs.
    if (starting) this.switchAllOn(t, 'infusionStarted');
    this.evaluate(t);
  }

  /**
   * A session on the chair (checked in, until discharge, cancel or transfer) or none. Vital alarms are judged only
   * within a session; an ALARM OFF never outlives the session it was set in, nor reaches the next patient.
   */
  session(now: number, active: boolean): void {
    const t = this.clock(now);
    if (active === this.sessionState.active) return;
    this.switchAllOn(t, active ? 'sessionStarted' : 'sessionEnded');
    this.sessionState = { active, since: active ? t : null, infusionStarted: active && this.infusionState.running };
    // Which parameters "were being measured" is a question about this patient, not the previous one.
    if (active) this.measured.clear();
    this.evaluate(t);
  }

  /**
   * New limits (clinic settings changed, or a physician's per-patient limits) for the running engine: alarms,
   * acknowledgements, latches and delays carry on; only what the new limits no longer call a condition ends.
   */
  limits(now: number, thresholds: Thresholds): void {
    const t = this.clock(now);
    this.thresholds = thresholds;
    this.evaluate(t);
  }

  /** The full list of overdue observations now; kinds missing from it are no longer overdue. */
  observationOverdue(now: number, overdue: readonly OverdueObservation[]): void {
    const t = this.clock(now);
    this.overdue = new Map(
      overdue.filter((o) => Number.isFinite(o.overdueMs)).map((o) => [o.kind, { overdueMs: o.overdueMs, reportedAt: t }]),
    );
    this.evaluate(t);
  }

  /** The session caps as last computed by the session service (dose and duration); null = no infusion on the chair. */
  doseCaps(now: number, caps: CapState | null): void {
    const t = this.clock(now);
    this.caps = caps;
    this.evaluate(t);
  }

  /** About once a second: alarm delays, no-data timeouts, pause expiry, reminders, escalation. */
  tick(now: number): void {
    this.evaluate(this.clock(now));
  }

  // ---- operator actions ----

  acknowledge(now: number, alarmId: string, user: string): Problem | null {
    const t = this.clock(now);
    this.evaluate(t); // time has passed since the last input: pause expiry, delays
    const missing = operatorMissing(user);
    if (missing) return missing;
    const alarm = [...this.active.values()].find((a) => a.id === alarmId);
    if (!alarm) return { code: 'alarm.notFound', message: 'This alarm is no longer active.', params: { alarmId } };
    if (alarm.acknowledgedAt === null) {
      alarm.acknowledgedAt = t;
      alarm.acknowledgedBy = user;
      alarm.escalated = false;
      this.log.push({ ...ref(t, alarm), type: 'acknowledged', user, value: alarm.value });
    }
    // A latched alarm ends (or drops to the priority its condition still has) once acknowledged.
    this.evaluate(t);
    return null;
  }

  /**
   * AUDIO PAUSED for the configured time, never longer than 2 min; alarms stay visible. A pause of this chair lets
   * through only a new alarm above the priorities present (Dräger); a pause of all chairs lets every new alarm
   * through, since nobody looked at this chair's alarms when pausing (issue 11 item 5).
   */
  pauseAudio(now: number, user: string, scope: PauseScope = 'chair'): Problem | null {
    const t = this.clock(now);
    this.evaluate(t);
    const missing = operatorMissing(user);
    if (missing) return missing;
    const configured = this.thresholds.technical.audioPauseMs.value;
    const durationMs = Number.isFinite(configured) ? Math.min(Math.max(configured, 0), AUDIO_PAUSE_MAX_MS) : AUDIO_PAUSE_MAX_MS;
    const present = [...this.active.values()].reduce<Priority | null>((p, a) => higherPriority(p, a.priority), null);
    this.pause = { until: t + durationMs, by: user, ceiling: scope === 'chair' ? present : null };
    this.log.push({ type: 'audioPaused', at: t, user, until: t + durationMs, durationMs, scope });
    return null;
  }

  /** ALARM OFF for one condition, e.g. EtCO₂ when no capnograph is fitted. Refused while an infusion runs. */
  switchOff(now: number, user: string, code: string): Problem | null {
    const t = this.clock(now);
    this.evaluate(t);
    const missing = operatorMissing(user);
    if (missing) return missing;
    if (this.infusionState.running || (this.sessionState.active && this.sessionState.infusionStarted)) {
      // From the infusion start to discharge (paused and post-infusion included) every alarm stays on.
      const reason = 'Alarms cannot be switched off once the infusion has started, until the patient is discharged.';
      this.log.push({ type: 'switchOffRefused', at: t, user, code, reason });
      return { code: 'alarm.switchOffRefused', message: reason, params: { code } };
    }
    if (!isConditionCode(code)) return { code: 'alarm.unknownCode', message: `Unknown alarm condition ${code}.`, params: { code } };
    this.switchedOff.add(code);
    this.log.push({ type: 'switchedOff', at: t, user, code });
    this.evaluate(t);
    return null;
  }

  // ---- outputs ----

  state(): AlarmState {
    const alarms = [...this.active.values()]
      .map(view)
      .sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.raisedAt - b.raisedAt);
    const sounding = alarms.filter((a) => a.acknowledgedAt === null);
    return {
      at: this.now,
      alarms,
      switchedOff: [...this.switchedOff].sort(),
      highestPriority: alarms.reduce<Priority | null>((p, a) => higherPriority(p, a.priority), null),
      audio: {
        tone: this.pause ? null : sounding.reduce<Priority | null>((p, a) => higherPriority(p, a.priority), null),
        pausedUntil: this.pause?.until ?? null,
        pauseRemainingMs: this.pause ? this.pause.until - this.now : null,
        pausedBy: this.pause?.by ?? null,
      },
    };
  }

  /** Log events since the last call, oldest first, for the per-session alarm log. */
  drainLog(): AlarmLogEvent[] {
    const events = this.log;
    this.log = [];
    return events;
  }

  // ---- judging ----

  /** Engine time never runs backwards: a PC clock set back must not stretch a pause or a delay. */
  private clock(now: number): number {
    if (Number.isFinite(now) && now > this.now) this.now = now;
    return this.now;
  }

  private evaluate(now: number): void {
    if (this.pause && now >= this.pause.until) {
      this.pause = null;
      this.log.push({ type: 'audioPauseEnded', at: now, reason: 'expired', alarmId: null });
    }
    const observed: Observed = {
      infusion: this.infusionState,
      watchedSince: this.watchedSince(),
      clockDriftMs: this.clockDriftMs,
      lastDataAt: this.lastDataAt,
      link: this.linkState,
      latest: this.latest,
      measured: this.measured,
      overdue: this.overdue,
    };
    // A chair without a session shows its values but raises at most a low "no session" notice, never vital alarms.
    if (observed.watchedSince === null) this.metSince.clear(); // delays count within the session only
    const judged =
      observed.watchedSince === null
        ? judgeNoSession(now, observed, this.thresholds.technical)
        : [
            ...mergeRateSources(judgeVitals(now, observed, this.thresholds, this.metSince), this.active),
            ...judgeEquipment(now, observed, this.thresholds.technical),
            ...judgeCaps(this.caps),
          ];
    const conditions = judged.filter((c) => !this.switchedOff.has(c.code));
    const byKey = new Map(conditions.map((c) => [c.key, c]));
    for (const alarm of [...this.active.values()]) {
      const condition = byKey.get(alarm.key);
      if (condition) this.follow(now, alarm, condition);
      else this.conditionEnded(now, alarm);
    }
    for (const condition of conditions) {
      if (!this.active.has(condition.key)) this.raise(now, condition);
    }
    this.remindAndEscalate(now);
  }

  /** Start of the watched period: the session's check-in, or the infusion start when only that was reported. */
  private watchedSince(): number | null {
    if (this.sessionState.active) return this.sessionState.since;
    return this.infusionState.running ? this.infusionState.startedAt : null;
  }

  private switchAllOn(now: number, reason: 'infusionStarted' | 'sessionStarted' | 'sessionEnded'): void {
    if (this.switchedOff.size === 0) return;
    this.log.push({ type: 'switchedOn', at: now, codes: [...this.switchedOff], reason });
    this.switchedOff.clear();
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
  private follow(now: number, alarm: ActiveAlarm, c: Condition): void {
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

  private remindAndEscalate(now: number): void {
    const { reminderMs, escalationMs } = this.thresholds.technical;
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

function operatorMissing(user: string): Problem | null {
  return typeof user === 'string' && user.trim() !== ''
    ? null
    : { code: 'operator.missing', message: 'Every alarm action is documented with the operator: sign in first.' };
}
