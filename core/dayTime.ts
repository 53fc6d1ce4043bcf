/**
 * Dates and times as each language writes and types them (issue 12 item 7): German 03.12.2026 and 14:05, English
 * 03/12/2026 and 14:05 (24 h in both), whatever the browser's locale. The app's date fields hold the same canonical
 * local strings the browser's inputs did ("2026-12-03", "2026-12-03T14:05"), so the forms around them need no change.
 * A text that is no date says why: wrong shape, or a day or time that does not exist (31.02., 25:00, the hour the
 * clocks skip in spring).
 */
import type { Lang } from './messages';

export type Parsed = { ok: true; value: string } | { ok: false; reason: 'empty' | 'format' | 'noSuchDay' | 'noSuchTime' };

const SEPARATOR: Record<Lang, string> = { de: '.', en: '/' };
const p2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** What the user is asked to type, per language: "TT.MM.JJJJ" reads as German, "dd/mm/yyyy" as English. */
export const DAY_PATTERN: Record<Lang, string> = { de: 'TT.MM.JJJJ', en: 'dd/mm/yyyy' };
export const DATE_TIME_PATTERN: Record<Lang, string> = { de: 'TT.MM.JJJJ hh:mm', en: 'dd/mm/yyyy hh:mm' };

/** "2026-12-03" → "03.12.2026" (de) or "03/12/2026" (en); '' stays ''. */
export function formatDay(ymd: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return '';
  const s = SEPARATOR[lang];
  return `${m[3]}${s}${m[2]}${s}${m[1]}`;
}

/** "2026-12-03T14:05" → "03.12.2026 14:05"; '' stays ''. */
export function formatDateTime(local: string, lang: Lang): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(local);
  return m ? `${formatDay(m[1]!, lang)} ${m[2]}` : '';
}

/** "3.2.2026" or "03.02.2026" (de), "3/2/2026" (en) → "2026-02-03". Four-digit years only: "26" is not guessed. */
export function parseDay(text: string, lang: Lang): Parsed {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'empty' };
  const s = SEPARATOR[lang] === '.' ? '\\.' : '/';
  const m = new RegExp(`^(\\d{1,2})${s}(\\d{1,2})${s}(\\d{4})$`).exec(t);
  if (!m) return { ok: false, reason: 'format' };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'noSuchDay' };
  return { ok: true, value: `${year}-${p2(month)}-${p2(day)}` };
}

/** "9:30" or "09:30" → "09:30"; 24-hour clock in both languages. */
export function parseTime(text: string): Parsed {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'empty' };
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return { ok: false, reason: 'format' };
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return { ok: false, reason: 'noSuchTime' };
  return { ok: true, value: `${p2(h)}:${p2(min)}` };
}

/**
 * "03.12.2026 14:05" → "2026-12-03T14:05". A time alone means `today` (a canonical day, the caller's clock), so the
 * escort's arrival is typed as "15:30"; the field then shows the whole date, so nobody is left guessing which day.
 */
export function parseDateTime(text: string, lang: Lang, today: string): Parsed {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'empty' };
  const parts = t.split(/,?\s+/);
  if (parts.length > 2) return { ok: false, reason: 'format' };
  const day = parts.length === 2 ? parseDay(parts[0]!, lang) : { ok: true as const, value: today };
  if (!day.ok) return day;
  const time = parseTime(parts[parts.length - 1]!);
  if (!time.ok) return time;
  const value = `${day.value}T${time.value}`;
  return existsLocally(value) ? { ok: true, value } : { ok: false, reason: 'noSuchTime' };
}

/** False for the wall-clock hour the clocks skip when summer time begins (02:30 on that night does not exist). */
function existsLocally(local: string): boolean {
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi);
  return at.getHours() === h && at.getMinutes() === mi;
}

/** The canonical local day of an epoch time ("2026-12-03"), for `today` above. */
export function localDay(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
}
