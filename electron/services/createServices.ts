/**
 * Composition root of the main-process services. Plain Node: it never imports electron, so the same services
 * run inside Electron and behind the WebSocket host.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../core/api/envelope';
import { problem } from '../../core/messages';
import { DbClient } from '../../db/client';
import type { PatientScenario } from '../../drivers/simulator/patient';
import { createDispatcher, type Dispatch, type Handlers } from '../ipc/dispatcher';
import type { Thresholds } from '../../core/alarms/defaults';
import type { RangeWidening } from '../../core/clinic/settingRules';
import { AlarmService } from './alarms/alarmService';
import { createAlarmHandlers } from './alarms/handlers';
import { AlarmSelfTest } from './alarms/selfTest';
import { createSelfTestHandlers } from './alarms/selfTestHandlers';
import type { ChairMonitor } from './chairMonitor';
import { EventBus } from './eventBus';
import { createAppHandlers } from './app/handlers';
import { ChairLinks } from './devices/chairLinks';
import { createDevicesHandlers } from './devices/handlers';
import { createDocumentService, type DocumentService } from './documents/documentService';
import { createDocumentsHandlers } from './documents/handlers';
import { AuthService } from './auth/authService';
import { BackupService } from './backup/backupService';
import { createBackupHandlers } from './backup/handlers';
import { checksInWorker } from './backup/restore';
import { ChairEventLog } from './chairEventLog';
import { createAuthHandlers } from './auth/handlers';
import { loadSettings } from './session/clinicSettings';
import { GdtLink } from './gdt/gdtLink';
import { createGdtHandlers } from './gdt/handlers';
import { createSessionHandlers } from './session/handlers';
import { PumpReadback } from './session/pumpReadback';
import { createSettingsHandlers } from './session/settingsHandlers';
import { ObservationWatch } from './session/observationWatch';
import { createVitalsHandlers } from './vitals/handlers';
import { StorageHealth } from './storageHealth';
import { VitalsStore } from './vitalsStore';
import type { SimulatedMonitor } from './simulation';

export interface ServicesOptions {
  dataDir: string;
  /** The installation's audit key, from a source outside the data folder (./auditKey.ts). */
  auditKey: Buffer;
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
  /** Tests only: wider clinic-setting bounds (e.g. observation time 0 min); the app never passes this. */
  widenSettingRangesForTests?: RangeWidening;
  /** How often the backup schedule looks whether a backup is due (default every minute). */
  backupCheckEveryMs?: number;
  /** Folder of the DejaVu TTF files embedded in generated PDFs (default: dejavu-fonts-ttf from the working folder). */
  fontDir?: string;
  /** Steps of a one-time encryption of an old plain database at start (default: the host's log). */
  onDatabaseProgress?: (line: string) => void;
}

export interface Services {
  dispatch: Dispatch;
  auth: AuthService;
  bus: EventBus;
  /** Secondary alarms per chair; the session service feeds it with alarms.setInfusion / setObservationsOverdue. */
  alarms: AlarmService;
  /** Generated documents; renderSessionProtocol gives other services (GDT link) the protocol's bytes. */
  documents: DocumentService;
  monitors: Map<number, ChairMonitor>;
  /** Every chair's readings on their way to the database (batched, kept until written). */
  vitalsStore: VitalsStore;
  gdt: GdtLink;
  backups: BackupService;
  simulators: Map<number, SimulatedMonitor>;
  close(): Promise<void>;
}

