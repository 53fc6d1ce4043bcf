/**
 * The infusion's controls: the prescription in force, start, rate change, pause, resume, bolus, stop. Stopping cannot
 * be undone: it sits in the top row apart from the bolus and rate forms, and asks first (issue 12 item 5).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/settings';
import { ChoiceRow, parseDecimal, TextField } from '../../components/Field';
import { ProblemList, useLang } from '../../components/ProblemList';
import { hhmm, num } from '../../format';
import { RateInput, rateOf, type RateEntry } from './RateInput';
import { settingValue } from './settingValue';
import { useClinicSettings } from './useClinicSettings';
import { useDoseCalculation } from './useDoseCalculation';
import type { SessionHandle } from './useSession';
import { useMay } from '../auth/useMay';

export function InfusionPanel({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = handle.detail!;
  const rx = detail.prescription;
  const status = detail.session.status;
  const [refusal, setRefusal] = useState<Problem[]>([]);
  const [confirmStop, setConfirmStop] = useState(false);
  const id = detail.session.id;
  const act = async (p: Promise<Problem[]>) => setRefusal(await p);
  const mayChangeRate = useMay('infusion.changeRate');
  const mayBolus = useMay('infusion.bolus');

  return (
    <section className="panel infusion" data-testid="infusion">
      {rx && (
        <p className="rx-summary" data-testid="rx-summary">
          {t('infusion.prescribed', {
            mgPerKgPerH: num(rx.targetMgPerKgPerH, lang, 4),
            mlPerH: num(rx.pumpRateMlPerH, lang, 2),
            substance: t(`infusion.${rx.substance}`),
            concentration: num(rx.concentrationMgPerMl, lang),
            weight: num(rx.weightKg, lang, 1),
          })}{' '}
          <span className="muted">{t('infusion.prescribedBy', { name: rx.prescribed.userName, time: hhmm(rx.prescribed.at) })}</span>
          {rx.softLimitReason && <span className="warn-text"> · {rx.softLimitReason}</span>}
        </p>
      )}
      {detail.dose && detail.dose.problems.length > 0 && <ProblemList problems={detail.dose.problems} tone="warning" />}
      <div className="actions">
        {status === 'checklistComplete' && (
          <button className="btn btn--primary btn--big" disabled={!rx} onClick={() => act(handle.run('infusion.start', { sessionId: id }))} data-testid="inf-start">
            ▶ {t('infusion.start')}
          </button>
        )}
        {status === 'running' && (
          <button className="btn btn--big" onClick={() => act(handle.run('infusion.pause', { sessionId: id }))} data-testid="inf-pause">
            ‖ {t('infusion.pause')}
          </button>
        )}
        {status === 'paused' && (
          <button className="btn btn--primary btn--big" onClick={() => act(handle.run('infusion.resume', { sessionId: id }))} data-testid="inf-resume">
            ▶ {t('infusion.resume')}
          </button>
        )}
        {(status === 'running' || status === 'paused') && rx && (
          <button className="btn btn--danger infusion__ask-stop" aria-expanded={confirmStop} onClick={() => setConfirmStop(true)} data-testid="inf-stop-ask">
            ■ {t('stop.ask')}
          </button>
        )}
      </div>
      {confirmStop && (status === 'running' || status === 'paused') && (
        <StopConfirm
          onKeep={() => setConfirmStop(false)}
          onStop={async (reason) => {
            setConfirmStop(false);
            await act(handle.run('infusion.stop', { sessionId: id, ...(reason ? { reason } : {}) }));
          }}
        />
      )}
      <ProblemList problems={refusal} title={t('session.refused')} testId="inf-refusal" />
      {(status === 'running' || status === 'paused') && rx && (
        <>
          {mayChangeRate ? <RateChangeForm handle={handle} onResult={setRefusal} /> : <p className="muted">{t('pending.rateByPhysician')}</p>}
          {status === 'running' && mayBolus && <BolusForm handle={handle} onResult={setRefusal} />}
        </>
      )}
    </section>
  );
}

function RateChangeForm({ handle, onResult }: { handle: SessionHandle; onResult(p: Problem[]): void }) {
  const { t } = useTranslation();
  const detail = handle.detail!;
  const rx = detail.prescription!;
  const rows = useClinicSettings();
  const [entry, setEntry] = useState<RateEntry>({ unit: 'mgPerKgPerH', text: '' });
  const [reason, setReason] = useState('');
  const rate = rateOf(entry, rx.weightKg, rx.concentrationMgPerMl);
  const calc = useDoseCalculation({
    substance: rx.substance,
    concentrationMgPerMl: rx.concentrationMgPerMl,
    weightKg: rx.weightKg,
    mgPerKgPerH: rate?.mgPerKgPerH,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = parseDecimal(entry.text);
    if (v === undefined) return;
    const problems = await handle.run('infusion.changeRate', {
      sessionId: detail.session.id,
      ...(entry.unit === 'mlPerH' ? { rateMlPerH: v } : { mgPerKgPerH: v }),
      ...(reason.trim() ? { softLimitReason: reason.trim() } : {}),
    });
    onResult(problems);
    if (problems.length === 0) {
      setEntry({ unit: 'mgPerKgPerH', text: '' });
      setReason('');
    }
  };
  return (
    <form className="subform" onSubmit={submit} data-testid="rate-change">
      <h4>{t('infusion.rateChange')}</h4>
      <RateInput
        label={t('infusion.newRate')}
        value={entry}
        onChange={setEntry}
        weightKg={rx.weightKg}
        concentrationMgPerMl={rx.concentrationMgPerMl}
        pumpResolutionMlPerH={settingValue(rows, 'pumpResolutionMlPerH')}
        testPrefix="rc"
      />
      {calc && calc.problems.length > 0 && <ProblemList problems={calc.problems} tone={calc.verdict === 'refused' ? 'refusal' : 'warning'} />}
      {(calc?.verdict === 'reasonRequired' || reason) && (
        <TextField label={t('infusion.softReason')} value={reason} onChange={setReason} testId="rc-reason" />
      )}
      <button type="submit" className="btn btn--primary" disabled={!rate} data-testid="rc-apply">
        {t('infusion.apply')}
      </button>
    </form>
  );
}

function BolusForm({ handle, onResult }: { handle: SessionHandle; onResult(p: Problem[]): void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<'mg' | 'ml'>('mg');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = parseDecimal(amount);
    if (v === undefined) return;
    const problems = await handle.run('infusion.bolus', { sessionId: handle.detail!.session.id, amount: v, unit });
    onResult(problems);
    if (problems.length === 0) setAmount('');
  };
  return (
    <form className="subform" onSubmit={submit} data-testid="bolus">
      <h4>{t('infusion.bolus')}</h4>
      <div className="form__grid">
        <TextField label={t('infusion.bolusAmount')} unit={unit} inputMode="decimal" value={amount} onChange={setAmount} testId="bolus-amount" />
        <ChoiceRow<'mg' | 'ml'>
          label={t('infusion.unitLabel')}
          value={unit}
          options={[
            { value: 'mg', label: 'mg' },
            { value: 'ml', label: 'ml' },
          ]}
          onChange={setUnit}
        />
      </div>
      <button type="submit" className="btn" data-testid="bolus-give">
        {t('infusion.giveBolus')}
      </button>
    </form>
  );
}

/** The stop's question: "keep running" takes the focus and the place under the pointer; the stop is one step away. */
function StopConfirm({ onKeep, onStop }: { onKeep(): void; onStop(reason: string | undefined): Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <div className="stop-confirm" role="alertdialog" aria-label={t('stop.confirmTitle')} data-testid="inf-stop-confirm">
      <strong>{t('stop.confirmTitle')}</strong>
      <p className="muted">{t('stop.confirmText')}</p>
      <TextField label={t('infusion.reason')} value={reason} onChange={setReason} testId="inf-stop-reason" />
      <div className="actions">
        <button type="button" className="btn" autoFocus onClick={onKeep} data-testid="inf-stop-keep">
          {t('stop.keep')}
        </button>
        <button type="button" className="btn btn--danger" onClick={() => void onStop(reason.trim() || undefined)} data-testid="inf-stop">
          ■ {t('stop.confirm')}
        </button>
      </div>
    </div>
  );
}
