/** Plausibility of typed dates, times and names (issue 10): property tests against a reference built another way. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUTURE_TOLERANCE_MS, isCalendarDate, isPlausibleBirthDate, isPlausibleTime, isVisibleName } from '../../../core/session/plausibility';

const NOW = Date.UTC(2026, 5, 15, 10, 30);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('calendar dates', () => {
  it('agree with a month-length table for every year, month and day 0–31', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const max = m >= 1 && m <= 12 ? (m === 2 && leap(y) ? 29 : DAYS_IN_MONTH[m - 1]!) : 0;
        expect(isCalendarDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(d >= 1 && d <= max);
      }),
    );
  });

  it('refuse other shapes', () => {
    for (const s of ['2024-2-03', '24-02-03', '2024-02-03T00:00', ' 2024-02-03', '2024/02/03', '', '１９８０-01-01']) expect(isCalendarDate(s), s).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-30')).toBe(false);
  });
});

describe('birth dates', () => {
  it('a real day from 120 years ago up to today', () => {
    expect(isPlausibleBirthDate('2026-06-15', NOW)).toBe(true);
    expect(isPlausibleBirthDate('2026-06-16', NOW)).toBe(false);
    expect(isPlausibleBirthDate('1906-06-15', NOW)).toBe(true);
    expect(isPlausibleBirthDate('1906-06-14', NOW)).toBe(false);
    expect(isPlausibleBirthDate('1800-01-01', NOW)).toBe(false);
    expect(isPlausibleBirthDate('2024-02-30', NOW)).toBe(false);
  });

  it('any day in the range is accepted, any day outside refused', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: -200 * 366, max: 200 }), (offsetDays) => {
        const ymd = new Date(NOW + offsetDays * DAY).toISOString().slice(0, 10);
        const inRange = offsetDays <= 0 && ymd >= '1906-06-15';
        expect(isPlausibleBirthDate(ymd, NOW)).toBe(inRange);
      }),
    );
  });
});

describe('typed times', () => {
  it('not before the earliest time, not after the server clock plus the tolerance', () => {
    fc.assert(
      fc.property(fc.integer({ min: NOW - 10 * 86_400_000, max: NOW + 86_400_000 }), fc.integer({ min: NOW - 5 * 86_400_000, max: NOW }), (at, earliest) => {
        expect(isPlausibleTime(at, NOW, earliest)).toBe(at >= earliest && at - NOW <= FUTURE_TOLERANCE_MS);
      }),
    );
    expect(isPlausibleTime(0, NOW)).toBe(false); // 1970
    expect(isPlausibleTime(Number.NaN, NOW)).toBe(false);
  });
});

describe('names', () => {
  it('need a letter and no invisible character', () => {
    for (const ok of ['Müller', 'Łukasz', 'O’Brien', 'Nguyễn', 'Çelik-Öztürk', 'Ана', '李']) expect(isVisibleName(ok), ok).toBe(true);
    for (const bad of ['', '   ', '\u200B\u200B', '\u200D', '\u2060', '\uFEFF', 'Mü\u200Bller', 'Anna\u202E', '123', '--', 'Eva\u0007']) {
      expect(isVisibleName(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('any string of only format, control, space and punctuation characters is refused', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', ' ', '\t', '-', '.', '\u0000');
    fc.assert(fc.property(fc.array(invisible, { maxLength: 20 }), (chars) => {
      expect(isVisibleName(chars.join(''))).toBe(false);
    }));
  });
});
