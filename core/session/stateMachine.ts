/**
 * The life of one infusion session:
 * planned → checkedIn → checklistComplete → running ⇄ paused → postObservation → discharged,
 * cancelled from any state before the infusion starts, and transferred (emergency: handed over to an ambulance or
 * a hospital, never a discharge) from any state after it. Discharged, transferred and cancelled are final. `applyEvent` is pure: the caller passes
 * the verdicts it needs (checklist, dose basis, discharge decision) in the context and stores the result.
 */
import type { Problem } from '../settings';
import { problem, type ProblemCode } from '../messages';
import { checkPrescription, type DoseLimits } from '../dose/limits';
import { mlPerHToMgPerKgPerH } from '../dose/rate';
import type { DischargeDecision } from './dischargeGate';
import { isFilled } from './text';

export const SESSION_STATUSES = [
  'planned',
  'checkedIn',
  'checklistComplete',
  'running',
  'paused',
  'postObservation',
  'discharged',
  'transferred',
  'cancelled',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** A patient is seated in the chair from check-in until the discharge (the same list as migration 0206's trigger). */
export const SEATED_STATUSES = ['checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation'] as const satisfies readonly SessionStatus[];

export interface SessionState {
  status: SessionStatus;
  /** Time of the last accepted event: a later event may not be dated before it. */
  lastEventAt?: number;
  infusionStartedAt?: number;
  infusionStoppedAt?: number;
}

/** Dose events (start … stop, bolus) have the shape of `DoseEvent`, so the caller can append them to the dose timeline. */
export type SessionEvent =
  | { kind: 'checkIn'; at: number }
  | { kind: 'completeChecklist'; at: number }
  | { kind: 'start'; at: number; rateMlPerH: number; softLimitReason?: string }
  | { kind: 'rateChange'; at: number; rateMlPerH: number; softLimitReason?: string }
  | { kind: 'pause'; at: number; reason?: string }
  | { kind: 'resume'; at: number }
  | { kind: 'bolus'; at: number; amount: number; unit: 'ml' | 'mg' }
  | { kind: 'stop'; at: number; reason?: string }
  | { kind: 'discharge'; at: number }
  | { kind: 'transfer'; at: number; handedOverTo: string; destination: string; reason: string }
  | { kind: 'cancel'; at: number; reason: string };
export type SessionEventKind = SessionEvent['kind'];

export const SESSION_EVENT_KINDS: readonly SessionEventKind[] = [
  'checkIn',
  'completeChecklist',
  'start',
  'rateChange',
  'pause',
  'resume',
  'bolus',
  'stop',
  'discharge',
  'transfer',
  'cancel',
];

export interface TransitionContext {
  /** Result of the readiness check (core/session/readiness.ts): needed to complete the checklist, re-checked at start. */
  checklistMissing?: readonly Problem[];
  /** Patient and syringe with the substance's limits: needed for start, rate change and bolus. */
  dose?: { weightKg: number; concentrationMgPerMl: number; limits: DoseLimits };
  /** Result of `evaluateDischarge`: needed to discharge. */
  discharge?: DischargeDecision;
}

export type Transition =
  | { ok: true; state: SessionState; /** Soft limits crossed with a written reason, for the audit log. */ warnings: Problem[] }
  | { ok: false; /** The refusal first, then the details behind it. */ problems: Problem[] };

export function plannedSession(): SessionState {
  return { status: 'planned' };
}

/** Which event moves a session on from each status; every other event is refused. */
export const LEGAL_EVENTS: Record<SessionStatus, readonly SessionEventKind[]> = {
  planned: ['checkIn', 'cancel'],
  checkedIn: ['completeChecklist', 'cancel'],
  checklistComplete: ['start', 'cancel'],
  running: ['rateChange', 'pause', 'bolus', 'stop', 'transfer'],
  paused: ['rateChange', 'resume', 'stop', 'transfer'],
  postObservation: ['discharge', 'transfer'],
  discharged: [],
  transferred: [],
  cancelled: [],
};

export function applyEvent(state: SessionState, event: SessionEvent, context: TransitionContext = {}): Transition {
  if (!LEGAL_EVENTS[state.status].includes(event.kind)) return refuse(illegalReason(state.status, event.kind));
  if (!Number.isFinite(event.at)) return refuse('session.timeInvalid');
  if (state.lastEventAt !== undefined && event.at < state.lastEventAt) return refuse('session.eventBeforePrevious');

  const next = (status: SessionStatus, extra: Partial<SessionState> = {}, warnings: Problem[] = []): Transition => ({
    ok: true,
    state: { ...state, ...extra, status, lastEventAt: event.at },
    warnings,
  });

  switch (event.kind) {
    case 'checkIn':
      return next('checkedIn');
    case 'completeChecklist':
      if (context.checklistMissing === undefined) return refuse('session.checklistNotChecked');
      return context.checklistMissing.length === 0
        ? next('checklistComplete')
        : refuse('session.checklistIncomplete', [...context.checklistMissing]);
    case 'start':
    case 'rateChange': {
      // What was complete may have changed since (checklist, prescription, the weight's age).
      if (event.kind === 'start' && context.checklistMissing !== undefined && context.checklistMissing.length > 0) {
        return refuse('checklist.changedAfterCompletion', [...context.checklistMissing]);
      }
      const check = checkRate(event.rateMlPerH, event.softLimitReason, context);
      if (!check.ok) return check;
      return event.kind === 'start'
        ? next('running', { infusionStartedAt: event.at }, check.warnings)
        : next(state.status, {}, check.warnings);
    }
    case 'bolus': {
      const check = checkBolus(event.amount, event.unit, context);
      return check.ok ? next(state.status) : check;
    }
    case 'pause':
      return next('paused');
    case 'resume':
      return next('running');
    case 'stop':
      return next('postObservation', { infusionStoppedAt: event.at });
    case 'discharge':
      if (context.discharge === undefined) return refuse('session.dischargeNotEvaluated');
      return context.discharge.allowed ? next('discharged') : refuse('session.dischargeNotAllowed', context.discharge.missing);
    case 'transfer': {
      const missing = [
        ...(isFilled(event.handedOverTo) ? [] : [problem('transfer.handedOverToMissing')]),
        ...(isFilled(event.destination) ? [] : [problem('transfer.destinationMissing')]),
        ...(isFilled(event.reason) ? [] : [problem('transfer.reasonMissing')]),
      ];
      // The pump stops with the hand-over if it was still running.
      return missing.length === 0
        ? next('transferred', { infusionStoppedAt: state.infusionStoppedAt ?? event.at })
        : refuse('session.transferIncomplete', missing);
    }
    case 'cancel':
      return isFilled(event.reason) ? next('cancelled') : refuse('session.cancelReasonMissing');
  }
}

function checkRate(
  rateMlPerH: number,
  softLimitReason: string | undefined,
  context: TransitionContext,
): { ok: true; warnings: Problem[] } | { ok: false; problems: Problem[] } {
  if (context.dose === undefined) return refuse('session.doseBasisMissing');
  const { weightKg, concentrationMgPerMl, limits } = context.dose;
  const { mgPerKgPerH } = mlPerHToMgPerKgPerH(rateMlPerH, { weightKg, concentrationMgPerMl });
  const check = checkPrescription(
    softLimitReason === undefined
      ? { kind: 'rate', mgPerKgPerH, weightKg, concentrationMgPerMl }
      : { kind: 'rate', mgPerKgPerH, weightKg, concentrationMgPerMl, softLimitReason },
    limits,
  );
  switch (check.verdict) {
    case 'ok':
      return { ok: true, warnings: check.problems };
    case 'reasonRequired':
      return refuse('session.softLimitReasonRequired', check.problems);
    case 'refused':
      return refuse('session.doseRefused', check.problems);
  }
}

function checkBolus(amount: number, unit: 'ml' | 'mg', context: TransitionContext): { ok: true } | { ok: false; problems: Problem[] } {
  if (context.dose === undefined) return refuse('session.doseBasisMissing');
  const { weightKg, concentrationMgPerMl, limits } = context.dose;
  const mg = unit === 'mg' ? amount : amount * concentrationMgPerMl;
  const check = checkPrescription({ kind: 'bolus', mg, weightKg, concentrationMgPerMl }, limits);
  return check.verdict === 'ok' ? { ok: true } : refuse('session.doseRefused', check.problems);
}

function refuse(code: ProblemCode, details: readonly Problem[] = []): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [problem(code), ...details] };
}

