/**
 * The alarm self-test at start (IEC 60601-1-8 §4.3.5, clinical-requirements §4.3 item 5): each priority's sound and
 * colour is shown once, most urgent first, and the operator says whether she heard and saw all of them. Pure rules
 * over the logged steps: the state the app shows is derived from what was stored, never kept beside it.
 */
import { problem } from '../messages';
import type { Problem } from '../settings';
import type { Priority } from './codes';

/** The order of the test: the priorities as IEC lists them. */
export const SELF_TEST_ORDER: readonly Priority[] = ['high', 'medium', 'low'];

export type SelfTestResult = 'passed' | 'notConfirmed';
/** Why a self-test was not confirmed: the operator said no, the sound could not play, or she stopped it. */
export type NotConfirmedReason = 'notPerceived' | 'noSound' | 'cancelled';
export type SelfTestStatus = 'pending' | 'running' | SelfTestResult;

/** One logged step (db/repos/alarmSelfTests.ts). */
export type SelfTestStep =
  | { step: 'shown'; at: number; priority: Priority; sound: boolean; userName: string }
  | { step: 'result'; at: number; result: SelfTestResult; reason: NotConfirmedReason | null; userName: string };

export interface SelfTestState {
  /** This start of the app: a self-test belongs to one start. */
  runId: string;
  status: SelfTestStatus;
  /** The current (latest) attempt's steps shown so far. */
  shown: Array<{ priority: Priority; sound: boolean; at: number }>;
  /** The latest attempt's result, if it has one. */
  result: { result: SelfTestResult; reason: NotConfirmedReason | null; at: number; by: string } | null;
}

/** The latest attempt: a "high shown" step starts a new attempt (a repeat after a result or after a stop). */
function latestAttempt(steps: readonly SelfTestStep[]): SelfTestStep[] {
  let start = -1;
  steps.forEach((s, i) => {
    if (s.step === 'shown' && s.priority === SELF_TEST_ORDER[0]) start = i;
  });
  return start < 0 ? [] : steps.slice(start);
}

export function selfTestState(runId: string, steps: readonly SelfTestStep[]): SelfTestState {
  const attempt = latestAttempt(steps);
  const shown = attempt.flatMap((s) => (s.step === 'shown' ? [{ priority: s.priority, sound: s.sound, at: s.at }] : []));
  const end = attempt.find((s) => s.step === 'result');
  const result = end?.step === 'result' ? { result: end.result, reason: end.reason, at: end.at, by: end.userName } : null;
  const status: SelfTestStatus = attempt.length === 0 ? 'pending' : result ? result.result : 'running';
  return { runId, status, shown, result };
}

/** The priority to show next in the current attempt; null when all were shown (the answer is due). */
export function nextToShow(state: SelfTestState): Priority | null {
  if (state.status !== 'running') return SELF_TEST_ORDER[0]!;
  return SELF_TEST_ORDER[state.shown.length] ?? null;
}

const PRIORITY_DE: Record<Priority, string> = { high: 'hoch', medium: 'mittel', low: 'niedrig' };

/** Priorities as a problem's params: the English list and its German variant. */
function named(key: string, list: readonly Priority[]): Record<string, string> {
  return { [key]: list.join(', '), [`${key}De`]: list.map((p) => PRIORITY_DE[p]).join(', ') };
}

/** A step "priority shown": in order, each once; showing "high" again starts a new attempt. */
export function checkShown(state: SelfTestState, priority: Priority): Problem | null {
  if (priority === SELF_TEST_ORDER[0]) return null;
  const next = (state.status === 'running' ? nextToShow(state) : null) ?? SELF_TEST_ORDER[0]!;
  if (next === priority) return null;
  return problem('alarm.selfTestOrder', { ...named('priority', [priority]), ...named('expected', [next]) });
}

/** The operator's answer: "passed" only after every priority was shown with its sound. */
export function checkResult(state: SelfTestState, result: SelfTestResult): Problem | null {
  if (state.status !== 'running') return problem('alarm.selfTestNotRunning', { result });
  if (result === 'passed') {
    const missing = SELF_TEST_ORDER.filter((p) => !state.shown.some((s) => s.priority === p));
    if (missing.length > 0) return problem('alarm.selfTestIncomplete', named('missing', missing));
    const silent = state.shown.filter((s) => !s.sound).map((s) => s.priority);
    if (silent.length > 0) return problem('alarm.selfTestNoSound', named('silent', silent));
  }
  return null;
}
