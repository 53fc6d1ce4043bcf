/** Dates, times and numbers in the document's language (German: 07.03.2026, 14:05, 0,15). Local time of the clinic. */
import type { Lang } from '../../../core/text';

const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

export function formatDate(at: number | null | undefined, lang: Lang): string {
  return at == null ? '—' : new Intl.DateTimeFormat(LOCALE[lang], { day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
}

export function formatTime(at: number | null | undefined, lang: Lang, seconds = false): string {
  if (at == null) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hour12: false }).format(at);
}

export function formatDateTime(at: number | null | undefined, lang: Lang): string {
  return at == null ? '—' : `${formatDate(at, lang)} ${formatTime(at, lang)}`;
}

/** YYYY-MM-DD (as stored for birth dates) in the document's form. */
export function formatIsoDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return lang === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

export function formatNumber(value: number | null | undefined, lang: Lang, maxDigits = 2, minDigits = 0): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits }).format(value);
}

/** The patient's numbers in the practice systems (GDT 3000), e.g. "1001 (Praxis-PVS)"; '—' when none sent one. */
export interface PvsNumber {
  partner: string;
  number: string;
}
export function formatPvsNumbers(numbers: readonly PvsNumber[] | undefined): string {
  return numbers?.length ? numbers.map((n) => `${n.number} (${n.partner})`).join('; ') : '—';
}

export function formatDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  const h = Math.floor(min / 60);
  return h > 0 ? `${h} h ${min % 60} min` : `${min} min`;
}
