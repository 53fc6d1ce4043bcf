/**
 * The physician's prescription: substance (esketamine by default), syringe concentration from the catalogue, weight,
 * target dose in mg/kg/h or ml/h (both shown), the clinic's limits with their sources; above the soft limit a written
 * reason is required, above the hard limit the rate is refused — each reason in words. The target dose is never filled
 * in for the physician: the protocol's start dose is shown as a hint only.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreInfusionChecklist } from '../../../core/session/checklist';
import { SUBSTANCES, type Substance } from '../../../core/dose/substance';
import type { Problem } from '../../../core/settings';
import { parseDecimal, SelectField, TextField } from '../../components/Field';
import { ProblemList, useLang } from '../../components/ProblemList';
import { DoseLimits } from './DoseLimits';
import { num } from '../../format';
import { RateInput, rateOf, type RateEntry } from './RateInput';
import { settingSource, settingValue } from './settingValue';
import { useClinicSettings } from './useClinicSettings';
import { useDoseCalculation } from './useDoseCalculation';
import type { SessionHandle } from './useSession';

export function PrescriptionForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = handle.detail!;
  const rows = useClinicSettings();
  const checklistWeight = (detail.checklist.items as PreInfusionChecklist).weight?.kg;
  const rx = detail.prescription;
  const [substance, setSubstance] = useState<Substance | ''>(rx?.substance ?? '');
  const chosenSubstance: Substance = substance || settingValue(rows, 'defaultSubstance');
  const catalogue = settingValue(rows, chosenSubstance === 'esketamine' ? 'esketamineConcentrationsMgPerMl' : 'racemicKetamineConcentrationsMgPerMl');
  const [concentration, setConcentration] = useState<string>(rx ? String(rx.concentrationMgPerMl) : '');
  const chosenConcentration = concentration || String(settingValue(rows, 'defaultConcentrationMgPerMl'));
  const [weight, setWeight] = useState(rx ? String(rx.weightKg) : checklistWeight !== undefined ? String(checklistWeight) : '');
  const startRate = settingValue(rows, chosenSubstance === 'esketamine' ? 'esketamineStartRateMgPerKgPerH' : 'racemicKetamineStartRateMgPerKgPerH');
  const [entry, setEntry] = useState<RateEntry | null>(rx ? { unit: 'mgPerKgPerH', text: String(rx.targetMgPerKgPerH) } : null);
  const shownEntry: RateEntry = entry ?? { unit: 'mgPerKgPerH', text: '' };
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<Problem[]>([]);

  const weightKg = parseDecimal(weight);
  const concentrationMgPerMl = parseDecimal(chosenConcentration);
  const rate = rateOf(shownEntry, weightKg, concentrationMgPerMl);
  const calc = useDoseCalculation({ substance: chosenSubstance, concentrationMgPerMl, weightKg, mgPerKgPerH: rate?.mgPerKgPerH });
  const needsReason = calc?.verdict === 'reasonRequired' || reason.trim() !== '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!rate || weightKg === undefined || concentrationMgPerMl === undefined) return;
    setRefusal(
      await handle.run('prescriptions.prescribe', {
        sessionId: detail.session.id,
        substance: chosenSubstance,
        concentrationMgPerMl,
        weightKg,
        targetMgPerKgPerH: rate.mgPerKgPerH,
        ...(reason.trim() ? { softLimitReason: reason.trim() } : {}),
      }),
    );
  };

  return (
    <form className="panel form" onSubmit={submit} data-testid="prescription">
      <h3>{t('infusion.prescription')}</h3>
      <div className="form__grid">
        <SelectField<Substance>
          label={t('infusion.substance')}
          value={chosenSubstance}
          testId="rx-substance"
          hint={t('infusion.source', { source: settingSource(rows, 'defaultSubstance', lang) })}
          options={SUBSTANCES.map((s) => ({ value: s, label: t(`infusion.${s}`) }))}
          onChange={(s) => {
            setSubstance(s);
            setConcentration('');
            setEntry(null);
          }}
        />
        <SelectField
          label={`${t('infusion.concentration')} (mg/ml)`}
          value={chosenConcentration}
          testId="rx-concentration"
          hint={t('infusion.source', { source: settingSource(rows, 'esketamineConcentrationsMgPerMl', lang) })}
          options={catalogue.map((c) => ({ value: String(c), label: `${num(c, lang)} mg/ml` }))}
          onChange={setConcentration}
        />
        <TextField label={t('infusion.weight')} unit="kg" inputMode="decimal" value={weight} onChange={setWeight} testId="rx-weight" />
      </div>
      <RateInput
        label={t('infusion.target')}
        value={shownEntry}
        onChange={setEntry}
        weightKg={weightKg}
        concentrationMgPerMl={concentrationMgPerMl}
        pumpResolutionMlPerH={settingValue(rows, 'pumpResolutionMlPerH')}
        testPrefix="rx"
      />
      {!rx && (
        <p className="muted" data-testid="rx-start-hint">
          {t('infusion.targetHint', {
            value: num(startRate, lang, 3),
            source: settingSource(rows, chosenSubstance === 'esketamine' ? 'esketamineStartRateMgPerKgPerH' : 'racemicKetamineStartRateMgPerKgPerH', lang),
          })}
        </p>
      )}
      {calc && <p className="muted">{t('infusion.racemicEq', { value: num(calc.racemicEquivalentMgPerKgPerH, lang, 3) })}</p>}
      {calc && calc.problems.length > 0 && (
        <ProblemList problems={calc.problems} tone={calc.verdict === 'refused' ? 'refusal' : 'warning'} testId="rx-verdict" />
      )}
      {needsReason && (
        <label className="field">
          <span className="field__label">{t('infusion.softReason')}</span>
          <textarea className="input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="rx-reason" />
        </label>
      )}
      {calc && <DoseLimits limits={calc.limits} />}
      <ProblemList problems={refusal} title={t('session.refused')} testId="rx-refusal" />
      <button type="submit" className="btn btn--primary" data-testid="rx-prescribe" disabled={!rate}>
        {t('infusion.prescribe')}
      </button>
    </form>
  );
}
