/**
 * An audit entry's data as the reader reads it (issue 12): one "what: value" line per field instead of the stored
 * JSON. Fields are named in words where core/fieldLabels.ts knows them (else as stored, so the auditor can still find
 * them in the log); times are written as dates, numbers and yes/no in the user's language; nested data is named by
 * its path ("weight › kg"). The stored entry itself is unchanged: `npm run verify-audit` reads that.
 */
import { fieldLabel } from '../../../core/fieldLabels';
import type { Lang } from '../../../core/messages';
import { dateTime, num } from '../../format';

interface Words {
  yes: string;
  no: string;
}

/** Epoch milliseconds after 2001 under a key that names a time: shown as a date. */
const isTime = (key: string, v: number) => (key === 'at' || /At$|^plannedFor$/.test(key)) && v > 1e12;

export function auditDetailLines(stored: string, lang: Lang, words: Words): string[] {
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return stored ? [stored] : [];
  }
  if (data === null || typeof data !== 'object') return [value('', data, lang, words)];
  return lines(data as Record<string, unknown>, [], lang, words);
}

function lines(data: Record<string, unknown> | unknown[], path: string[], lang: Lang, words: Words): string[] {
  return Object.entries(data).flatMap(([key, v]) => {
    const name = Array.isArray(data) ? String(Number(key) + 1) : (fieldLabel(key, lang) ?? key);
    const here = [...path, name];
    if (v !== null && typeof v === 'object' && !(Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))) {
      return lines(v as Record<string, unknown>, here, lang, words);
    }
    return [`${here.join(' › ')}: ${value(key, v, lang, words)}`];
  });
}

function value(key: string, v: unknown, lang: Lang, words: Words): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? words.yes : words.no;
  if (typeof v === 'number') return isTime(key, v) ? dateTime(v, lang) : num(v, lang, 3);
  if (Array.isArray(v)) return v.length === 0 ? '–' : v.map((x) => value(key, x, lang, words)).join(', ');
  return String(v);
}
