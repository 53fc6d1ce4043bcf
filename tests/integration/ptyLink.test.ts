/**
 * The real serial path: simulated Datex monitor → socat pty pair → serialport → link → decoder → SQLite.
 * Needs Debian's socat (installed by .ci/run).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkStatus, StoredReading } from '../../core/api/schemas';
import { DbClient } from '../../db/client';
import { openSerialPort } from '../../drivers/link/port';
import { datexS5 } from '../../drivers/protocols/datex-s5';
import { createDatexS5Device } from '../../drivers/simulator/devices/datex-s5';
import { SimulatedPatient } from '../../drivers/simulator/patient';
import { openPtyPair, type PtyPair } from '../../drivers/simulator/ptyPair';
import { SimulatorRunner } from '../../drivers/simulator/runner';
import { ChairEventLog } from '../../electron/services/chairEventLog';
import { ChairMonitor } from '../../electron/services/chairMonitor';
import { EventBus } from '../../electron/services/eventBus';
import { VitalsStore } from '../../electron/services/vitalsStore';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import { waitFor } from '../helpers/wsClient';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function simulatorOn(pair: PtyPair, intervalMs = 250) {
  const port = await openSerialPort(pair.devicePath, datexS5.lineSettings);
  const runner = new SimulatorRunner(port, createDatexS5Device(), new SimulatedPatient(Date.now(), { seed: 7, sensorOffEveryMs: 0, artefactRate: 0 }), Date.now, intervalMs);
  runner.start();
  cleanup.push(() => runner.stop());
  return runner;
}

async function setUp() {
  const dir = tempDir();
  cleanup.push(() => dir.remove());
  const pair = await openPtyPair(dir.path);
  cleanup.push(() => pair.stop());
  const db = await DbClient.open(DB_WORKER, join(dir.path, 'clinic.sqlite'), { auditKey: TEST_AUDIT_KEY });
  cleanup.push(() => db.close());
  const bus = new EventBus();
  const readings: StoredReading[] = [];
  const statuses: LinkStatus[] = [];
  bus.subscribe((event, payload: any) => {
    if (event === 'vitals.readings') readings.push(...payload.readings);
    if (event === 'link.status') statuses.push(payload.status);
  });
  const store = new VitalsStore(db);
  const events = new ChairEventLog(db);
  cleanup.push(() => events.stop());
  const monitor = new ChairMonitor({ chairId: 1, path: pair.appPath, protocol: datexS5, openPort: openSerialPort, simulated: true, events, bus, store, silenceMs: 1500 });
  monitor.start();
  cleanup.push(() => monitor.stop());
  return { dir, pair, db, store, monitor, readings, statuses };
}

describe('Datex monitor through a socat pty pair', () => {
  it('requests data, decodes the records and stores them in SQLite', async () => {
    const { pair, db, store, monitor, readings } = await setUp();
    await simulatorOn(pair);
    await waitFor(() => readings.filter((r) => r.parameter === 'hr').length >= 4, 15_000, 'four HR readings');
    expect(monitor.link.status().state).toBe('receiving');
    const hr = readings.filter((r) => r.parameter === 'hr');
    for (const r of hr) {
      expect(r.state).toBe('valid');
      expect(r.value).toBeGreaterThan(50);
      expect(r.value).toBeLessThan(120);
    }
    await store.flush();
    const samples = await db.call('vitalSamples', 1, 'hr', 0, Date.now());
    expect(samples.slice(0, hr.length).map((s) => s.value)).toEqual(hr.map((r) => r.value));
  });

  it('counts garbage between frames as rejected and keeps decoding', async () => {
    const { pair, monitor, readings } = await setUp();
    const runner = await simulatorOn(pair);
    await waitFor(() => readings.length > 0, 15_000, 'first readings');
    runner.inject(Uint8Array.from([0x7e, 1, 2, 3, 4, 5, 0x7e, 0x55, 0xaa]));
    await waitFor(() => monitor.link.status().framesRejected > 0, 10_000, 'a rejected frame');
    const before = readings.length;
    await waitFor(() => readings.length > before + 3, 10_000, 'readings after the garbage');
    expect(Object.keys(monitor.link.status().rejectReasons).length).toBeGreaterThan(0);
  });

  it('reports silence when the monitor stops sending, and receiving again when it resumes', async () => {
    const { pair, monitor, readings, statuses } = await setUp();
    const runner = await simulatorOn(pair);
    await waitFor(() => readings.length > 0, 15_000, 'first readings');
    runner.setSilent(true);
    await waitFor(() => statuses.some((s) => s.state === 'silent'), 10_000, 'silent status');
    const silent = monitor.link.status();
    expect(silent.state).toBe('silent');
    expect(silent.since).toBe(silent.lastDataAt); // "silent since" the last frame
    runner.setSilent(false);
    await waitFor(() => monitor.link.status().state === 'receiving', 10_000, 'receiving again');
  });

  it('reports the lost device and reconnects when it comes back', async () => {
    const { dir, pair, monitor, readings, statuses } = await setUp();
    await simulatorOn(pair);
    await waitFor(() => readings.length > 0, 15_000, 'first readings');
    pair.stop(); // unplug: socat dies, the ptys vanish
    await waitFor(() => statuses.some((s) => s.state === 'error' || s.state === 'silent'), 15_000, 'link loss');
    const replug = await openPtyPair(dir.path);
    cleanup.push(() => replug.stop());
    await simulatorOn(replug);
    const count = readings.length;
    await waitFor(() => readings.length > count && monitor.link.status().state === 'receiving', 40_000, 'reconnect');
  }, 60_000);
});
