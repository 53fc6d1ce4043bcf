/**
 * Device setup through the real contract over the web host: who may change a chair's device, saving restarts the
 * chair's link with the new protocol, test connection on a real pty and on the built-in simulator, raw capture to
 * a file that `npm run decode` reads back, and the simulation rule (no simulated chair beside a real device).
 * Needs the build (dist/db-worker.mjs) and socat.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSerialPort } from '../../drivers/link/port';
import { REJECT_REASONS } from '../../core/devices/rejectReason';
import { findProtocol } from '../../drivers/protocols';
import { createSimulatedDevice } from '../../drivers/simulator/devices';
import { SimulatedPatient } from '../../drivers/simulator/patient';
import { openPtyPair } from '../../drivers/simulator/ptyPair';
import { SimulatorRunner } from '../../drivers/simulator/runner';
import { startTestApp, type TestApp } from '../helpers/appHarness';

/** waitFor for conditions that need a call. */
async function waitFor(fn: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await fn())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let app: TestApp;
const cleanup: (() => unknown)[] = [];
beforeAll(async () => {
  app = await startTestApp({ simulate: 'auto', simulatorIntervalMs: 300 });
}, 30_000);
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  await app?.close();
});

const NONE = { baudRate: null, dataBits: null, parity: null, stopBits: null, rtscts: null };

async function masimoOnPty() {
  const pair = await openPtyPair();
  cleanup.push(() => pair.stop());
  const port = await openSerialPort(pair.devicePath, findProtocol('masimo-ascii1')!.lineSettings);
  const runner = new SimulatorRunner(port, createSimulatedDevice('masimo-ascii1'), new SimulatedPatient(Date.now(), { seed: 9, artefactRate: 0, sensorOffEveryMs: 0 }), Date.now, 250);
  runner.start();
  cleanup.push(() => runner.stop());
  return pair;
}

