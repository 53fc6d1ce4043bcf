/** Dates and times typed and shown per language (issue 12 item 7): German 03.12.2026, English 03/12/2026, 24 h. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, localDay, parseDateTime, parseDay, parseTime } from '../../core/dayTime';

const lang = fc.constantFrom('de' as const, 'en' as const);
const p2 = (n: number) => String(n).padStart(2, '0');
/** Any real calendar day from 1900 to 2100, as the canonical string. */
const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${p2(h)}:${p2(m)}`);

describe('days', () => {
  it('read back what they write, in both languages (round trip)', () => {
    fc.assert(fc.property(day, lang, (ymd, l) => {
        expect(parseDay(formatDay(ymd, l), l)).toEqual({ ok: true, value: ymd });
      }),
    );;
  });

  it('write the language’s form, whatever the browser says', () => {
    expect([formatDay('2026-12-03', 'de'), formatDay('2026-12-03', 'en'), formatDay('', 'de')]).toEqual(['03.12.2026', '03/12/2026', '']);
  });

  it('take a day without leading zeros, and refuse the other language’s form and guessed years', () => {
    expect(parseDay(' 3.2.2026 ', 'de')).toEqual({ ok: true, value: '2026-02-03' });
    expect(parseDay('3/2/2026', 'en')).toEqual({ ok: true, value: '2026-02-03' });
    for (const text of ['03/02/2026', '2026-02-03', '3.2.26', '3.2.', 'heute', '03.02.2026 10:00', '1.1.1.2026']) {
      expect(parseDay(text, 'de'), text).toEqual({ ok: false, reason: 'format' });
    }
    expect(parseDay('03.02.2026', 'en')).toEqual({ ok: false, reason: 'format' });
    expect(parseDay('  ', 'de')).toEqual({ ok: false, reason: 'empty' });
  });

  it('name days that do not exist, leap years included', () => {
    for (const text of ['31.02.2026', '29.02.2026', '29.02.1900', '31.04.2026', '00.01.2026', '12.13.2026', '32.01.2026', '1.0.2026']) {
      expect(parseDay(text, 'de'), text).toEqual({ ok: false, reason: 'noSuchDay' });
    }
    expect(parseDay('29.02.2028', 'de')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDay('29.02.2000', 'de')).toEqual({ ok: true, value: '2000-02-29' });
  });

  it('any typed text either parses to a day that formats back to the same date or is refused with a reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), lang, (text, l) => {
        const r = parseDay(text, l);
        if (r.ok) expect(parseDay(formatDay(r.value, l), l)).toEqual(r);
        else expect(['empty', 'format', 'noSuchDay']).toContain(r.reason);
      }),
    );
  });
});

describe('times (24 h in both languages)', () => {
  it('round trip', () => {
    fc.assert(
      fc.property(time, (hm) => {
        expect(parseTime(hm)).toEqual({ ok: true, value: hm });
      }),
    );
  });

  it('name times that do not exist and refuse the 12-hour clock', () => {
    expect(parseTime('9:05')).toEqual({ ok: true, value: '09:05' });
    for (const text of ['24:00', '25:00', '12:60']) expect(parseTime(text), text).toEqual({ ok: false, reason: 'noSuchTime' });
    for (const text of ['12:29 AM', '9.05', '905', '9:5', '']) expect(parseTime(text).ok, text).toBe(false);
  });
});

describe('date and time together', () => {
  it('round trip in both languages', () => {
    fc.assert(
      fc.property(day, time, lang, (ymd, hm, l) => {
        const local = `${ymd}T${hm}`;
        // Outside a skipped summer-time hour (none in UTC; the local zone decides), every one reads back.
        const r = parseDateTime(formatDateTime(local, l), l, '2026-12-03');
        if (r.ok) expect(r.value).toBe(local);
        else expect(r.reason).toBe('noSuchTime');
      }),
    );
  });

  it('a time alone is on the given day; a comma between is fine; the day’s own errors come first', () => {
    expect(parseDateTime('15:30', 'de', '2026-12-03')).toEqual({ ok: true, value: '2026-12-03T15:30' });
    expect(parseDateTime('03.12.2026, 7:15', 'de', '2026-01-01')).toEqual({ ok: true, value: '2026-12-03T07:15' });
    expect(parseDateTime('03/12/2026 07:15', 'en', '2026-01-01')).toEqual({ ok: true, value: '2026-12-03T07:15' });
    expect(parseDateTime('31.02.2026 10:00', 'de', '2026-01-01')).toEqual({ ok: false, reason: 'noSuchDay' });
    expect(parseDateTime('03.12.2026 25:00', 'de', '2026-01-01')).toEqual({ ok: false, reason: 'noSuchTime' });
    expect(parseDateTime('12/03/2026 12:29 AM', 'en', '2026-01-01')).toEqual({ ok: false, reason: 'format' });
    expect(parseDateTime('', 'de', '2026-01-01')).toEqual({ ok: false, reason: 'empty' });
  });

  it('the local day of a time is the canonical day the fields start from', () => {
    const t = new Date(2026, 11, 3, 23, 59).getTime();
    expect(localDay(t)).toBe('2026-12-03');
  });
});
