import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlausible, type Reading } from '../../../core/vitals';
import type { DeviceNotice } from '../../../drivers/protocol';
import { bbraunBcc } from '../../../drivers/protocols/bbraun-bcc';
import { BccFramer, destuff, encodeBccFrame, stuff } from '../../../drivers/protocols/bbraun-bcc/framing';
import { bbraunFuzzTarget } from '../../../drivers/protocols/bbraun-bcc/fuzz';
import { BbraunBccSession, TIMING } from '../../../drivers/protocols/bbraun-bcc/session';
import { asciiBytes, hexToBytes } from '../../../drivers/protocols/shared/bytes';
import { runFuzz } from '../../../drivers/protocols/shared/fuzz';
import { expectCleanFuzz } from '../../helpers/fuzz';
import { feed, splitAt } from '../../../drivers/protocols/shared/harness';
import { createBbraunBccDevice, type SimulatedPump } from '../../../drivers/simulator/devices/bbraun-bcc';
import type { SimulatedDevice, VitalsSnapshot } from '../../../drivers/simulator/device';

const vectorText = (name: string): string =>
  readFileSync(new URL(`../../fixtures/vectors/${name}`, import.meta.url), 'latin1');

const CONTROL: Record<string, number> = { SOH: 1, STX: 2, ETX: 3, EOT: 4, ETB: 0x17, RS: 0x1e, ACK: 6, NAK: 0x15 };
/** "<SOH>00031<STX>1/1/1>…" notation of the sample file → bytes. */
const fromNotation = (s: string): Uint8Array => asciiBytes(s.replace(/<([A-Z]{2,3})>/g, (_, n: string) => String.fromCharCode(CONTROL[n]!)));

const samples = vectorText('bbraun_bcc_samples.txt').split('\n');

describe('BCC sample vectors', () => {
  it('builds ADMIN:ALIVE byte for byte (length 31, checksum 61), also the stuffed wire form', () => {
    const alive = samples.find((l) => l.startsWith('<SOH>00031'))!;
    const hex = samples.find((l) => l.startsWith('hex (unstuffed):'))!.slice('hex (unstuffed):'.length);
    expect(encodeBccFrame('1', 'ADMIN:ALIVE')).toEqual(fromNotation(alive));
    expect(encodeBccFrame('1', 'ADMIN:ALIVE')).toEqual(hexToBytes(hex));
    expect(new BbraunBccSession().start(0)).toEqual([hexToBytes(hex)]);
    const stuffedWire = /wire form is\s*$/.test(samples.find((l) => l.includes('with stuffing ON'))!)
      ? samples[samples.findIndex((l) => l.includes('with stuffing ON')) + 1]!.replace(/^#\s*/, '').split(/\s+since/)[0]!
      : '';
    expect(stuffedWire).toBe('<SOH>00031<STX>1/1/1>AEXMIN:ALIVEE<ETX>00061<EOT>');
    expect(encodeBccFrame('1', 'ADMIN:ALIVE', { stuffing: true })).toEqual(fromNotation(stuffedWire));
    const [ev] = new BccFramer().push(fromNotation(stuffedWire));
    expect(ev).toEqual({ kind: 'frame', frame: { bedId: '1', info: 'ADMIN:ALIVE', more: false, stuffed: true } });
  });

  it('rejects the spec ComSystem examples as printed and accepts them with the recomputed length/checksum', () => {
    const spec = samples.filter((l) => /^(OUT|IN):/.test(l));
    expect(spec).toHaveLength(4);
    for (const line of spec) {
      const m = /^(?:OUT|IN):\s+(<SOH>(\d{5})<STX>(.*?)<ETX>(\d{5})<EOT>)\s+\(recomputed: (\d{5}) \/ (\d{5})\)/.exec(line)!;
      const printed = new BccFramer().push(fromNotation(m[1]!));
      expect(printed).toHaveLength(1);
      expect(printed[0]!.kind).toBe('rejected');
      const fixed = fromNotation(`<SOH>${m[5]}<STX>${m[3]}<ETX>${m[6]}<EOT>`);
      const [header, info] = [m[3]!.slice(0, m[3]!.indexOf('>')), m[3]!.slice(m[3]!.indexOf('>') + 1)];
      expect(encodeBccFrame(header.split('/')[0]!, info)).toEqual(fixed);
      expect(new BccFramer().push(fixed)[0]).toMatchObject({ kind: 'frame', frame: { bedId: 'ComSystem', info } });
    }
  });

  it('decodes the MEM:GET block from the spec (re-framed: the printed one is abridged)', () => {
    const line = samples.find((l) => l.startsWith('<SOH>01064'))!;
    const info = line.slice(line.indexOf('/1/1>') + 5, line.indexOf('<RS>...')).replace(/<RS>/g, '\x1e');
    const s = new BbraunBccSession();
    s.start(0);
    const out = s.receive(encodeBccFrame('ComSystem', info, { more: true }), 0);
    expect(out.rejected).toEqual([]);
    expect(out.readings).toEqual<Reading[]>([
      { parameter: 'pumpRate', value: 0.3, unit: 'ml/h', state: 'valid' },
      { parameter: 'pumpVolume', value: 1.4, unit: 'ml', state: 'valid' },
    ]);
    expect(out.notices).toEqual<DeviceNotice[]>([
      { code: 'pump.new', text: 'pump 1.3: pump connected', args: { pump: '1.3' } },
      { code: 'pump.drug', text: 'pump 1.3: Arterenol 4mg/50', args: { pump: '1.3', drug: 'Arterenol 4mg/50' } },
    ]);
    // ETB: more blocks follow; the ACK goes out from tick(), not sooner than 0.1 s after the block.
    expect(s.tick(50)).toEqual([]);
    expect(s.tick(TIMING.ackDelayMs)).toEqual([Uint8Array.of(0x06)]);
  });

  it('NAKs a damaged block and counts it with a reason', () => {
    const s = new BbraunBccSession();
    s.start(0);
    const good = encodeBccFrame('1', '5,50100,GNACK,0');
    const bad = good.slice();
    bad[12] = 0x39;
    const out = s.receive(bad, 10);
    expect(out.rejected).toEqual([{ reason: 'checksumMismatch' }]);
    expect(s.tick(500)).toEqual([Uint8Array.of(0x15)]);
  });

  it('stuffing round-trips and rejects invalid escapes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(destuff(stuff(b))).toEqual(b);
      }),
    );
    expect(destuff(asciiBytes('AEB'))).toBeUndefined();
  });
});

