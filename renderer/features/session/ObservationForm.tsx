/**
 * Records one observation: NRS, sedation (RASS or MOAA/S), dissociation, nausea, manual BP, free text, adverse event with
 * rescue drug. Times are the server's unless the user chooses one. A refused entry stays on screen with its reasons
 * until it is saved or discarded: the kind cannot be switched away from it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../core/api/contract';
import { ADVERSE_EVENT_SEVERITIES, type AdverseEventSeverity } from '../../../core/session/observations';
import { DISSOCIATION_LEVELS, MOAAS_LEVELS, NAUSEA_LEVELS, RASS_LEVELS } from '../../../core/session/scales';
import type { Problem } from '../../../core/settings';
import { CheckField, ChoiceRow, parseDecimal, TextField } from '../../components/Field';
import { ProblemList } from '../../components/ProblemList';
import { LevelPicker } from './LevelPicker';
import { EMPTY_RESCUE, RescueFields, rescueInput, type RescueEntry } from './RescueFields';
import { chosenTime, DEFAULT_TIME, TimeChoice, type TimeChoiceValue } from './TimeChoice';
import type { SessionHandle } from './useSession';
import { useStaff } from './useStaff';

type ObservationInput = MethodInput<'observations.record'>['observation'];
const KINDS = ['pain', 'sedation', 'dissociation', 'nausea', 'bloodPressure', 'note', 'adverseEvent'] as const;
type Kind = (typeof KINDS)[number];

export function ObservationForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('pain');
  const [score, setScore] = useState<number | undefined>();
  const [scale, setScale] = useState<'rass' | 'moaas'>('rass');
  const [vomiting, setVomiting] = useState('');
  const [sys, setSys] = useState('');
  const [dia, setDia] = useState('');
  const [hr, setHr] = useState('');
  const [spo2, setSpo2] = useState('');
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<AdverseEventSeverity>('mild');
  const [rescue, setRescue] = useState(false);
  const [rescueEntry, setRescueEntry] = useState<RescueEntry>(EMPTY_RESCUE);
  const [time, setTime] = useState<TimeChoiceValue>(DEFAULT_TIME);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const staff = useStaff();

  const reset = () => {
    setScore(undefined);
    setVomiting('');
    setSys('');
    setDia('');
    setHr('');
    setSpo2('');
    setText('');
    setRescue(false);
    setRescueEntry(EMPTY_RESCUE);
    setTime(DEFAULT_TIME);
  };
  const discard = () => {
    reset();
    setProblems([]);
  };

  const observation = (): ObservationInput | null => {
    const at = chosenTime(time);
    if (time.chosen && at === undefined) return null;
    const o = entry();
    return o && at !== undefined ? { ...o, at } : o;
  };

  const entry = (): ObservationInput | null => {
    const n = (s: string) => parseDecimal(s);
    switch (kind) {
      case 'pain':
        return score === undefined ? null : { kind, nrs: score };
      case 'sedation':
        return score === undefined ? null : { kind, scale, score };
      case 'dissociation':
        return score === undefined ? null : { kind, score };
      case 'nausea':
        return score === undefined ? null : { kind, score, ...(n(vomiting) !== undefined ? { vomitingEpisodes: n(vomiting)! } : {}) };
      case 'bloodPressure':
        return n(sys) === undefined || n(dia) === undefined
          ? null
          : {
              kind,
              systolicMmHg: n(sys)!,
              diastolicMmHg: n(dia)!,
              ...(n(hr) !== undefined ? { heartRate: n(hr)! } : {}),
              ...(n(spo2) !== undefined ? { spo2: n(spo2)! } : {}),
            };
      case 'note':
        return { kind, text };
      case 'adverseEvent': {
        const r = rescue ? rescueInput(rescueEntry) : undefined;
        if (r === null) return null;
        return { kind, description: text, severity, ...(r ? { rescueMedication: r } : {}) };
      }
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const obs = observation();
    if (!obs) return;
    const result = await handle.run('observations.record', { sessionId: handle.detail!.session.id, observation: obs });
    // A refusal keeps the entry as typed, with its reasons, until it is corrected or discarded.
    setProblems(result);
    setSaved(result.length === 0);
    if (result.length === 0) reset();
  };
  const refused = problems.length > 0;

  const levels = kind === 'dissociation' ? DISSOCIATION_LEVELS : kind === 'nausea' ? NAUSEA_LEVELS : scale === 'rass' ? RASS_LEVELS : MOAAS_LEVELS;
  return (
    <form className="subform" onSubmit={submit} data-testid="obs-form">
      <ChoiceRow<Kind>
        label={t('obs.title')}
        value={kind}
        testId="obs-kind"
        disabled={refused}
        options={KINDS.map((k) => ({ value: k, label: t(`obs.kind.${k}`) }))}
        onChange={(k) => {
          setKind(k);
          setScore(undefined);
          setSaved(false);
        }}
      />
      {refused && <p className="muted">{t('obs.keepOrDiscard')}</p>}
      {kind === 'pain' && (
        <ChoiceRow<number>
          label={t('obs.nrs')}
          value={score}
          testId="obs-nrs"
          options={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))}
          onChange={setScore}
        />
      )}
      {kind === 'sedation' && (
        <ChoiceRow<'rass' | 'moaas'>
          label={t('obs.sedationScale')}
          value={scale}
          options={[
            { value: 'rass', label: t('obs.rass') },
            { value: 'moaas', label: t('obs.moaas') },
          ]}
          onChange={(s) => {
            setScale(s);
            setScore(undefined);
          }}
        />
      )}
      {(kind === 'sedation' || kind === 'dissociation' || kind === 'nausea') && (
        <LevelPicker label={t(`obs.kind.${kind}`)} levels={levels} value={score} onChange={setScore} testId={`obs-levels-${kind}`} />
      )}
      {kind === 'nausea' && <TextField label={t('obs.vomiting')} inputMode="numeric" value={vomiting} onChange={setVomiting} />}
      {kind === 'bloodPressure' && (
        <div className="form__grid form__grid--3">
          <TextField label={t('obs.systolic')} unit="mmHg" inputMode="numeric" value={sys} onChange={setSys} testId="obs-sys" />
          <TextField label={t('obs.diastolic')} unit="mmHg" inputMode="numeric" value={dia} onChange={setDia} testId="obs-dia" />
          <TextField label={t('obs.heartRate')} unit="/min" inputMode="numeric" value={hr} onChange={setHr} testId="obs-hr" />
          <TextField label="SpO₂" unit="%" inputMode="numeric" value={spo2} onChange={setSpo2} testId="obs-spo2" />
        </div>
      )}
      {(kind === 'note' || kind === 'adverseEvent') && (
        <label className="field">
          <span className="field__label">{t(kind === 'note' ? 'obs.text' : 'obs.description')}</span>
          <textarea className="input" rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="obs-text" />
        </label>
      )}
      {kind === 'adverseEvent' && (
        <>
          <ChoiceRow<AdverseEventSeverity>
            label={t('obs.severity')}
            value={severity}
            options={ADVERSE_EVENT_SEVERITIES.map((s) => ({ value: s, label: t(`obs.${s}`) }))}
            onChange={setSeverity}
          />
          <CheckField label={t('obs.rescue')} checked={rescue} onChange={setRescue} testId="obs-rescue" />
          {rescue && <RescueFields value={rescueEntry} onChange={setRescueEntry} staff={staff} />}
        </>
      )}
      <TimeChoice label={t('obs.time')} defaultLabel={t('obs.timeNow')} value={time} onChange={setTime} testId="obs-time" />
      <ProblemList problems={problems} title={t('session.refused')} testId="obs-refusal" />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={!observation()} data-testid="obs-record">
          {t('obs.record')}
        </button>
        {refused && (
          <button type="button" className="btn" onClick={discard} data-testid="obs-discard">
            {t('obs.discard')}
          </button>
        )}
        {saved && <span className="ok-text">{t('session.saved')}</span>}
      </div>
    </form>
  );
}
