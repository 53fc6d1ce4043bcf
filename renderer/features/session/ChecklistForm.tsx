/**
 * The pre-infusion checklist (§1.5): consent, contraindications, weight, baseline vitals (monitor or typed), baseline
 * pain, fasting, way home, responsible physician (an account). Saving shows what is still open; completing is refused
 * with every open item in words. No date is filled in for the user; the contraindications are confirmed by a physician
 * with their own login (checklist.confirmContraindications), shown here with who and when. The baseline vitals fill
 * themselves from the monitor's current (not stale) readings while all four are empty, marked as the monitor's; typed
 * values replace them and are marked as typed (issue 12: what the monitor already has needs no click).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escort } from '../../../core/session/escort';
import type { PreInfusionChecklist } from '../../../core/session/checklist';
import type { Problem } from '../../../core/settings';
import { CheckField, ChoiceRow, parseDecimal, SelectField, TextField } from '../../components/Field';
import { ProblemList, useLang } from '../../components/ProblemList';
import { DateTimeField, DayField } from '../../components/DateFields';
import { isStale } from '../../../core/freshness';
import { useLiveStore } from '../../stores/liveStore';
import { cleanEscort, EscortFields } from '../discharge/EscortFields';
import { dateTime, fromLocalInput, toLocalInput } from '../../format';
import { useDraft, useDraftStore } from '../../stores/draftStore';
import type { SessionHandle } from './useSession';
import { useClinicSettings } from './useClinicSettings';
import { useStaff } from './useStaff';
import { useMay } from '../auth/useMay';

/** A typed day as a time: its noon, or now (server clock) when that is still ahead, so today is never "in the future". */
const dayToMs = (ymd: string, now: number) => {
  const noon = ymd ? new Date(`${ymd}T12:00`).getTime() : Number.NaN;
  return Number.isFinite(noon) ? Math.min(noon, now) : undefined;
};
const msToDay = (t: number | undefined) => (t === undefined ? '' : toLocalInput(t).slice(0, 10));
const str = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

