/** The drivers' codes said in words on the setup screen, with a real i18next: German and English, unknown codes framed. */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';
import { noticeText, protocolName, rejectReasonList } from '../../renderer/features/setup/deviceWords';
import { nonin2 } from '../../drivers/protocols/nonin';

const t: Record<'de' | 'en', TFunction> = {} as never;

beforeAll(async () => {
  for (const lng of ['de', 'en'] as const) {
    const i18n = i18next.createInstance();
    const resources = { de: { translation: de }, en: { translation: en } };
    await i18n.init({ resources, lng, fallbackLng: 'de', interpolation: { escapeValue: false } });
    t[lng] = i18n.t;
  }
});

describe('device codes in words', () => {
  it('says a notice by its code with the device data filled in, never the driver text', () => {
    const drug = { code: 'pump.drug', text: 'pump 1.3: NaCl 0,9%', args: { pump: '1.3', drug: 'NaCl 0,9%' } };
    expect(noticeText(t.de, drug)).toBe('Pumpe 1.3: NaCl 0,9%');
    expect(noticeText(t.en, drug)).toBe('pump 1.3: NaCl 0,9%');
    const count = { code: 'pump.bolusCount', text: 'pump 1.1: 2 bolus(es) since last read', args: { pump: '1.1', count: 2 } };
    expect(noticeText(t.de, count)).toBe('Pumpe 1.1: 2 Bolus/Boli seit der letzten Abfrage');
    expect(noticeText(t.de, { code: 'monitor.associated', text: 'association accepted' })).toBe('Monitor hat die Anmeldung angenommen');
  });

  it('shows a code it does not know inside a German frame, not the English text that came with it', () => {
    const unknown = { code: 'monitor.newThing', text: 'something new happened' };
    expect(noticeText(t.de, unknown)).toBe('Meldung mit unbekanntem Code monitor.newThing');
    expect(noticeText(t.en, unknown)).toBe('Notice with the unknown code monitor.newThing');
    // A group known, a name not: still unknown (no half-resolved key on the screen).
    expect(noticeText(t.de, { code: 'pump', text: 'x' })).toBe('Meldung mit unbekanntem Code pump');
  });

  it('lists rejections per reason in words, and names protocols by id', () => {
    expect(rejectReasonList(t.de, { checksumMismatch: 3, frameTooShort: 1 })).toEqual(['Prüfsumme falsch: 3', 'Telegramm zu kurz: 1']);
    expect(rejectReasonList(t.en, { outOfSync: 2 })).toEqual(['out of sync: 2']);
    expect(protocolName(t.de, nonin2)).toBe('Nonin-Pulsoximeter, Datenformat 2 (75 Telegramme/s)');
    expect(protocolName(t.en, nonin2)).toBe(nonin2.label);
    // A protocol newer than the texts keeps its driver name rather than showing a key.
    expect(protocolName(t.de, { id: 'newer-proto', label: 'Newer Protocol' })).toBe('Newer Protocol');
  });
});
