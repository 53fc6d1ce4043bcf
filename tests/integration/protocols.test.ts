/**
 * Every protocol end to end through a socat pty pair: simulated device → bad line (random cuts, merges, garbage,
 * damaged frames, deafness, silence) → pty → serialport → SerialLink → decoder. Needs Debian's socat.
 * Tests of one protocol run concurrently (each has its own pty pair), so the file stays well under a minute.
 */
import { afterAll, describe, expect as globalExpect, it } from 'vitest';
import type { LinkStatus } from '../../core/api/schemas';
import { LINK_PHASES } from '../../core/devices/linkPhase';
import type { Reading, VitalParameter } from '../../core/vitals';
import { openSerialPort } from '../../drivers/link/port';
import { SerialLink } from '../../drivers/link/serialLink';
import type { DeviceNotice } from '../../drivers/protocol';
import { findProtocol } from '../../drivers/protocols';
import { createSimulatedDevice } from '../../drivers/simulator/devices';
import { SimulatedPatient } from '../../drivers/simulator/patient';
import { openPtyPair } from '../../drivers/simulator/ptyPair';
import { WireDevice } from '../helpers/wireDevice';
import { waitFor } from '../helpers/wsClient';

type Expect = typeof globalExpect;

interface Spec {
  id: string;
  /** Parameters that must arrive valid. */
  params: VitalParameter[];
  intervalMs?: number;
  /** No frame for this long = silent (request/response devices answer only every few seconds). */
  silenceMs: number;
  /** The conversation the device needs before it sends (null: it sends on its own). */
  handshake: null | { deafMs: number; check(w: WireDevice, notices: DeviceNotice[], link: SerialLink, expect: Expect): void };
  /** Damaged copies of a frame, most likely first; the first one the decoder rejects with `reason` is used. */
  damage(frame: Uint8Array): Uint8Array[];
  reason: RegExp;
}

