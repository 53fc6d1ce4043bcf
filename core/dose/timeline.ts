/**
 * The cumulative dose from the infusion's event timeline (§1.10 item 3, §2.4):
 * cumulative_dose = Σ rate × Δt over all rate segments + boluses, as the exact piecewise-linear integral
 * of the programmed rate, never estimated from samples. Times are epoch ms, passed in.
 */
import type { Problem } from '../settings';
import { problem } from '../messages';

export type DoseEvent =
  | { kind: 'start'; at: number; rateMlPerH: number }
  | { kind: 'rateChange'; at: number; rateMlPerH: number }
  | { kind: 'pause'; at: number }
  | { kind: 'resume'; at: number }
  | { kind: 'stop'; at: number }
  | { kind: 'bolus'; at: number; amount: number; unit: 'ml' | 'mg' };

/** One syringe's infusion: every dose event in the order recorded (append-only, so time order). */
export interface InfusionTimeline {
  concentrationMgPerMl: number;
  weightKg: number;
  events: readonly DoseEvent[];
}

export interface CumulativeDose {
  /** Volume delivered by the continuous rate. */
  infusedMl: number;
  bolusMl: number;
  totalMl: number;
  totalMg: number;
  mgPerKg: number;
}

export type PumpPhase = 'notStarted' | 'running' | 'paused' | 'stopped';

export interface PumpState {
  phase: PumpPhase;
  /** Programmed rate; while paused, the rate the pump resumes with. 0 before start and after stop. */
  rateMlPerH: number;
}

const MS_PER_H = 3_600_000;

export class InvalidDoseTimelineError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'InvalidDoseTimelineError';
  }
}

/**
 * Every reason the timeline is not one a pump can produce: out of time order, start missing or repeated,
 * pause while not running, resume while not paused, anything after stop, rates or boluses not > 0.
 * A rate change while paused is allowed: the pump resumes with the new rate.
 */
export function validateDoseTimeline(events: readonly DoseEvent[]): Problem[] {
  const problems: Problem[] = [];
  let phase: PumpPhase = 'notStarted';
  let previousAt = -Infinity;
  events.forEach((event, index) => {
    const at = { number: index + 1, kind: event.kind };
    if (!Number.isFinite(event.at)) problems.push(problem('dose.timeline.timeInvalid', at));
    else if (event.at < previousAt) problems.push(problem('dose.timeline.outOfOrder', at));
    else previousAt = event.at;

    if ((event.kind === 'start' || event.kind === 'rateChange') && !(event.rateMlPerH > 0 && Number.isFinite(event.rateMlPerH))) {
      problems.push(problem('dose.timeline.rateNotPositive', at));
    }
    if (event.kind === 'bolus' && !(event.amount > 0 && Number.isFinite(event.amount))) {
      problems.push(problem('dose.timeline.bolusNotPositive', at));
    }

    if (phase === 'stopped') {
      problems.push(problem('dose.timeline.eventAfterStop', at));
      return;
    }
    if (phase === 'notStarted' && event.kind !== 'start') {
      problems.push(problem('dose.timeline.eventBeforeStart', at));
      return;
    }
    switch (event.kind) {
      case 'start':
        if (phase !== 'notStarted') problems.push(problem('dose.timeline.startRepeated', at));
        phase = 'running';
        break;
      case 'pause':
        if (phase !== 'running') problems.push(problem('dose.timeline.pauseWhileNotRunning', at));
        phase = 'paused';
        break;
      case 'resume':
        if (phase !== 'paused') problems.push(problem('dose.timeline.resumeWhileNotPaused', at));
        phase = 'running';
        break;
      case 'stop':
        phase = 'stopped';
        break;
      case 'rateChange':
      case 'bolus':
        break;
    }
  });
  return problems;
}

/** The cumulative dose delivered up to and including time `at` (a bolus at exactly `at` counts). */
export function cumulativeDose(timeline: InfusionTimeline, at: number): CumulativeDose {
  assertValid(timeline.events);
  const { concentrationMgPerMl, weightKg } = timeline;
  // Integrate in ml·h/ms units and divide once at the end: fewer rounding steps.
  let rateTimesMs = 0;
  let bolusMl = 0;
  let state: PumpState = { phase: 'notStarted', rateMlPerH: 0 };
  let segmentStart = 0;
  for (const event of timeline.events) {
    if (event.at > at) break;
    if (state.phase === 'running') rateTimesMs += state.rateMlPerH * (event.at - segmentStart);
    segmentStart = event.at;
    if (event.kind === 'bolus') bolusMl += event.unit === 'ml' ? event.amount : event.amount / concentrationMgPerMl;
    state = nextPumpState(state, event);
  }
  if (state.phase === 'running') rateTimesMs += state.rateMlPerH * (at - segmentStart);

  const infusedMl = rateTimesMs / MS_PER_H;
  const totalMl = infusedMl + bolusMl;
  const totalMg = totalMl * concentrationMgPerMl;
  return { infusedMl, bolusMl, totalMl, totalMg, mgPerKg: totalMg / weightKg };
}

/** What the pump is doing at time `at`, after every event at or before it. */
export function pumpStateAt(events: readonly DoseEvent[], at: number): PumpState {
  assertValid(events);
  let state: PumpState = { phase: 'notStarted', rateMlPerH: 0 };
  for (const event of events) {
    if (event.at > at) break;
    state = nextPumpState(state, event);
  }
  return state;
}

/** Times the programmed rate went up (a resume is not an increase): each restarts close blood-pressure checks (§1.6). */
export function rateIncreaseTimes(events: readonly DoseEvent[]): number[] {
  assertValid(events);
  let rate = 0;
  const times: number[] = [];
  for (const event of events) {
    if (event.kind === 'rateChange' && event.rateMlPerH > rate) times.push(event.at);
    if (event.kind === 'start' || event.kind === 'rateChange') rate = event.rateMlPerH;
  }
  return times;
}

function nextPumpState(state: PumpState, event: DoseEvent): PumpState {
  switch (event.kind) {
    case 'start':
      return { phase: 'running', rateMlPerH: event.rateMlPerH };
    case 'rateChange':
      return { phase: state.phase, rateMlPerH: event.rateMlPerH };
    case 'pause':
      return { phase: 'paused', rateMlPerH: state.rateMlPerH };
    case 'resume':
      return { phase: 'running', rateMlPerH: state.rateMlPerH };
    case 'stop':
      return { phase: 'stopped', rateMlPerH: 0 };
    case 'bolus':
      return state;
  }
}

function assertValid(events: readonly DoseEvent[]): void {
  const problems = validateDoseTimeline(events);
  if (problems.length > 0) throw new InvalidDoseTimelineError(problems);
}
