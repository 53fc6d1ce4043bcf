/** Number, time and duration formats of the session screens: German decimal comma, units always written out. */
import { formatDateTime, formatDay } from '../core/dayTime';
import type { Lang } from '../core/messages';

export function num(value: number | null | undefined, lang: Lang, maxDigits = 2, minDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    maximumFractionDigits: maxDigits,
    minimumFractionDigits: minDigits,
    useGrouping: false,
  }).format(value);
}

// One formatter each, made once: toLocaleTimeString builds a new one per call, which the chart axes call thousands
// of times per render (issue 13: a quarter of a review chart's script time).
const HHMM = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });
const HHMMSS = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function hhmm(t: number): string {
  return HHMM.format(t);
}

export function hhmmss(t: number): string {
  return HHMMSS.format(t);
}

/** "03.12.2026 14:05" in German, "03/12/2026 14:05" in English: the same forms the date fields accept. */
export function dateTime(t: number, lang: Lang): string {
  return formatDateTime(toLocalInput(t), lang);
}

/** A stored day "1975-09-21" as the language writes it; a malformed one is shown as stored, never hidden. */
export function isoDate(ymd: string, lang: Lang): string {
  return formatDay(ymd, lang) || ymd;
}

/** The local day of a moment, as the language writes it ("03.12.2026" / "03/12/2026"). */
export function day(t: number, lang: Lang): string {
  return isoDate(toLocalInput(t).slice(0, 10), lang);
}

/** 1:05:09 or 05:09: a countdown or an overdue time, never negative. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The canonical local date-time string of the date fields (components/DateFields.tsx), and back. */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function fromLocalInput(text: string): number | undefined {
  if (!text) return undefined;
  const t = new Date(text).getTime();
  return Number.isFinite(t) ? t : undefined;
}

/**
 * A decimal number as typed in the user's language: "0,15" in German, "0.15" in English (the other separator is
 * refused, not guessed: in German a point groups thousands). null when the text is not such a number.
 */
export function parseDecimal(text: string, lang: Lang): number | null {
  const t = text.trim().replace(/^[−–]/, '-');
  const pattern = lang === 'de' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  return pattern.test(t) ? Number(t.replace(',', '.')) : null;
}