/** Flip the low bit of bytes from the middle outwards. */
function flips(frame: Uint8Array, min = 8): Uint8Array[] {
  if (frame.length < min) return [];
  const out: Uint8Array[] = [];
  const mid = Math.floor(frame.length / 2);
  for (let d = 0; d < 12; d++) {
    for (const i of [mid + d, mid - d - 1]) {
      if (i <= 2 || i >= frame.length - 3) continue;
      const c = frame.slice();
      c[i]! ^= 0x01;
      out.push(c);
    }
  }
  return out;
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const has = (hay: Uint8Array, needle: number[]) => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

const SPECS: Spec[] = [
  {
    id: 'datex-s5',
    params: ['hr', 'spo2', 'nibpSys', 'etco2'],
    intervalMs: 250,
    silenceMs: 1500,
    handshake: {
      deafMs: 1500, // the first display request is lost; the link asks again after three missed records
      check: (w, _n, l, expect) => {
        expect(w.heard.length).toBeGreaterThanOrEqual(1); // the displayed-values request
        expect(l.status().phase).toBe('receivingDisplayedValues');
      },
    },
    damage: (f) => flips(f, 40),
    reason: /^checksumMismatch$/,
  },
  {
    id: 'philips-mib',
    params: ['hr', 'spo2', 'nibpSys', 'respRate'],
    intervalMs: 250,
    silenceMs: 1500,
    handshake: {
      deafMs: 1500, // AARQ lost; retried after 4 s
      check: (w, notices, link, expect) => {
        expect(notices.map((n) => n.code)).toContain('monitor.associated');
        expect(['waitingForMds', 'associated']).toContain(link.status().phase);
        expect(w.heard.length).toBeGreaterThanOrEqual(2); // release + AARQ, MDS create result, polls
      },
    },
    damage: (f) => flips(f, 40),
    reason: /^checksumMismatch$/,
  },
  {
    id: 'masimo-ascii1',
    params: ['spo2', 'pulseRate'],
    intervalMs: 250,
    silenceMs: 1500,
    handshake: null,
    damage: (f) => {
      const t = text(f);
      return t.includes('SPO2=') ? [new TextEncoder().encode(t.replace(/SPO2=(\d)/, 'SPO2=x$1'))] : [];
    },
    reason: /^malformedValue$/,
  },
  {
    id: 'nonin-2',
    params: ['spo2', 'pulseRate'],
    silenceMs: 1500,
    handshake: null,
    damage: (f) => flips(f, 25),
    reason: /^checksumMismatch$/,
  },
  {
    id: 'nonin-8',
    params: ['spo2', 'pulseRate'],
    intervalMs: 250,
    silenceMs: 1500,
    handshake: null,
    damage: (f) => (f.length === 4 ? [Uint8Array.of(f[0]! & 0x7f, f[1]!, f[2]!, f[3]!)] : []),
    reason: /^(outOfSync|truncatedRecord)$/,
  },
  {
    id: 'bbraun-bcc',
    params: ['pumpRate', 'pumpVolume'],
    silenceMs: 7000, // one MEM:GET every 5 s
    handshake: {
      deafMs: 1500, // ADMIN:ALIVE lost; retried after the 5-s response timeout
      check: (w, notices, link, expect) => {
        expect(notices.map((n) => n.code)).toContain('pump.connected');
        expect(link.status().phase).toBe('comDeviceConnected');
        expect(text(w.heardBytes())).toContain('MEM:GET');
        expect(w.heard.some((c) => c.length === 1 && c[0] === 0x06)).toBe(true); // every block acknowledged
      },
    },
    damage: (f) => flips(f, 30),
    reason: /^checksumMismatch$/,
  },
];

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** The first damaged copy the protocol's decoder rejects for the expected reason (checked on a fresh decoder). */
function damagerFor(spec: Spec): (frame: Uint8Array) => Uint8Array | null {
  const protocol = findProtocol(spec.id)!;
  return (frame) => {
    for (const candidate of spec.damage(frame)) {
      const s = protocol.createSession();
      s.start(0);
      if (spec.id === 'bbraun-bcc' || spec.id === 'philips-mib') s.receive(Uint8Array.of(0), 0); // any state is fine: framing checks come first
      const out = s.receive(candidate, 1);
      if (out.rejected.some((r) => spec.reason.test(r.reason))) return candidate;
    }
    return null;
  };
}

async function setUp(spec: Spec, seed: number, opts: { deafMs?: number } = {}) {
  const protocol = findProtocol(spec.id)!;
  const pair = await openPtyPair();
  cleanup.push(() => pair.stop());
  const devicePort = await openSerialPort(pair.devicePath, protocol.lineSettings);
  const wire = new WireDevice(
    devicePort,
    createSimulatedDevice(spec.id, { pumpRateMlH: 12 }),
    new SimulatedPatient(Date.now(), { seed, artefactRate: 0, sensorOffEveryMs: 0 }),
    { seed, intervalMs: spec.intervalMs },
    damagerFor(spec),
  );
  if (opts.deafMs) wire.deafUntil = Date.now() + opts.deafMs;
  wire.start();
  cleanup.push(() => wire.stop());
  const link = new SerialLink({ path: pair.appPath, protocol, openPort: openSerialPort, silenceMs: spec.silenceMs });
  const readings: Reading[] = [];
  const notices: DeviceNotice[] = [];
  const statuses: LinkStatus[] = [];
  let txWrites = 0;
  link.subscribe({
    readings: (rs) => readings.push(...rs),
    notice: (n) => notices.push(n),
    status: (s) => statuses.push(s),
    raw: (dir) => {
      if (dir === 'tx') txWrites++;
    },
  });
  link.start();
  cleanup.push(() => link.stop());
  const validOf = (p: VitalParameter) => readings.filter((r) => r.parameter === p && r.state === 'valid');
  const allParams = () => spec.params.every((p) => validOf(p).length > 0);
  return { wire, link, readings, notices, statuses, validOf, allParams, txWrites: () => txWrites };
}

const rejectedTotal = (s: LinkStatus) => Object.values(s.rejectReasons).reduce((a, b) => a + b, 0);

describe.concurrent('every protocol end to end', () => {
SPECS.forEach((spec, index) => {
  describe(`${spec.id} through a socat pty`, () => {
    it('handshakes and decodes every parameter although reads split and merge frames at random', async ({ expect }) => {
      const t = await setUp(spec, 100 + index);
      await waitFor(t.allParams, 25_000, `${spec.params.join(', ')} from ${spec.id}`);
      await waitFor(() => t.link.status().state === 'receiving', 10_000, 'receiving');
      expect(t.link.status().framesRead).toBeGreaterThan(0);
      expect(t.link.status().framesRejected).toBe(0); // cuts alone never lose a frame
      if (spec.id === 'bbraun-bcc') expect(t.validOf('pumpRate')[0]!.value).toBe(12);
      if (spec.id === 'nonin-2' || spec.id === 'nonin-8') {
        const cmd = [0x02, 0x70, 0x02, 0x02, spec.id === 'nonin-2' ? 2 : 8, 0x03];
        expect(has(t.wire.heardBytes(), cmd)).toBe(true); // the format was selected on open
      }
      if (spec.handshake) spec.handshake.check(t.wire, t.notices, t.link, expect);
    }, 40_000);

    if (spec.handshake) {
      it('retries the handshake when the device does not hear the first request', async ({ expect }) => {
        const t = await setUp(spec, 200 + index, { deafMs: spec.handshake!.deafMs });
        await waitFor(t.allParams, 40_000, `readings after the lost ${spec.id} handshake`);
        expect(t.wire.ignored).toBeGreaterThanOrEqual(1); // the first request went unheard
        expect(t.wire.heard.length).toBeGreaterThan(t.wire.ignored); // the link asked again, and that was heard
        expect(t.txWrites()).toBeGreaterThan(t.wire.ignored);
        expect(t.link.status().state).toBe('receiving');
      }, 50_000);
    }

    it('counts garbage between frames and damaged frames as rejected, with reasons, and keeps decoding', async ({ expect }) => {
      const t = await setUp(spec, 300 + index);
      await waitFor(t.allParams, 25_000, 'first readings');
      t.wire.garbageEvery = 2;
      t.wire.damageNext = 3;
      await waitFor(() => t.wire.damaged >= 3, 30_000, 'three damaged frames sent');
      await waitFor(() => Object.keys(t.link.status().rejectReasons).some((r) => spec.reason.test(r)), 15_000, `a '${spec.reason.source}' rejection`);
      t.wire.garbageEvery = 0;
      const before = t.readings.length;
      await waitFor(() => t.readings.length > before + spec.params.length, 20_000, 'readings after the damage');
      const s = t.link.status();
      expect(s.framesRejected).toBeGreaterThanOrEqual(1);
      expect(rejectedTotal(s)).toBe(s.framesRejected); // every rejected frame has its reason
      for (const r of t.readings) if (r.state === 'valid' && r.value !== null) expect(Number.isFinite(r.value)).toBe(true);
    }, 60_000);

    it('reports silence with the time of the last frame, and receiving again when the device resumes', async ({ expect }) => {
      const t = await setUp(spec, 400 + index);
      await waitFor(t.allParams, 25_000, 'first readings');
      await waitFor(() => t.link.status().state === 'receiving', 10_000, 'receiving');
      t.wire.silent = true;
      await waitFor(() => t.link.status().state === 'silent', spec.silenceMs + 10_000, 'silent');
      const silent = t.link.status();
      expect(silent.since).toBe(silent.lastDataAt);
      expect(LINK_PHASES).toContain(silent.phase); // where the conversation stood, as a code the screen says in words
      t.wire.silent = false;
      const count = t.readings.length;
      await waitFor(() => t.link.status().state === 'receiving' && t.readings.length > count, 30_000, 'receiving again');
    }, 60_000);
  });
});
});