/** Why an event does not fit the session's status, in the words the MFA needs to act on. */
function illegalReason(status: SessionStatus, kind: SessionEventKind): ProblemCode {
  if (kind === 'transfer' && (status === 'planned' || status === 'checkedIn' || status === 'checklistComplete')) return 'session.transferBeforeStart';
  switch (status) {
    case 'planned':
      return 'session.notCheckedIn';
    case 'checkedIn':
      return kind === 'checkIn' ? 'session.alreadyCheckedIn' : 'session.checklistNotComplete';
    case 'checklistComplete':
      if (kind === 'checkIn') return 'session.alreadyCheckedIn';
      return kind === 'completeChecklist' ? 'session.checklistAlreadyComplete' : 'session.infusionNotStarted';
    case 'running':
    case 'paused':
      if (kind === 'checkIn' || kind === 'completeChecklist' || kind === 'start') return 'session.infusionAlreadyStarted';
      if (kind === 'resume') return 'session.infusionNotPaused';
      if (kind === 'pause') return 'session.infusionAlreadyPaused';
      if (kind === 'bolus') return 'session.bolusWhilePaused';
      return kind === 'discharge' ? 'session.infusionNotStopped' : 'session.cancelDuringInfusion';
    case 'postObservation':
      return kind === 'cancel' ? 'session.cancelAfterInfusion' : 'session.infusionAlreadyStopped';
    case 'discharged':
      return 'session.alreadyDischarged';
    case 'transferred':
      return 'session.alreadyTransferred';
    case 'cancelled':
      return 'session.alreadyCancelled';
  }
}
