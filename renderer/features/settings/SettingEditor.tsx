/** Changing one clinic setting: the new value in the setting's shape (number, list, choice) and the required reason. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import type { Problem } from '../../../core/settings';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { ProblemList, problemsOf, useLang } from '../../components/ProblemList';
import { num } from '../../format';
import { show } from './SettingsScreen';

type Row = MethodOutput<'clinicSettings.list'>[number];

/** The typed text as the setting's value: numbers accept a decimal comma, lists are split at ';'; an empty nullable number is null. */
function parse(row: Row, text: string): number | string | number[] | null {
  const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));
  if (row.choices || typeof row.defaultValue === 'string') return text;
  if (Array.isArray(row.defaultValue)) return text.split(/[;\s]+/).filter((s) => s !== '').map(number);
  if (row.defaultValue === null && text.trim() === '') return null;
  return number(text);
}

export function SettingEditor({ row, onSaved, onCancel }: { row: Row; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const api = useApi();
  const [text, setText] = useState(row.value === null ? '' : show(row.value, lang));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.call('clinicSettings.set', { key: row.key, value: parse(row, text), reason });
      onSaved();
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };
  const unit = row.unit ?? undefined;
  return (
    <form className="subform settings__editor" onSubmit={submit} data-testid="setting-editor">
      {row.choices ? (
        <SelectField label={t('settings.newValue')} value={text} options={row.choices.map((c) => ({ value: c, label: c }))} onChange={setText} testId="setting-new-value" />
      ) : (
        <TextField
          label={t('settings.newValue')}
          value={text}
          onChange={setText}
          unit={unit}
          testId="setting-new-value"
          inputMode={Array.isArray(row.defaultValue) ? 'text' : 'decimal'}
          hint={Array.isArray(row.defaultValue) ? t('settings.listHint') : row.defaultValue === null ? t('settings.empty') : row.range ? `${num(row.range.min, lang, 6)}–${num(row.range.max, lang, 6)} ${unit ?? ''}` : undefined}
        />
      )}
      <TextField label={t('settings.reason')} value={reason} onChange={setReason} testId="setting-reason" />
      <ProblemList problems={problems} title={t('session.refused')} testId="setting-refusal" />
      <div className="inline-form">
        <button type="submit" className="btn btn--primary" data-testid="setting-save">
          {t('settings.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
        <span className="muted">{t('settings.default', { value: show(row.defaultValue, lang) })}</span>
      </div>
    </form>
  );
}
