/** Texts in German (first) and English, with {name} placeholders; numbers written the way each language writes them. */
import { z } from 'zod';

export type Lang = 'de' | 'en';

/** The data a text fills in (a code's args, an alarm's params): names to strings or numbers, never words. */
export const TextArgsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type TextArgs = z.infer<typeof TextArgsSchema>;

export interface MessageText {
  de: string;
  en: string;
}

const NUMBER_FORMAT: Record<Lang, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3, useGrouping: false }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3, useGrouping: false }),
};

/** Fills {name} placeholders; an unknown placeholder stays visible rather than silently vanishing. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number | undefined>> | undefined, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params?.[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? NUMBER_FORMAT[lang].format(value) : value;
  });
}
