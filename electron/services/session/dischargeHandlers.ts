/**
 * The discharge calls (issue 5, issue 10): score, escort, instructions, release, the gate, the physician's override
 * of single named criteria (password asked again, never the escort) and the emergency transfer, which ends the session
 * as 'transferred', never as a discharge. The gate reads the whole record, including the stored alarm log.
 */
import { AppError } from '../../../core/api/envelope';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import type { SessionUser } from '../../../core/auth/roles';
import type { ClinicSettings } from '../../../core/clinic/defaults';
import { problem } from '../../../core/messages';
import { evaluateDischarge, type DischargeDecision, type OverridableCriterion } from '../../../core/session/dischargeGate';
import type { AlarmLogEntry } from '../../../core/session/dischargeRecord';
import { escortConfirmationProblems, type Escort } from '../../../core/session/escort';
import { dischargeScaleProblems } from '../../../core/session/dischargeScale';
import { scoreDischarge } from '../../../core/session/scales';
import type { SessionEvent } from '../../../core/session/stateMachine';
import type { DbClient } from '../../../db/client';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import type { DoseEventInsert, TransitionWrite } from '../../../db/repos/sessionWrite';
import type { Actor } from '../../../db/repos/users';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import { loadSettings } from './clinicSettings';
import { refused } from './guarded';
import { dischargeInput, dischargeRulesOf } from './sessionView';

export type DischargeMethods =
  | 'discharge.recordScore' | 'discharge.confirmEscort' | 'discharge.acknowledgeInstructions' | 'discharge.release'
  | 'discharge.discharge' | 'discharge.override' | 'discharge.transfer';

const ARRIVAL_RANGE_MS = 86_400_000;

/** What a transition writes besides the status (sessionWrite TransitionWrite). */
export interface TransitionPlan {
  context?: { discharge?: DischargeDecision };
  doseEvent?: DoseEventInsert;
  extra?: Pick<TransitionWrite, 'dischargedAt' | 'override' | 'transfer'>;
  detail?: unknown;
}

export interface DischargeDeps {
  db: DbClient;
  now: () => number;
  verifyPassword: (userId: number, password: string) => Promise<boolean>;
  actorOf: (user: SessionUser, at?: number) => Actor;
  bundleOf: (sessionId: number) => Promise<SessionBundle>;
  notSigned: (b: SessionBundle) => void;
  changed: (sessionId: number) => Promise<SessionDetail>;
  /** The session's stored alarm log, written up to now. */
  alarmLogOf: (sessionId: number) => Promise<AlarmLogEntry[]>;
  guarded: <T>(write: Promise<T>) => Promise<T>;
  transition: (
    user: SessionUser,
    sessionId: number,
    event: SessionEvent,
    build: (b: SessionBundle, settings: ClinicSettings) => TransitionPlan,
  ) => Promise<SessionDetail>;
}

