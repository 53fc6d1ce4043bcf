/** core/alarms/selfTest.ts: the state derived from the logged steps, against a reference over random step lists. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResult, checkShown, nextToShow, SELF_TEST_ORDER, selfTestState, type SelfTestStep } from '../../core/alarms/selfTest';

const shown = (priority: 'high' | 'medium' | 'low', sound = true, at = 1): SelfTestStep => ({ step: 'shown', at, priority, sound, userName: 'S' });
const result = (r: 'passed' | 'notConfirmed', at = 9): SelfTestStep => ({ step: 'result', at, result: r, reason: r === 'passed' ? null : 'notPerceived', userName: 'S' });

describe('self-test rules', () => {
  it('pending → running → passed; a new "high" starts a new attempt', () => {
    expect(selfTestState('r', []).status).toBe('pending');
    expect(nextToShow(selfTestState('r', []))).toBe('high');
    const running = selfTestState('r', [shown('high'), shown('medium')]);
    expect(running.status).toBe('running');
    expect(nextToShow(running)).toBe('low');
    expect(checkShown(running, 'low')).toBeNull();
    expect(checkShown(running, 'medium')?.code).toBe('alarm.selfTestOrder');
    const passed = selfTestState('r', [shown('high'), shown('medium'), shown('low'), result('passed')]);
    expect(passed).toMatchObject({ status: 'passed', result: { result: 'passed', by: 'S', at: 9 } });
    const again = selfTestState('r', [shown('high'), shown('medium'), shown('low'), result('passed'), shown('high', true, 20)]);
    expect(again).toMatchObject({ status: 'running', result: null, shown: [{ priority: 'high', at: 20 }] });
  });

  it('refuses "passed" unless every priority was shown with its sound; "not confirmed" is always a valid answer', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }), (sounds) => {
        const steps = sounds.map((sound, i) => shown(SELF_TEST_ORDER[i]!, sound));
        const state = selfTestState('r', steps);
        const expectPass = sounds.length === 3 && sounds.every(Boolean);
        expect(checkResult(state, 'passed') === null).toBe(expectPass);
        expect(checkResult(state, 'notConfirmed')).toBeNull();
      }),
    );
    expect(checkResult(selfTestState('r', []), 'notConfirmed')?.code).toBe('alarm.selfTestNotRunning');
  });
});
