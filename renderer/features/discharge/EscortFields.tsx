/** Pickup person (name, relation, phone, arrival) or taxi (company, booking reference, arrival). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escort } from '../../../core/session/escort';
import { ChoiceRow, TextField } from '../../components/Field';

interface Props {
  value: Escort;
  onChange(escort: Escort): void;
  /** Before start the relation, the booking and the arrival time are not asked yet. */
  withArrival: boolean;
  /** The arrival time's field (the discharge's: now or another time). */
  arrival?: ReactNode;
  testPrefix: string;
}

export function EscortFields({ value, onChange, withArrival, arrival, testPrefix }: Props) {
  const { t } = useTranslation();
  return (
    <div className="escort">
      <ChoiceRow
        label={t('escort.kind')}
        value={value.kind}
        testId={`${testPrefix}-kind`}
        options={[
          { value: 'person', label: t('escort.person') },
          { value: 'taxi', label: t('escort.taxi') },
        ]}
        onChange={(kind) => onChange(kind === 'person' ? { kind: 'person' } : { kind: 'taxi' })}
      />
      {value.kind === 'person' ? (
        <div className="form__grid">
          <TextField label={t('escort.name')} value={value.name ?? ''} onChange={(name) => onChange({ ...value, name })} testId={`${testPrefix}-name`} />
          {withArrival && (
            <TextField
              label={t('escort.relation')}
              value={value.relation ?? ''}
              onChange={(relation) => onChange({ ...value, relation })}
              testId={`${testPrefix}-relation`}
            />
          )}
          <TextField label={t('escort.phone')} type="tel" value={value.phone ?? ''} onChange={(phone) => onChange({ ...value, phone })} testId={`${testPrefix}-phone`} />
        </div>
      ) : (
        <div className="form__grid">
          <TextField label={t('escort.company')} value={value.company ?? ''} onChange={(company) => onChange({ ...value, company })} testId={`${testPrefix}-company`} />
          {withArrival && (
            <TextField
              label={t('escort.booking')}
              value={value.bookingReference ?? ''}
              onChange={(bookingReference) => onChange({ ...value, bookingReference })}
              testId={`${testPrefix}-booking`}
            />
          )}
        </div>
      )}
      {arrival}
    </div>
  );
}

/** Drops empty strings so the server names a missing field as missing, not as blank. */
export function cleanEscort(e: Escort): Escort {
  const entries = Object.entries(e).filter(([, v]) => !(typeof v === 'string' && v.trim() === ''));
  return Object.fromEntries(entries) as unknown as Escort;
}

export function escortText(e: Escort): string {
  return e.kind === 'person'
    ? [e.name, e.relation, e.phone].filter(Boolean).join(', ')
    : [e.company, e.bookingReference].filter(Boolean).join(', ');
}
