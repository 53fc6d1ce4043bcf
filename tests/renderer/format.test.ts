/** Numbers and dates as each language writes and types them: "0,15" and 03.12.2026 in German, "0.15" and 03/12/2026 in English. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../core/dayTime';
import { dateTime, day, isoDate, num, parseDecimal, toLocalInput } from '../../renderer/format';

describe('decimal numbers per language', () => {
  it('read back what they write, in both languages (round trip)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('de' as const, 'en' as const), (n, digits, lang) => {
        const value = n / 10 ** digits;
        expect(parseDecimal(num(value, lang, digits), lang)).toBe(value);
      }),
    );
  });

  it('write the separator of the language', () => {
    expect([num(0.15, 'de'), num(36.6, 'de', 1), num(0.15, 'en')]).toEqual(['0,15', '36,6', '0.15']);
  });

  it('refuse the other language’s separator and anything not a number, instead of guessing', () => {
    expect(parseDecimal('0.15', 'de')).toBeNull();
    expect(parseDecimal('0,15', 'en')).toBeNull();
    for (const text of ['', 'abc', '1,2,3', '1.000,5', '12 mg', ',5', '5,', '−']) {
      expect(parseDecimal(text, 'de'), text).toBeNull();
    }
    expect([parseDecimal(' 7 ', 'de'), parseDecimal('−2,5', 'de'), parseDecimal('-2.5', 'en')]).toEqual([7, -2.5, -2.5]);
  });
});

describe('shown dates per language', () => {
  it('write the day and the time as the date fields accept them, in both languages', () => {
    const t = new Date(2026, 11, 3, 14, 5).getTime();
    expect(dateTime(t, 'de')).toBe('03.12.2026 14:05');
    expect(dateTime(t, 'en')).toBe('03/12/2026 14:05');
    expect(day(t, 'de')).toBe('03.12.2026'); // the patient's course list wrote 3.12.2026
    expect(day(t, 'en')).toBe('03/12/2026');
    expect(isoDate('1975-09-21', 'de')).toBe('21.09.1975');
    expect(isoDate('1975-09-21', 'en')).toBe('21/09/1975');
    expect(isoDate('unbekannt', 'de')).toBe('unbekannt'); // shown as stored, never blank
  });

  it('a shown time typed back into a date field is the same minute (round trip)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }), fc.constantFrom('de' as const, 'en' as const), (t, lang) => {
        const minute = toLocalInput(t);
        expect(parseDateTime(dateTime(t, lang), lang, minute.slice(0, 10))).toEqual({ ok: true, value: minute });
      }),
    );
  });
});
