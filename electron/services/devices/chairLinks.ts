/**
 * The device link of every chair, from its saved settings: starts a ChairMonitor per chair (real port, or the
 * built-in simulated device of the chair's protocol), restarts a chair when its settings change, captures a
 * link's raw bytes to a file, and runs "test connection" on a port for a few seconds.
 *
 * Simulation rule ('auto'): while no chair has a port, every chair runs the built-in simulated device of its
 * protocol; as soon as one chair has a real port, no chair is simulated (simulated vitals beside real ones
 * could be taken for real). Changing that rule's outcome restarts all chairs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChairDevice, CaptureInfo, ConnectionTestResult, LineOverrides } from '../../../core/api/methods/devices';
import { AppError } from '../../../core/api/envelope';
import type { LinkPhase } from '../../../core/devices/linkPhase';
import type { MeasurementState, VitalParameter } from '../../../core/vitals';
import type { DbClient } from '../../../db/client';
import type { ChairDeviceSettings } from '../../../db/repos/chairDevices';
import type { Actor } from '../../../db/repos/users';
import { CaptureWriter } from '../../../drivers/link/capture';
import { openSerialPort, type PortOpener } from '../../../drivers/link/port';
import { SerialLink } from '../../../drivers/link/serialLink';
import type { LineSettings, ProtocolDefinition } from '../../../drivers/protocol';
import { findProtocol } from '../../../drivers/protocols';
import type { PatientScenario } from '../../../drivers/simulator/patient';
import { removeStalePtyDirs } from '../../../drivers/simulator/ptyDirs';
import type { ChairEventLog } from '../chairEventLog';
import { ChairMonitor } from '../chairMonitor';
import type { EventBus } from '../eventBus';
import { startSimulatedMonitor, type SimulatedMonitor } from '../simulation';
import { PumpLink } from './pumpLink';
import type { VitalsStore } from '../vitalsStore';

export interface ChairLinksOptions {
  db: DbClient;
  bus: EventBus;
  /** Where every chair's readings are stored (monitor and pump). */
  store: VitalsStore;
  /** Where link changes and pump notices are written. */
  events: ChairEventLog;
  dataDir: string;
  /** Shared with the other services (vitals handlers read it): entries are replaced on restart. */
  monitors: Map<number, ChairMonitor>;
  simulators: Map<number, SimulatedMonitor>;
  simulate: 'auto' | 'always' | 'never';
  scenarios?: Record<number, PatientScenario>;
  simulatorIntervalMs?: number;
  /** Link silence threshold (tests shorten it). */
  silenceMs?: number;
  /** Opens real ports (tests may wrap it). */
  openPort?: PortOpener;
}

export function effectiveLine(protocol: ProtocolDefinition, o: LineOverrides): LineSettings {
  const d = protocol.lineSettings;
  return {
    baudRate: o.baudRate ?? d.baudRate,
    dataBits: o.dataBits ?? d.dataBits,
    parity: o.parity ?? d.parity,
    stopBits: o.stopBits ?? d.stopBits,
    rtscts: o.rtscts ?? d.rtscts,
  };
}

function protocolOrRefuse(id: string): ProtocolDefinition {
  const p = findProtocol(id);
  if (!p) throw new AppError('BAD_INPUT', `unknown protocol '${id}'`);
  return p;
}

export class ChairLinks {
  private simulateAll = false;
  private captures = new Map<number, { writer: CaptureWriter; off: () => void }>();
  /** Syringe pumps beside the monitors, by chair. */
  readonly pumps = new Map<number, PumpLink>();
  /**
   * One change at a time (save, test, capture), in the order asked. One queue for all chairs: a save can restart
   * every chair (simulation rule) and a test can pause another chair's port.
   */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  readonly captureDir: string;

  constructor(private readonly o: ChairLinksOptions) {
    this.captureDir = join(o.dataDir, 'captures');
  }

  async startAll(): Promise<void> {
    removeStalePtyDirs(); // left by an app that was killed: the simulated monitors' pty links and any socat still serving them
    const all = await this.o.db.call('listChairDevices');
    this.simulateAll = this.decideSimulation(all);
    for (const s of all) await this.startChair(s);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
    for (const id of new Set([...this.o.monitors.keys(), ...this.o.simulators.keys(), ...this.pumps.keys()])) await this.stopChair(id);
  }

  /** Settings and live state of one chair, as the setup screen shows them. */
  async describe(chairId: number): Promise<ChairDevice> {
    const s = await this.o.db.call('getChairDevice', chairId);
    if (!s) throw new AppError('NOT_FOUND', `there is no chair ${chairId}`);
    return this.toDevice(s);
  }

  async describeAll(): Promise<ChairDevice[]> {
    return (await this.o.db.call('listChairDevices')).map((s) => this.toDevice(s));
  }

