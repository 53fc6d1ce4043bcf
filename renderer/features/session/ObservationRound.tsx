/**
 * Issue 12 item 1: a whole observation round on one row — NRS, sedation (RASS or MOAA/S), dissociation, nausea and
 * blood pressure (prefilled from the monitor's last cuff reading). Digits are the shortcuts: a complete value moves
 * the cursor on, Enter saves the round. The server writes the round whole or not at all; a refused item is shown
 * under its slot and everything typed stays. The draft outlives navigation (draftStore).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { formatProblem } from '../../../core/messages';
import { isStale } from '../../../core/freshness';
import { DISSOCIATION_LEVELS, MOAAS_LEVELS, NAUSEA_LEVELS, RASS_LEVELS, type Level } from '../../../core/session/scales';
import type { ScheduledObservationKind } from '../../../core/session/observationSchedule';
import type { Problem } from '../../../core/settings';
import { Age } from '../../components/Age';
import { ProblemList, useLang } from '../../components/ProblemList';
import { duration } from '../../format';
import { useDraft } from '../../stores/draftStore';
import { useLiveStore } from '../../stores/liveStore';
import { EMPTY_ROUND, planRound, ROUND_SLOTS, slotComplete, slotValue, type RoundEntry, type RoundSlot, type SlotError } from './roundEntry';
import type { SessionHandle } from './useSession';

const KIND_OF: Record<RoundSlot, ScheduledObservationKind> = {
  pain: 'pain',
  sedation: 'sedation',
  dissociation: 'dissociation',
  nausea: 'nausea',
  systolic: 'bloodPressure',
  diastolic: 'bloodPressure',
};

export function ObservationRound({ handle, now }: { handle: SessionHandle; now: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = handle.detail!;
  const sessionId = detail.session.id;
  const [entry, setEntry, clearEntry] = useDraft<RoundEntry>(`round:${sessionId}`, EMPTY_ROUND);
  const [refused, setRefused] = useState<{ bySlot: Partial<Record<RoundSlot, Problem[]>>; other: Problem[] }>({ bySlot: {}, other: [] });
  const [saved, setSaved] = useState<number | null>(null);
  const inputs = useRef<Partial<Record<RoundSlot, HTMLInputElement | null>>>({});
  const cuff = useMonitorCuff(detail);

  // Only a new cuff reading fills the empty blood-pressure slots; typing over it makes it a manual value.
  useEffect(() => {
    if (!cuff || entry.text.systolic !== '' || entry.text.diastolic !== '') return;
    setEntry({ ...entry, text: { ...entry.text, systolic: String(cuff.sys), diastolic: String(cuff.dia) }, monitorAt: cuff.at });
  }, [cuff?.at]);

  // When the infusion stops the next round is the recovery's: the cursor waits in its first slot, in view.
  const status = detail.session.status;
  useEffect(() => {
    if (status === 'postObservation') inputs.current.pain?.focus();
  }, [status]);

  const plan = planRound(entry);
  const type = (slot: RoundSlot, text: string) => {
    const next: RoundEntry = { ...entry, text: { ...entry.text, [slot]: text } };
    if (slot === 'systolic' || slot === 'diastolic') delete next.monitorAt;
    setEntry(next);
    setSaved(null);
    if (slotComplete(next, slot)) {
      const following = inputs.current[ROUND_SLOTS[ROUND_SLOTS.indexOf(slot) + 1]!];
      following?.focus();
      following?.select();
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (plan.observations.length === 0) return;
    const problems = await handle.run('observations.recordRound', { sessionId, observations: plan.observations });
    const bySlot: Partial<Record<RoundSlot, Problem[]>> = {};
    const other: Problem[] = [];
    for (const p of problems) {
      const slot = typeof p.params?.item === 'number' ? plan.slots[p.params.item] : undefined;
      if (slot) (bySlot[slot] ??= []).push(p);
      else other.push(p);
    }
    setRefused({ bySlot, other });
    if (problems.length > 0) return;
    setSaved(plan.observations.length);
    clearEntry();
    setEntry({ ...EMPTY_ROUND, scale: entry.scale });
    inputs.current.pain?.focus();
  };

  const errorText = (err: SlotError) => t(`round.${err.kind}`, err.kind === 'bothPressures' ? {} : { ...err });
  const slot = (s: RoundSlot, label: string, levels?: readonly Level[]) => {
    const { value } = slotValue(entry, s);
    const err = plan.errors[s];
    const serverProblems = refused.bySlot[s] ?? [];
    const words = levels?.find((l) => l.score === value)?.[lang];
    return (
      <div className={`round__slot${err || serverProblems.length ? ' round__slot--bad' : ''}`} data-testid={`round-slot-${s}`}>
        <label className="round__label" htmlFor={`round-${sessionId}-${s}`}>
          {label}
        </label>
        <input
          id={`round-${sessionId}-${s}`}
          ref={(el) => {
            inputs.current[s] = el;
          }}
          className="input round__input"
          inputMode={s === 'sedation' ? 'text' : 'numeric'}
          autoComplete="off"
          value={entry.text[s]}
          aria-invalid={Boolean(err || serverProblems.length)}
          autoFocus={s === 'pain'}
          onFocus={(ev) => ev.target.select()}
          onChange={(ev) => type(s, ev.target.value)}
          data-testid={`round-${s}`}
        />
        <span className="round__note" role={err || serverProblems.length ? 'alert' : undefined}>
          {err ? errorText(err) : serverProblems.length ? serverProblems.map((p) => formatProblem(p, lang)).join('; ') : (words ?? '\u00a0')}
        </span>
      </div>
    );
  };
  const sedationLevels = entry.scale === 'rass' ? RASS_LEVELS : MOAAS_LEVELS;

  return (
    <form className="round" onSubmit={submit} data-testid="obs-round" aria-label={t('round.title')}>
      <div className="round__head">
        <h3>{t('round.title')}</h3>
        <DueLine detail={detail} now={now} />
      </div>
      <div className="round__row">
        {slot('pain', `${t('round.pain')} 0–10`)}
        <div className="round__sedation">
          {slot('sedation', entry.scale === 'rass' ? 'RASS −5…+4' : 'MOAA/S 0–5', sedationLevels)}
          {/* Out of the Tab path: the digits go from slot to slot; the scale is changed rarely, by pointer. */}
          <button
            type="button"
            tabIndex={-1}
            className="round__scale"
            data-testid="round-scale"
            title={entry.scale === 'rass' ? 'MOAA/S' : 'RASS'}
            onClick={() => setEntry({ ...entry, scale: entry.scale === 'rass' ? 'moaas' : 'rass', text: { ...entry.text, sedation: '' } })}
          >
            ⇄
          </button>
        </div>
        {slot('dissociation', `${t('round.dissociation')} 0–3`, DISSOCIATION_LEVELS)}
        {slot('nausea', `${t('round.nausea')} 0–3`, NAUSEA_LEVELS)}
        <fieldset className="round__bp">
          <legend>{t('round.bloodPressure')} mmHg</legend>
          {slot('systolic', t('round.systolic'))}
          {slot('diastolic', t('round.diastolic'))}
          <span className="round__source muted" data-testid="round-bp-source">
            {entry.monitorAt !== undefined ? (
              <>
                {t('round.fromMonitor')} <Age since={entry.monitorAt} now={now} />
              </>
            ) : (
              '\u00a0'
            )}
          </span>
        </fieldset>
        <button type="submit" className="btn btn--primary round__save" disabled={plan.observations.length === 0} data-testid="round-save">
          {t('round.save')} ⏎
        </button>
      </div>
      <ProblemList problems={refused.other} title={t('round.notSaved')} testId="round-refusal" />
      {Object.keys(refused.bySlot).length > 0 && <p className="warn-text" role="alert">{t('round.notSaved')}</p>}
      <p className="round__foot muted">
        {saved !== null ? <span className="ok-text" data-testid="round-saved">{t('round.saved', { count: saved })}</span> : t('round.help')}
      </p>
    </form>
  );
}

