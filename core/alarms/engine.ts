/**
 * The alarm engine of one chair, IEC 60601-1-8 style. Pure: time comes in as epoch ms with every input, so the
 * main process drives it with real time and tests with simulated time.
 *
 * Every input updates what the engine observed and re-judges all conditions; the alarms then follow the conditions
 * (raise, latch, clear, remind, escalate: alarmList.ts). The bedside monitor stays the primary alarm system: these
 * are secondary alerts.
 */
import type { LinkFault } from '../devices/linkFault';
import type { Problem } from '../settings';
import { isPlausible, type Reading } from '../vitals';
import { isAlarmParameter, isConditionCode, type AlarmParameter, type ConditionCode } from './codes';
import { AlarmList, type PauseScope } from './alarmList';
import { NO_ASSESSMENTS, judgeAssessments, type Assessments } from './assessments';
import { usableValue, type LatestReading, type LinkStatus, type Observed } from './condition';
import { AUDIO_PAUSE_MAX_MS, type Thresholds } from './defaults';
import type { CapState } from '../dose/caps';
import { judgeCaps } from './caps';
import { judgeEquipment, judgeNoSession } from './equipment';
import type { AlarmLogEvent, AlarmState } from './output';
import { Freshness, judgeRequired } from './required';
import { judgeVitals, mergeRateSources } from './vital-limits';

export interface InfusionStatus {
  running: boolean;
  documentedRateMlH: number | null;
  /** The dose hard limit at this patient's weight and syringe, in ml/h (a pump above it is a high alarm). */
  hardLimitMlH?: number | null;
}

export type { PauseScope } from './alarmList';

export interface OverdueObservation {
  kind: string;
  overdueMs: number;
}