  /** Saves a chair's device and restarts its link with it (all links when the simulation rule flips). */
  apply(actor: Actor, chairId: number, change: Omit<ChairDeviceSettings, 'chairId' | 'updatedAt' | 'updatedBy'>): Promise<ChairDevice> {
    protocolOrRefuse(change.protocolId);
    return this.exclusive(chairId, async () => {
      const saved = await this.o.db.call('setChairDevice', actor, chairId, change);
      const all = await this.o.db.call('listChairDevices');
      const simulateAll = this.decideSimulation(all);
      if (simulateAll !== this.simulateAll) {
        this.simulateAll = simulateAll;
        for (const s of all) {
          await this.stopChair(s.chairId);
          await this.startChair(s);
        }
      } else {
        await this.stopChair(chairId);
        await this.startChair(saved);
      }
      return this.toDevice(saved);
    });
  }

  captureStart(actor: Actor, chairId: number): Promise<CaptureInfo> {
    return this.exclusive(chairId, async () => {
      const monitor = this.o.monitors.get(chairId);
      if (!monitor) throw new AppError('CONFLICT', `chair ${chairId} has no running link to capture`);
      const saved = await this.o.db.call('setChairCapture', actor, chairId, true);
      return this.ensureCapture(saved, monitor);
    });
  }

  captureStop(actor: Actor, chairId: number): Promise<CaptureInfo | null> {
    return this.exclusive(chairId, async () => {
      await this.o.db.call('setChairCapture', actor, chairId, false);
      return this.closeCapture(chairId);
    });
  }

  captureInfo(chairId: number): CaptureInfo | null {
    const c = this.captures.get(chairId);
    if (!c) return null;
    const s = c.writer.stats();
    return { file: s.file.slice(this.captureDir.length + 1), startedAt: s.startedAt, bytes: s.bytes, records: s.records, active: s.open };
  }

  /**
   * Opens the port with the chosen protocol for `durationMs` and reports what came. A null port tests the built-in
   * simulated device of that protocol. The chair's own link is paused while the test uses the same port.
   */
  test(chairId: number, choice: { protocolId: string; portPath: string | null; line: LineOverrides }, durationMs: number): Promise<ConnectionTestResult> {
    const protocol = protocolOrRefuse(choice.protocolId);
    const line = effectiveLine(protocol, choice.line);
    return this.exclusive(chairId, async () => {
      const settings = await this.o.db.call('getChairDevice', chairId);
      if (!settings) throw new AppError('NOT_FOUND', `there is no chair ${chairId}`);
      const holders = [...this.o.monitors.entries(), ...this.pumps.entries()]
        .filter(([, m]) => choice.portPath !== null && m.link.status().portPath === choice.portPath)
        .map(([id]) => id);
      for (const id of holders) await this.stopChair(id);
      let sim: SimulatedMonitor | null = null;
      try {
        let path = choice.portPath;
        let openPort = this.o.openPort ?? openSerialPort;
        if (path === null) {
          sim = await startSimulatedMonitor({ ...protocol, lineSettings: line }, { seed: chairId, artefactRate: 0, sensorOffEveryMs: 0 }, this.o.simulatorIntervalMs);
          path = sim.path;
          openPort = sim.openPort;
        }
        return await runConnectionTest({ path, protocol: { ...protocol, lineSettings: line }, openPort, simulated: sim !== null, durationMs });
      } finally {
        await sim?.stop();
        if (!this.closed) {
          for (const id of holders) {
            const s = await this.o.db.call('getChairDevice', id);
            if (s) await this.startChair(s);
          }
        }
      }
    });
  }

  private decideSimulation(all: ChairDeviceSettings[]): boolean {
    return this.o.simulate === 'always' || (this.o.simulate === 'auto' && !all.some((s) => s.portPath !== null || s.pumpPortPath !== null));
  }

  private toDevice(s: ChairDeviceSettings): ChairDevice {
    const protocol = findProtocol(s.protocolId);
    return {
      chairId: s.chairId,
      protocolId: s.protocolId,
      portPath: s.portPath,
      line: s.line,
      effectiveLine: protocol ? effectiveLine(protocol, s.line) : { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, rtscts: false },
      capture: s.capture,
      pumpPortPath: s.pumpPortPath,
      updatedAt: s.updatedAt,
      link: this.o.monitors.get(s.chairId)?.link.status() ?? null,
      pumpLink: this.pumps.get(s.chairId)?.link.status() ?? null,
      currentCapture: this.captureInfo(s.chairId),
    };
  }

