/**
 * Everything the rest of the app may ask of the database, in one object. It runs inside the database worker
 * (db/worker.ts); the main thread reaches it through DbClient (db/client.ts) with the same names and types.
 * Every write that a person causes takes an Actor and appends its audit entry in the same transaction.
 */
import { createAuditLog } from './audit';
import { createAuditVerifier } from './auditVerifier';
import { createAlarmsRepo } from './repos/alarms';
import { createAlarmSelfTestsRepo } from './repos/alarmSelfTests';
import type { DB } from './open';
import { createRecordSeal } from './recordSeal';
import { createChairDevicesRepo } from './repos/chairDevices';
import { createChairsRepo } from './repos/chairs';
import { createClinicSettingsRepo } from './repos/clinicSettings';
import { createDoseAmendmentsRepo } from './repos/doseAmendments';
import { createGdtRepo } from './repos/gdt';
import { createGdtRequestPlanner } from './repos/gdtRequests';
import { createGdtShowFinder } from './repos/gdtShow';
import { createDocumentsRepo } from './repos/documents';
import { createPatientsRepo } from './repos/patients';
import { createRateOrdersRepo } from './repos/rateOrders';
import { createSessionChairRepo } from './repos/sessionChair';
import { createSessionReader } from './repos/sessionRead';
import { createSessionWriter } from './repos/sessionWrite';
import { createUsersRepo } from './repos/users';
import { createBackupRunsRepo } from './repos/backupRuns';
import { createVitalsRepo } from './repos/vitals';

export interface DbApiOptions {
  auditKey: Buffer;
  auditAnchorFile?: string;
}

export function createDbApi(db: DB, options: DbApiOptions) {
  const audit = createAuditLog(db, options.auditKey, options.auditAnchorFile);
  const chairs = createChairsRepo(db);
  const vitals = createVitalsRepo(db);
  const users = createUsersRepo(db, audit);
  const seal = createRecordSeal(db, vitals.samples, options.auditKey);
  const sessionWriter = createSessionWriter(db, audit, seal);
  const patients = createPatientsRepo(db, audit);
  const auditVerifier = createAuditVerifier(db, options.auditKey, options.auditAnchorFile);
  const gdtRequests = createGdtRequestPlanner(db, audit, sessionWriter.planSession);
  return {
    listChairs: chairs.list,
    recordChairEvent: chairs.recordEvent,
    chairEvents: chairs.events,
    appendReadings: vitals.appendReadings,
    vitalTrend: vitals.trend,
    /** Every stored sample of one parameter, undecimated: reading back what was stored (soak, exactly-once checks). */
    vitalSamples: vitals.samples,
    ...users,
    ...createChairDevicesRepo(db, audit),
    ...createAlarmsRepo(db, audit),
    ...createAlarmSelfTestsRepo(db, audit),
    ...patients,
    ...createSessionReader(db),
    ...sessionWriter,
    ...createSessionChairRepo(db, audit),
    ...createClinicSettingsRepo(db, audit),
    ...createRateOrdersRepo(db, audit),
    ...createDoseAmendmentsRepo(db, audit, sessionWriter.amendSession),
    ...createGdtRepo(db, audit, patients, gdtRequests.planGdtRequest, createGdtShowFinder(db)),
    openGdtRequests: gdtRequests.openGdtRequests,
    /** A new course first answers the PVS's requests that waited for it (planned in the system's name). */
    createCourse: db.transaction((actor: Parameters<typeof patients.createCourse>[0], c: Parameters<typeof patients.createCourse>[1]) => {
      const course = patients.createCourse(actor, c);
      gdtRequests.planWaitingGdtRequests({ userId: null, at: actor.at }, c.patientId);
      return course;
    }),
    ...createDocumentsRepo(db, audit),
    /** From the last sealed checkpoint on, in slices (db/auditVerifier.ts): the worker answers other calls meanwhile. */
    verifyAudit: () => auditVerifier.incremental(),
    /** The whole chain from the first entry, in slices. */
    verifyAuditFull: () => auditVerifier.full(),
    /** The signed content of a session recomputed against its signature, every difference named (review, export). */
    checkSessionRecord: (sessionId: number) => seal.check(sessionId),
    ...createBackupRunsRepo(db, audit),
  };
}

export type DbApi = ReturnType<typeof createDbApi>;
export type DbMethod = keyof DbApi;
