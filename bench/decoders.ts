/**
 * Decoder throughput as a multiple of the serial line rate: a decoder must keep up with its port by a wide margin.
 * Each stream is what the simulated device sends in normal operation; it is fed in 64-byte reads as a port delivers it.
 */
import type { ProtocolSession } from '../drivers/protocol';
import { bbraunBcc } from '../drivers/protocols/bbraun-bcc';
import { datexS5 } from '../drivers/protocols/datex-s5';
import { displayRequestFrame } from '../drivers/protocols/datex-s5/request';
import { createDatexS5Device } from '../drivers/simulator/devices/datex-s5';
import { encodeBccFrame } from '../drivers/protocols/bbraun-bcc/framing';
import { masimoAscii1 } from '../drivers/protocols/masimo-ascii1';
import { nonin2, nonin8 } from '../drivers/protocols/nonin';
import { philipsMib } from '../drivers/protocols/philips-mib';
import { encodeFrame } from '../drivers/protocols/philips-mib/framing';
import { hexToBytes } from '../drivers/protocols/shared/bytes';
import { createBbraunBccDevice } from '../drivers/simulator/devices/bbraun-bcc';
import { createMasimoAscii1Device } from '../drivers/simulator/devices/masimo-ascii1';
import { createNonin2Device, createNonin8Device } from '../drivers/simulator/devices/nonin';
import { createPhilipsMibDevice, mdsCreateEvent } from '../drivers/simulator/devices/philips-mib';
import type { SimulatedDevice, VitalsSnapshot } from '../drivers/simulator/device';
import type { ProtocolDefinition } from '../drivers/protocol';

const TARGET_BYTES = 2_000_000;
const READ_SIZE = 64;

function snapshot(i: number): VitalsSnapshot {
  return {
    values: {
      hr: 60 + (i % 40),
      pulseRate: 61 + (i % 40),
      spo2: 90 + (i % 10),
      nibpSys: 120,
      nibpDia: 80,
      nibpMean: 93,
      respRate: 12 + (i % 8),
      etco2: 35 + (i % 10) / 10,
      temp: 36.6,
      pumpRate: 5 + (i % 100) / 100,
      pumpVolume: i / 10,
    },
    sensorOff: false,
    time: Date.UTC(2024, 0, 1) + i * 1000,
    nibpMeasuredAt: Date.UTC(2024, 0, 1),
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Periodic device output, repeated to about TARGET_BYTES. */
function periodic(device: SimulatedDevice): Uint8Array {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (let i = 0; n < TARGET_BYTES; i++) {
    for (const b of device.tick(snapshot(i))) {
      parts.push(b);
      n += b.length;
    }
  }
  return concat(parts);
}

interface Case {
  def: ProtocolDefinition;
  /** A session in the state where the stream's frames are decoded. */
  session(): ProtocolSession;
  stream: Uint8Array;
}

function philipsCase(): Case {
  const device = createPhilipsMibDevice({ timeoutMs: Number.MAX_SAFE_INTEGER });
  const t0 = Date.UTC(2024, 0, 1);
  const s = philipsMib.createSession();
  for (const b of s.start(t0)) device.receive(b, t0);
  device.receive(encodeFrame(hexToBytes('e1 00 00 02 00 01 00 28 00 01 00 07 00 22 00 21 00 00 00 00 00 00 00 00 f1 3b 00 14 00 01 00 01 00 06 00 00 00 01 00 08 f1 3e 00 04 7f ff ff ff')), t0);
  return {
    def: philipsMib,
    session() {
      const ss = philipsMib.createSession();
      ss.start(0);
      ss.receive(encodeFrame(hexToBytes('0e 00')), 0);
      ss.receive(encodeFrame(mdsCreateEvent(1, t0, 0x1000)), 0);
      return ss;
    },
    stream: periodic(device),
  };
}

function bccCase(): Case {
  const device = createBbraunBccDevice({ pumps: [{ address: '50111', drug: 'Esketamin 25 mg/ml' }, { address: '50112', drug: 'NaCl 0.9%', rate: 10, volume: 3 }] });
  const parts: Uint8Array[] = [];
  let n = 0;
  for (let i = 0; n < TARGET_BYTES; i++) {
    device.tick(snapshot(i));
    let replies = device.receive(encodeBccFrame('ComSystem', 'MEM:GET'), i * 1000);
    while (replies.length) {
      for (const r of replies) {
        parts.push(r);
        n += r.length;
      }
      replies = device.receive(Uint8Array.of(0x06), i * 1000);
    }
  }
  return {
    def: bbraunBcc,
    session() {
      const s = bbraunBcc.createSession();
      s.start(0);
      s.receive(encodeBccFrame('ComSystem', '0,50100,GNACK,0'), 0);
      return s;
    },
    stream: concat(parts),
  };
}

/** The S/5 sends nothing until it is asked: ask, then record what it sends. */
function datexCase(): Case {
  const device = createDatexS5Device();
  device.receive(displayRequestFrame(5), 0);
  return simple(datexS5, device);
}

function simple(def: ProtocolDefinition, device: SimulatedDevice): Case {
  return { def, session: () => def.createSession(), stream: periodic(device) };
}

function lineRate(def: ProtocolDefinition): number {
  const { baudRate, dataBits, parity, stopBits } = def.lineSettings;
  const bitsPerByte = 1 + dataBits + (parity === 'none' ? 0 : 1) + stopBits;
  return baudRate / bitsPerByte;
}

export async function benchDecoders(): Promise<Array<{ name: string; ratio: number; detail: string }>> {
  const cases: Case[] = [
    datexCase(),
    philipsCase(),
    simple(masimoAscii1, createMasimoAscii1Device()),
    simple(nonin2, createNonin2Device()),
    simple(nonin8, createNonin8Device()),
    bccCase(),
  ];
  const results: Array<{ name: string; ratio: number; detail: string }> = [];
  for (const c of cases) {
    // One warm-up pass for the JIT, then the best of three timed passes.
    let best = Infinity;
    let readings = 0;
    for (let pass = 0; pass < 4; pass++) {
      const s = c.session();
      const t0 = performance.now();
      let r = 0;
      for (let p = 0; p < c.stream.length; p += READ_SIZE) r += s.receive(c.stream.subarray(p, p + READ_SIZE), 0).readings.length;
      const ms = performance.now() - t0;
      if (pass > 0) best = Math.min(best, ms);
      readings = r;
      await Promise.resolve();
    }
    const bytesPerSec = c.stream.length / (best / 1000);
    const line = lineRate(c.def);
    results.push({
      name: `decoder ${c.def.id}`,
      ratio: bytesPerSec / line,
      detail: `${(bytesPerSec / 1e6).toFixed(2)} MB/s vs line ${Math.round(line)} B/s (${c.def.lineSettings.baudRate} baud); ${c.stream.length} B, ${readings} readings in ${best.toFixed(0)} ms`,
    });
  }
  return results;
}

// Run directly: node --import tsx bench/decoders.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchDecoders()) console.log(`${r.name.padEnd(24)} ${r.ratio.toFixed(0).padStart(8)}× line rate   ${r.detail}`);
}