  private async startChair(s: ChairDeviceSettings): Promise<void> {
    if (this.closed) return;
    const base = findProtocol(s.protocolId);
    if (!base) {
      console.error(`chair ${s.chairId}: unknown protocol ${s.protocolId}; no link started`);
      return;
    }
    const protocol = { ...base, lineSettings: effectiveLine(base, s.line) };
    let path = s.portPath;
    let openPort = this.o.openPort ?? openSerialPort;
    let simulated = false;
    if (this.simulateAll) {
      const sim = await startSimulatedMonitor(protocol, { seed: s.chairId, ...this.o.scenarios?.[s.chairId] }, this.o.simulatorIntervalMs);
      this.o.simulators.set(s.chairId, sim);
      path = sim.path;
      openPort = sim.openPort;
      simulated = true;
    }
    if (s.pumpPortPath !== null) {
      const pump = new PumpLink(s.chairId, s.pumpPortPath, this.o.openPort ?? openSerialPort, this.o.events, this.o.bus, this.o.store);
      this.pumps.set(s.chairId, pump);
      pump.start();
    }
    if (path === null) return; // no device and no simulation: the chair is shown without a link
    const monitor = new ChairMonitor({ chairId: s.chairId, path, protocol, openPort, simulated, events: this.o.events, bus: this.o.bus, store: this.o.store, silenceMs: this.o.silenceMs });
    this.o.monitors.set(s.chairId, monitor);
    if (s.capture) this.ensureCapture(s, monitor);
    monitor.start();
  }

  private async stopChair(chairId: number): Promise<void> {
    this.closeCapture(chairId);
    const pump = this.pumps.get(chairId);
    this.pumps.delete(chairId);
    await pump?.stop();
    const monitor = this.o.monitors.get(chairId);
    this.o.monitors.delete(chairId);
    await monitor?.stop();
    const sim = this.o.simulators.get(chairId);
    this.o.simulators.delete(chairId);
    await sim?.stop();
  }

  private ensureCapture(s: ChairDeviceSettings, monitor: ChairMonitor): CaptureInfo {
    if (!this.captures.has(s.chairId)) {
      mkdirSync(this.captureDir, { recursive: true });
      const startedAt = Date.now();
      const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
      const status = monitor.link.status();
      const writer = new CaptureWriter(join(this.captureDir, `chair-${s.chairId}-${s.protocolId}-${stamp}.ismcap`), {
        protocol: s.protocolId,
        startedAt,
        portPath: status.portPath,
        chairId: s.chairId,
        lineSettings: findProtocol(s.protocolId) ? effectiveLine(findProtocol(s.protocolId)!, s.line) : undefined,
      });
      const off = monitor.link.subscribe({ raw: (direction, bytes, at) => writer.write(direction, bytes, at) });
      this.captures.set(s.chairId, { writer, off });
    }
    return this.captureInfo(s.chairId)!;
  }

  private closeCapture(chairId: number): CaptureInfo | null {
    const info = this.captureInfo(chairId);
    const c = this.captures.get(chairId);
    if (!c) return null;
    c.off();
    c.writer.close();
    this.captures.delete(chairId);
    return info && { ...info, active: false };
  }

  private exclusive<T>(_chairId: number, fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('CONFLICT', 'the app is shutting down'));
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Runs a temporary link on a port and collects what it decoded. */
export async function runConnectionTest(args: {
  path: string;
  protocol: ProtocolDefinition;
  openPort: PortOpener;
  simulated: boolean;
  durationMs: number;
}): Promise<ConnectionTestResult> {
  const link = new SerialLink({ path: args.path, protocol: args.protocol, openPort: args.openPort, simulated: args.simulated, silenceMs: args.durationMs + 1000 });
  const readings = new Map<VitalParameter, { parameter: VitalParameter; value: number | null; unit: string; state: MeasurementState; count: number }>();
  const notices: ConnectionTestResult['notices'] = [];
  let bytesReceived = 0;
  let bytesSent = 0;
  let lastPhase: LinkPhase | null = null;
  link.subscribe({
    readings: (rs) => {
      for (const r of rs) {
        const prev = readings.get(r.parameter);
        readings.set(r.parameter, { parameter: r.parameter, value: r.value, unit: r.unit, state: r.state, count: (prev?.count ?? 0) + 1 });
      }
    },
    notice: (n) => {
      if (notices.length < 50) notices.push({ code: n.code, text: n.text, args: n.args });
    },
    raw: (dir, bytes) => {
      if (dir === 'rx') bytesReceived += bytes.length;
      else bytesSent += bytes.length;
    },
    status: (s) => {
      if (s.state === 'associating' || s.state === 'receiving') lastPhase = s.phase;
    },
  });
  const started = Date.now();
  link.start();
  await new Promise((r) => setTimeout(r, args.durationMs));
  const status = link.status();
  await link.stop();
  return {
    ok: status.framesRead > 0,
    durationMs: Date.now() - started,
    portPath: args.path,
    protocolId: args.protocol.id,
    simulated: args.simulated,
    state: status.state,
    detail: status.detail,
    fault: status.fault,
    phase: status.state === 'error' ? null : (lastPhase ?? status.phase),
    bytesReceived,
    bytesSent,
    framesRead: status.framesRead,
    framesRejected: status.framesRejected,
    rejectReasons: status.rejectReasons,
    readings: [...readings.values()],
    notices,
  };
}