/** Host session and simulated ComDevice talking for `seconds`. */
function converse(device: SimulatedDevice, snapshot: (t: number) => VitalsSnapshot, seconds: number, stepMs = 250) {
  const s = new BbraunBccSession();
  const readings: Reading[] = [];
  const notices: DeviceNotice[] = [];
  const toDevice = (bytes: Uint8Array[], now: number): void => {
    for (const b of bytes) {
      for (const reply of device.receive(b, now)) {
        const out = s.receive(reply, now);
        expect(out.rejected).toEqual([]);
        readings.push(...out.readings);
        notices.push(...out.notices);
        toDevice(out.send, now);
      }
    }
  };
  device.tick(snapshot(0));
  toDevice(s.start(0), 0);
  for (let t = stepMs; t <= seconds * 1000; t += stepMs) {
    if (t % device.intervalMs === 0) device.tick(snapshot(t));
    toDevice(s.tick(t), t);
  }
  return { readings, notices, session: s };
}

const snap = (rate: number, volume: number) => (t: number): VitalsSnapshot => ({
  values: { pumpRate: rate, pumpVolume: volume },
  sensorOff: false,
  time: t,
});

describe('BCC conversation with the simulated ComDevice', () => {
  it('learns the bed id, polls MEM:GET, ACKs every block of a three-pump rack and decodes all pumps', () => {
    const pumps: SimulatedPump[] = [
      { address: '50111', drug: 'Esketamin 25 mg/ml' },
      { address: '50112', drug: 'Ondansetron', rate: 2.5, volume: 0.8, alarms: ['INA12'] },
      { address: '50113', drug: 'NaCl 0,9%', rate: 10, volume: 12.3, bolusActive: true, bolusCount: 1 },
    ];
    const { readings, notices, session } = converse(createBbraunBccDevice({ pumps }), snap(12.5, 3.4), 30);
    expect(session.phase()).toBe('comDeviceConnected');
    expect(notices).toContainEqual({ code: 'pump.connected', text: 'ComDevice answered (bed ComSystem)', args: { bed: 'ComSystem' } });
    expect(notices).toContainEqual({ code: 'pump.drug', text: 'pump 1.1: Esketamin 25 mg/ml', args: { pump: '1.1', drug: 'Esketamin 25 mg/ml' } });
    expect(notices).toContainEqual({ code: 'pump.drug', text: 'pump 1.3: NaCl 0,9%', args: { pump: '1.3', drug: 'NaCl 0,9%' } });
    expect(notices).toContainEqual({ code: 'pump.alarm', text: 'pump 1.2: syringe nearly empty (pre-alarm)', args: { pump: '1.2', alarm: 'INA12', conditions: 'syringeNearlyEmpty' } });
    expect(notices).toContainEqual({ code: 'pump.bolus', text: 'pump 1.3: bolus running', args: { pump: '1.3' } });
    expect(notices).toContainEqual({
      code: 'pump.bolusCount',
      text: 'pump 1.3: 1 bolus(es) since last read, last 1.0 ml',
      args: { pump: '1.3', count: 1 },
    });
    // Drug and alarm notices only on change: once each despite several polls.
    expect(notices.filter((n) => n.code === 'pump.drug')).toHaveLength(3);
    const rates = readings.filter((r) => r.parameter === 'pumpRate').map((r) => r.value);
    expect(rates.length).toBeGreaterThanOrEqual(9); // ≥ 3 full polls of 3 pumps in 30 s
    expect(rates.slice(0, 3)).toEqual([12.5, 2.5, 10]);
    expect(readings.filter((r) => r.parameter === 'pumpVolume').map((r) => r.value).slice(0, 3)).toEqual([3.4, 0.8, 12.3]);
  });

  it('works with character stuffing on the ComDevice', () => {
    const { readings } = converse(createBbraunBccDevice({ stuffing: true, bedId: 'Bed-Delta' }), snap(4, 1), 12);
    expect(readings.filter((r) => r.parameter === 'pumpRate').map((r) => r.value)[0]).toBe(4);
  });

  it('starts over with ADMIN:ALIVE when the ComDevice stops answering', () => {
    const s = new BbraunBccSession();
    s.start(0);
    expect(s.tick(1000)).toEqual([]);
    expect(s.tick(TIMING.responseTimeoutMs)).toEqual([encodeBccFrame('1', 'ADMIN:ALIVE')]);
    expect(s.phase()).toBe('comDeviceNoAnswer');
  });

  it('maps _NV to a null value and rejects an implausible rate', () => {
    const s = new BbraunBccSession();
    s.start(0);
    const out = s.receive(encodeBccFrame('1', '9,50111,INRT,_NV\x1e9,50111,INVI,1.5\x1e9,50112,INRT,1500.00\x1e9,50112,INVI,abc'), 0);
    expect(out.readings).toEqual([
      { parameter: 'pumpRate', value: null, unit: 'ml/h', state: 'unavailable' },
      { parameter: 'pumpVolume', value: 1.5, unit: 'ml', state: 'valid' },
    ]);
    expect(out.rejected).toEqual([
      { reason: 'implausibleValue', detail: 'implausible pumpRate value' },
      { reason: 'malformedValue', detail: 'INVI' },
    ]);
  });

  it('names a pump alarm by its code (INA3 and INA03 alike), an alarm the table does not name by its number', () => {
    const s = new BbraunBccSession();
    s.start(0);
    const raised = s.receive(encodeBccFrame('1', '9,50111,INA03,1\x1e9,50111,INA55,1\x1e9,50111,INA2,0'), 0);
    expect(raised.notices).toEqual([
      { code: 'pump.alarm', text: 'pump 1.1: pressure / occlusion', args: { pump: '1.1', alarm: 'INA03', conditions: 'occlusion' } },
      { code: 'pump.alarm', text: 'pump 1.1: alarm INA55', args: { pump: '1.1', alarm: 'INA55', conditions: '55' } },
    ]);
    const cleared = s.receive(encodeBccFrame('1', '14,50111,INA03,0\x1e14,50111,INA55,1'), 0);
    expect(cleared.notices).toEqual([
      { code: 'pump.alarmCleared', text: 'pump 1.1: pressure / occlusion', args: { pump: '1.1', alarm: 'INA03', conditions: 'occlusion' } },
    ]);
  });
});

