/** The drivers' codes said in words on the setup screen, with a real i18next: German and English, unknown codes framed. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';
import { conditionWords, noticeText, protocolName, rejectReasonList } from '../../renderer/features/setup/deviceWords';
import { nonin2 } from '../../drivers/protocols/nonin';
import { masimoAscii1 } from '../../drivers/protocols/masimo-ascii1';
import { asciiBytes } from '../../drivers/protocols/shared/bytes';
import { germanTextFindings } from '../helpers/germanText';

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

  /** A notice naming `conditions` (the pump's ones at pump 1.3), said in German and in English. */
  const said = (code: string, conditions?: string): [string, string] => {
    const notice = { code, text: 'driver words', args: { pump: '1.3', ...(conditions === undefined ? {} : { conditions }) } };
    return [noticeText(t.de, notice), noticeText(t.en, notice)];
  };

  it('says the alarms and sensor messages a notice names as a list of words, in the order the device set them', () => {
    expect(said('oximeter.alarm', 'spo2High,pulseRateLow')).toEqual([
      'Alarmzustand des Oximeters: SpO₂ zu hoch, Pulsfrequenz zu niedrig',
      'oximeter alarm state: SpO₂ high, pulse rate low',
    ]);
    expect(said('oximeter.exception', 'sensorOff')).toEqual(['Sensorzustand des Oximeters: Sensor ab', 'oximeter sensor state: sensor off']);
    expect(said('pump.alarm', 'occlusion')).toEqual(['Pumpe 1.3: Alarm „Verschluss (Okklusion)“', 'pump 1.3: alarm "occlusion"']);
    expect(said('pump.alarmCleared', 'occlusion')).toEqual(['Pumpe 1.3: Alarm „Verschluss (Okklusion)“ beendet', 'pump 1.3: alarm "occlusion" cleared']);
  });

  it('says a bit or alarm the table does not name as unknown with its number, never blank and never dropped', () => {
    expect(said('oximeter.alarm', 'spo2Low,0x4000')).toEqual([
      'Alarmzustand des Oximeters: SpO₂ zu niedrig, unbekannter Alarm 0x4000',
      'oximeter alarm state: SpO₂ low, unknown alarm 0x4000',
    ]);
    expect(said('oximeter.exception', '0x2000')[0]).toBe('Sensorzustand des Oximeters: unbekannte Sensormeldung 0x2000');
    expect(said('pump.alarm', '55')[0]).toBe('Pumpe 1.3: Alarm „unbekannter Alarm Nr. 55“');
    // A notice without its list (a driver that did not fill it) still says there was an alarm.
    expect(said('oximeter.alarm')[0]).toBe('Alarmzustand des Oximeters: unbekannter Alarm ?');
    expect(conditionWords(t.de, 'oximeterAlarm', 'spo2High,,alarmSilenced')).toEqual(['SpO₂ zu hoch', 'Alarmton stummgeschaltet']);
  });

  it('says what the drivers decode from real capture lines in German words', () => {
    const lines = readFileSync(new URL('../fixtures/vectors/masimo_ascii_samples.txt', import.meta.url), 'latin1')
      .split('\n')
      .filter((l) => /^\d\d\//.test(l));
    const out = masimoAscii1.createSession().receive(asciiBytes(lines.map((l) => `${l}\r\n`).join('')), 0);
    expect(out.notices.map((n) => noticeText(t.de, n))).toEqual([
      'Sensorzustand des Oximeters: Sensor ab', // Radical-7 example, EXC 820
      'Alarmzustand des Oximeters: Alarmton stummgeschaltet', // Radical-5 example, ALARM 20
      'keine Störung mehr am Oximeter', // Radical-5 EXC 800: Masimo SET alone
      'kein Alarm mehr am Oximeter', // Rad-8, ALARM 0000
      'Sensorzustand des Oximeters: Sensor ab', // trend dump EXC 820
      'keine Störung mehr am Oximeter',
      'Sensorzustand des Oximeters: niedrige Signalqualität', // EXC C00
    ]);
  });

  it('says every set bit of any ALARM and EXC field as one German word, none dropped, no key and no English', () => {
    const popcount = (n: number) => n.toString(2).replace(/0/g, '').length;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (alarm, exc) => {
        const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
        const out = masimoAscii1.createSession().receive(asciiBytes(`02/22/16 22:47:45 SPO2=098% BPM=097 ALARM=${hex(alarm)} EXC=${hex(exc)}\r\n`), 0);
        const said = Object.fromEntries(out.notices.map((n) => [n.code, noticeText(t.de, n)]));
        const words = (text: string | undefined) => text!.slice(text!.indexOf(': ') + 2).split(', ');
        expect(words(said['oximeter.alarm'])).toHaveLength(popcount(alarm));
        const reported = popcount((exc & ~0x800) >>> 0);
        if (reported > 0) expect(words(said['oximeter.exception'])).toHaveLength(reported);
        else expect(said['oximeter.exception']).toBeUndefined();
        for (const text of Object.values(said)) expect(germanTextFindings(text), text).toEqual([]);
      }),
    );
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
