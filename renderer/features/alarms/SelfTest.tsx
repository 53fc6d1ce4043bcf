/**
 * The alarm self-test at start (issue 11 item 9, IEC 60601-1-8 §4.3.5): the alarm bar shows its state for this
 * start of the app (pending, running, passed with time and name, not confirmed); the test shows each priority's
 * colour, flashing at its rate, and plays one burst of its tone through the room's alarm output, reports each step
 * to main (logged and audited there), and asks the operator whether she heard and saw all three.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfTestStateDto } from '../../../core/api/methods/alarmSelfTest';
import type { Priority } from '../../../core/alarms/codes';
import { SELF_TEST_ORDER } from '../../../core/alarms/selfTest';
import { TONE_PATTERNS, VISUAL_SIGNALS } from '../../../core/alarms/tones';
import { useApi } from '../../api/ApiContext';
import { ProblemList, problemsOf } from '../../components/ProblemList';
import { hhmm } from '../../format';
import type { Problem } from '../../../core/settings';
import { useAlarmStore } from './alarmStore';

/** After a burst, a moment of quiet before the next priority, so the three are told apart. */
const GAP_MS = 700;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function SelfTestStatus() {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<SelfTestStateDto | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const load = () => api.call('alarms.selfTest', {}).then(setState).catch(() => undefined);
    void load();
    const off = api.on('alarms.selfTest', setState);
    const offConn = api.onConnection((c) => c && void load());
    return () => {
      off();
      offConn();
    };
  }, [api]);

  if (!state) return null;
  const label =
    state.status === 'passed' && state.result
      ? t('alarms.selfTest.passed', { time: hhmm(state.result.at), name: state.result.by })
      : t(`alarms.selfTest.${state.status}`);
  return (
    <>
      <button
        className={`self-test-status self-test-status--${state.status}`}
        data-testid="self-test-status"
        data-status={state.status}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && <SelfTestRun state={state} onState={setState} onClose={() => setOpen(false)} />}
    </>
  );
}

type Phase = { name: 'intro' } | { name: 'showing'; priority: Priority } | { name: 'question'; silent: boolean } | { name: 'done' };

function SelfTestRun(props: { state: SelfTestStateDto; onState(s: SelfTestStateDto): void; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const player = useAlarmStore((s) => s.player);
  const [phase, setPhase] = useState<Phase>({ name: 'intro' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const { runId } = props.state;

  const fail = (e: unknown) => setProblems(problemsOf(e));

  const start = async () => {
    setProblems([]);
    // The click is the user gesture a browser wants before sound.
    const ready = await player.start();
    useAlarmStore.getState().setAudioReady(ready);
    let silent = false;
    try {
      for (const priority of SELF_TEST_ORDER) {
        setPhase({ name: 'showing', priority });
        const sound = player.burst(priority);
        silent ||= !sound;
        props.onState(await api.call('alarms.selfTestShown', { runId, priority, sound }));
        const pattern = TONE_PATTERNS[priority];
        await sleep(pattern.cycleMs - pattern.pauseAfterMs + GAP_MS);
      }
      setPhase({ name: 'question', silent });
    } catch (e) {
      fail(e);
      setPhase({ name: 'intro' });
    }
  };

  const answer = async (passed: boolean, reason: 'notPerceived' | 'noSound' | 'cancelled' = 'notPerceived') => {
    setProblems([]);
    try {
      props.onState(
        await api.call('alarms.selfTestResult', passed ? { runId, result: 'passed' } : { runId, result: 'notConfirmed', reason }),
      );
      setPhase({ name: 'done' });
      props.onClose();
    } catch (e) {
      fail(e);
    }
  };

  const priority = phase.name === 'showing' ? phase.priority : null;
  return (
    <div
      className={`self-test${priority ? ` self-test--${priority}` : ''}`}
      role="dialog"
      aria-modal="false"
      aria-label={t('alarms.selfTest.title')}
      data-testid="self-test"
      data-phase={phase.name}
      data-priority={priority ?? ''}
    >
      <h2>{t('alarms.selfTest.title')}</h2>
      {phase.name === 'intro' && (
        <>
          <p>{t('alarms.selfTest.intro')}</p>
          <div className="self-test__buttons">
            <button className="self-test__primary" data-testid="self-test-start" onClick={() => void start()}>
              {t('alarms.selfTest.start')}
            </button>
            <button data-testid="self-test-close" onClick={props.onClose}>{t('alarms.selfTest.close')}</button>
          </div>
        </>
      )}
      {priority && (
        <div className={`self-test__signal self-test__signal--${priority}`} data-testid="self-test-signal">
          <span className="self-test__prefix">{VISUAL_SIGNALS[priority].prefix}</span>
          <span>{t(`alarms.selfTest.priority.${priority}`)}</span>
          <span className="self-test__step">{t('alarms.selfTest.step', { n: SELF_TEST_ORDER.indexOf(priority) + 1 })}</span>
        </div>
      )}
      {phase.name === 'question' && (
        <>
          {phase.silent ? (
            <>
              <p className="self-test__no-sound" role="alert">{t('alarms.selfTest.noSound')}</p>
              <div className="self-test__buttons">
                <button className="self-test__primary" data-testid="self-test-no-sound" onClick={() => void answer(false, 'noSound')}>
                  {t('alarms.selfTest.close')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="self-test__question">{t('alarms.selfTest.question')}</p>
              <div className="self-test__buttons">
                <button className="self-test__primary" data-testid="self-test-yes" onClick={() => void answer(true)}>
                  {t('alarms.selfTest.yes')}
                </button>
                <button data-testid="self-test-no" onClick={() => void answer(false)}>{t('alarms.selfTest.no')}</button>
                <button data-testid="self-test-cancel" onClick={() => void answer(false, 'cancelled')}>{t('alarms.selfTest.cancel')}</button>
              </div>
            </>
          )}
        </>
      )}
      <ProblemList problems={problems} testId="self-test-problems" />
    </div>
  );
}
