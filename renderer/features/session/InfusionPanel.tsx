/** The infusion's controls: the prescription in force, start, rate change, pause, resume, bolus, stop. */
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
  const [stopReason, setStopReason] = useState('');
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
      </div>
      <ProblemList problems={refusal} title={t('session.refused')} testId="inf-refusal" />
      {(status === 'running' || status === 'paused') && rx && (
        <>
          {mayChangeRate ? <RateChangeForm handle={handle} onResult={setRefusal} /> : <p className="muted">{t('pending.rateByPhysician')}</p>}
          {status === 'running' && mayBolus && <BolusForm handle={handle} onResult={setRefusal} />}
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(handle.run('infusion.stop', { sessionId: id, ...(stopReason.trim() ? { reason: stopReason.trim() } : {}) }));
            }}
          >
            <TextField label={t('infusion.reason')} value={stopReason} onChange={setStopReason} testId="inf-stop-reason" />
            <button type="submit" className="btn btn--danger btn--big" data-testid="inf-stop">
              ■ {t('infusion.stop')}
            </button>
          </form>
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
