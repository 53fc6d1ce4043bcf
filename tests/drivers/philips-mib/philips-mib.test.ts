import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlausible, type Reading } from '../../../core/vitals';
import { philipsMib } from '../../../drivers/protocols/philips-mib';
import { fcs16, FCS_GOOD, frameFcs } from '../../../drivers/protocols/philips-mib/fcs';
import { decodeFloat, encodeFloat } from '../../../drivers/protocols/philips-mib/float';
import { encodeFrame, MibFramer, wrapWithFcs } from '../../../drivers/protocols/philips-mib/framing';
import { philipsFuzzTarget } from '../../../drivers/protocols/philips-mib/fuzz';
import { parseMessage } from '../../../drivers/protocols/philips-mib/messages';
import { AARQ, extendedPoll, mdsCreateResult, RELEASE_REQUEST, singlePoll } from '../../../drivers/protocols/philips-mib/requests';
import { PhilipsMibSession, TIMING } from '../../../drivers/protocols/philips-mib/session';
import { hexToBytes } from '../../../drivers/protocols/shared/bytes';
import { runFuzz } from '../../../drivers/protocols/shared/fuzz';
import { expectCleanFuzz } from '../../helpers/fuzz';
import { feed, splitAt } from '../../../drivers/protocols/shared/harness';
import { createPhilipsMibDevice } from '../../../drivers/simulator/devices/philips-mib';
import type { SimulatedDevice, VitalsSnapshot } from '../../../drivers/simulator/device';

const vector = (name: string): URL => new URL(`../../fixtures/vectors/${name}`, import.meta.url);
const vectorBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(vector(name)));
const vectorText = (name: string): string => readFileSync(vector(name), 'latin1');

const RX = 'intellivue_mib_rx_capture_32frames.bin';
const TX = 'intellivue_mib_tx_vscapturemp_6frames.bin';

/** Raw (still escaped) frames of a capture, C0 … C1 inclusive. */
function rawFrames(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = -1;
  bytes.forEach((b, i) => {
    if (b === 0xc0) start = i;
    else if (b === 0xc1 && start >= 0) {
      out.push(bytes.slice(start, i + 1));
      start = -1;
    }
  });
  return out;
}