/** The earliest due item of any kind, counting down (or up when late): the same line as on the overview tile. */
export function DueLine({ detail, now }: { detail: SessionDetail; now: number }) {
  const { t } = useTranslation();
  const first = detail.schedule?.due[0];
  if (!detail.schedule) return null;
  if (!first) return <span className="due-line muted" data-testid="due-line">{t('due.none')}</span>;
  const late = now - first.dueAt;
  const kind = t(`due.kind.${first.kind}`);
  return (
    <span className={late > 0 ? 'due-line due-line--over' : 'due-line'} data-testid="due-line" data-kind={first.kind}>
      {late > 0 ? t('due.over', { kind, time: duration(late) }) : t('due.next', { kind, time: duration(-late) })}
    </span>
  );
}

/** The monitor's last cuff pressure when it is current, taken during this session and newer than the last one documented. */
function useMonitorCuff(detail: SessionDetail): { sys: number; dia: number; at: number } | null {
  const chair = useLiveStore((s) => s.chairs[detail.session.chairId]);
  const liveNow = useLiveStore((s) => s.now);
  const sys = chair?.latest.nibpSys;
  const dia = chair?.latest.nibpDia;
  if (!sys || !dia || sys.state !== 'valid' || dia.state !== 'valid' || sys.value === null || dia.value === null) return null;
  if (isStale('nibpSys', sys.receivedAt, liveNow)) return null;
  const since = detail.session.startedAt ?? Infinity;
  const lastDocumented = Math.max(0, ...detail.observations.filter((o) => o.observation.kind === 'bloodPressure').map((o) => o.observation.at));
  if (sys.receivedAt < since || sys.receivedAt <= lastDocumented) return null;
  return { sys: Math.round(sys.value), dia: Math.round(dia.value), at: sys.receivedAt };
}