export function ChecklistForm({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = handle.detail!;
  const items = detail.checklist.items as PreInfusionChecklist;
  const settings = useClinicSettings();
  const latest = useLiveStore((s) => s.chairs[detail.session.chairId]?.latest);

  const mayConfirm = useMay('checklist.confirmContraindications');
  // Every field is a draft (issue 12 item 6): leaving the screen half-filled loses nothing.
  const draft = `checklist:${detail.session.id}:`;
  const physicians = useStaff().filter((u) => u.role === 'physician');
  const confirmation = detail.checklist.contraindications;
  const [consentDay, setConsentDay] = useDraft(`${draft}consentDay`, msToDay(items.offLabelConsent?.signedAt));
  const [version, setVersion] = useDraft(`${draft}version`, items.offLabelConsent?.infoSheetVersion ?? '');
  const [clause, setClause] = useDraft(`${draft}clause`, items.offLabelConsent?.offLabelClause ?? false);
  const [briefing, setBriefing] = useDraft(`${draft}briefing`, items.offLabelConsent?.safetyBriefingGiven ?? false);
  const [weight, setWeight] = useDraft(`${draft}weight`, str(items.weight?.kg));
  const [weighedDay, setWeighedDay] = useDraft(`${draft}weighedDay`, msToDay(items.weight?.measuredAt));
  const [vitalsSource, setVitalsSource] = useDraft<'monitor' | 'manual'>(`${draft}vitalsSource`, items.baselineVitals?.source ?? 'manual');
  const [sys, setSys] = useDraft(`${draft}sys`, str(items.baselineVitals?.systolicMmHg));
  const [dia, setDia] = useDraft(`${draft}dia`, str(items.baselineVitals?.diastolicMmHg));
  const [hr, setHr] = useDraft(`${draft}hr`, str(items.baselineVitals?.heartRate));
  const [spo2, setSpo2] = useDraft(`${draft}spo2`, str(items.baselineVitals?.spo2));
  const [pain, setPain] = useDraft<number | undefined>(`${draft}pain`, items.baselinePainNrs);
  const [lastMeal, setLastMeal] = useDraft(`${draft}lastMeal`, items.fasting ? toLocalInput(items.fasting.lastMealAt) : '');
  const [escort, setEscort] = useDraft<Escort>(`${draft}escort`, items.escort ?? { kind: 'person' });
  const [physician, setPhysician] = useDraft(`${draft}physician`, items.responsiblePhysician ? String(items.responsiblePhysician.userId) : '');
  const [onSite, setOnSite] = useDraft(`${draft}onSite`, items.responsiblePhysician?.onSite ?? false);
  const [refusal, setRefusal] = useState<Problem[]>([]);

  // With one physician on the staff there is nobody else to choose (issue 12: fewer clicks); the MFA still sees who.
  const onlyPhysician = physicians.length === 1 ? String(physicians[0]!.id) : '';
  useEffect(() => {
    if (!physician && onlyPhysician) setPhysician(onlyPhysician);
  }, [onlyPhysician, physician]);

  const currentVersion = settings.infoSheetVersion?.value;
  useEffect(() => {
    if (!version && typeof currentVersion === 'string') setVersion(currentVersion);
  }, [currentVersion, version]);

  // A stale cuff reading may be the previous patient's: only current values count as the monitor's baseline.
  const fromMonitor = (p: 'nibpSys' | 'nibpDia' | 'hr' | 'spo2') => {
    const r = latest?.[p];
    const current = r && r.state === 'valid' && r.value !== null && !isStale(p, r.receivedAt, Date.now() + handle.offsetMs);
    return current ? String(Math.round(r.value!)) : '';
  };
  const takeFromMonitor = () => {
    setSys(fromMonitor('nibpSys'));
    setDia(fromMonitor('nibpDia'));
    setHr(fromMonitor('hr'));
    setSpo2(fromMonitor('spo2'));
    setVitalsSource('monitor');
  };
  const noBaseline = !sys && !dia && !hr && !spo2;
  const monitorHasAny = (['nibpSys', 'nibpDia', 'hr', 'spo2'] as const).some((p) => fromMonitor(p) !== '');
  // Once per form: fields the MFA empties on purpose (to type her own values) do not fill again under her hands.
  const autoFilled = useRef(false);
  useEffect(() => {
    if (autoFilled.current || !noBaseline || !monitorHasAny) return;
    autoFilled.current = true;
    takeFromMonitor();
  }, [noBaseline, monitorHasAny]);
  const typed = (set: (s: string) => void) => (s: string) => {
    set(s);
    setVitalsSource('manual');
  };

  const checklist = (): PreInfusionChecklist => {
    const now = Date.now() + handle.offsetMs;
    const kg = parseDecimal(weight);
    const signedAt = dayToMs(consentDay, now);
    const measuredAt = dayToMs(weighedDay, now);
    const vitals = { systolicMmHg: parseDecimal(sys), diastolicMmHg: parseDecimal(dia), heartRate: parseDecimal(hr), spo2: parseDecimal(spo2) };
    const anyVital = Object.values(vitals).some((v) => v !== undefined);
    const meal = fromLocalInput(lastMeal);
    return {
      ...(signedAt !== undefined
        ? { offLabelConsent: { signedAt, infoSheetVersion: version.trim(), offLabelClause: clause, safetyBriefingGiven: briefing } }
        : {}),
      ...(kg !== undefined && measuredAt !== undefined ? { weight: { kg, measuredAt } } : {}),
      ...(anyVital
        ? { baselineVitals: { source: vitalsSource, at: now, ...Object.fromEntries(Object.entries(vitals).filter(([, v]) => v !== undefined)) } }
        : {}),
      ...(pain !== undefined ? { baselinePainNrs: pain } : {}),
      ...(meal !== undefined ? { fasting: { lastMealAt: meal } } : {}),
      escort: cleanEscort(escort),
      ...(physician ? { responsiblePhysician: { userId: Number(physician), onSite } } : {}),
    };
  };

  const save = async () => {
    const problems = await handle.run('sessions.saveChecklist', { sessionId: detail.session.id, checklist: checklist() });
    setRefusal(problems);
    return problems.length === 0;
  };
  const confirm = async (absoluteContraindicationFound: boolean) =>
    setRefusal(await handle.run('checklist.confirmContraindications', { sessionId: detail.session.id, absoluteContraindicationFound }));
  const complete = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await save())) return;
    const problems = await handle.run('sessions.completeChecklist', { sessionId: detail.session.id });
    setRefusal(problems);
    if (problems.length === 0) useDraftStore.getState().dropPrefix(draft);
  };

  return (
    <form className="panel form" onSubmit={complete} data-testid="checklist">
      <h3>{t('checklist.title')}</h3>
      <fieldset className="group">
        <legend>{t('checklist.consent')}</legend>
        <div className="form__grid">
          <DayField label={t('checklist.consentSignedAt')} value={consentDay} onChange={setConsentDay} testId="cl-consent-date" />
          <TextField label={t('checklist.infoSheetVersion')} value={version} onChange={setVersion} testId="cl-consent-version" />
        </div>
        <CheckField label={t('checklist.offLabelClause')} checked={clause} onChange={setClause} testId="cl-offlabel" />
        <CheckField label={t('checklist.safetyBriefing')} checked={briefing} onChange={setBriefing} testId="cl-briefing" />
      </fieldset>
      <fieldset className="group">
        <legend>{t('checklist.contraindications')}</legend>
        <p className={confirmation?.absoluteContraindicationFound ? 'warn-text' : confirmation ? 'ok-text' : 'muted'} data-testid="cl-ci-status">
          {confirmation
            ? t(confirmation.absoluteContraindicationFound ? 'checklist.ciConfirmedFound' : 'checklist.ciConfirmedNone', {
                name: confirmation.confirmed.userName,
                time: dateTime(confirmation.confirmed.at, lang),
              })
            : t('checklist.ciNotConfirmed')}
        </p>
        {mayConfirm ? (
          <div className="actions">
            <button type="button" className="btn" onClick={() => void confirm(false)} data-testid="cl-ci-none">
              {t('checklist.ciConfirmNone')}
            </button>
            <button type="button" className="btn btn--danger" onClick={() => void confirm(true)} data-testid="cl-ci-found">
              {t('checklist.ciConfirmFound')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('checklist.ciPhysicianOnly')}</p>
        )}
      </fieldset>
      <fieldset className="group">
        <legend>{t('checklist.weight')}</legend>
        <div className="form__grid">
          <TextField label={t('checklist.weight')} unit="kg" type="text" inputMode="decimal" value={weight} onChange={setWeight} testId="cl-weight" />
          <DayField label={t('checklist.weightMeasuredAt')} value={weighedDay} onChange={setWeighedDay} testId="cl-weight-date" />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>
          {t('checklist.baseline')} · <span className="muted">{t(vitalsSource === 'monitor' ? 'checklist.sourceMonitor' : 'checklist.sourceManual')}</span>
        </legend>
        <button type="button" className="btn" onClick={takeFromMonitor} data-testid="cl-from-monitor">
          {t('checklist.fromMonitor')}
        </button>
        <div className="form__grid form__grid--4">
          <TextField label={t('checklist.systolic')} unit="mmHg" inputMode="numeric" value={sys} onChange={typed(setSys)} testId="cl-sys" />
          <TextField label={t('checklist.diastolic')} unit="mmHg" inputMode="numeric" value={dia} onChange={typed(setDia)} testId="cl-dia" />
          <TextField label={t('checklist.heartRate')} unit="/min" inputMode="numeric" value={hr} onChange={typed(setHr)} testId="cl-hr" />
          <TextField label={t('checklist.spo2')} unit="%" inputMode="numeric" value={spo2} onChange={typed(setSpo2)} testId="cl-spo2" />
        </div>
      </fieldset>
      <ChoiceRow<number>
        label={t('checklist.baselinePain')}
        value={pain}
        testId="cl-pain"
        options={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))}
        onChange={setPain}
      />
      <DateTimeField label={t('checklist.lastMeal')} value={lastMeal} onChange={setLastMeal} testId="cl-meal" />
      <fieldset className="group">
        <legend>{t('checklist.escortPlan')}</legend>
        <EscortFields value={escort} onChange={setEscort} withArrival={false} testPrefix="cl-escort" />
      </fieldset>
      <fieldset className="group">
        <legend>{t('checklist.physician')}</legend>
        <div className="form__grid">
          <SelectField
            label={t('checklist.physician')}
            value={physician}
            testId="cl-physician"
            options={[{ value: '', label: t('checklist.choosePhysician') }, ...physicians.map((u) => ({ value: String(u.id), label: u.displayName }))]}
            onChange={setPhysician}
          />
          <CheckField label={t('checklist.onSite')} checked={onSite} onChange={setOnSite} testId="cl-onsite" />
        </div>
      </fieldset>
      {detail.checklist.problems.length > 0 && refusal.length === 0 && (
        <ProblemList problems={detail.checklist.problems} title={t('checklist.missing')} tone="info" testId="checklist-open" />
      )}
      <ProblemList problems={refusal} title={t('session.refused')} testId="checklist-refusal" />
      <div className="actions">
        <button type="button" className="btn" onClick={() => void save()} data-testid="cl-save">
          {t('checklist.save')}
        </button>
        <button type="submit" className="btn btn--primary" data-testid="cl-complete">
          {t('checklist.complete')}
        </button>
      </div>
    </form>
  );
}
