/** A labelled form field with its unit: large, touch-friendly, the label tied to the input for screen readers and tests. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  label: string;
  unit?: string;
  hint?: ReactNode;
  /** What is wrong with the value, in words, right under the field (issue 12 item 6). */
  error?: string;
  children: (id: string) => ReactNode;
}

export function Field({ label, unit, hint, error, children }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="field__control">
        {children(id)}
        {unit && <span className="field__unit-after">{unit}</span>}
      </div>
      {error && (
        <div className="field__error" role="alert">
          {error}
        </div>
      )}
      {hint && <div className="field__hint">{hint}</div>}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  unit?: string;
  hint?: ReactNode;
  /** Dates and times use DateFields.tsx: the browser's own inputs follow its locale, not the user's language. */
  type?: 'text' | 'number' | 'tel' | 'password';
  required?: boolean;
  testId?: string;
  step?: string;
  inputMode?: 'decimal' | 'numeric' | 'tel' | 'text';
  autoFocus?: boolean;
}

export function TextField({ label, value, onChange, unit, hint, type = 'text', required, testId, step, inputMode, autoFocus }: TextFieldProps) {
  const { t } = useTranslation();
  // A number field never swallows a letter silently: it says why the text is not taken.
  const numeric = inputMode === 'numeric' || inputMode === 'decimal';
  const error = numeric && value.trim() !== '' && parseDecimal(value) === undefined ? t('fieldError.notNumber', { text: value.trim() }) : undefined;
  return (
    <Field label={label} unit={unit} hint={hint} error={error}>
      {(id) => (
        <input
          id={id}
          className="input"
          type={type}
          value={value}
          required={required}
          step={step}
          inputMode={inputMode ?? (type === 'number' ? 'decimal' : undefined)}
          aria-invalid={error !== undefined}
          autoFocus={autoFocus}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  testId?: string;
  hint?: ReactNode;
}

export function SelectField<T extends string>({ label, value, options, onChange, testId, hint }: SelectFieldProps<T>) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <select id={id} className="input" value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange(v: boolean): void; testId?: string }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** Choose one of a few scored options with large buttons (scales: RASS, NRS, discharge items). */
export function ChoiceRow<T extends string | number>({
  label,
  value,
  options,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  value: T | undefined;
  options: readonly { value: T; label: string; title?: string }[];
  onChange(value: T): void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <fieldset className="choice" data-testid={testId} disabled={disabled}>
      <legend>{label}</legend>
      <div className="choice__options">
        {options.map((o) => (
          <button
            type="button"
            key={String(o.value)}
            className={o.value === value ? 'choice__btn choice__btn--on' : 'choice__btn'}
            aria-pressed={o.value === value}
            title={o.title}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** Parses a German or English decimal ("0,25" or "0.25"); undefined when empty or not a number. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