export function createDischargeHandlers(deps: DischargeDeps): HandlersFor<DischargeMethods> {
  const { db, now, actorOf, bundleOf, notSigned, changed, guarded } = deps;

  return {
    'discharge.recordScore': async ({ sessionId, scale, answers, otherScaleReason }, ctx) => {
      const [b, s] = await Promise.all([bundleOf(sessionId), loadSettings(db)]);
      notSigned(b);
      const score = scoreDischarge(scale, answers);
      const reason = otherScaleReason?.trim() ? otherScaleReason.trim() : undefined;
      const invalid = score.problems.filter((p) => p.code !== 'scale.itemMissing');
      const problems = [...invalid, ...dischargeScaleProblems(scale, s.settings.dischargeScale, reason)];
      if (invalid.length > 0) throw new AppError('BAD_INPUT', problems.map((p) => p.message).join('; '), problems);
      if (problems.length > 0) throw refused(problems.map((p) => p.message).join('; '), problems);
      const threshold = scale === 'padss' ? s.settings.padssThreshold : scale === 'modifiedPadss' ? s.settings.modifiedPadssThreshold : s.settings.modifiedAldreteThreshold;
      await guarded(
        db.call('recordDischargeScore', actorOf(userOf(ctx)), sessionId, { scale, answers, total: score.total, maxPoints: score.maxPoints, threshold, complete: score.complete, ...(reason ? { otherScaleReason: reason } : {}) }),
      );
      return changed(sessionId);
    },
    'discharge.confirmEscort': async ({ sessionId, escort }, ctx) => {
      const b = await bundleOf(sessionId);
      notSigned(b);
      // A typed arrival time is plausible within a day of now (server clock).
      if (escort.arrivalAt !== undefined && Math.abs(escort.arrivalAt - now()) > ARRIVAL_RANGE_MS) {
        const p = [problem('escort.arrivalImplausible', { field: 'escort.arrivalAt' })];
        throw new AppError('BAD_INPUT', p[0]!.message, p);
      }
      const complete = escortConfirmationProblems(escort as Escort).length === 0;
      await guarded(db.call('confirmEscort', actorOf(userOf(ctx)), sessionId, escort, complete));
      return changed(sessionId);
    },
    'discharge.acknowledgeInstructions': async ({ sessionId }, ctx) => {
      const [b, s] = await Promise.all([bundleOf(sessionId), loadSettings(db)]);
      notSigned(b);
      await guarded(db.call('recordDischargeStep', actorOf(userOf(ctx)), sessionId, 'instructionsAcknowledged', { noDrivingHours: s.settings.noDrivingHours }));
      return changed(sessionId);
    },
    'discharge.release': async ({ sessionId }, ctx) => {
      const b = await bundleOf(sessionId);
      notSigned(b);
      await guarded(db.call('recordDischargeStep', actorOf(userOf(ctx)), sessionId, 'physicianRelease', {}));
      return changed(sessionId);
    },
    'discharge.discharge': async ({ sessionId }, ctx) => {
      const at = now();
      const alarmLog = await deps.alarmLogOf(sessionId);
      return deps.transition(userOf(ctx), sessionId, { kind: 'discharge', at }, (b, settings) => {
        const decision = evaluateDischarge(dischargeInput(b, at, alarmLog, settings), dischargeRulesOf(b, settings));
        return { context: { discharge: decision }, extra: { dischargedAt: at }, detail: { missing: decision.missing } };
      });
    },
    'discharge.override': async ({ sessionId, criteria, reason, password }, ctx) => {
      const user = userOf(ctx);
      const passwordOk = await deps.verifyPassword(user.id, password);
      const at = now();
      const alarmLog = await deps.alarmLogOf(sessionId);
      const named = [...new Set(criteria)] as OverridableCriterion[];
      return deps.transition(user, sessionId, { kind: 'discharge', at }, (b, settings) => {
        const input = dischargeInput(b, at, alarmLog, settings);
        const rules = dischargeRulesOf(b, settings);
        const plain = evaluateDischarge(input, rules);
        const decision = plain.allowed ? plain : evaluateDischarge({ ...input, override: { physician: user.displayName, reason, criteria: named } }, rules);
        // Every reason at once: a wrong password is named together with what the override cannot cover.
        const checked: DischargeDecision = passwordOk
          ? decision
          : { allowed: false, missing: [...(decision.allowed ? [] : decision.missing), problem('signature.passwordWrong')] };
        return {
          context: { discharge: checked },
          extra: { dischargedAt: at, ...(plain.allowed ? {} : { override: { reason: reason.trim(), criteria: named } }) },
          detail: { override: { reason, criteria: named, overridden: plain.missing } },
        };
      });
    },
    'discharge.transfer': ({ sessionId, handedOverTo, destination, reason }, ctx) => {
      const at = now();
      const transfer = { handedOverTo: handedOverTo.trim(), destination: destination.trim(), reason: reason.trim() };
      return deps.transition(userOf(ctx), sessionId, { kind: 'transfer', at, ...transfer }, (b) => {
        // The pump stops with the hand-over: the dose timeline ends here.
        const pumpOn = b.session.state === 'running' || b.session.state === 'paused';
        return {
          ...(pumpOn ? { doseEvent: { kind: 'stop', at, reason: `transfer: ${transfer.reason}` } } : {}),
          extra: { transfer },
          detail: { transfer },
        };
      });
    },
  };
}
