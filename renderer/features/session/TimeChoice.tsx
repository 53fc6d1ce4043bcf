/**
 * When something happened: by default the server stamps the time it arrives (one clock); the user may choose another
 * time, which the server checks against its clock and the session. `value` undefined = the default.
 */
import { useTranslation } from 'react-i18next';
import { DateTimeField } from '../../components/DateFields';
import { ChoiceRow } from '../../components/Field';
import { fromLocalInput } from '../../format';

export interface TimeChoiceValue {
  chosen: boolean;
  text: string;
}

export const DEFAULT_TIME: TimeChoiceValue = { chosen: false, text: '' };

/** The time to send: undefined when the default applies or nothing valid is typed yet. */
export function chosenTime(v: TimeChoiceValue): number | undefined {
  return v.chosen ? fromLocalInput(v.text) : undefined;
}

export function TimeChoice({
  label,
  defaultLabel,
  value,
  onChange,
  testId,
}: {
  label: string;
  defaultLabel: string;
  value: TimeChoiceValue;
  onChange(v: TimeChoiceValue): void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__grid">
      <ChoiceRow<'default' | 'chosen'>
        label={label}
        value={value.chosen ? 'chosen' : 'default'}
        testId={testId}
        options={[
          { value: 'default', label: defaultLabel },
          { value: 'chosen', label: t('obs.timeChosen') },
        ]}
        onChange={(c) => onChange({ ...value, chosen: c === 'chosen' })}
      />
      {value.chosen && (
        <DateTimeField label={label} value={value.text} onChange={(text) => onChange({ ...value, text })} testId={`${testId}-input`} />
      )}
    </div>
  );
}
