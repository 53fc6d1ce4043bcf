import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlausible } from '../../../core/vitals';
import { masimoAscii1 } from '../../../drivers/protocols/masimo-ascii1';
import { parseMasimoLine } from '../../../drivers/protocols/masimo-ascii1/parse';
import { asciiBytes } from '../../../drivers/protocols/shared/bytes';
import { feed, splitAt } from '../../../drivers/protocols/shared/harness';
import { createMasimoAscii1Device, formatMasimoLine } from '../../../drivers/simulator/devices/masimo-ascii1';
import { runFuzz } from '../../../drivers/protocols/shared/fuzz';
import { expectCleanFuzz } from '../../helpers/fuzz';
import { masimoFuzzTarget } from '../../../drivers/protocols/masimo-ascii1/fuzz';

const vectorText = (name: string): string =>
  readFileSync(new URL(`../../fixtures/vectors/${name}`, import.meta.url), 'latin1');

/** The sample file's data lines, as the device would send them (CR LF). */
function sampleLines(): string[] {
  return vectorText('masimo_ascii_samples.txt')
    .split('\n')
    .filter((l) => /^\d\d\//.test(l));
}

describe('Masimo ASCII 1 sample lines', () => {
  it('decodes the Radical-7 example (sensor-off exception flags the values)', () => {
    const line = sampleLines()[0]!;
    const res = parseMasimoLine(line);
    expect(res).toEqual({
      ok: true,
      record: { deviceTime: Date.UTC(2005, 11, 1, 11, 56, 29), spo2: 98, pulseRate: 240, alarm: 0, exception: 0x820, serial: '0123456789' },
    });
    const out = masimoAscii1.createSession().receive(asciiBytes(`${line}\r\n`), 0);
    expect(out.readings).toEqual([
      { parameter: 'spo2', value: 98, unit: '%', state: 'sensorOff', deviceTime: Date.UTC(2005, 11, 1, 11, 56, 29) },
      { parameter: 'pulseRate', value: 240, unit: '/min', state: 'sensorOff', deviceTime: Date.UTC(2005, 11, 1, 11, 56, 29) },
    ]);
    expect(out.notices).toContainEqual({ code: 'oximeter.exception', text: 'sensor off', args: { exception: '0x820', conditions: 'sensorOff' } });
  });

  it('decodes the Radical-5 example (alarm silenced)', () => {
    const out = masimoAscii1.createSession().receive(asciiBytes(`${sampleLines()[1]!}\r\n`), 0);
    expect(out.readings.map((r) => [r.parameter, r.value, r.state])).toEqual([
      ['spo2', 97, 'valid'],
      ['pulseRate', 64, 'valid'],
    ]);
    expect(out.notices).toEqual([{ code: 'oximeter.alarm', text: 'alarm silenced', args: { alarm: '0x20', conditions: 'alarmSilenced' } }]);
  });

  it('decodes the five real Rad-8 lines, with blank lines between them as in the README copy', () => {
    const rad8 = sampleLines().slice(2, 7);
    const out = masimoAscii1.createSession().receive(asciiBytes(rad8.map((l) => `${l}\r\n\r\n`).join('')), 0);
    expect(out.frames).toBe(5);
    expect(out.rejected).toEqual([]);
    expect(out.readings.filter((r) => r.parameter === 'pulseRate').map((r) => r.value)).toEqual([97, 96, 96, 96, 97]);
    expect(out.readings.filter((r) => r.parameter === 'spo2').every((r) => r.value === 98 && r.state === 'valid')).toBe(true);
    expect(out.readings[0]!.deviceTime).toBe(Date.UTC(2016, 1, 22, 22, 47, 45));
    expect(out.notices).toEqual([]); // EXC 0x800 "Masimo SET" alone is normal
  });

  it('decodes the Rad-8 trend-dump variant (SpO2=/PR= keys, EXC with text)', () => {
    const dump = sampleLines().slice(7);
    expect(dump).toHaveLength(3);
    const out = masimoAscii1.createSession().receive(asciiBytes(dump.map((l) => `${l}\r\n`).join('')), 0);
    expect(out.readings.map((r) => [r.parameter, r.value, r.state])).toEqual([
      ['spo2', 0, 'sensorOff'],
      ['pulseRate', 0, 'sensorOff'],
      ['spo2', 97, 'valid'],
      ['pulseRate', 69, 'valid'],
      ['spo2', 96, 'questionable'],
      ['pulseRate', 74, 'questionable'],
    ]);
    // Sensor off, then "Masimo SET" alone (normal again), then low signal IQ: each change a notice naming its codes.
    expect(out.notices).toEqual([
      { code: 'oximeter.exception', text: 'sensor off', args: { exception: '0x820', conditions: 'sensorOff' } },
      { code: 'oximeter.exceptionEnded', text: 'no exception' },
      { code: 'oximeter.exception', text: 'low signal IQ', args: { exception: '0xc00', conditions: 'lowSignalQuality' } },
    ]);
  });

  it('names every set bit by its code, an unknown bit by its number, and drops none', () => {
    const [rad8] = sampleLines().slice(2);
    // The real Rad-8 line with SpO2 high + pulse rate low + a bit the table does not know; EXC with an unknown bit alone.
    const line = rad8!.replace('ALARM=0000', 'ALARM=4009').replace('EXC=000800', 'EXC=002801');
    const out = masimoAscii1.createSession().receive(asciiBytes(`${line}\r\n`), 0);
    expect(out.notices).toEqual([
      { code: 'oximeter.alarm', text: 'SpO2 high, pulse rate low, bit 0x4000', args: { alarm: '0x4009', conditions: 'spo2High,pulseRateLow,0x4000' } },
      { code: 'oximeter.exception', text: 'no sensor, bit 0x2000', args: { exception: '0x2801', conditions: 'noSensor,0x2000' } },
    ]);
    const unknownOnly = masimoAscii1.createSession().receive(asciiBytes(`${rad8!.replace('EXC=000800', 'EXC=002800')}\r\n`), 0);
    expect(unknownOnly.notices).toEqual([{ code: 'oximeter.exception', text: 'bit 0x2000', args: { exception: '0x2800', conditions: '0x2000' } }]);
  });

  it('rejects a partial first line and leading NULs with a reason, then decodes the rest', () => {
    const [full] = sampleLines().slice(2);
    const out = masimoAscii1.createSession().receive(asciiBytes(`\0\0PO2=098% BPM=097\r\n${full!}\r\n`), 0);
    expect(out.rejected).toEqual([{ reason: 'noDateTime', detail: 'partial line?' }]);
    expect(out.frames).toBe(1);
  });

  it('maps dashes to null values and counts an implausible value as rejected', () => {
    const out = masimoAscii1
      .createSession()
      .receive(asciiBytes('02/22/16 22:47:45 SPO2=---% BPM=400 ALARM=0000 EXC=000800\r\n'), 0);
    expect(out.readings).toEqual([
      { parameter: 'spo2', value: null, unit: '%', state: 'unavailable', deviceTime: Date.UTC(2016, 1, 22, 22, 47, 45) },
    ]);
    expect(out.rejected).toEqual([{ reason: 'implausibleValue', detail: 'implausible pulseRate value' }]);
  });
});

const snapshotArb = fc.record({
  spo2: fc.integer({ min: 50, max: 100 }),
  pulseRate: fc.integer({ min: 20, max: 300 }),
  sensorOff: fc.boolean(),
  time: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2069, 11, 31) }).map((t) => t - (t % 1000)),
});

