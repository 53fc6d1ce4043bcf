/**
 * A rescue drug for an adverse event (§1.7): picked from the sheet's list (its unit and routes come with it), the dose
 * with its plausible range, who gave it and the physician who ordered it; given at the event's time unless chosen.
 */
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../core/api/contract';
import { RESCUE_DRUG_IDS, RESCUE_DRUGS, RESCUE_ROUTES, type RescueDrugId, type RescueRoute } from '../../../core/session/rescueMedications';
import { parseDecimal, SelectField, TextField } from '../../components/Field';
import { useLang } from '../../components/ProblemList';
import { num } from '../../format';
import { chosenTime, TimeChoice, type TimeChoiceValue } from './TimeChoice';
import type { StaffMember } from './useStaff';

type RescueInput = NonNullable<Extract<MethodInput<'observations.record'>['observation'], { kind: 'adverseEvent' }>['rescueMedication']>;

export interface RescueEntry {
  drug: RescueDrugId | '';
  dose: string;
  route: RescueRoute | '';
  givenBy: string;
  orderedBy: string;
  at: TimeChoiceValue;
}

export const EMPTY_RESCUE: RescueEntry = { drug: '', dose: '', route: '', givenBy: '', orderedBy: '', at: { chosen: false, text: '' } };

/** What is sent, or null while something is still to be chosen (the server checks ranges and names every problem). */
export function rescueInput(r: RescueEntry): RescueInput | null {
  const dose = parseDecimal(r.dose);
  const at = chosenTime(r.at);
  if (!r.drug || !r.route || dose === undefined || !r.givenBy || !r.orderedBy || (r.at.chosen && at === undefined)) return null;
  return { drug: r.drug, dose, route: r.route, givenBy: Number(r.givenBy), orderedBy: Number(r.orderedBy), ...(at !== undefined ? { at } : {}) };
}

export function RescueFields({ value, onChange, staff }: { value: RescueEntry; onChange(v: RescueEntry): void; staff: StaffMember[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const drug = value.drug ? RESCUE_DRUGS[value.drug] : undefined;
  const set = (patch: Partial<RescueEntry>) => onChange({ ...value, ...patch });
  const people = (list: StaffMember[]) => [{ value: '', label: t('obs.choosePerson') }, ...list.map((u) => ({ value: String(u.id), label: u.displayName }))];
  return (
    <div className="group" data-testid="obs-rescue-fields">
      <div className="form__grid">
        <SelectField<RescueDrugId | ''>
          label={t('obs.rescueDrug')}
          value={value.drug}
          testId="obs-rescue-drug"
          hint={drug ? drug.purpose[lang] : undefined}
          options={[{ value: '', label: t('obs.chooseDrug') }, ...RESCUE_DRUG_IDS.map((id) => ({ value: id, label: RESCUE_DRUGS[id].name[lang] }))]}
          onChange={(id) => set({ drug: id, route: id ? RESCUE_DRUGS[id].routes[0] : '' })}
        />
        <TextField
          label={t('obs.rescueDose')}
          unit={drug?.unit}
          inputMode="decimal"
          value={value.dose}
          onChange={(dose) => set({ dose })}
          testId="obs-rescue-dose"
          hint={drug ? t('obs.doseRange', { min: num(drug.minDose, lang), max: num(drug.maxDose, lang), unit: drug.unit }) : undefined}
        />
        <SelectField<RescueRoute | ''>
          label={t('obs.rescueRoute')}
          value={value.route}
          testId="obs-rescue-route"
          options={[{ value: '', label: '–' }, ...(drug?.routes ?? []).map((r) => ({ value: r, label: RESCUE_ROUTES[r][lang] }))]}
          onChange={(route) => set({ route })}
        />
      </div>
      <div className="form__grid">
        <SelectField label={t('obs.rescueGivenBy')} value={value.givenBy} testId="obs-rescue-given-by" options={people(staff)} onChange={(givenBy) => set({ givenBy })} />
        <SelectField
          label={t('obs.rescueOrderedBy')}
          value={value.orderedBy}
          testId="obs-rescue-ordered-by"
          options={people(staff.filter((u) => u.role === 'physician'))}
          onChange={(orderedBy) => set({ orderedBy })}
        />
      </div>
      <TimeChoice label={t('obs.rescueAt')} defaultLabel={t('obs.rescueAtEvent')} value={value.at} onChange={(at) => set({ at })} testId="obs-rescue-at" />
    </div>
  );
}
