/** Numbers as each language writes and types them: "0,15" in German, "0.15" in English, both ways. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { num, parseDecimal } from '../../renderer/format';

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
