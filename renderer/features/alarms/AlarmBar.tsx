/**
 * The app-wide alarm bar, on every screen: every active alarm of every chair (most urgent first, then oldest) with
 * its chair, message, age and an acknowledge button, in a list of fixed height that scrolls (issue 11 item 8: no
 * alarm hidden behind "+n more", and nothing on the page moves when an alarm comes or goes); the count per chair;
 * AUDIO PAUSED with its countdown; the sound state; the self-test; and the intended-use sentence – these are
 * secondary alerts, the bedside monitor stays the primary alarm system.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARM_NOTICES, alarmMessage, type Language } from '../../../core/alarms/messages';
import { VISUAL_SIGNALS } from '../../../core/alarms/tones';
import type { ConditionCode } from '../../../core/alarms/codes';
import { useApi } from '../../api/ApiContext';
import { ApiCallError } from '../../api/client';
import { useLiveStore } from '../../stores/liveStore';
import { useNav } from '../../stores/navStore';
import { alarmCountsByChair, allAlarms, useAlarmStore, type ChairAlarm } from './alarmStore';
import { SelfTestStatus } from './SelfTest';
import './alarms.css';

/** Rows the list shows without scrolling (alarms.css --rows): more are reached by scrolling, never hidden. */
/** Rows the bar shows without scrolling: three, two in a short window (the media query of alarms.css). */
const SHORT_WINDOW = '(max-height: 820px)';
function useVisibleRows(): number {
  const [short, setShort] = useState(() => window.matchMedia(SHORT_WINDOW).matches);
  useEffect(() => {
    const query = window.matchMedia(SHORT_WINDOW);
    const update = () => setShort(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return short ? 2 : 3;
}

export function lang(language: string): Language {
  return language.startsWith('en') ? 'en' : 'de';
}

export function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** readOnly: on the lock screen – alarms shown and sounding, but acknowledging and pausing need a user. */
export function AlarmBar({ readOnly = false }: { readOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const visibleRows = useVisibleRows();
  const byChair = useAlarmStore((s) => s.byChair);
  const audioReady = useAlarmStore((s) => s.audioReady);
  const player = useAlarmStore((s) => s.player);
  const chairs = useLiveStore((s) => s.chairs);
  const now = useLiveStore((s) => s.now);
  const go = useNav((s) => s.go);
  const view = useNav((s) => s.view);
  const [error, setError] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const chairInView = view?.name === 'chair' ? view.chairId : null;
  // ALARM OFF is shown wherever alarms are: this bar is on every screen, the lock screen included.
  const switchedOff = Object.entries(byChair).filter(([, s]) => s.switchedOff.length > 0);
  const language = lang(i18n.language);
  const alarms = allAlarms(byChair);
  const counts = alarmCountsByChair(byChair);
  const chairName = (chairId: number) => chairs[chairId]?.name ?? `#${chairId}`;
  // A chair's count brings its first alarm into the list's view and focus (touch and keyboard).
  const showChair = (chairId: number) => {
    const row = list.current?.querySelector<HTMLElement>(`[data-testid="alarm-row-${chairId}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    row?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  };
  const pausedUntil = Object.values(byChair)
    .map((s) => s.audio.pausedUntil)
    .filter((u): u is number => u !== null && u > now)
    .sort((a, b) => a - b)[0];
  const top = alarms[0]?.priority ?? null;

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    }
  };

  return (
    <section className={`alarm-bar${top ? ` alarm-bar--${top}` : ' alarm-bar--quiet'}`} data-testid="alarm-bar" aria-label={t('alarms.bar')}>
      <div className="alarm-bar__head">
        <span className="alarm-bar__total" data-testid="alarm-total">{alarms.length > 0 ? t('alarms.total', { count: alarms.length }) : ''}</span>
        {alarms.length > visibleRows && <span className="alarm-bar__scroll-hint" data-testid="alarm-scroll-hint">{t('alarms.scrollHint')}</span>}
        {counts.map((c) => (
          <button
            key={c.chairId}
            className={`alarm-count alarm-count--${c.priority}`}
            data-testid={`alarm-count-${c.chairId}`}
            data-count={c.count}
            onClick={() => showChair(c.chairId)}
          >
            {VISUAL_SIGNALS[c.priority].prefix} {t('alarms.chairCount', { chair: chairName(c.chairId), count: c.count })}
          </button>
        ))}
      </div>
      {/* Focusable so the arrow keys scroll it; its buttons scroll into view when tabbed to. */}
      <div className="alarm-bar__list" ref={list} tabIndex={0} role="alert" aria-live="assertive" aria-label={t('alarms.listLabel')} data-testid="alarm-list">
        {alarms.length === 0 && <div className="alarm-bar__none">{t('alarms.none')}</div>}
        {alarms.map((a) => (
          <AlarmRow
            key={`${a.chairId}:${a.id}`}
            alarm={a}
            chairName={chairName(a.chairId)}
            now={now}
            language={language}
            onOpen={() => go({ name: 'chair', chairId: a.chairId })}
            onAck={readOnly ? null : () => run(() => api.call('alarms.acknowledge', { chairId: a.chairId, alarmId: a.id }))}
          />
        ))}
      </div>
      <div className="alarm-bar__controls">
        {/* ALARM OFF where it has room to be read whole, above the sound controls. */}
        {switchedOff.map(([chairId, s]) => (
          <span className="alarm-bar__switched-off" key={chairId} data-testid={`alarm-off-${chairId}`}>
            {t('alarms.switchedOff', {
              chair: chairName(Number(chairId)),
              codes: s.switchedOff.map((code) => alarmMessage(code as ConditionCode, {}, language).replace(/:.*$/, '')).join(', '),
            })}
          </span>
        ))}
        {pausedUntil !== undefined ? (
          <span className="alarm-bar__paused" data-testid="audio-paused" role="status">
            {t('alarms.audioPaused', { time: mmss(pausedUntil - now) })}
          </span>
        ) : readOnly ? null : (
          <>
            {chairInView !== null && (
              <button
                className="alarm-bar__pause"
                data-testid="audio-pause"
                disabled={(byChair[chairInView]?.alarms.length ?? 0) === 0}
                onClick={() => run(() => api.call('alarms.pauseAudio', { chairId: chairInView }))}
              >
                {t('alarms.pauseAudio')}
              </button>
            )}
            {confirmAll ? (
              <span className="alarm-bar__confirm" role="alertdialog" data-testid="audio-pause-all-confirm">
                {t('alarms.pauseAllConfirm')}
                <button data-testid="audio-pause-all-yes" onClick={() => run(async () => { setConfirmAll(false); await api.call('alarms.pauseAudio', { allChairs: true }); })}>
                  {t('alarms.pauseAllYes')}
                </button>
                <button data-testid="audio-pause-all-no" onClick={() => setConfirmAll(false)}>{t('alarms.pauseAllNo')}</button>
              </span>
            ) : (
              <button className="alarm-bar__pause" data-testid="audio-pause-all" disabled={alarms.length === 0} onClick={() => setConfirmAll(true)}>
                {t('alarms.pauseAll')}
              </button>
            )}
          </>
        )}
        {!audioReady && (
          <button className="alarm-bar__sound-off" data-testid="audio-enable" onClick={() => void player.start().then((ok) => useAlarmStore.getState().setAudioReady(ok))}>
            {t('alarms.soundOff')}
          </button>
        )}
        {view?.name === 'chair' && (
          <button className="alarm-bar__log" data-testid="alarm-log-open" onClick={() => go({ name: 'alarmLog', chairId: view.chairId })}>
            {t('alarms.logButton')}
          </button>
        )}
        {error && <span className="alarm-bar__error" role="alert">{error}</span>}
      </div>
      <div className="alarm-bar__foot">
        <p className="alarm-bar__secondary" data-testid="alarm-secondary">
          {ALARM_NOTICES['alarm.secondary']![language]}
        </p>
        {!readOnly && <SelfTestStatus />}
      </div>
    </section>
  );
}

function AlarmRow(props: { alarm: ChairAlarm; chairName: string; now: number; language: Language; onOpen(): void; onAck: (() => void) | null }) {
  const { t } = useTranslation();
  const { alarm: a, language } = props;
  const unacknowledged = a.acknowledgedAt === null;
  const signal = VISUAL_SIGNALS[a.priority];
  const message = alarmMessage(a.code as ConditionCode, a.params, language);
  return (
    <div
      className={`alarm-row alarm-row--${a.priority}${unacknowledged ? ' alarm-row--unack' : ''}`}
      data-testid={`alarm-row-${a.chairId}`}
      data-code={a.code}
      data-alarm-id={a.id}
      data-priority={a.priority}
    >
      <span className="alarm-row__prefix" aria-hidden>{signal.prefix}</span>
      <button className="alarm-row__chair" onClick={props.onOpen}>{props.chairName}</button>
      {/* A long text is cut at 1366 px: the whole text shows on hover and stays in the alarm log. */}
      <span className="alarm-row__text" title={message}>{message}</span>
      <span className="alarm-row__age">{mmss(props.now - a.raisedAt)}</span>
      {a.latched && <span className="alarm-row__badge">{t('alarms.latched')}</span>}
      {a.escalated && <span className="alarm-row__badge alarm-row__badge--escalated">{ALARM_NOTICES['alarm.escalated']![language]}</span>}
      {unacknowledged && props.onAck ? (
        <button className="alarm-row__ack" data-testid="alarm-ack" onClick={props.onAck}>
          {t('alarms.acknowledge')}
        </button>
      ) : unacknowledged ? null : (
        <span className="alarm-row__acked">{t('alarms.acknowledgedBy', { name: a.acknowledgedBy ?? '' })}</span>
      )}
    </div>
  );
}