describe('BCC properties', () => {
  it('simulator → decoder gives the same rate and volume, in any chunking', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120000 }),
        fc.integer({ min: 0, max: 99999 }),
        fc.boolean(),
        fc.array(fc.nat(600), { maxLength: 12 }),
        (rateCents, volumeTenths, stuffing, cuts) => {
          const device = createBbraunBccDevice({ stuffing });
          device.tick(snap(rateCents / 100, volumeTenths / 10)(0));
          const s = new BbraunBccSession();
          const alive = device.receive(s.start(0)[0]!, 0);
          feed(s, alive);
          const block = device.receive(encodeBccFrame('ComSystem', 'MEM:GET'), 1000)[0]!;
          const out = feed(s, splitAt(block, cuts), 1000);
          expect(out.rejected).toEqual([]);
          expect(out.readings.map((r) => r.value)).toEqual([rateCents / 100, volumeTenths / 10]);
        },
      ),
    );
  });

  it('random bytes never throw, never emit implausible values, and rejections have reasons', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 80 }).map((t) => encodeBccFrame('1', t))), { maxLength: 8 }), (chunks) => {
        const out = feed(bbraunBcc.createSession(), chunks);
        for (const r of out.readings) expect(r.value === null || isPlausible(r.parameter, r.value)).toBe(true);
        for (const r of out.rejected) expect(r.reason).toMatch(/\w/);
      }),
    );
  });
});

describe('BCC fuzz', () => {
  it('survives 100 000 random, mutated and re-framed blocks', () => {
    const res = runFuzz(bbraunFuzzTarget, 100_000, 5);
    expectCleanFuzz(res);
  });
});
