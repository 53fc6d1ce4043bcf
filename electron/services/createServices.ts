/**
 * Composition root of the main-process services. Plain Node: it never imports electron, so the same services
 * run inside Electron and behind the WebSocket host.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DbClient } from '../../db/client';
import type { PatientScenario } from '../../drivers/simulator/patient';
import { createDispatcher, type Dispatch, type Handlers } from '../ipc/dispatcher';
import type { Thresholds } from '../../core/alarms/defaults';
import { AlarmService } from './alarms/alarmService';
import { createAlarmHandlers } from './alarms/handlers';
import type { ChairMonitor } from './chairMonitor';
import { EventBus } from './eventBus';
import { createAppHandlers } from './app/handlers';
import { ChairLinks } from './devices/chairLinks';
import { createDevicesHandlers } from './devices/handlers';
import { AuthService } from './auth/authService';
import { ChairEventLog } from './chairEventLog';
import { createAuthHandlers } from './auth/handlers';
import { createSessionHandlers } from './session/handlers';
import { ObservationWatch } from './session/observationWatch';
import { createVitalsHandlers } from './vitals/handlers';
import { StorageHealth } from './storageHealth';
import { VitalsStore } from './vitalsStore';
import type { SimulatedMonitor } from './simulation';

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
  auth: AuthService;
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
  const monitors = new Map<number, ChairMonitor>();
  const simulators = new Map<number, SimulatedMonitor>();
  const chairNames = new Map<number, string>();
  // Alarms watch every chair from its first byte (issue 6): started before the monitors.
  const health = new StorageHealth(bus);
  const alarms = new AlarmService({
    db,
    bus,
    chairIds: chairs.map((c) => c.id),
    thresholds: options.alarmThresholds,
    onStorageHealth: (h) => health.report('alarmLog', h),
  });
  alarms.start();

  const store = new VitalsStore(db, (h) => health.report('vitals', h));
  store.start();
  const events = new ChairEventLog(db, (h) => health.report('chairEvents', h));
  for (const chair of chairs) chairNames.set(chair.id, chair.name);
  // Each chair's device link from its saved settings (issue 4); restarted when its settings change.
  const chairLinks = new ChairLinks({
    db,
    bus,
    store,
    events,
    dataDir: options.dataDir,
    monitors,
    simulators,
    simulate: options.simulate ?? 'auto',
    scenarios: options.scenarios,
    simulatorIntervalMs: options.simulatorIntervalMs,
  });
  await chairLinks.startAll();

  const startedAt = Date.now();
  const auth = new AuthService(db);
  // Each feature contributes its share of the contract's handlers; the type checks that together they cover it.
  const handlers: Handlers = {
    ...createAppHandlers({ version: options.version, transport: options.transport, startedAt }, health),
    ...createAuthHandlers(auth, db),
    ...createVitalsHandlers({ db, store, monitors, chairNames, startedAt }),
    ...createDevicesHandlers(chairLinks),
    ...createAlarmHandlers(alarms, db),
    ...createSessionHandlers({
      db,
      bus,
      verifyPassword: (userId, password) => auth.verifyPassword(userId, password),
      onInfusion: (chairId, infusion) => alarms.setInfusion(chairId, infusion),
      flushVitals: () => store.flush(),
      flushAlarms: () => alarms.flush(),
    }),
  };
  // Overdue observations and running infusions of the sessions feed the alarm engine (issue 5 → issue 6).
  const observationWatch = new ObservationWatch({
    db,
    bus,
    chairIds: chairs.map((c) => c.id),
    onOverdue: (chairId, overdue) => alarms.setObservationsOverdue(chairId, overdue),
    onCaps: (chairId, caps) => alarms.setDoseCaps(chairId, caps),
    onInfusion: (chairId, infusion) => alarms.setInfusion(chairId, infusion),
    log: (message) => console.error(message),
  });
  await observationWatch.start();
  return {
    dispatch: createDispatcher(handlers, (clientId) => auth.userFor(clientId)),
    auth,
    bus,
    alarms,
    monitors,
    simulators,
    async close() {
      await observationWatch.stop();
      await chairLinks.close();
      await store.stop();
      await events.stop();
      await alarms.stop();
      await db.close();
    },
  };
}
