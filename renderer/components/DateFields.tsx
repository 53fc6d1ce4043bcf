/**
 * The app's own date and date-time fields (issue 12 item 7): they show and take 03.12.2026 and 14:05 in German,
 * 03/12/2026 in English, whatever the browser's locale, and say in words next to the field why a text is not a date.
 * They hold the canonical local strings the browser's inputs held ("2026-12-03", "2026-12-03T14:05"; '' while empty
 * or wrong), so the forms around them keep their drafts and conversions.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_PATTERN, DAY_PATTERN, formatDateTime, formatDay, localDay, parseDateTime, parseDay, type Parsed } from '../../core/dayTime';
import type { Lang } from '../../core/messages';
import { Field } from './Field';
import { useLang } from './ProblemList';

interface Props {
  label: string;
  /** Canonical: "2026-12-03" (DayField) or "2026-12-03T14:05" (DateTimeField); '' when empty. */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  testId?: string;
}

interface Kind {
  parse(text: string, lang: Lang): Parsed;
  format(value: string, lang: Lang): string;
  pattern: Record<Lang, string>;
  formatKey: 'dateField.format' | 'dateField.formatDateTime';
}

const DAY: Kind = { parse: parseDay, format: formatDay, pattern: DAY_PATTERN, formatKey: 'dateField.format' };
const DATE_TIME: Kind = {
  // A time alone is today's, by this station's clock (the field then shows the whole date).
  parse: (text, lang) => parseDateTime(text, lang, localDay(Date.now())),
  format: formatDateTime,
  pattern: DATE_TIME_PATTERN,
  formatKey: 'dateField.formatDateTime',
};

export function DayField(props: Props) {
  return <TypedDateField kind={DAY} {...props} />;
}

export function DateTimeField(props: Props) {
  return <TypedDateField kind={DATE_TIME} {...props} />;
}

function TypedDateField({ kind, label, value, onChange, required, testId }: Props & { kind: Kind }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState(() => kind.format(value, lang));
  const parsed = kind.parse(text, lang);
  const current = parsed.ok ? parsed.value : '';
  // A value set from outside (a draft restored, a form reset, the language switched) replaces what is shown.
  useEffect(() => {
    if (value !== current) setText(kind.format(value, lang));
  }, [value, lang]);

  const error = parsed.ok || parsed.reason === 'empty' ? undefined : errorText(parsed.reason, text.trim());
  function errorText(reason: 'format' | 'noSuchDay' | 'noSuchTime', typed: string): string {
    if (reason === 'format') return t(kind.formatKey, { text: typed, pattern: kind.pattern[lang] });
    return t(`dateField.${reason}`, { text: typed });
  }
  return (
    <Field label={label} error={error}>
      {(id) => (
        <input
          id={id}
          className="input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={kind.pattern[lang]}
          value={text}
          required={required}
          aria-invalid={error !== undefined}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
            const r = kind.parse(e.target.value, lang);
            onChange(r.ok ? r.value : '');
          }}
          // Leaving the field shows what was understood: "3.2.2026" becomes 03.02.2026, "15:30" today's date with it.
          onBlur={() => parsed.ok && setText(kind.format(parsed.value, lang))}
        />
      )}
    </Field>
  );
}
