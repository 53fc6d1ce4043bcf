/**
 * Runs one AlarmEngine (core/alarms/engine.ts) per chair in the main process and wires it to the live data:
 * readings and link status from the EventBus, the infusion state and overdue observations from the session
 * service (setInfusion / setObservationsOverdue), a one-second tick for delays, no-data timeouts, pause expiry and
 * escalation. Pushes 'alarms.state' whenever what a user sees changes, and stores every engine event in the
 * append-only alarm log (with the operator for acknowledge / pause / alarm off, audited in the same transaction).
 * Secondary alerts only: the bedside monitor stays the primary alarm system.
 */
import type { AlarmStateDto, ChairAlarmState } from '../../../core/api/methods/alarms';
import type { LinkStatus as WireLinkStatus, StoredReading } from '../../../core/api/schemas';
import type { SessionUser } from '../../../core/auth/roles';
import { AppError } from '../../../core/api/envelope';
import { CLINIC_THRESHOLDS, type Thresholds } from '../../../core/alarms/defaults';
import type { Assessments } from '../../../core/alarms/assessments';
import type { InfusionStatus, OverdueObservation } from '../../../core/alarms/engine';
import type { AlarmLogEvent } from '../../../core/alarms/output';
import type { CapState } from '../../../core/dose/caps';
import type { PatientOverrides } from '../../../core/alarms/overrides';
import { samplesInOrder } from '../../../core/alarms/samples';
import type { DbClient } from '../../../db/client';
import type { EventBus } from '../eventBus';
import { AlarmLimits } from './alarmLimits';
import { engineLink, newChair, refuseOn, signatureOf, type ChairAlarms } from './chairAlarms';
import { toLogRow, type AlarmLogWrite } from './logRows';
import { WriteQueue, type QueueHealth } from '../writeQueue';

/** After a failed alarm-log write, the next try (the rows wait in memory, in order). */
const RETRY_MS = 1000;

export interface AlarmServiceOptions {
  db: DbClient;
  bus: EventBus;
  chairIds: readonly number[];
  /** Clinic limits; tests may shorten delays. Defaults: CLINIC_THRESHOLDS. */
  thresholds?: Thresholds;
  now?: () => number;
  tickMs?: number;
  /** Told when the alarm log cannot be written (with how many writes wait), and when all are written (error null). */
  onStorageHealth?: (health: QueueHealth) => void;
}

export interface InfusionInput extends InfusionStatus {
  /** The session the chair's alarm log rows belong to; left out = unchanged, null = no session. */
  sessionId?: number | null;
}

export class AlarmService {
  private readonly chairs = new Map<number, ChairAlarms>();
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Every chair's log writes in order; an acknowledged action's rows wait here until they are written. */
  private readonly log: WriteQueue<AlarmLogWrite>;
  /** Clinic-wide and per-patient limits of the chairs. */
  private readonly limits: AlarmLimits;

  constructor(private readonly options: AlarmServiceOptions) {
    this.now = options.now ?? Date.now;
    this.log = new WriteQueue({
      label: 'alarm log',
      maxBatch: 1,
      retryMs: RETRY_MS,
      records: (w) => w.rows.length,
      write: (chairId, [w]) => options.db.call('appendAlarmEvents', chairId, w!.sessionId, w!.rows, w!.actor),
      onHealth: options.onStorageHealth,
    });
    const thresholds = options.thresholds ?? CLINIC_THRESHOLDS;
    this.limits = new AlarmLimits(options.db, thresholds, (c, next) => this.changeLimits(c, next));
    for (const chairId of options.chairIds) {
      this.chairs.set(chairId, newChair(chairId, thresholds));
    }
  }

