/**
 * The infusion session calls (issue 5). Thin glue: rules from core/ (state machine, limits, checklist, gate),
 * storage through db/ (one transaction per write with its audit entry; triggers refuse what must never be stored).
 * Every write returns the whole session and emits 'session.changed'.
 */
import { AppError } from '../../../core/api/envelope';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import type { SessionUser } from '../../../core/auth/roles';
import type { ClinicSettings } from '../../../core/clinic/defaults';
import { problem } from '../../../core/messages';
import { checklistRules, typingErrors, validateChecklist, type PreInfusionChecklist } from '../../../core/session/checklist';
import { recordRange } from '../../../core/session/signedContent';
import { readinessProblems } from '../../../core/session/readiness';
import { applyEvent, type SessionEvent } from '../../../core/session/stateMachine';
import { CHART_MAX_BUCKETS, CHART_PARAMETERS } from '../../../core/trendBuckets';
import type { DbClient } from '../../../db/client';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import type { DoseEventInsert, TransitionWrite } from '../../../db/repos/sessionWrite';
import type { Actor } from '../../../db/repos/users';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { EventBus } from '../eventBus';
import { loadSettings } from './clinicSettings';
import { createDischargeHandlers, type DischargeMethods } from './dischargeHandlers';
import { createDoseRecordHandlers, type DoseRecordMethods } from './doseRecordHandlers';
import { badInput, guarded, refused } from './guarded';
import { createObservationHandlers, type ObservationMethods } from './observationHandlers';
import { createPatientHandlers, type PatientMethods } from './patientHandlers';
import { createChairMoveHandlers, type ChairMoveMethods } from './chairMoveHandlers';
import { createPrescriptionHandlers, doseContext, hardLimitMlHOf, type PrescriptionMethods } from './prescriptionHandlers';
import { createSigningHandlers, type SigningMethods } from './signingHandlers';
import { createWorklistHandlers, type WorklistMethods } from './worklistHandlers';
import { activeStaff, confirmationsOf, physiciansOf, readinessInputOf } from './readiness';
import { BEFORE_START, detailOf, latestPrescription, pumpRateFor, sessionState, summaryOf } from './sessionView';
import { monitorCuffAtOf } from './alarmFeed';

export type SessionMethods =
  | PatientMethods
  | 'sessions.plan' | 'sessions.list' | 'sessions.get' | 'sessions.review' | 'sessions.checkIn' | 'sessions.saveChecklist'
  | 'sessions.completeChecklist' | 'sessions.cancel' | PrescriptionMethods
  | 'infusion.start' | 'infusion.pause' | 'infusion.resume' | 'infusion.stop'
  | ObservationMethods | DischargeMethods | SigningMethods
  | DoseRecordMethods | WorklistMethods | ChairMoveMethods | 'checklist.confirmContraindications' | 'staff.list';

export interface SessionDeps {
  db: DbClient;
  bus: EventBus;
  now?: () => number;
  /** Re-authentication for sign-off and amendments (AuthService.verifyPassword). */
  verifyPassword: (userId: number, password: string) => Promise<boolean>;
  /** Told when an infusion starts, changes rate or stops, so the alarm engine knows (AlarmService.setInfusion). */
  onInfusion?: (chairId: number, input: { sessionId: number | null; running: boolean; documentedRateMlH: number | null; hardLimitMlH?: number | null }) => void;
  /** Writes the alarm engine's pending log rows before a review reads them (AlarmService.flush). */
  flushAlarms?: () => Promise<void>;
  /**
   * Writes the chair's buffered vitals before a review reads them or a signature covers them; throws (STORAGE) when
   * readings received up to `upTo` could not be written, so nothing is signed that the lock would then shut out.
   */
  flushVitals?: (chairId: number, upTo: number) => Promise<void>;
  /** After a signature is stored: the result goes to the PVS (GdtLink.writeResult6310, which records and shows its failures). */
  onSigned?: (sessionId: number) => Promise<unknown>;
  /** After an amendment of a signed session is stored: the corrected result goes to the PVS (GdtLink.writeCorrection6310). */
  onAmended?: (sessionId: number, amendmentId: number) => Promise<unknown>;
}

const DURING = ['checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation'] as const;
const DAY_MS = 86_400_000;
/** A session is planned at most a day back (entered late) and a year ahead. */
const PLAN_RANGE_MS = { back: DAY_MS, ahead: 366 * DAY_MS };

