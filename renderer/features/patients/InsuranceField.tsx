/** How the patient is insured (gesetzlich / privat / Selbstzahler, or not entered yet): the new-patient form and the patient screen. */
import { useTranslation } from 'react-i18next';
import type { Insurance } from '../../../core/api/methods/sessionSchemas';
import { SelectField } from '../../components/Field';

export type InsuranceChoice = Insurance | 'unknown';
const CHOICES: readonly InsuranceChoice[] = ['unknown', 'statutory', 'private', 'selfPay'];

export function InsuranceField({ value, onChange, testId }: { value: InsuranceChoice; onChange(v: InsuranceChoice): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('patient.insurance')}
      value={value}
      options={CHOICES.map((c) => ({ value: c, label: t(`patient.insurances.${c}`) }))}
      onChange={onChange}
      testId={testId}
    />
  );
}
