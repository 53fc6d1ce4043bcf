/**
 * Keeps the alarm engine informed about the sessions on the chairs: which observations are overdue now (the clinic's
 * schedule, core/session/observationSchedule.ts, with the monitor's cuff measurements counted), the session caps
 * (dose and duration, core/dose/caps.ts), the blood-pressure interval and the stored scores and baselines
 * (./alarmFeed.ts), checked every few seconds and after every session change; and,
 * once at start, which sessions are on the chairs and whether their infusion runs (so a restart of the app does not
 * forget them).
 */
import type { DbClient } from '../../../db/client';
import type { EventBus } from '../eventBus';
import { loadSettings } from './clinicSettings';
import { capStateOf } from './sessionView';
import { scheduleOf } from './scheduleView';
import { alarmFeedOf } from './alarmFeed';
import { NO_ASSESSMENTS, type Assessments } from '../../../core/alarms/assessments';
import type { CapState } from '../../../core/dose/caps';

export interface ObservationWatchOptions {
  db: DbClient;
  bus: EventBus;
  chairIds: readonly number[];
  onOverdue: (chairId: number, overdue: { kind: string; overdueMs: number }[]) => void;
  /** The caps of the chair's running or paused infusion, null when there is none. */
  onCaps?: (chairId: number, caps: CapState | null) => void;
  onInfusion?: (chairId: number, input: { sessionId: number | null; running: boolean; documentedRateMlH: number | null }) => void;
  /** The blood-pressure interval in force and the stored scores and baselines; null / none without a session. */
  onBloodPressureInterval?: (chairId: number, intervalMs: number | null) => void;
  onAssessments?: (chairId: number, assessments: Assessments) => void;
  now?: () => number;
  intervalMs?: number;
  log?: (message: string) => void;
}

const ACTIVE = ['running', 'paused', 'postObservation'];
/** The alarms watch a session from check-in (issue 11): these are restored on the chairs at start. */
const WATCHED = ['checkedIn', 'checklistComplete', ...ACTIVE];

export class ObservationWatch {
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private checking: Promise<void> = Promise.resolve();

  constructor(private readonly options: ObservationWatchOptions) {}

  async start(): Promise<void> {
    await this.restoreInfusions();
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 5_000);
    this.unsubscribe = this.options.bus.subscribe((event) => {
      if (event === 'session.changed') void this.check();
    });
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    return this.checking;
  }

  /** One check at a time; each reports every chair (an empty list clears what was overdue). */
  check(): Promise<void> {
    this.checking = this.checking.then(() => this.checkNow()).catch((err) => this.options.log?.(`observation watch: ${(err as Error).message}`));
    return this.checking;
  }

  private async checkNow(): Promise<void> {
    const { db, chairIds, onOverdue } = this.options;
    const now = (this.options.now ?? Date.now)();
    const [{ settings }, active] = await Promise.all([loadSettings(db), db.call('sessionSummaries', { statuses: ACTIVE })]);
    const overdueByChair = new Map<number, { kind: string; overdueMs: number }[]>(chairIds.map((id) => [id, []]));
    const capsByChair = new Map<number, CapState | null>(chairIds.map((id) => [id, null]));
    const intervalByChair = new Map<number, number | null>(chairIds.map((id) => [id, null]));
    const assessedByChair = new Map<number, Assessments>(chairIds.map((id) => [id, NO_ASSESSMENTS]));
    for (const light of active) {
      const bundle = await db.call('sessionBundle', light.session.id);
      const caps = bundle ? capStateOf(bundle, settings, now) : null;
      if (caps) capsByChair.set(light.session.chairId, caps);
      const feed = bundle ? await alarmFeedOf(db, bundle, settings, now) : null;
      if (feed) {
        intervalByChair.set(light.session.chairId, feed.bloodPressureIntervalMs);
        assessedByChair.set(light.session.chairId, feed.assessments);
      }
      const schedule = bundle ? scheduleOf(bundle, settings, now, feed?.monitorCuffAt) : null;
      if (!schedule) continue;
      const list = overdueByChair.get(light.session.chairId) ?? [];
      list.push(...schedule.overdue.map((o) => ({ kind: o.kind, overdueMs: o.overdueByMs })));
      overdueByChair.set(light.session.chairId, list);
    }
    for (const [chairId, overdue] of overdueByChair) onOverdue(chairId, overdue);
    for (const [chairId, caps] of capsByChair) this.options.onCaps?.(chairId, caps);
    for (const [chairId, interval] of intervalByChair) this.options.onBloodPressureInterval?.(chairId, interval);
    for (const [chairId, assessed] of assessedByChair) this.options.onAssessments?.(chairId, assessed);
  }

  private async restoreInfusions(): Promise<void> {
    const { db, onInfusion } = this.options;
    if (!onInfusion) return;
    for (const light of await db.call('sessionSummaries', { statuses: WATCHED })) {
      const rated = light.doseEvents.filter((e) => e.rateMlPerH !== null);
      onInfusion(light.session.chairId, {
        sessionId: light.session.id,
        running: light.session.state === 'running',
        documentedRateMlH: light.session.state === 'running' ? (rated[rated.length - 1]?.rateMlPerH ?? null) : null,
      });
    }
  }
}
