/**
 * The alarm self-test of this start of the app (issue 11 item 9, IEC 60601-1-8 §4.3.5): the renderer shows each
 * priority's colour and plays its tone once, reports every step, then the operator's answer. Each step is stored
 * with its audit entry before it counts; the state every window shows is read back from what was stored, and
 * pushed as 'alarms.selfTest'. Steps are handled one at a time, so two windows cannot interleave an attempt.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/api/envelope';
import { problem } from '../../../core/messages';
import type { SelfTestStateDto } from '../../../core/api/methods/alarmSelfTest';
import type { SessionUser } from '../../../core/auth/roles';
import type { Priority } from '../../../core/alarms/codes';
import { checkResult, checkShown, selfTestState, type NotConfirmedReason, type SelfTestResult, type SelfTestStep } from '../../../core/alarms/selfTest';
import type { Problem } from '../../../core/settings';
import type { DbClient } from '../../../db/client';
import type { SelfTestStepInput } from '../../../db/repos/alarmSelfTests';
import type { EventBus } from '../eventBus';

export class AlarmSelfTest {
  /** This start of the app: a window still showing a self-test of an earlier start is refused. */
  readonly runId = randomUUID();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DbClient,
    private readonly bus: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  async state(): Promise<SelfTestStateDto> {
    const rows = await this.db.call('alarmSelfTestsOfRun', this.runId);
    const steps: SelfTestStep[] = rows.map((r) =>
      r.step === 'shown'
        ? { step: 'shown', at: r.at, priority: r.priority!, sound: r.sound === true, userName: r.userName }
        : { step: 'result', at: r.at, result: r.result!, reason: (r.detail.reason as NotConfirmedReason | undefined) ?? null, userName: r.userName },
    );
    return selfTestState(this.runId, steps);
  }

  shown(runId: string, priority: Priority, sound: boolean, user: SessionUser): Promise<SelfTestStateDto> {
    return this.step(runId, user, (s) => checkShown(s, priority), { step: 'shown', priority, sound, detail: {} });
  }

  result(runId: string, result: SelfTestResult, reason: NotConfirmedReason | null, user: SessionUser): Promise<SelfTestStateDto> {
    return this.step(runId, user, (s) => checkResult(s, result), { step: 'result', result, detail: reason ? { reason } : {} });
  }

  private step(
    runId: string,
    user: SessionUser,
    check: (s: SelfTestStateDto) => Problem | null,
    input: SelfTestStepInput,
  ): Promise<SelfTestStateDto> {
    const run = async () => {
      if (runId !== this.runId) {
        const stale = problem('alarm.selfTestStale');
        throw new AppError('REFUSED', stale.message, [stale]);
      }
      const refusal = check(await this.state());
      if (refusal) throw new AppError('REFUSED', refusal.message, [refusal]);
      await this.db.call('appendAlarmSelfTest', { userId: user.id, at: this.now() }, this.runId, input);
      const state = await this.state();
      this.bus.emit('alarms.selfTest', state);
      return state;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
