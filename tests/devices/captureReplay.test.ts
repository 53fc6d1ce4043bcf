/**
 * Capture file format round trip, and replay of a capture into a socat pty by scripts/simulate.ts, read back by the
 * real link: the replayed bytes decode to the same readings as the original stream.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reading } from '../../core/vitals';
import { CaptureWriter, encodeCaptureHeader, encodeCaptureRecord, parseCapture } from '../../drivers/link/capture';
import { openSerialPort } from '../../drivers/link/port';
import { SerialLink } from '../../drivers/link/serialLink';
import { findProtocol } from '../../drivers/protocols';
import { createSimulatedDevice } from '../../drivers/simulator/devices';
import { SimulatedPatient } from '../../drivers/simulator/patient';
import { openPtyPair } from '../../drivers/simulator/ptyPair';
import { replaySteps } from '../../drivers/simulator/replay';
import { tempDir } from '../helpers/tempDir';
import { waitFor } from '../helpers/wsClient';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('capture format', () => {
  it('round-trips records of both directions with their times, splits long chunks, and tolerates a cut-off end', () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const file = join(dir.path, 'c.ismcap');
    const w = new CaptureWriter(file, { protocol: 'nonin-8', startedAt: 1_000_000, portPath: '/dev/ttyUSB0', chairId: 2 });
    w.write('tx', Uint8Array.of(2, 0x70, 2, 2, 8, 3), 1_000_010);
    w.write('rx', Uint8Array.of(6), 1_000_020);
    w.write('rx', new Uint8Array(70_000).fill(0x81), 1_000_500);
    w.close();
    const bytes = new Uint8Array(readFileSync(file));
    const parsed = parseCapture(bytes);
    expect(parsed.header).toMatchObject({ protocol: 'nonin-8', startedAt: 1_000_000, chairId: 2 });
    expect(parsed.records.map((r) => [r.direction, r.offsetMs, r.bytes.length])).toEqual([
      ['tx', 10, 6],
      ['rx', 20, 1],
      ['rx', 500, 65535],
      ['rx', 500, 4465],
    ]);
    expect(parseCapture(bytes.subarray(0, bytes.length - 3)).truncatedBytes).toBe(7 + 4465 - 3);
    // a plain file is received bytes
    expect(parseCapture(Uint8Array.of(1, 2, 3))).toMatchObject({ header: null, records: [{ direction: 'rx', offsetMs: 0 }] });
  });

  it('replays received bytes only, with the recorded pauses scaled by the speed', () => {
    const file = new Uint8Array([
      ...encodeCaptureHeader({ protocol: 'masimo-ascii1', startedAt: 0 }),
      ...encodeCaptureRecord('rx', 100, Uint8Array.of(1)),
      ...encodeCaptureRecord('tx', 150, Uint8Array.of(9)),
      ...encodeCaptureRecord('rx', 1100, Uint8Array.of(2)),
    ]);
    expect(replaySteps(parseCapture(file), { speed: 2 }).map((s) => [s.delayMs, [...s.bytes]])).toEqual([
      [0, [1]],
      [500, [2]],
    ]);
  });
});

describe('scripts/simulate.ts --replay through a socat pty', () => {
  it('replays a Masimo capture and the link decodes the same readings', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    // A capture as the app writes it: one Masimo line every 200 ms, received in uneven pieces.
    const device = createSimulatedDevice('masimo-ascii1');
    const patient = new SimulatedPatient(0, { seed: 5, artefactRate: 0, sensorOffEveryMs: 0 });
    const file = join(dir.path, 'masimo.ismcap');
    const w = new CaptureWriter(file, { protocol: 'masimo-ascii1', startedAt: 1_700_000_000_000 });
    const expected: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t = 1_700_000_000_000 + i * 200;
      const snap = patient.snapshot(t);
      expected.push(snap.values.spo2!);
      const [line] = device.tick(snap);
      w.write('rx', line!.subarray(0, 17), t);
      w.write('rx', line!.subarray(17), t + 5);
    }
    w.close();

    const pair = await openPtyPair(dir.path);
    cleanup.push(() => pair.stop());
    const protocol = findProtocol('masimo-ascii1')!;
    const link = new SerialLink({ path: pair.appPath, protocol, openPort: openSerialPort });
    const readings: Reading[] = [];
    link.subscribe({ readings: (rs) => readings.push(...rs) });
    link.start();
    cleanup.push(() => link.stop());
    await waitFor(() => link.status().state === 'associating', 10_000, 'link open');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', '--replay', file, '--port', pair.devicePath, '--speed', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanup.push(() => child.kill());
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    await waitFor(() => readings.filter((r) => r.parameter === 'spo2').length >= 8, 60_000, 'eight replayed SpO2 readings');
    expect(readings.filter((r) => r.parameter === 'spo2').map((r) => r.value)).toEqual(expected);
    expect(link.status().framesRejected).toBe(0);
    await waitFor(() => output.includes('replay done'), 10_000, 'replay done');
  }, 90_000); // the replay child compiles TypeScript at start: slow on a loaded 2-core machine
});