/** The fonts shipped with the dejavu-fonts-ttf package, found from the working folder (tests, the browser host). */
function defaultFontDir(): string {
  return join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await DbClient.open(options.dbWorkerFile, join(options.dataDir, 'clinic.sqlite'), {
    auditKey: options.auditKey,
    nativeBinding: options.nativeBinding,
    // A database from before encryption at rest is encrypted once at start: each step in the host's log.
    onProgress: options.onDatabaseProgress ?? ((line) => console.log(`database: ${line}`)),
  });
  const bus = new EventBus();
  const chairs = await db.call('listChairs');
  const monitors = new Map<number, ChairMonitor>();
  const simulators = new Map<number, SimulatedMonitor>();
  const chairNames = new Map<number, string>();
  // Alarms watch every chair from its first byte (issue 6): started before the monitors.
  const health = new StorageHealth(bus);
  // Damage found by the background integrity check: red on every screen at once, not only at the next write.
  db.onIntegrity(({ problem }) => {
    if (problem !== null) health.report('database', { error: problem, queued: 0 });
  });
  const alarms = new AlarmService({
    db,
    bus,
    chairIds: chairs.map((c) => c.id),
    thresholds: options.alarmThresholds,
    onStorageHealth: (h) => health.report('alarmLog', h),
  });
  alarms.start();
  // The clinic-wide limits are clinic settings: taken at start and after every change (issue 10 point 6).
  const applyAlarmSettings = () =>
    loadSettings(db)
      .then((s) => alarms.setClinicValues(s.alarmValues))
      .catch((err: Error) => console.error(`clinic alarm limits not loaded, the previous ones stay: ${err.message}`));
  await applyAlarmSettings();
  const offSettings = bus.subscribe((event) => {
    if (event === 'clinicSettings.changed') void applyAlarmSettings();
  });

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
  const sessionHandlers = createSessionHandlers({
    db,
    bus,
    verifyPassword: (userId, password) => auth.verifyPassword(userId, password),
    onInfusion: (chairId, infusion) => alarms.setInfusion(chairId, infusion),
    flushVitals: async (chairId, upTo) => {
      await store.flush();
      const waiting = store.waitingUpTo(chairId, upTo);
      if (waiting > 0) throw new AppError('STORAGE', `${waiting} readings of chair ${chairId} are not written yet`, [problem('storage.vitalsWaiting', { count: waiting })]);
    },
    flushAlarms: () => alarms.flush(),
    onSigned: (sessionId) => gdt.writeResult6310(sessionId),
    onAmended: (sessionId, amendmentId) => gdt.writeCorrection6310(sessionId, amendmentId),
  });
  // Documents read exactly what the screens get: the session handlers' reads, called without a caller.
  const internal = { clientId: 'documents', user: null };
  const documents = createDocumentService({
    db,
    review: async (sessionId) => sessionHandlers['sessions.review']({ sessionId }, internal),
    courseView: async (courseId) => sessionHandlers['courses.view']({ courseId }, internal),
    sessionDetail: async (sessionId) => sessionHandlers['sessions.get']({ sessionId }, internal),
    fontDir: options.fontDir ?? defaultFontDir(),
  });
  // The alarm self-test of this start (issue 11 item 9): each priority's sound and colour, logged.
  const alarmSelfTest = new AlarmSelfTest(db, bus);
  // The PVS link (GDT 2.1): inboxes watched from the start; a signed session's result goes out with its protocol PDF (issue 14).
  const gdt = new GdtLink({ db, bus, signedProtocol: (sessionId) => documents.signedProtocol(sessionId) });
  await gdt.start();
  // Backups (issue 15): encrypted with keys derived from the audit secret, checked in a thread of their own.
  const workerUrl = typeof options.dbWorkerFile === 'string' ? pathToFileURL(options.dbWorkerFile) : options.dbWorkerFile;
  const backups = new BackupService({
    db,
    bus,
    dataDir: options.dataDir,
    secret: options.auditKey,
    appVersion: options.version,
    checks: checksInWorker(new URL('db-check.mjs', workerUrl), options.auditKey, options.nativeBinding),
  });
  backups.start(options.backupCheckEveryMs);
  const handlers: Handlers = {
    ...createAppHandlers({ version: options.version, transport: options.transport, startedAt }, health),
    ...createAuthHandlers(auth, db, bus),
    ...createVitalsHandlers({ db, store, monitors, chairNames, startedAt }),
    ...createDevicesHandlers(chairLinks),
    ...createAlarmHandlers(alarms, db),
    ...createSelfTestHandlers(alarmSelfTest),
    ...createSettingsHandlers({ db, bus, ...(options.widenSettingRangesForTests ? { widenRanges: options.widenSettingRangesForTests } : {}) }),
    ...sessionHandlers,
    ...createGdtHandlers(db, gdt),
    ...createDocumentsHandlers(documents, db),
    ...createBackupHandlers({ db, bus, backups, dataDir: options.dataDir, secret: options.auditKey }),
  };
  // Overdue observations and running infusions of the sessions feed the alarm engine (issue 5 → issue 6).
  const observationWatch = new ObservationWatch({
    db,
    bus,
    chairIds: chairs.map((c) => c.id),
    onOverdue: (chairId, overdue) => alarms.setObservationsOverdue(chairId, overdue),
    onCaps: (chairId, caps) => alarms.setDoseCaps(chairId, caps),
    onBloodPressureInterval: (chairId, intervalMs) => alarms.setBloodPressureInterval(chairId, intervalMs),
    onAssessments: (chairId, assessments) => alarms.setAssessments(chairId, assessments),
    onInfusion: (chairId, infusion) => alarms.setInfusion(chairId, infusion),
    log: (message) => console.error(message),
  });
  await observationWatch.start();
  // A rate order is confirmed when the chair's pump reports the ordered rate (issue 10 point 8).
  const pumpReadback = new PumpReadback({
    db,
    bus,
    onInfusion: (chairId, infusion) => alarms.setInfusion(chairId, infusion),
    log: (message) => console.error(message),
  });
  await pumpReadback.start();
  return {
    dispatch: createDispatcher(handlers, (clientId) => auth.userFor(clientId)),
    auth,
    bus,
    alarms,
    documents,
    monitors,
    vitalsStore: store,
    gdt,
    backups,
    simulators,
    async close() {
      offSettings();
      await backups.stop();
      await pumpReadback.stop();
      await observationWatch.stop();
      await gdt.stop();
      await chairLinks.close();
      await store.stop();
      await events.stop();
      await alarms.stop();
      await db.close();
    },
  };
}