describe('IntelliVue FCS, framing and FLOAT vectors', () => {
  const text = vectorText('intellivue_fcs_float_vectors.txt');

  it('computes the OpenICE FCS vectors and frames them byte for byte', () => {
    const lines = text.split('\n').filter((l) => l.startsWith('data '));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const m = /^data ([0-9a-f ]+) -> FCS 0x([0-9A-F]{4}) -> wire: ([0-9a-f ]+?)\s*(\(|$)/.exec(line)!;
      const data = hexToBytes(m[1]!);
      expect(frameFcs(data)).toBe(parseInt(m[2]!, 16));
      expect(wrapWithFcs(data)).toEqual(hexToBytes(m[3]!));
      const fcs = frameFcs(data);
      expect(fcs16(Uint8Array.of(...data, fcs & 0xff, fcs >> 8))).toBe(FCS_GOOD);
    }
  });

  it('decodes the FLOAT examples, the specials and the capture HR', () => {
    const floats = [...text.matchAll(/^(0x[0-9A-F]{8}) -> .*?(-?\d+(\.\d+)?)\s*$/gm)].map((m) => [parseInt(m[1]!, 16), Number(m[2])]);
    expect(floats).toEqual([
      [0xfd007d00, 32],
      [0xff000140, 32],
      [0x01000140, 3200],
      [0x02000020, 3200],
    ]);
    expect(text).toContain('0x0000003C -> 60');
    expect(decodeFloat(0x0000003c)).toBe(60);
    for (const [bits, value] of floats) expect(decodeFloat(bits!)).toBe(value);
    for (const special of [0x007fffff, 0x00800000, 0x007ffffe, 0x00800002]) expect(decodeFloat(special)).toBeNull();
    expect(decodeFloat(0xfffffff6)).toBe(-1); // exponent -1, mantissa -10
  });

  it('the app sends byte for byte what VSCaptureMP sent (AARQ, ext poll, MDS create result)', () => {
    const frames = rawFrames(vectorBytes(TX));
    expect(frames).toHaveLength(6);
    expect(encodeFrame(AARQ)).toEqual(frames[0]);
    expect(encodeFrame(extendedPoll(1, 1))).toEqual(frames[1]);
    expect(encodeFrame(mdsCreateResult(1))).toEqual(frames[2]);
    // The unescaped user data listed in the vectors file, section 4.
    const listed = [...text.matchAll(/^frame (\d) header [0-9a-f ]+ user_data\(\d+ bytes\) ([0-9a-f ]+) fcs/gm)];
    const parsed = new MibFramer().push(vectorBytes(TX));
    expect(parsed.every((f) => f.ok)).toBe(true);
    listed.forEach((m) => expect(parsed[Number(m[1])]).toEqual({ ok: true, userData: hexToBytes(m[2]!) }));
    expect(parseMessage(AARQ)).toEqual({ kind: 'aarq' });
    expect(parseMessage(hexToBytes(listed[1]![2]!))).toEqual({
      kind: 'pollRequest', invokeId: 1, action: 0xf13b, pollNumber: 1, objCode: 6, periodTicks: 0x3a980,
    });
  });

  it('treats 7D C1 as abort and counts damaged frames with reasons', () => {
    const good = encodeFrame(mdsCreateResult(1));
    const bad = good.slice();
    bad[5] = bad[5]! ^ 0x01;
    const res = new MibFramer().push(Uint8Array.of(0x01, 0x02, ...bad, 0xc0, 0x11, 0x7d, 0xc1, ...good));
    expect(res.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['bytesOutsideFrame', 'checksumMismatch', 'frameAborted', 'ok']);
  });

  it('FLOAT encode/decode round-trips two-decimal values', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5_000_000, max: 5_000_000 }), (cents) => {
        expect(decodeFloat(encodeFloat(cents / 100))).toBe(cents / 100);
      }),
    );
  });
});

const HR_TIME = (k: number): number => Date.UTC(2021, 3, 22, 11, 47, 26) + 1600 + k * 1024;
const NBP_TIME = Date.UTC(2021, 2, 29, 12, 46, 18);

function expectedCapture(): Reading[] {
  const out: Reading[] = [];
  for (let k = 0; k < 4; k++) {
    for (const p of ['nibpSys', 'nibpDia', 'nibpMean'] as const) out.push({ parameter: p, value: null, unit: 'mmHg', state: 'unavailable', deviceTime: NBP_TIME });
    out.push({ parameter: 'hr', value: 60, unit: '/min', state: 'valid', deviceTime: HR_TIME(k) });
    out.push({ parameter: 'spo2', value: null, unit: '%', state: 'invalid', deviceTime: HR_TIME(k) });
    out.push({ parameter: 'pulseRate', value: null, unit: '/min', state: 'invalid', deviceTime: HR_TIME(k) });
  }
  return out;
}

