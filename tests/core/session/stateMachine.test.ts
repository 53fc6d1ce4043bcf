import { describe, it, expect } from 'vitest';
import {
  applyEvent,
  LEGAL_EVENTS,
  plannedSession,
  SESSION_EVENT_KINDS,
  SESSION_STATUSES,
  type SessionEvent,
  type SessionEventKind,
  type SessionState,
  type SessionStatus,
  type TransitionContext,
} from '../../../core/session/stateMachine';
import { doseLimitsFor } from '../../../core/dose/limits';
import { clinicSettings } from '../../../core/clinic/defaults';
import { MESSAGES, problem } from '../../../core/messages';

const T0 = Date.UTC(2025, 2, 3, 8, 0, 0);

/** 80 kg, 1 mg/ml: 20 ml/h = 0.25 mg/kg/h, 48 ml/h = 0.6 mg/kg/h (soft), 100 ml/h = 1.25 mg/kg/h (hard). */
const context: TransitionContext = {
  checklistMissing: [],
  dose: { weightKg: 80, concentrationMgPerMl: 1, limits: doseLimitsFor('esketamine', clinicSettings()) },
  discharge: { allowed: true, missing: [] },
};

function eventOf(kind: SessionEventKind, at = T0 + 60_000): SessionEvent {
  switch (kind) {
    case 'start':
    case 'rateChange':
      return { kind, at, rateMlPerH: 20 };
    case 'bolus':
      return { kind, at, amount: 5, unit: 'mg' };
    case 'cancel':
      return { kind, at, reason: 'patient unwell' };
    case 'transfer':
      return { kind, at, handedOverTo: 'RTW 1/83-2, NA Dr. Roth', destination: 'Klinikum rechts der Isar, ZNA', reason: 'Krampfanfall' };
    default:
      return { kind, at };
  }
}

const stateIn = (status: SessionStatus): SessionState => ({ status, lastEventAt: T0 });

const EXPECTED_STATUS: Partial<Record<SessionStatus, Partial<Record<SessionEventKind, SessionStatus>>>> = {
  planned: { checkIn: 'checkedIn', cancel: 'cancelled' },
  checkedIn: { completeChecklist: 'checklistComplete', cancel: 'cancelled' },
  checklistComplete: { start: 'running', cancel: 'cancelled' },
  running: { rateChange: 'running', pause: 'paused', bolus: 'running', stop: 'postObservation', transfer: 'transferred' },
  paused: { rateChange: 'paused', resume: 'running', stop: 'postObservation', transfer: 'transferred' },
  postObservation: { discharge: 'discharged', transfer: 'transferred' },
};

/** The reason given for every illegal (status, event) pair. */
const INFUSING_REASONS: Partial<Record<SessionEventKind, string>> = {
  checkIn: 'session.infusionAlreadyStarted',
  completeChecklist: 'session.infusionAlreadyStarted',
  start: 'session.infusionAlreadyStarted',
  resume: 'session.infusionNotPaused',
  pause: 'session.infusionAlreadyPaused',
  bolus: 'session.bolusWhilePaused',
  discharge: 'session.infusionNotStopped',
  cancel: 'session.cancelDuringInfusion',
};
const ILLEGAL_REASON: Record<SessionStatus, (kind: SessionEventKind) => string | undefined> = {
  planned: (k) => (k === 'transfer' ? 'session.transferBeforeStart' : 'session.notCheckedIn'),
  checkedIn: (k) => (k === 'transfer' ? 'session.transferBeforeStart' : k === 'checkIn' ? 'session.alreadyCheckedIn' : 'session.checklistNotComplete'),
  checklistComplete: (k) =>
    k === 'transfer'
      ? 'session.transferBeforeStart'
      : k === 'checkIn'
      ? 'session.alreadyCheckedIn'
      : k === 'completeChecklist'
        ? 'session.checklistAlreadyComplete'
        : 'session.infusionNotStarted',
  running: (k) => INFUSING_REASONS[k],
  paused: (k) => INFUSING_REASONS[k],
  postObservation: (k) => (k === 'cancel' ? 'session.cancelAfterInfusion' : 'session.infusionAlreadyStopped'),
  discharged: () => 'session.alreadyDischarged',
  transferred: () => 'session.alreadyTransferred',
  cancelled: () => 'session.alreadyCancelled',
};

const allPairs = SESSION_STATUSES.flatMap((status) => SESSION_EVENT_KINDS.map((kind) => [status, kind] as const));
const legalPairs = allPairs.filter(([status, kind]) => LEGAL_EVENTS[status].includes(kind));
const illegalPairs = allPairs.filter(([status, kind]) => !LEGAL_EVENTS[status].includes(kind));

describe('session state machine: legal transitions', () => {
  it('the table covers 17 legal and 82 illegal (status, event) pairs', () => {
    expect(legalPairs).toHaveLength(17);
    expect(illegalPairs).toHaveLength(82);
  });

  it.each(legalPairs)('%s + %s is accepted', (status, kind) => {
    const result = applyEvent(stateIn(status), eventOf(kind), context);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.state.status).toBe(EXPECTED_STATUS[status]?.[kind]);
      expect(result.state.lastEventAt).toBe(T0 + 60_000);
    }
  });
});

describe('session state machine: every illegal transition is refused with a reason', () => {
  it.each(illegalPairs)('%s + %s is refused', (status, kind) => {
    const result = applyEvent(stateIn(status), eventOf(kind), context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const [reason] = result.problems;
      expect(reason?.code).toBe(ILLEGAL_REASON[status](kind));
      expect(reason?.code).toBeDefined();
      expect(reason?.message.length).toBeGreaterThan(10);
      expect(MESSAGES).toHaveProperty([reason!.code]);
    }
  });
});

