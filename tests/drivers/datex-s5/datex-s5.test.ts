import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, DatexFramer, encodeFrame } from '../../../drivers/protocols/datex-s5/framing';
import { ambientPressureMmHg, decodeRecord } from '../../../drivers/protocols/datex-s5/record';
import { displayRequestFrame } from '../../../drivers/protocols/datex-s5/request';
import { datexFuzzTarget } from '../../../drivers/protocols/datex-s5/fuzz';
import { DatexSession } from '../../../drivers/protocols/datex-s5/session';
import { runFuzz } from '../../../drivers/protocols/shared/fuzz';
import { expectCleanFuzz } from '../../helpers/fuzz';
import { buildDisplayRecord, createDatexS5Device } from '../../../drivers/simulator/devices/datex-s5';
import { hexBytes, vectorBytes, vectorText } from '../../helpers/vectors';

function specExamples(): Map<string, Uint8Array> {
  const examples = new Map<string, Uint8Array>();
  let title = '';
  for (const line of vectorText('datex_s5_computer_interface_spec_examples.txt').split('\n')) {
    if (line.startsWith('## ')) title = line.slice(3);
    else if (line.startsWith('7e')) examples.set(title, hexBytes(line));
  }
  return examples;
}

describe('Datex S/5 framing and requests', () => {
  it('builds the display request byte for byte as the spec example (10 s, classes 0x0E)', () => {
    const example = [...specExamples()].find(([t]) => t.startsWith('REQUEST displayed values'))![1];
    expect(displayRequestFrame(10, 0x0e)).toEqual(example);
  });

  it('escapes a checksum of 0x7D as in the 60-s-trend example', () => {
    const example = [...specExamples()].find(([t]) => t.startsWith('REQUEST 60 s trend'))![1];
    const results = new DatexFramer().push(example);
    expect(results).toHaveLength(1);
    const first = results[0]!;
    expect(first.ok).toBe(true);
    if (first.ok) expect(encodeFrame(first.record)).toEqual(example);
  });

  it('accepts every spec example and rejects it after one flipped bit', () => {
    for (const [title, frame] of specExamples()) {
      expect(new DatexFramer().push(frame).map((r) => r.ok), title).toEqual([true]);
      const broken = frame.slice();
      broken[10] = broken[10]! ^ 0x04;
      expect(new DatexFramer().push(broken), title).toEqual([{ ok: false, reason: 'checksumMismatch' }]);
    }
  });
});

describe('Datex S/5 real record (shared/vectors, no patient connected)', () => {
  const frame = vectorBytes('datex_dri_phdb_record_real_framed.bin');

  it('unframes to 1152 bytes with checksum 0x52', () => {
    const [result] = new DatexFramer().push(frame);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.record.length).toBe(1152);
    expect(checksum(result.record)).toBe(0x52);
  });

  it('yields no vital value: the modules present (ECG, NIBP, SpO2) are marked invalid or inactive; 759.8 mmHg ambient', () => {
    const [result] = new DatexFramer().push(frame);
    if (!result?.ok) throw new Error('frame rejected');
    const decoded = decodeRecord(result.record);
    expect(decoded.rejected).toEqual([]);
    expect(decoded.readings.every((r) => r.value === null)).toBe(true);
    expect(decoded.readings.map((r) => [r.parameter, r.state])).toEqual([
      ['hr', 'invalid'],
      ['nibpSys', 'invalid'],
      ['nibpDia', 'invalid'],
      ['nibpMean', 'invalid'],
      ['spo2', 'unavailable'],
      ['pulseRate', 'unavailable'],
    ]);
    expect(decoded.readings[0]?.deviceTime).toBe(1609601756 * 1000);
    expect(ambientPressureMmHg(result.record)).toBe(759.8);
  });
});

const vitalArb = fc.record({
  hr: fc.integer({ min: 20, max: 250 }),
  pulseRate: fc.integer({ min: 20, max: 250 }),
  spo2: fc.integer({ min: 5000, max: 10000 }).map((x) => x / 100),
  nibpSys: fc.integer({ min: 60, max: 250 }),
  nibpDia: fc.integer({ min: 30, max: 150 }),
  nibpMean: fc.integer({ min: 40, max: 200 }),
  respRate: fc.integer({ min: 0, max: 60 }),
  etco2: fc.integer({ min: 0, max: 80 }),
  temp: fc.integer({ min: 3400, max: 4200 }).map((x) => x / 100),
});

describe('Datex S/5 simulator → decoder', () => {
  it('decodes what the simulated monitor encodes, for any vitals', () => {
    fc.assert(
      fc.property(vitalArb, (values) => {
        const record = buildDisplayRecord({ values, sensorOff: false, time: 1_700_000_000_000 });
        const decoded = decodeRecord(record);
        const byParam = Object.fromEntries(decoded.readings.map((r) => [r.parameter, r.value]));
        for (const [parameter, value] of Object.entries(values)) {
          expect(byParam[parameter]).toBeCloseTo(value, 1);
        }
        expect(decoded.readings.every((r) => r.state === 'valid')).toBe(true);
      }),
    );
  });

  it('gives the same readings however the stream is split into reads, with garbage between frames', () => {
    fc.assert(
      fc.property(
        fc.array(vitalArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 20 }),
        fc.uint8Array({ maxLength: 30 }).filter((g) => !g.includes(0x7e)),
        (snapshots, cuts, garbage) => {
          const frames = snapshots.map((values) => encodeFrame(buildDisplayRecord({ values, sensorOff: false, time: 0 })));
          const stream = Uint8Array.from(frames.flatMap((f) => [...garbage, ...f]));
          const whole = new DatexSession().receive(stream, 0);
          const session = new DatexSession();
          const pieces = [];
          let at = 0;
          for (const cut of cuts) {
            pieces.push(session.receive(stream.slice(at, at + cut), 0));
            at += cut;
          }
          pieces.push(session.receive(stream.slice(at), 0));
          expect(pieces.flatMap((p) => p.readings)).toEqual(whole.readings);
          expect(whole.frames).toBe(snapshots.length);
        },
      ),
    );
  });

  it('marks SpO2, pulse rate and HR invalid while the sensor is off', () => {
    const record = buildDisplayRecord({ values: { hr: 80, spo2: 97, pulseRate: 80, nibpSys: 120 }, sensorOff: true, time: 0 });
    const states = Object.fromEntries(decodeRecord(record).readings.map((r) => [r.parameter, r.state]));
    expect(states).toMatchObject({ hr: 'invalid', spo2: 'invalid', pulseRate: 'invalid', nibpSys: 'valid' });
  });

  it('sends nothing before the request, then one record per tick', () => {
    const device = createDatexS5Device();
    const snapshot = { values: { hr: 70 }, sensorOff: false, time: 0 };
    expect(device.tick(snapshot)).toEqual([]);
    device.receive(displayRequestFrame(5), 0);
    expect(device.intervalMs).toBe(5000);
    expect(device.tick(snapshot)).toHaveLength(1);
  });

  it('survives 100 000 random, mutated and re-framed records: no exception, nothing implausible, every rejection with a reason', () => {
    const res = runFuzz(datexFuzzTarget, 100_000, 11);
    expectCleanFuzz(res);
    expect(res.rejected).toBeGreaterThan(1000);
    expect(res.reasons['implausibleValue']).toBeGreaterThan(0);
  });
});