describe('IntelliVue real capture (monitor → PC, 32 frames)', () => {
  it('decodes as described: HR 60 valid, NBP unavailable, SpO2 and pleth pulse invalid, 1.024 s apart', () => {
    const s = philipsMib.createSession();
    s.start(0);
    const out = s.receive(vectorBytes(RX), 0);
    expect(out.frames).toBe(32);
    expect(out.rejected).toEqual([]);
    expect(out.readings).toEqual(expectedCapture());
    expect(out.notices).toEqual([{ code: 'monitor.associated', text: 'association accepted' }]);
    // The MDS create event (invoke 1) is answered exactly as VSCaptureMP answers it, then numerics are polled.
    expect(out.send[0]).toEqual(rawFrames(vectorBytes(TX))[2]);
    expect(parseMessage(new MibFramer().push(out.send[1]!).map((f) => (f.ok ? f.userData : new Uint8Array()))[0]!)).toMatchObject({
      kind: 'pollRequest', action: 0xf13b, objCode: 6,
    });
    expect(s.phase()).toBe('associated');
  });

  it('gives the same result for any chunking of the capture', () => {
    const bytes = vectorBytes(RX);
    fc.assert(
      fc.property(fc.array(fc.nat(bytes.length), { maxLength: 40 }), (cuts) => {
        const s = philipsMib.createSession();
        s.start(0);
        const out = feed(s, splitAt(bytes, cuts));
        expect(out.readings).toEqual(expectedCapture());
        expect(out.frames).toBe(32);
        expect(out.rejected).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('ignores poll results that arrive before the association (stale stream) and garbage between frames', () => {
    const frames = rawFrames(vectorBytes(RX));
    const s = philipsMib.createSession();
    s.start(0);
    const stale = s.receive(Uint8Array.of(...frames[8]!, 0x55, 0xaa, ...frames[9]!), 0);
    expect(stale.readings).toEqual([]);
    expect(stale.frames).toBe(2);
    expect(stale.rejected).toEqual([{ reason: 'bytesOutsideFrame' }]);
  });
});

/** Runs app session and simulated monitor against each other for `seconds`, returning everything decoded. */
function converse(device: SimulatedDevice, snapshot: (t: number) => VitalsSnapshot, seconds: number, opts: { muteAppFrom?: number } = {}) {
  const s = new PhilipsMibSession();
  const readings: Reading[] = [];
  const notices: string[] = [];
  const phases: string[] = [];
  const deliver = (bytes: Uint8Array[], now: number): void => {
    for (const b of bytes) {
      const out = s.receive(b, now);
      readings.push(...out.readings);
      notices.push(...out.notices.map((n) => n.code));
      expect(out.rejected).toEqual([]);
      toDevice(out.send, now);
    }
  };
  const toDevice = (bytes: Uint8Array[], now: number): void => {
    if (opts.muteAppFrom !== undefined && now >= opts.muteAppFrom) return;
    for (const b of bytes) deliver(device.receive(b, now), now);
  };
  const t0 = Date.UTC(2024, 4, 1, 8, 0, 0);
  toDevice(s.start(t0), t0);
  for (let t = t0 + 1000; t <= t0 + seconds * 1000; t += 1000) {
    deliver(device.tick(snapshot(t)), t);
    toDevice(s.tick(t), t);
    phases.push(s.phase());
  }
  return { readings, notices, phases, session: s };
}

const fullSnapshot = (t: number): VitalsSnapshot => ({
  values: { hr: 72, pulseRate: 71, spo2: 97, nibpSys: 128, nibpDia: 79, nibpMean: 95, respRate: 14, etco2: 38.5, temp: 36.85 },
  sensorOff: false,
  time: t,
  nibpMeasuredAt: Date.UTC(2024, 4, 1, 7, 55, 0),
});

describe('IntelliVue conversation with the simulated monitor', () => {
  it('associates, answers the MDS create event, polls, keeps alive and decodes all numerics for a minute', () => {
    const { readings, notices, phases } = converse(createPhilipsMibDevice(), fullSnapshot, 60);
    expect(notices).toEqual(['monitor.associated']);
    expect(phases.slice(1).every((p) => p === 'associated')).toBe(true);
    const hr = readings.filter((r) => r.parameter === 'hr');
    expect(hr.length).toBeGreaterThanOrEqual(58); // one a second, the poll never lapses
    expect(new Set(readings.map((r) => `${r.parameter}=${r.value}/${r.state}`))).toEqual(
      new Set(['hr=72/valid', 'pulseRate=71/valid', 'spo2=97/valid', 'nibpSys=128/valid', 'nibpDia=79/valid', 'nibpMean=95/valid', 'respRate=14/valid', 'etco2=38.5/valid', 'temp=36.85/valid']),
    );
    expect(readings.find((r) => r.parameter === 'nibpSys')!.deviceTime).toBe(Date.UTC(2024, 4, 1, 7, 55, 0));
    // Device time tracks the monitor clock through the MDS time base.
    const last = hr[hr.length - 1]!;
    expect(last.deviceTime).toBe(Date.UTC(2024, 4, 1, 8, 1, 0));
  });

  it('re-associates after the monitor falls silent (it dropped us), and resumes numerics', () => {
    // App's transmissions are lost from t0+20 s to t0+40 s: the monitor times out after 10 s and goes quiet.
    const device = createPhilipsMibDevice({ timeoutMs: 10_000 });
    let mute = true;
    const wrapped: SimulatedDevice = {
      intervalMs: 1000,
      receive: (c, now) => (mute && now >= Date.UTC(2024, 4, 1, 8, 0, 20) && now < Date.UTC(2024, 4, 1, 8, 0, 40) ? [] : device.receive(c, now)),
      tick: (snap) => device.tick(snap),
    };
    const { readings, phases, notices } = converse(wrapped, fullSnapshot, 90);
    mute = false;
    expect(phases).toContain('reassociating');
    expect(phases[phases.length - 1]).toBe('associated');
    expect(notices.filter((n) => n === 'monitor.associated').length).toBeGreaterThanOrEqual(2);
    const lateHr = readings.filter((r) => r.parameter === 'hr' && r.deviceTime! > Date.UTC(2024, 4, 1, 8, 1, 0));
    expect(lateHr.length).toBeGreaterThan(20);
  });

  it('answers a release from the monitor and associates again', () => {
    const s = new PhilipsMibSession();
    s.start(0);
    s.receive(encodeFrame(hexToBytes('0e 00')), 0);
    const out = s.receive(encodeFrame(RELEASE_REQUEST), 100);
    expect(out.notices).toEqual([{ code: 'monitor.released', text: 'monitor released the association' }]);
    expect(parseMessage(new MibFramer().push(out.send[0]!).map((f) => (f.ok ? f.userData : new Uint8Array()))[0]!)).toEqual({ kind: 'releaseResponse' });
    expect(s.tick(1000)).toEqual([encodeFrame(AARQ)]);
    expect(s.phase()).toBe('waitingForAssociation');
  });

  it('retries the AARQ while the monitor does not answer, and sends keep-alives once polling', () => {
    const s = new PhilipsMibSession();
    expect(s.start(0)).toEqual([encodeFrame(RELEASE_REQUEST), encodeFrame(AARQ)]);
    expect(s.tick(1000)).toEqual([]);
    expect(s.tick(TIMING.aarqRetryMs)).toEqual([encodeFrame(AARQ)]);
    s.receive(encodeFrame(hexToBytes('0e 00')), 5000);
    const polled = s.tick(5000 + TIMING.mdsWaitMs);
    expect(polled).toHaveLength(1);
    s.receive(encodeFrame(mdsCreateResult(9)), 9000); // any frame keeps the link alive
    const keepAlive = s.tick(5000 + TIMING.mdsWaitMs + TIMING.keepAliveMs);
    expect(keepAlive).toEqual([encodeFrame(singlePoll(2, 2))]);
  });

  it('the simulated monitor stops talking when the app goes silent past its timeout', () => {
    const { readings } = converse(createPhilipsMibDevice({ timeoutMs: 10_000 }), fullSnapshot, 40, { muteAppFrom: Date.UTC(2024, 4, 1, 8, 0, 5) });
    const times = readings.filter((r) => r.parameter === 'hr').map((r) => r.deviceTime!);
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.UTC(2024, 4, 1, 8, 0, 16));
  });

  it('flags demo data, converts kPa to mmHg, and flags sensor-off values invalid', () => {
    const demo = converse(createPhilipsMibDevice({ demo: true, pressureUnit: 'kPa' }), fullSnapshot, 5).readings;
    expect(demo.length).toBeGreaterThan(0);
    expect(demo.every((r) => r.state === 'demo')).toBe(true);
    expect(demo.find((r) => r.parameter === 'etco2')!.value).toBeCloseTo(38.5, 0);
    expect(demo.find((r) => r.parameter === 'nibpSys')!.value).toBeCloseTo(128, 0);
    const off = converse(createPhilipsMibDevice(), (t) => ({ ...fullSnapshot(t), sensorOff: true }), 5).readings;
    expect(off.every((r) => r.value === null && r.state !== 'valid')).toBe(true);
  });
});

const valuesArb = fc.record(
  {
    hr: fc.integer({ min: 0, max: 35000 }).map((v) => v / 100),
    pulseRate: fc.integer({ min: 0, max: 350 }),
    spo2: fc.integer({ min: 0, max: 100 }),
    nibpSys: fc.integer({ min: 0, max: 320 }),
    nibpDia: fc.integer({ min: 0, max: 300 }),
    nibpMean: fc.integer({ min: 0, max: 310 }),
    respRate: fc.integer({ min: 0, max: 150 }),
    etco2: fc.integer({ min: 0, max: 1500 }).map((v) => v / 10),
    temp: fc.integer({ min: 1000, max: 4500 }).map((v) => v / 100),
  },
  { requiredKeys: [] },
).map((v) => {
  // NBP is one compound object: the monitor sends sys/dia/mean together or not at all.
  if (v.nibpSys === undefined && v.nibpDia === undefined && v.nibpMean === undefined) return v;
  return { ...v, nibpSys: v.nibpSys ?? 120, nibpDia: v.nibpDia ?? 80, nibpMean: v.nibpMean ?? 93 };
});

describe('IntelliVue properties', () => {
  it('simulator → decoder gives the same values (any subset of parameters, any chunking)', () => {
    fc.assert(
      fc.property(valuesArb, fc.array(fc.nat(3000), { maxLength: 20 }), (values, cuts) => {
        const device = createPhilipsMibDevice();
        const s = new PhilipsMibSession();
        const t = Date.UTC(2024, 0, 1);
        const wire: Uint8Array[] = [];
        for (const b of s.start(t)) wire.push(...device.receive(b, t));
        device.tick({ values, sensorOff: false, time: t }); // device learns the snapshot
        const snapshot = { values, sensorOff: false, time: t + 1000 };
        // AARE + MDS create, then what the app answers, then one periodic result.
        const first = feed(s, wire, t);
        for (const b of first.send) device.receive(b, t);
        const stream = Uint8Array.from(device.tick(snapshot).flatMap((b) => Array.from(b)));
        const out = feed(s, splitAt(stream, cuts), t + 1000);
        expect(out.rejected).toEqual([]);
        const got = Object.fromEntries(out.readings.map((r) => [r.parameter, r.value]));
        expect(got).toEqual(values);
        expect(out.readings.every((r) => r.state === 'valid')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('random bytes and damaged frames never throw, never emit implausible values, rejections have reasons', () => {
    const frames = rawFrames(vectorBytes(RX));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...frames.slice(8, 11)).chain((f) => fc.tuple(fc.constant(f), fc.nat(f.length - 1), fc.integer({ min: 0, max: 255 })).map(([fr, i, b]) => { const c = fr.slice(); c[i] = b; return c; }))), { maxLength: 10 }),
        (chunks) => {
          const s = new PhilipsMibSession();
          s.start(0);
          s.receive(frames[0]!, 0);
          const out = feed(s, chunks);
          for (const r of out.readings) expect(r.value === null || isPlausible(r.parameter, r.value)).toBe(true);
          for (const r of out.rejected) expect(r.reason).toMatch(/\w/);
        },
      ),
    );
  });
});

describe('IntelliVue fuzz', () => {
  it('survives 100 000 random, mutated and re-framed frames', () => {
    const res = runFuzz(philipsFuzzTarget, 100_000, 3);
    expectCleanFuzz(res);
    expect(Object.keys(res.reasons)).toEqual(expect.arrayContaining(['checksumMismatch', 'implausibleValue']));
  });
});
