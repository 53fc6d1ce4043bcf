import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlausible } from '../../../core/vitals';
import { nonin2, nonin8 } from '../../../drivers/protocols/nonin';
import { selectFormatCommand } from '../../../drivers/protocols/nonin/common';
import { NoninFormat2Decoder } from '../../../drivers/protocols/nonin/format2';
import { nonin2FuzzTarget, nonin8FuzzTarget } from '../../../drivers/protocols/nonin/fuzz';
import { hexToBytes } from '../../../drivers/protocols/shared/bytes';
import { runFuzz } from '../../../drivers/protocols/shared/fuzz';
import { expectCleanFuzz } from '../../helpers/fuzz';
import { feed, splitAt } from '../../../drivers/protocols/shared/harness';
import { createNonin2Device, createNonin8Device, encodeFormat2Packet } from '../../../drivers/simulator/devices/nonin';

const vectorText = (name: string): string =>
  readFileSync(new URL(`../../fixtures/vectors/${name}`, import.meta.url), 'latin1');

/** The 30 format-#2 frames of the sample file, in order. */
function sampleFrames(): Uint8Array {
  const hex = vectorText('nonin_samples.txt')
    .split('\n')
    .filter((l) => /^01[0-9A-F]{8}( |$)/.test(l))
    .join(' ');
  return hexToBytes(hex);
}

describe('Nonin format #2 sample frames', () => {
  it('has 30 frames, all checksums valid, and decodes the one full packet to HR 74, SpO2 96', () => {
    const bytes = sampleFrames();
    expect(bytes.length).toBe(150);
    const out = new NoninFormat2Decoder().receive(bytes);
    expect(out.frames).toBe(30);
    expect(out.rejected).toEqual([]);
    expect(out.readings).toEqual([
      { parameter: 'pulseRate', value: 74, unit: '/min', state: 'valid' },
      { parameter: 'spo2', value: 96, unit: '%', state: 'valid' },
    ]);
  });

  it('decodes the same for every split of the sample', () => {
    const bytes = sampleFrames();
    const whole = new NoninFormat2Decoder().receive(bytes);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = new NoninFormat2Decoder();
      const a = d.receive(bytes.subarray(0, cut));
      const b = d.receive(bytes.subarray(cut));
      expect([...a.readings, ...b.readings]).toEqual(whole.readings);
      expect(a.frames + b.frames).toBe(30);
    }
  });

  it('rejects a frame with a bad checksum, with a reason, and drops the packet it belonged to', () => {
    const bytes = sampleFrames();
    bytes[4 * 5 + 9] = bytes[4 * 5 + 9]! ^ 0x01; // a checksum inside the full packet
    const out = new NoninFormat2Decoder().receive(bytes);
    expect(out.rejected.map((r) => r.reason)).toContain('checksumMismatch');
    expect(out.readings).toEqual([]);
  });

  it('selects the format on open and swallows the ACK', () => {
    const s = nonin2.createSession();
    expect(s.start(0)).toEqual([selectFormatCommand(2)]);
    expect(Array.from(selectFormatCommand(8))).toEqual([0x02, 0x70, 0x02, 0x02, 0x08, 0x03]);
    const out = s.receive(Uint8Array.of(0x06, ...sampleFrames()), 0);
    expect(out.notices).toEqual([{ code: 'oximeter.formatSelected', text: 'format #2 selected', args: { format: 2 } }]);
    expect(out.rejected).toEqual([]);
    expect(out.readings).toHaveLength(2);
  });
});

describe('Nonin format #8', () => {
  it('decodes a record, HR bits 7-8 from STATUS1, missing markers and sensor alarm', () => {
    const s = nonin8.createSession();
    // HR 300 = 0b10_0101100: STATUS1 bits 1..0 = 2, HR byte 0x2C; SpO2 95; STATUS2 SPA.
    const out = s.receive(Uint8Array.of(0x82, 0x2c, 95, 0x20, 0x83, 0x7f, 127, 0x08), 0);
    expect(out.frames).toBe(2);
    expect(out.readings).toEqual([
      { parameter: 'pulseRate', value: 300, unit: '/min', state: 'valid' },
      { parameter: 'spo2', value: 95, unit: '%', state: 'valid' },
      { parameter: 'pulseRate', value: null, unit: '/min', state: 'sensorOff' },
      { parameter: 'spo2', value: null, unit: '%', state: 'sensorOff' },
    ]);
  });

  it('rejects an implausible SpO2 (e.g. 120) and resyncs after garbage', () => {
    const out = nonin8.createSession().receive(Uint8Array.of(0x11, 0x22, 0x80, 0x40, 120, 0x00, 0x80, 60, 97, 0), 0);
    expect(out.rejected.map((r) => r.reason)).toEqual(['outOfSync', 'implausibleValue']);
    expect(out.readings.map((r) => [r.parameter, r.value])).toEqual([
      ['pulseRate', 64],
      ['pulseRate', 60],
      ['spo2', 97],
    ]);
  });
});

const vitalsArb = fc.record({
  spo2: fc.integer({ min: 0, max: 100 }),
  pulseRate: fc.integer({ min: 0, max: 350 }),
  sensorOff: fc.boolean(),
});

describe('Nonin properties', () => {
  for (const [name, def, make] of [
    ['#2', nonin2, createNonin2Device],
    ['#8', nonin8, createNonin8Device],
  ] as const) {
    it(`${name}: simulator → decoder round-trips values in any chunking`, () => {
      fc.assert(
        fc.property(fc.array(vitalsArb, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(800)), (snaps, cuts) => {
          const dev = make();
          const stream = snaps.flatMap((v) => dev.tick({ values: v, sensorOff: v.sensorOff, time: 0 }));
          const bytes = Uint8Array.from(stream.flatMap((b) => Array.from(b)));
          const out = feed(def.createSession(), splitAt(bytes, cuts));
          const expected = snaps.flatMap((v) => [
            { parameter: 'pulseRate', value: v.sensorOff ? null : v.pulseRate, unit: '/min', state: v.sensorOff ? 'sensorOff' : 'valid' },
            { parameter: 'spo2', value: v.sensorOff ? null : v.spo2, unit: '%', state: v.sensorOff ? 'sensorOff' : 'valid' },
          ]);
          expect(out.readings).toEqual(expected);
          expect(out.rejected).toEqual([]);
        }),
      );
    });

    it(`${name}: random bytes never throw and never yield implausible values`, () => {
      fc.assert(
        fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), (chunks) => {
          const out = feed(def.createSession(), chunks);
          for (const r of out.readings) expect(r.value === null || isPlausible(r.parameter, r.value)).toBe(true);
          for (const r of out.rejected) expect(r.reason).not.toBe('');
        }),
      );
    });
  }

  it('the simulated device ACKs a supported format and NAKs others', () => {
    const dev = createNonin2Device();
    expect(dev.receive(selectFormatCommand(8), 0)).toEqual([Uint8Array.of(0x06)]);
    expect(dev.receive(selectFormatCommand(13), 0)).toEqual([Uint8Array.of(0x15)]);
    expect(dev.tick({ values: { spo2: 97, pulseRate: 70 }, sensorOff: false, time: 0 })[0]!.length).toBe(4);
    expect(encodeFormat2Packet({ values: {}, sensorOff: false, time: 0 }).length).toBe(125);
  });
});

describe('Nonin fuzz', () => {
  for (const target of [nonin2FuzzTarget, nonin8FuzzTarget]) {
    it(`${target.id} survives 100 000 random and mutated frames`, () => {
      const res = runFuzz(target, 100_000, 7);
      expectCleanFuzz(res);
    });
  }
});