describe('session state machine: a whole session', () => {
  it('walks planned → … → discharged and records infusion start and stop', () => {
    const steps: SessionEvent[] = [
      { kind: 'checkIn', at: T0 },
      { kind: 'completeChecklist', at: T0 + 10 },
      { kind: 'start', at: T0 + 20, rateMlPerH: 8 },
      { kind: 'pause', at: T0 + 30, reason: 'nausea' },
      { kind: 'resume', at: T0 + 40 },
      { kind: 'rateChange', at: T0 + 50, rateMlPerH: 16 },
      { kind: 'stop', at: T0 + 60 },
      { kind: 'discharge', at: T0 + 70 },
    ];
    let state = plannedSession();
    for (const step of steps) {
      const result = applyEvent(state, step, context);
      if (!result.ok) throw new Error(result.problems[0]?.message);
      state = result.state;
    }
    expect(state).toEqual({ status: 'discharged', lastEventAt: T0 + 70, infusionStartedAt: T0 + 20, infusionStoppedAt: T0 + 60 });
  });
});

describe('session state machine: emergency transfer', () => {
  it('ends a running infusion as transferred (stopped with the hand-over), never as discharged, and names each missing field', () => {
    const running: SessionState = { status: 'running', lastEventAt: T0, infusionStartedAt: T0 };
    const done = applyEvent(running, { kind: 'transfer', at: T0 + 5, handedOverTo: 'RTW', destination: 'ZNA', reason: 'Anfall' });
    expect(done).toMatchObject({ ok: true, state: { status: 'transferred', infusionStoppedAt: T0 + 5 } });
    const empty = applyEvent(running, { kind: 'transfer', at: T0 + 5, handedOverTo: ' ', destination: '', reason: '' });
    expect(empty.ok ? [] : empty.problems.map((p) => p.code)).toEqual([
      'session.transferIncomplete',
      'transfer.handedOverToMissing',
      'transfer.destinationMissing',
      'transfer.reasonMissing',
    ]);
    for (const kind of SESSION_EVENT_KINDS) expect(applyEvent({ status: 'transferred', lastEventAt: T0 }, eventOf(kind)).ok).toBe(false);
  });
});

describe('session state machine: conditions of legal events', () => {
  const codes = (state: SessionState, event: SessionEvent, ctx: TransitionContext): string[] => {
    const result = applyEvent(state, event, ctx);
    return result.ok ? [] : result.problems.map((p) => p.code);
  };

  it('refuses an event dated before the last one', () => {
    expect(codes(stateIn('planned'), { kind: 'checkIn', at: T0 - 1 }, context)).toEqual(['session.eventBeforePrevious']);
  });

  it('refuses an event without a valid time', () => {
    expect(codes(stateIn('planned'), { kind: 'checkIn', at: Number.NaN }, context)).toEqual(['session.timeInvalid']);
  });

  it('completing the checklist needs a checklist result without missing items, and lists them', () => {
    expect(codes(stateIn('checkedIn'), eventOf('completeChecklist'), {})).toEqual(['session.checklistNotChecked']);
    const missing = [problem('escort.notPlanned')];
    expect(codes(stateIn('checkedIn'), eventOf('completeChecklist'), { checklistMissing: missing })).toEqual([
      'session.checklistIncomplete',
      'escort.notPlanned',
    ]);
  });

  it('start and rate change need the dose basis', () => {
    expect(codes(stateIn('checklistComplete'), eventOf('start'), {})).toEqual(['session.doseBasisMissing']);
    expect(codes(stateIn('running'), eventOf('rateChange'), {})).toEqual(['session.doseBasisMissing']);
    expect(codes(stateIn('running'), eventOf('bolus'), {})).toEqual(['session.doseBasisMissing']);
  });

  it('a rate over the soft limit needs a written reason, then passes with a warning', () => {
    expect(codes(stateIn('checklistComplete'), { kind: 'start', at: T0, rateMlPerH: 48 }, context)).toEqual([
      'session.softLimitReasonRequired',
      'dose.rateAboveSoftLimit',
    ]);
    const result = applyEvent(stateIn('running'), { kind: 'rateChange', at: T0, rateMlPerH: 48, softLimitReason: 'good tolerance' }, context);
    expect(result.ok && result.warnings.map((p) => p.code)).toEqual(['dose.rateAboveSoftLimit']);
  });

  it('a rate over the hard limit and an oversized bolus are refused', () => {
    expect(codes(stateIn('paused'), { kind: 'rateChange', at: T0, rateMlPerH: 100, softLimitReason: 'x' }, context)).toEqual([
      'session.doseRefused',
      'dose.rateAboveHardLimit',
    ]);
    expect(codes(stateIn('running'), { kind: 'bolus', at: T0, amount: 20, unit: 'ml' }, context)).toEqual([
      'session.doseRefused',
      'dose.bolusAboveLimit',
    ]);
  });

  it('discharge needs a discharge decision that allows it, and lists what is missing', () => {
    expect(codes(stateIn('postObservation'), eventOf('discharge'), {})).toEqual(['session.dischargeNotEvaluated']);
    const decision = { allowed: false, missing: [problem('discharge.physicianReleaseMissing')] };
    expect(codes(stateIn('postObservation'), eventOf('discharge'), { discharge: decision })).toEqual([
      'session.dischargeNotAllowed',
      'discharge.physicianReleaseMissing',
    ]);
  });

  it('cancelling needs a reason', () => {
    expect(codes(stateIn('checkedIn'), { kind: 'cancel', at: T0, reason: ' ' }, context)).toEqual(['session.cancelReasonMissing']);
  });
});