  start(): void {
    this.unsubscribe = this.options.bus.subscribe((event, payload) => {
      if (event === 'vitals.readings') {
        const p = payload as { chairId: number; readings: StoredReading[] };
        this.onReadings(p.chairId, p.readings);
      } else if (event === 'link.status') {
        const p = payload as { chairId: number; status: WireLinkStatus };
        this.onLink(p.chairId, p.status);
      }
    });
    this.timer = setInterval(() => this.tick(), this.options.tickMs ?? 1000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.log.stop();
    await this.flush();
  }

  /** Resolves when every alarm-log row produced so far is written, or the write failed (then saveError says why). */
  flush(): Promise<void> {
    return this.log.flush();
  }

  /** The last alarm-log write error while rows wait in memory; null when all are written. */
  get saveError(): string | null {
    return this.log.error;
  }

  // ---- inputs from the session service (issue 5) ----

  /** The infusion on a chair: running and the documented rate. Alarms cannot be switched off while it runs. */
  setInfusion(chairId: number, input: InfusionInput): void {
    const c = this.chair(chairId);
    const sessionId = input.sessionId;
    const sessionChanged = sessionId !== undefined && sessionId !== c.sessionId;
    if (sessionId !== undefined && sessionChanged) {
      // The watched period is the session, check-in to discharge (issue 11 item 1); the events of its end are
      // logged with the session that ended, those of its start with the new one.
      if (c.sessionId !== null) {
        c.engine.session(this.now(), false);
        this.after(c);
      }
      c.sessionId = sessionId;
      if (sessionId !== null) c.engine.session(this.now(), true);
      this.limits.patientChanged(c);
    }
    // The hard limit in ml/h comes with the start; later reports leave it out (unchanged) until the session changes.
    const hardLimitMlH = input.hardLimitMlH !== undefined ? input.hardLimitMlH : sessionChanged ? null : (c.infusion.hardLimitMlH ?? null);
    c.infusion = { running: input.running, documentedRateMlH: input.documentedRateMlH, hardLimitMlH };
    c.engine.infusion(this.now(), c.infusion);
    this.after(c);
  }

  /** The session caps of the chair's infusion now (dose and duration, core/dose/caps.ts); null when none runs. */
  setDoseCaps(chairId: number, caps: CapState | null): void {
    const c = this.chair(chairId);
    c.engine.doseCaps(this.now(), caps);
    this.after(c);
  }

  /** The full list of overdue observations of a chair now (empty when none is overdue). */
  setObservationsOverdue(chairId: number, overdue: readonly OverdueObservation[]): void {
    const c = this.chair(chairId);
    c.engine.observationOverdue(this.now(), overdue);
    this.after(c);
  }

  /** The blood-pressure interval in force on the chair (observation schedule); null when no infusion is watched. */
  setBloodPressureInterval(chairId: number, intervalMs: number | null): void {
    const c = this.chair(chairId);
    c.engine.bloodPressureInterval(this.now(), intervalMs);
    this.after(c);
  }

  /** Sedation, dissociation, typed blood pressure and baselines of the chair's session, read from the record. */
  setAssessments(chairId: number, assessments: Assessments): void {
    const c = this.chair(chairId);
    c.engine.assessments(this.now(), assessments);
    this.after(c);
  }

  // ---- operator actions ----

  acknowledge(chairId: number, alarmId: string, user: SessionUser): ChairAlarmState {
    const c = this.chair(chairId);
    refuseOn(c.engine.acknowledge(this.now(), alarmId, user.displayName));
    this.after(c, user);
    return this.stateOf(c);
  }

  /** One chair, or 'all' (a separate action the UI confirms): then every new alarm on any chair still sounds. */
  pauseAudio(target: number | 'all', user: SessionUser): ChairAlarmState[] {
    const targets = target === 'all' ? [...this.chairs.values()] : [this.chair(target)];
    for (const c of targets) {
      refuseOn(c.engine.pauseAudio(this.now(), user.displayName, target === 'all' ? 'allChairs' : 'chair'));
      this.after(c, user);
    }
    return targets.map((c) => this.stateOf(c));
  }

  switchOff(chairId: number, code: string, user: SessionUser): ChairAlarmState {
    const c = this.chair(chairId);
    const problem = c.engine.switchOff(this.now(), user.displayName, code);
    this.after(c, user); // the refusal is logged too
    refuseOn(problem);
    return this.stateOf(c);
  }

  /** Merges a physician's per-patient limits over the clinic limits; a bad set is refused as a whole. */
  async setOverrides(chairId: number, reason: string, limits: PatientOverrides['limits'], user: SessionUser): Promise<ChairAlarmState> {
    const c = this.chair(chairId);
    await this.limits.setOverrides(c, reason, limits, user, this.now());
    return this.stateOf(c);
  }

  /** The clinic-wide limits changed in the clinic settings: every chair takes them at once (alarmLimits.ts). */
  setClinicValues(values: Readonly<Record<string, unknown>>): void {
    this.limits.setClinicValues(this.chairs.values(), values);
  }

  // ---- outputs ----

  states(): ChairAlarmState[] {
    return [...this.chairs.values()].map((c) => this.stateOf(c));
  }

  state(chairId: number): ChairAlarmState {
    return this.stateOf(this.chair(chairId));
  }

  thresholds(chairId: number): { thresholds: Thresholds; overriddenBy: string | null } {
    const c = this.chair(chairId);
    return { thresholds: c.thresholds, overriddenBy: c.overriddenBy };
  }

  sessionOf(chairId: number): number | null {
    return this.chair(chairId).sessionId;
  }

  // ---- internals ----

  private chair(chairId: number): ChairAlarms {
    const c = this.chairs.get(chairId);
    if (!c) throw new AppError('NOT_FOUND', `chair ${chairId} has no alarm engine`);
    return c;
  }

  private onReadings(chairId: number, readings: StoredReading[]): void {
    const c = this.chairs.get(chairId);
    if (!c || readings.length === 0) return;
    c.everReceived = true;
    for (const sample of samplesInOrder(readings)) {
      c.engine.readings(this.now(), sample);
      this.after(c);
    }
  }

  private onLink(chairId: number, status: WireLinkStatus): void {
    const c = this.chairs.get(chairId);
    if (!c) return;
    if (status.state === 'receiving') c.everReceived = true;
    const link = engineLink(status.state, c.everReceived);
    if (link === c.link) return;
    c.link = link;
    c.engine.link(this.now(), link, status.detail, status.fault);
    this.after(c);
  }

  private tick(): void {
    const now = this.now();
    for (const c of this.chairs.values()) {
      c.engine.tick(now);
      this.after(c);
    }
  }

  /** After every input: store the engine's new log events and push the state if what is shown changed. */
  private after(c: ChairAlarms, user?: SessionUser): void {
    const events = c.engine.drainLog();
    if (events.length > 0) this.store(c, events, user);
    const state = this.stateOf(c);
    const signature = signatureOf(state.state);
    if (signature === c.signature) return;
    c.signature = signature;
    this.options.bus.emit('alarms.state', state);
  }

  private store(c: ChairAlarms, events: AlarmLogEvent[], user?: SessionUser): void {
    const actor = user ? { userId: user.id, at: this.now() } : null;
    this.log.push(c.chairId, [{ sessionId: c.sessionId, rows: events.map(toLogRow), actor }]);
    void this.log.flush();
  }

  /** New limits go into the running engine: latched, acknowledged and delayed alarms carry on (issue 11 item 6). */
  private changeLimits(c: ChairAlarms, thresholds: Thresholds): void {
    c.engine.limits(this.now(), thresholds);
    c.thresholds = thresholds;
    this.after(c);
  }

  private stateOf(c: ChairAlarms): ChairAlarmState {
    const s = c.engine.state();
    const state: AlarmStateDto = { ...s, at: Math.max(0, Math.round(s.at)), infusionRunning: c.infusion.running };
    return { chairId: c.chairId, state };
  }
}
