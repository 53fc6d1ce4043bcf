/**
 * Composition root of the main-process services. Plain Node: it never imports electron, so the same services
 * run inside Electron and behind the WebSocket host.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DbClient } from '../../db/client';
import { openSerialPort } from '../../drivers/link/port';
import { findProtocol } from '../../drivers/protocols';
import type { PatientScenario } from '../../drivers/simulator/patient';
import { createDispatcher, type Dispatch, type Handlers } from '../ipc/dispatcher';
import type { Thresholds } from '../../core/alarms/defaults';
import { AlarmService } from './alarms/alarmService';
import { createAlarmHandlers } from './alarms/handlers';
import { ChairMonitor } from './chairMonitor';
import { EventBus } from './eventBus';
import { createAppHandlers } from './app/handlers';
import { createVitalsHandlers } from './vitals/handlers';
import { startSimulatedMonitor, type SimulatedMonitor } from './simulation';

export interface ServicesOptions {
  dataDir: string;
  /** The built database worker (dist/db-worker.mjs). */
  dbWorkerFile: string | URL;
  nativeBinding?: string;
  transport: 'electron' | 'web-host';
  version: string;
  /** 'auto': simulate every chair when no chair has a device configured. */
  simulate?: 'auto' | 'always' | 'never';
  /** Scenario per chair id for the simulated patients (tests, demos). */
  scenarios?: Record<number, PatientScenario>;
  /** Simulated monitor send interval override (ms). */
  simulatorIntervalMs?: number;
  /** Clinic alarm limits (default CLINIC_THRESHOLDS); tests may shorten delays. */
  alarmThresholds?: Thresholds;
}

export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  /** Secondary alarms per chair; the session service feeds it with alarms.setInfusion / setObservationsOverdue. */
  alarms: AlarmService;
  monitors: Map<number, ChairMonitor>;
  simulators: Map<number, SimulatedMonitor>;
  close(): Promise<void>;
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await DbClient.open(options.dbWorkerFile, join(options.dataDir, 'clinic.sqlite'), options.nativeBinding);
  const bus = new EventBus();
  const chairs = await db.call('listChairs');
  const anyDevice = chairs.some((c) => c.portPath !== null);
  const simulateAll = options.simulate === 'always' || (options.simulate !== 'never' && !anyDevice);
  const monitors = new Map<number, ChairMonitor>();
  const simulators = new Map<number, SimulatedMonitor>();
  const chairNames = new Map<number, string>();
  // Alarms watch every chair from its first byte (issue 6): started before the monitors.
  const alarms = new AlarmService({ db, bus, chairIds: chairs.map((c) => c.id), thresholds: options.alarmThresholds });
  alarms.start();

  for (const chair of chairs) {
    chairNames.set(chair.id, chair.name);
    const protocol = findProtocol(chair.protocolId);
    if (!protocol) throw new Error(`chair ${chair.name}: unknown protocol ${chair.protocolId}`);
    let path = chair.portPath;
    let openPort = openSerialPort;
    let simulated = false;
    if (simulateAll) {
      const sim = await startSimulatedMonitor(protocol, { seed: chair.id, ...options.scenarios?.[chair.id] }, options.simulatorIntervalMs);
      simulators.set(chair.id, sim);
      path = sim.path;
      openPort = sim.openPort;
      simulated = true;
    }
    if (path === null) continue; // no device and no simulation: the chair is shown without a link
    const monitor = new ChairMonitor({ chairId: chair.id, path, protocol, openPort, simulated, db, bus });
    monitors.set(chair.id, monitor);
    monitor.start();
  }

  const startedAt = Date.now();
  // Each feature contributes its share of the contract's handlers; the type checks that together they cover it.
  const handlers: Handlers = {
    ...createAppHandlers({ version: options.version, transport: options.transport, startedAt }),
    ...createVitalsHandlers({ db, monitors, chairNames, startedAt }),
    ...createAlarmHandlers(alarms, db),
  };
  return {
    dispatch: createDispatcher(handlers, () => null),
    bus,
    alarms,
    monitors,
    simulators,
    async close() {
      await Promise.all([...monitors.values()].map((m) => m.stop()));
      await Promise.all([...simulators.values()].map((s) => s.stop()));
      await alarms.stop();
      await db.close();
    },
  };
}