describe('Masimo ASCII 1 properties', () => {
  it('simulator → decoder round-trips values, time and sensor-off state', () => {
    fc.assert(
      fc.property(snapshotArb, fc.boolean(), ({ spo2, pulseRate, sensorOff, time }, radical5) => {
        const dev = createMasimoAscii1Device({ radical5 });
        const bytes = dev.tick({ values: { spo2, pulseRate }, sensorOff, time })[0]!;
        const out = masimoAscii1.createSession().receive(bytes, 0);
        expect(out.rejected).toEqual([]);
        expect(out.readings).toEqual(
          sensorOff
            ? [
                { parameter: 'spo2', value: null, unit: '%', state: 'sensorOff', deviceTime: time },
                { parameter: 'pulseRate', value: null, unit: '/min', state: 'sensorOff', deviceTime: time },
              ]
            : [
                { parameter: 'spo2', value: spo2, unit: '%', state: 'valid', deviceTime: time },
                { parameter: 'pulseRate', value: pulseRate, unit: '/min', state: 'valid', deviceTime: time },
              ],
        );
      }),
    );
  });

  it('gives the same result for any chunking of a stream', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(2000)), (snaps, cuts) => {
        const stream = asciiBytes(snaps.map((s) => formatMasimoLine({ values: s, sensorOff: s.sensorOff, time: s.time })).join(''));
        const whole = feed(masimoAscii1.createSession(), [stream]);
        const chunked = feed(masimoAscii1.createSession(), splitAt(stream, cuts));
        expect(chunked).toEqual(whole);
        expect(whole.frames).toBe(snaps.length);
      }),
    );
  });

  it('never throws on random bytes and never emits an implausible value', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }), (chunks) => {
        const out = feed(masimoAscii1.createSession(), chunks);
        for (const r of out.readings) expect(r.value === null || isPlausible(r.parameter, r.value)).toBe(true);
      }),
    );
  });
});

describe('Masimo ASCII 1 fuzz', () => {
  it('survives 100 000 random and mutated lines', () => {
    const res = runFuzz(masimoFuzzTarget, 100_000, 1);
    expectCleanFuzz(res);
  });
});