export function createSessionHandlers(deps: SessionDeps): HandlersFor<SessionMethods> {
  const { db, bus } = deps;
  const now = deps.now ?? Date.now;
  const actorOf = (user: SessionUser, at = now()): Actor => ({ userId: user.id, at });
  /** The gate reads the stored alarm log (not the engine in memory): the same answer after a restart. */
  async function alarmLogOf(sessionId: number) {
    await deps.flushAlarms?.();
    return db.call('alarmLogOfSession', sessionId);
  }

  async function bundleOf(sessionId: number): Promise<SessionBundle> {
    const b = await db.call('sessionBundle', sessionId);
    if (!b) throw new AppError('NOT_FOUND', `there is no session ${sessionId}`);
    return b;
  }

  async function detail(sessionId: number, at = now()): Promise<SessionDetail> {
    const [b, s, alarmLog, staff] = await Promise.all([bundleOf(sessionId), loadSettings(db), alarmLogOf(sessionId), activeStaff(db)]);
    const [patient, course] = await Promise.all([db.call('getPatient', b.session.patientId), db.call('getCourse', b.session.courseId)]);
    if (!patient || !course) throw new AppError('NOT_FOUND', `session ${sessionId} has no patient or course`);
    // The monitor's cuff values count as blood-pressure observations: the MFA is not asked to type them again.
    const monitorCuffAt = await monitorCuffAtOf(db, b, at);
    return detailOf(b, { settings: s.settings, infoSheetVersion: s.infoSheetVersion, now: at, alarmLog, patient, course, physicians: physiciansOf(staff), monitorCuffAt });
  }

  async function changed(sessionId: number, previousChairId?: number): Promise<SessionDetail> {
    const d = await detail(sessionId);
    bus.emit('session.changed', { sessionId, chairId: d.session.chairId, status: d.session.status, ...(previousChairId !== undefined ? { previousChairId } : {}) });
    return d;
  }

  function notSigned(b: SessionBundle) {
    if (b.session.signed) throw refused('the session is signed and locked', [problem('session.signed', { physician: b.session.signed.userName })]);
  }

  /** Applies a state-machine event with its context, then stores it conditionally on the status it was based on. */
  async function transition(
    user: SessionUser,
    sessionId: number,
    eventOrMaker: SessionEvent | ((b: SessionBundle, settings: ClinicSettings) => SessionEvent),
    build: (b: SessionBundle, settings: ClinicSettings, infoSheetVersion: string, physicians: ReadonlyMap<number, string>) => {
      context?: Parameters<typeof applyEvent>[2];
      doseEvent?: DoseEventInsert;
      extra?: Pick<TransitionWrite, 'checkedInAt' | 'observationEndsAt' | 'dischargedAt' | 'cancelReason' | 'override' | 'transfer'>;
      detail?: unknown;
    } = () => ({}),
  ): Promise<SessionDetail> {
    const [b, s, staff] = await Promise.all([bundleOf(sessionId), loadSettings(db), activeStaff(db)]);
    notSigned(b);
    const event = typeof eventOrMaker === 'function' ? eventOrMaker(b, s.settings) : eventOrMaker;
    const plan = build(b, s.settings, s.infoSheetVersion, physiciansOf(staff));
    const result = applyEvent(sessionState(b), event, plan.context ?? {});
    if (!result.ok) throw refused(result.problems.map((p) => p.message).join('; '), result.problems);
    await guarded(
      db.call('transitionSession', actorOf(user, event.at), {
        sessionId,
        from: b.session.state,
        to: result.state.status,
        at: event.at,
        ...(result.state.infusionStartedAt !== undefined && event.kind === 'start' ? { startedAt: event.at } : {}),
        ...(event.kind === 'stop' || (event.kind === 'transfer' && b.session.stoppedAt === null) ? { stoppedAt: event.at } : {}),
        ...plan.extra,
        ...(plan.doseEvent ? { doseEvent: plan.doseEvent } : {}),
        action: `session.${event.kind}`,
        detail: { event, warnings: result.warnings, ...(plan.detail as object | undefined) },
      }),
    );
    const status = result.state.status;
    if (status === 'discharged' || status === 'cancelled' || status === 'transferred') {
      deps.onInfusion?.(b.session.chairId, { sessionId: null, running: false, documentedRateMlH: null });
    } else if (plan.doseEvent || status === 'checkedIn') {
      // The chair's alarms watch the session from check-in until it ends (recovery included).
      const running = status === 'running';
      const hardLimitMlH = hardLimitMlHOf(b, s.settings);
      deps.onInfusion?.(b.session.chairId, { sessionId, running, documentedRateMlH: running ? (plan.doseEvent?.rateMlPerH ?? currentRate(b)) : null, hardLimitMlH });
    }
    return changed(sessionId);
  }

  function currentRate(b: SessionBundle): number | null {
    const rated = b.doseEvents.filter((e) => e.rateMlPerH !== null);
    return rated[rated.length - 1]?.rateMlPerH ?? null;
  }

  return {
    ...createPatientHandlers({ db, bus, now, actorOf }),
    ...createWorklistHandlers({ db, now }),

    // ------------------------------------------------------------ sessions
    'sessions.plan': async (input, ctx) => {
      const course = await db.call('getCourse', input.courseId);
      if (!course) throw new AppError('NOT_FOUND', `there is no course ${input.courseId}`);
      const at = now();
      if (input.plannedFor < at - PLAN_RANGE_MS.back || input.plannedFor > at + PLAN_RANGE_MS.ahead) {
        throw badInput([problem('session.plannedForImplausible', { field: 'plannedFor' })]);
      }
      const existing = await db.call('sessionSummaries', { courseId: input.courseId });
      const counted = existing.filter((b) => b.session.state !== 'cancelled').length;
      if (counted >= course.plannedInfusions) {
        throw refused(`the course has all its ${course.plannedInfusions} planned infusions`, [problem('course.full', { count: course.plannedInfusions })]);
      }
      const chairs = await db.call('listChairs');
      if (!chairs.some((c) => c.id === input.chairId)) throw new AppError('NOT_FOUND', `there is no chair ${input.chairId}`);
      const id = await guarded(db.call('planSession', actorOf(userOf(ctx)), input));
      return changed(id);
    },
    'sessions.list': async (input) => {
      const s = await loadSettings(db);
      const at = now();
      const filter =
        input.from === undefined && input.to === undefined && input.statuses === undefined
          ? { statuses: ['planned', 'checkedIn', 'checklistComplete', 'running', 'paused', 'postObservation'] }
          : {};
      const bundles = await db.call('sessionSummaries', { ...filter, ...input });
      return bundles.map((b) => summaryOf(b, s.settings, at));
    },
    'sessions.get': ({ sessionId }) => detail(sessionId),
    'sessions.review': async ({ sessionId }) => {
      const d = await detail(sessionId);
      const s = d.session;
      const { from, to } = recordRange(s, s.dischargedAt ?? d.now);
      await deps.flushVitals?.(s.chairId, now()).catch(() => undefined); // the review shows what is stored; app.health says what waits
      await deps.flushAlarms?.();
      const [vitals, alarms, history, integrity] = await Promise.all([
        db.call('vitalTrend', s.chairId, from, to, CHART_PARAMETERS, CHART_MAX_BUCKETS),
        db.call('alarmLogOfChair', s.chairId, from, to),
        db.call('sessionHistory', sessionId),
        db.call('checkSessionRecord', sessionId),
      ]);
      return { detail: d, integrity, vitalsFrom: from, vitalsTo: to, vitals, alarms, history };
    },
    'sessions.checkIn': ({ sessionId }, ctx) => {
      const at = now();
      return transition(userOf(ctx), sessionId, { kind: 'checkIn', at }, () => ({ extra: { checkedInAt: at } }));
    },
    ...createChairMoveHandlers({ db, now, actorOf, bundleOf, notSigned, changed, onInfusion: deps.onInfusion }),
    'sessions.saveChecklist': async ({ sessionId, checklist }, ctx) => {
      const [b, s, staff] = await Promise.all([bundleOf(sessionId), loadSettings(db), activeStaff(db)]);
      notSigned(b);
      const at = now();
      const problems = validateChecklist(checklist as PreInfusionChecklist, at, checklistRules(s.settings, s.infoSheetVersion), confirmationsOf(b, physiciansOf(staff)));
      const errors = typingErrors(problems);
      if (errors.length > 0) throw badInput(errors);
      await guarded(db.call('saveChecklist', actorOf(userOf(ctx), at), sessionId, [...BEFORE_START], checklist, problems));
      return changed(sessionId);
    },
    'sessions.completeChecklist': ({ sessionId }, ctx) =>
      transition(userOf(ctx), sessionId, { kind: 'completeChecklist', at: now() }, (b, settings, version, physicians) => ({
        context: { checklistMissing: readinessProblems(readinessInputOf(b, settings, physicians), now(), checklistRules(settings, version), false) },
      })),
    'sessions.cancel': ({ sessionId, reason }, ctx) =>
      transition(userOf(ctx), sessionId, { kind: 'cancel', at: now(), reason }, () => ({ extra: { cancelReason: reason } })),

    'checklist.confirmContraindications': async ({ sessionId, absoluteContraindicationFound }, ctx) => {
      const b = await bundleOf(sessionId);
      notSigned(b);
      await guarded(db.call('confirmContraindications', actorOf(userOf(ctx)), sessionId, [...BEFORE_START], absoluteContraindicationFound));
      return changed(sessionId);
    },
    'staff.list': async ({ role }) => (await activeStaff(db)).filter((u) => role === undefined || u.role === role),

    ...createPrescriptionHandlers({ db, now, actorOf, bundleOf, notSigned, changed }),
    'infusion.start': ({ sessionId }, ctx) => {
      const at = now();
      // At the prescribed rate, as the pump can be set (rounded to its resolution).
      const startEvent = (b: SessionBundle, settings: ClinicSettings): SessionEvent => {
        const p = latestPrescription(b);
        const rateMlPerH = p ? pumpRateFor(p.targetMgPerKgPerH, p, settings) : Number.NaN;
        return { kind: 'start', at, rateMlPerH, ...(p?.softLimitReason ? { softLimitReason: p.softLimitReason } : {}) };
      };
      return transition(userOf(ctx), sessionId, startEvent, (b, settings, version, physicians) => {
        const dose = doseContext(b, settings);
        const { rateMlPerH } = startEvent(b, settings) as { rateMlPerH: number };
        // The checklist and the prescription may have changed since the checklist was completed, and the weight ages.
        const checklistMissing = readinessProblems(readinessInputOf(b, settings, physicians), at, checklistRules(settings, version), true);
        return { context: { checklistMissing, ...(dose ? { dose } : {}) }, doseEvent: { kind: 'start', at, rateMlPerH }, detail: { rateMlPerH } };
      });
    },
    'infusion.pause': ({ sessionId, reason }, ctx) => {
      const at = now();
      return transition(userOf(ctx), sessionId, { kind: 'pause', at, ...(reason ? { reason } : {}) }, () => ({
        doseEvent: { kind: 'pause', at, ...(reason ? { reason } : {}) },
      }));
    },
    'infusion.resume': ({ sessionId }, ctx) => {
      const at = now();
      return transition(userOf(ctx), sessionId, { kind: 'resume', at }, () => ({ doseEvent: { kind: 'resume', at } }));
    },
    'infusion.stop': ({ sessionId, reason }, ctx) => {
      const at = now();
      return transition(userOf(ctx), sessionId, { kind: 'stop', at, ...(reason ? { reason } : {}) }, (_b, settings) => ({
        doseEvent: { kind: 'stop', at, ...(reason ? { reason } : {}) },
        extra: { observationEndsAt: at + settings.postInfusionObservationMin * 60_000 },
      }));
    },

    ...createObservationHandlers({ db, now, during: DURING, actorOf, bundleOf, notSigned, changed, guarded }),

    ...createDischargeHandlers({ db, now, verifyPassword: deps.verifyPassword, actorOf, bundleOf, notSigned, changed, alarmLogOf, guarded, transition }),

    ...createSigningHandlers({
      db,
      now,
      actorOf,
      bundleOf,
      notSigned,
      changed,
      verifyPassword: deps.verifyPassword,
      flushVitals: deps.flushVitals,
      flushAlarms: deps.flushAlarms,
      onSigned: deps.onSigned,
      onAmended: deps.onAmended,
    }),

    ...createDoseRecordHandlers({ db, now, bundleOf, changed, notSigned, verifyPassword: deps.verifyPassword, onInfusion: deps.onInfusion, onAmended: deps.onAmended }),
  } satisfies HandlersFor<SessionMethods> as HandlersFor<SessionMethods>;
}