export class AlarmEngine {
  private now = 0;
  private infusionState: Observed['infusion'] = { running: false, documentedRateMlH: null, startedAt: null, hardLimitMlH: null };
  private clockDriftMs: number | null = null;
  /** The chair's session from check-in to discharge: the watched period (clinical-requirements §4, issue 11 item 1). */
  private sessionState: { active: boolean; since: number | null; infusionStarted: boolean } = { active: false, since: null, infusionStarted: false };
  private lastDataAt: number | null = null;
  private linkState: Observed['link'] = { status: 'receiving', reason: '', fault: null };
  private readonly latest: Partial<Record<AlarmParameter, LatestReading>> = {};
  private readonly measured = new Set<AlarmParameter>();
  /** Last usable sample per parameter in this session, for the required parameters (required.ts). */
  private readonly freshness = new Freshness();
  /** The first infusion start of the session: from then on parameters are required. */
  private requiredSince: number | null = null;
  private bloodPressureIntervalMs: number | null = null;
  private assessed: Assessments = NO_ASSESSMENTS;
  private overdue = new Map<string, { overdueMs: number; reportedAt: number }>();
  private caps: CapState | null = null;
  private readonly metSince = new Map<string, number>();
  private readonly alarms = new AlarmList();
  private readonly switchedOff = new Set<ConditionCode>();

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
      const usable = usableValue(latest);
      if (usable !== null) this.measured.add(reading.parameter);
      this.freshness.see(reading.parameter, reading, usable !== null && isPlausible(reading.parameter, usable) ? usable : null, t);
    }
    this.evaluate(t);
  }

  link(now: number, status: LinkStatus, reason = '', fault: LinkFault | null = null): void {
    const t = this.clock(now);
    this.linkState = { status, reason, fault };
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
    if (status.running && this.requiredSince === null) this.requiredSince = t;
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
    this.freshness.clear();
    this.requiredSince = active && this.infusionState.running ? t : null;
    this.bloodPressureIntervalMs = null;
    this.assessed = NO_ASSESSMENTS;
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

  /** The blood-pressure interval in force (observation schedule); a cuff value older than it + grace is stale. */
  bloodPressureInterval(now: number, intervalMs: number | null): void {
    const t = this.clock(now);
    this.bloodPressureIntervalMs = intervalMs !== null && Number.isFinite(intervalMs) && intervalMs > 0 ? intervalMs : null;
    this.evaluate(t);
  }

  /** The stored observations and baselines of the session (assessments.ts), as last read from the record. */
  assessments(now: number, assessments: Assessments): void {
    const t = this.clock(now);
    this.assessed = assessments;
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
    const notFound = this.alarms.acknowledge(t, alarmId, user);
    if (notFound) return notFound;
    // A latched alarm ends (or drops to the priority its condition still has) once acknowledged.
    this.evaluate(t);
    return null;
  }

  /** AUDIO PAUSED for the configured time, never longer than 2 min; alarms stay visible (alarmList.ts: who breaks through). */
  pauseAudio(now: number, user: string, scope: PauseScope = 'chair'): Problem | null {
    const t = this.clock(now);
    this.evaluate(t);
    const missing = operatorMissing(user);
    if (missing) return missing;
    const configured = this.thresholds.technical.audioPauseMs.value;
    const durationMs = Number.isFinite(configured) ? Math.min(Math.max(configured, 0), AUDIO_PAUSE_MAX_MS) : AUDIO_PAUSE_MAX_MS;
    this.alarms.pauseAudio(t, user, durationMs, scope);
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
      this.alarms.record({ type: 'switchOffRefused', at: t, user, code, reason });
      return { code: 'alarm.switchOffRefused', message: reason, params: { code } };
    }
    if (!isConditionCode(code)) return { code: 'alarm.unknownCode', message: `Unknown alarm condition ${code}.`, params: { code } };
    this.switchedOff.add(code);
    this.alarms.record({ type: 'switchedOff', at: t, user, code });
    this.evaluate(t);
    return null;
  }

  // ---- outputs ----

  state(): AlarmState {
    return { ...this.alarms.state(this.now), switchedOff: [...this.switchedOff].sort() };
  }

  /** Log events since the last call, oldest first, for the per-session alarm log. */
  drainLog(): AlarmLogEvent[] {
    return this.alarms.drainLog();
  }

  // ---- judging ----

  /** Engine time never runs backwards: a PC clock set back must not stretch a pause or a delay. */
  private clock(now: number): number {
    if (Number.isFinite(now) && now > this.now) this.now = now;
    return this.now;
  }

  private evaluate(now: number): void {
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
            ...mergeRateSources(judgeVitals(now, observed, this.thresholds, this.metSince), this.alarms.keys),
            ...judgeEquipment(now, observed, this.thresholds.technical, this.metSince),
            ...judgeCaps(this.caps),
            ...judgeRequired(now, this.requiredInput(observed), this.thresholds.required, this.thresholds.technical),
            ...judgeAssessments(now, { assessments: this.assessed, latest: this.latest }, this.thresholds.assessments, this.metSince),
          ];
    const conditions = judged.filter((c) => !this.switchedOff.has(c.code));
    this.alarms.follow(now, conditions, this.thresholds.technical);
  }

  private requiredInput(observed: Observed) {
    return {
      since: this.requiredSince,
      lastDataAt: observed.lastDataAt,
      latest: observed.latest,
      freshness: this.freshness,
      bloodPressureIntervalMs: this.bloodPressureIntervalMs,
      manualBloodPressureAt: this.assessed.manualSystolic?.at ?? null,
    };
  }

  /** Start of the watched period: the session's check-in, or the infusion start when only that was reported. */
  private watchedSince(): number | null {
    if (this.sessionState.active) return this.sessionState.since;
    return this.infusionState.running ? this.infusionState.startedAt : null;
  }

  private switchAllOn(now: number, reason: 'infusionStarted' | 'sessionStarted' | 'sessionEnded'): void {
    if (this.switchedOff.size === 0) return;
    this.alarms.record({ type: 'switchedOn', at: now, codes: [...this.switchedOff], reason });
    this.switchedOff.clear();
  }
}

function operatorMissing(user: string): Problem | null {
  return typeof user === 'string' && user.trim() !== ''
    ? null
    : { code: 'operator.missing', message: 'Every alarm action is documented with the operator: sign in first.' };
}
