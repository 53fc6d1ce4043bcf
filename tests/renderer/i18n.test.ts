import { describe, expect, it } from 'vitest';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('translations', () => {
  it('have the same keys in German and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
    for (const k of keys(de)) expect(k.split('.').reduce((o: any, p) => o[p], de)).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const k of keys(de)) {
      const get = (o: object) => k.split('.').reduce((x: any, p) => x[p], o) as string;
      expect(placeholders(get(en)), k).toEqual(placeholders(get(de)));
    }
  });
});