describe('devices API', () => {
  it('lets every user read ports, protocols and settings, but only admins and physicians change them', async () => {
    const mfa = await app.login('mfa');
    const protocols = await mfa.call('devices.protocols', {});
    expect(protocols.ok).toBe(true);
    expect(protocols.value.map((p: any) => p.id)).toEqual(['datex-s5', 'philips-mib', 'masimo-ascii1', 'nonin-2', 'nonin-8', 'bbraun-bcc']);
    expect((await mfa.call('devices.ports', {})).ok).toBe(true);
    const list = await mfa.call('devices.list', {});
    expect(list.value).toHaveLength(4);
    expect(list.value[0]).toMatchObject({ chairId: 1, protocolId: 'datex-s5', portPath: null, capture: false, effectiveLine: { baudRate: 19200, parity: 'even' } });
    const refused = await mfa.call('devices.set', { chairId: 1, protocolId: 'nonin-8', portPath: null });
    expect(refused.error.code).toBe('FORBIDDEN');
    expect((await mfa.call('devices.test', { chairId: 1, protocolId: 'nonin-8', portPath: null })).error.code).toBe('FORBIDDEN');
    expect((await mfa.call('devices.captureStart', { chairId: 1 })).error.code).toBe('FORBIDDEN');
    const anon = await app.anonymous();
    expect((await anon.call('devices.list', {})).error.code).toBe('UNAUTHENTICATED');
    const bad = await (await app.login('admin')).call('devices.set', { chairId: 1, protocolId: 'nonin-8', portPath: null, line: { ...NONE, baudRate: 12345 } });
    expect(bad.error.code).toBe('BAD_INPUT');
    const unknown = await (await app.login('admin')).call('devices.set', { chairId: 1, protocolId: 'hl7-v2', portPath: null });
    expect(unknown.error.code).toBe('BAD_INPUT');
  });

  it('saves a chair’s protocol and restarts its simulated link speaking it; the change is audited', async () => {
    const doc = await app.login('physician');
    const saved = await doc.call('devices.set', { chairId: 2, protocolId: 'nonin-8', portPath: null, line: { ...NONE, baudRate: 19200 } });
    expect(saved.ok).toBe(true);
    expect(saved.value).toMatchObject({ chairId: 2, protocolId: 'nonin-8', effectiveLine: { baudRate: 19200, dataBits: 8, parity: 'none' } });
    await waitFor(async () => {
      const chairs = (await doc.call('chairs.list', {})).value as any[];
      const c2 = chairs.find((c) => c.id === 2);
      return c2.link.protocolId === 'nonin-8' && c2.link.state === 'receiving' && c2.link.simulated;
    }, 15_000, 'chair 2 receiving from the simulated Nonin');
    await waitFor(async () => {
      const latest = (await doc.call('vitals.latest', { chairId: 2 })).value as any[];
      return latest.some((r) => r.parameter === 'spo2' && r.state === 'valid');
    }, 15_000, 'SpO2 from the Nonin');
    const audit = await (await app.login('admin')).call('audit.verify', {});
    expect(audit.value.ok).toBe(true);
  });

  it('tests a connection on a real pty and on the built-in simulator, reporting frames, readings and phase', async () => {
    const admin = await app.login('admin');
    const pair = await masimoOnPty();
    const onPty = await admin.call('devices.test', { chairId: 3, protocolId: 'masimo-ascii1', portPath: pair.appPath, durationMs: 2500 });
    expect(onPty.ok).toBe(true);
    expect(onPty.value).toMatchObject({ ok: true, state: 'receiving', simulated: false, portPath: pair.appPath, framesRejected: 0 });
    expect(onPty.value.framesRead).toBeGreaterThan(2);
    expect(onPty.value.phase).toBe('receiving');
    expect(onPty.value.readings.map((r: any) => r.parameter).sort()).toEqual(['pulseRate', 'spo2']);

    const wrong = await admin.call('devices.test', { chairId: 3, protocolId: 'nonin-2', portPath: pair.appPath, durationMs: 2000 });
    expect(wrong.value.ok).toBe(false); // text lines are no Nonin frames
    expect(wrong.value.framesRejected).toBeGreaterThan(0);
    expect(Object.keys(wrong.value.rejectReasons).length).toBeGreaterThan(0);
    for (const reason of Object.keys(wrong.value.rejectReasons)) expect(REJECT_REASONS).toContain(reason); // codes the screen says in words

    const missing = await admin.call('devices.test', { chairId: 3, protocolId: 'datex-s5', portPath: '/dev/does-not-exist', durationMs: 1000 });
    expect(missing.value).toMatchObject({ ok: false, state: 'error' });
    expect(missing.value.detail).toMatch(/cannot open/); // the English text, for logs
    expect(missing.value.fault).toEqual({ code: 'portMissing', args: { path: '/dev/does-not-exist', errno: 'ENOENT' } }); // the screen says this
    expect(missing.value.phase).toBeNull(); // no conversation ran: the OS reason is the detail, not a phase

    const sim = await admin.call('devices.test', { chairId: 3, protocolId: 'philips-mib', portPath: null, durationMs: 3000 });
    expect(sim.value).toMatchObject({ ok: true, simulated: true });
    expect(sim.value.notices.map((n: any) => n.code)).toContain('monitor.associated');
    expect(['waitingForMds', 'associated']).toContain(sim.value.phase);
    expect(sim.value.readings.some((r: any) => r.parameter === 'hr')).toBe(true);
  }, 30_000);

  it('captures a chair’s raw bytes to a file that decode reads back', async () => {
    const doc = await app.login('physician');
    const started = await doc.call('devices.captureStart', { chairId: 1 });
    expect(started.ok).toBe(true);
    expect(started.value.active).toBe(true);
    await waitFor(async () => ((await doc.call('devices.get', { chairId: 1 })).value.currentCapture?.records ?? 0) > 4, 15_000, 'captured records');
    const stopped = await doc.call('devices.captureStop', { chairId: 1 });
    expect(stopped.value).toMatchObject({ active: false, file: started.value.file });
    expect((await doc.call('devices.get', { chairId: 1 })).value).toMatchObject({ capture: false, currentCapture: null });
    const file = join(app.dataDir, 'captures', started.value.file);
    expect(existsSync(file)).toBe(true);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/decode.ts', file], { encoding: 'utf8' }).trim().split('\n');
    const summary = JSON.parse(out.pop()!);
    expect(summary).toMatchObject({ protocol: 'datex-s5', format: 'ismcap1', rejected: 0 });
    expect(summary.frames).toBeGreaterThan(0);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.some((l) => l.parameter === 'hr' && l.state === 'valid' && typeof l.value === 'number' && l.unit === '/min')).toBe(true);
  }, 30_000);

  it('stops simulating every chair once one chair has a real port', async () => {
    const admin = await app.login('admin');
    const pair = await masimoOnPty();
    const saved = await admin.call('devices.set', { chairId: 4, protocolId: 'masimo-ascii1', portPath: pair.appPath, capture: true });
    expect(saved.ok).toBe(true);
    await waitFor(async () => {
      const chairs = (await admin.call('chairs.list', {})).value as any[];
      const c4 = chairs.find((c) => c.id === 4);
      return c4.link.state === 'receiving' && !c4.link.simulated && chairs.filter((c) => c.id !== 4).every((c) => c.link.detail === 'no device configured');
    }, 15_000, 'chair 4 on the pty, the others without simulation');
    expect(app.services.simulators.size).toBe(0);
    // capture was switched on with the settings: a file is being written
    expect((await admin.call('devices.get', { chairId: 4 })).value.currentCapture.active).toBe(true);
    expect(readdirSync(join(app.dataDir, 'captures')).some((f) => f.startsWith('chair-4-masimo-ascii1-'))).toBe(true);

    // Testing the port the chair itself uses: its link is paused for the test and runs again after.
    const before = app.services.monitors.get(4)!;
    const test = await admin.call('devices.test', { chairId: 4, protocolId: 'masimo-ascii1', portPath: pair.appPath, durationMs: 1500 });
    expect(test.value).toMatchObject({ ok: true, simulated: false });
    const after = app.services.monitors.get(4)!;
    expect(after).not.toBe(before);
    await waitFor(async () => after.link.status().state === 'receiving', 10_000, 'chair 4 receiving again after the test');
  }, 30_000);
});
