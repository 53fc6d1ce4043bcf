/**
 * A physician's structured correction of a wrongly documented dose event (issue 10 point 9): which event, which
 * value, the correct value, a reason and the own password like signing. The dose computation applies it; the
 * recorded value stays visible (struck through) in the dose list.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import type { AmendableField } from '../../../core/dose/amendments';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { entriesOf } from './SignForms';

function fieldsOf(kind: string | undefined): AmendableField[] {
  if (kind === 'start' || kind === 'rateChange') return ['rateMlPerH', 'at'];
  if (kind === 'bolus') return ['amount', 'at'];
  return ['at'];
}

/** HH:MM or HH:MM:SS on the event's own day, as epoch ms. */
function timeOnDay(text: string, day: number): number {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return Number.NaN;
  const d = new Date(day);
  d.setHours(Number(m[1]), Number(m[2]), Number(m[3] ?? 0), 0);
  return d.getTime();
}

export function DoseCorrectionForm({ detail, onDone }: { detail: SessionDetail; onDone(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const entries = entriesOf(detail, 'doseEvent', t, lang);
  const [eventId, setEventId] = useState(String(entries[0]?.id ?? ''));
  const event = detail.doseEvents.find((e) => String(e.id) === eventId);
  const fields = fieldsOf(event?.kind);
  const [field, setField] = useState<AmendableField>(fields[0]!);
  const chosenField = fields.includes(field) ? field : fields[0]!;
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  if (!event) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const newValue = chosenField === 'at' ? timeOnDay(value, event.at) : Number(value.trim().replace(',', '.'));
    try {
      await api.call('sessions.amendDoseEvent', { sessionId: detail.session.id, doseEventId: event.id, field: chosenField, newValue: Number.isFinite(newValue) ? newValue : 0, reason, password });
      setValue('');
      setReason('');
      setPassword('');
      setProblems([]);
      onDone();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  return (
    <form className="panel form" onSubmit={submit} data-testid="dose-correction-form">
      <h3>{t('doseFix.title')}</h3>
      <SelectField label={t('doseFix.event')} value={eventId} options={entries.map((x) => ({ value: String(x.id), label: x.label }))} onChange={setEventId} testId="dose-fix-event" />
      <SelectField<AmendableField>
        label={t('doseFix.field')}
        value={chosenField}
        options={fields.map((f) => ({ value: f, label: t(`doseFix.fields.${f}`) }))}
        onChange={setField}
        testId="dose-fix-field"
      />
      <TextField
        label={chosenField === 'at' ? t('doseFix.newTime') : t('doseFix.newValue')}
        value={value}
        onChange={setValue}
        unit={chosenField === 'rateMlPerH' ? 'ml/h' : chosenField === 'amount' ? (event.unit ?? undefined) : undefined}
        inputMode={chosenField === 'at' ? 'text' : 'decimal'}
        testId="dose-fix-value"
      />
      <TextField label={t('doseFix.reason')} value={reason} onChange={setReason} testId="dose-fix-reason" />
      <TextField label={t('doseFix.password')} type="password" value={password} onChange={setPassword} testId="dose-fix-password" />
      <ProblemList problems={problems} title={t('session.refused')} testId="dose-fix-refusal" />
      <button type="submit" className="btn btn--primary" data-testid="dose-fix-submit">
        {t('doseFix.submit')}
      </button>
    </form>
  );
}
