/**
 * What a screen sees of a session, computed from what is stored with the rules of core/: the cumulative dose from
 * the dose timeline (exact integral, never from samples), the checklist's missing items, the observation schedule,
 * and the discharge gate with every missing condition.
 */
import type { SessionDetail, SessionSummary } from '../../../core/api/methods/sessionSchemas';
import { PAIN_EVIDENCE, isPainIndication, type Indication } from '../../../core/course/indication';
import type { ClinicSettings } from '../../../core/clinic/defaults';
import { checkSessionDose, doseLimitsFor } from '../../../core/dose/limits';
import { capState, type CapRules, type CapState } from '../../../core/dose/caps';
import { mgPerKgPerHToMlPerH, mlPerHToMgPerKgPerH, safePumpRate, type InfusionBasis } from '../../../core/dose/rate';
import type { Substance } from '../../../core/dose/substance';
import { cumulativeDose, pumpStateAt, rateIncreaseTimes, type DoseEvent, type InfusionTimeline } from '../../../core/dose/timeline';
import { checklistRules, validateChecklist } from '../../../core/session/checklist';
import { evaluateDischarge, type DischargeDecision, type DischargeInput, type DischargeRules, type OverridableCriterion } from '../../../core/session/dischargeGate';
import { abnormalRules, highAlarmHistory, latestEvents, type AlarmLogEntry } from '../../../core/session/dischargeRecord';
import type { Escort } from '../../../core/session/escort';
import type { Observation } from '../../../core/session/observations';
import { LEGAL_EVENTS, type SessionState, type SessionStatus } from '../../../core/session/stateMachine';
import type { CourseRow, PatientRow } from '../../../db/repos/patients';
import type { PrescriptionRow, SessionBundle } from '../../../db/repos/sessionRead';
import { correctedDoseEvents, doseEventRows, pendingOrderSummary, rateOrderRows } from './doseRecordView';
import { scheduleOf } from './scheduleView';
import { checklistItemsOf, confirmationsOf } from './readiness';

const MS_PER_MIN = 60_000;

/** The states before the infusion starts: checklist, prescription and contraindications may still change. */
export const BEFORE_START = ['planned', 'checkedIn', 'checklistComplete'] as const;

/** The dose timeline with every signed correction applied (what the dose computation and schedule use). */
export function toDoseEvents(bundle: SessionBundle): DoseEvent[] {
  return correctedDoseEvents(bundle);
}

export function latestPrescription(bundle: SessionBundle): PrescriptionRow | null {
  return bundle.prescriptions[bundle.prescriptions.length - 1] ?? null;
}

export function timelineOf(bundle: SessionBundle): InfusionTimeline | null {
  const p = latestPrescription(bundle);
  return p ? { concentrationMgPerMl: p.concentrationMgPerMl, weightKg: p.weightKg, events: toDoseEvents(bundle) } : null;
}

export function sessionState(bundle: SessionBundle): SessionState {
  const s = bundle.session;
  return {
    status: s.state as SessionStatus,
    ...(s.lastEventAt !== null ? { lastEventAt: s.lastEventAt } : {}),
    ...(s.startedAt !== null ? { infusionStartedAt: s.startedAt } : {}),
    ...(s.stoppedAt !== null ? { infusionStoppedAt: s.stoppedAt } : {}),
  };
}

/** The observation time as it was set when the infusion stopped (a later settings change does not move it). */
export function observationMinOf(bundle: SessionBundle, settings: ClinicSettings): number {
  const { stoppedAt, observationEndsAt } = bundle.session;
  return stoppedAt !== null && observationEndsAt !== null ? (observationEndsAt - stoppedAt) / MS_PER_MIN : settings.postInfusionObservationMin;
}

export function dischargeRulesOf(bundle: SessionBundle, settings: ClinicSettings): DischargeRules {
  const stored = bundle.score?.threshold;
  return {
    postInfusionObservationMin: observationMinOf(bundle, settings),
    noDrivingHours: settings.noDrivingHours,
    noHighAlarmWithinMin: settings.noHighAlarmWithinMin,
    threshold: (scale) => stored ?? (scale === 'padss' ? settings.padssThreshold : scale === 'modifiedPadss' ? settings.modifiedPadssThreshold : settings.modifiedAldreteThreshold),
    scale: settings.dischargeScale,
  };
}

/** The newest step of a kind: a release or acknowledgement given again after a new event is the one that counts. */
function latestStep(bundle: SessionBundle, kind: SessionBundle['steps'][number]['kind']) {
  return bundle.steps.filter((x) => x.kind === kind).at(-1);
}

/** The gate's input from the whole record: steps, observations (adverse events, abnormal values) and the stored alarm log. */
export function dischargeInput(bundle: SessionBundle, now: number, alarmLog: readonly AlarmLogEntry[], settings: ClinicSettings): DischargeInput {
  const s = bundle.session;
  const release = latestStep(bundle, 'physicianRelease');
  const events = latestEvents(
    bundle.observations.map((o) => ({ observation: { ...o.data, kind: o.kind, at: o.at } as Observation, recordedAt: o.recorded.at })),
    abnormalRules(settings),
  );
  return {
    now,
    ...(s.stoppedAt !== null ? { infusionStoppedAt: s.stoppedAt } : {}),
    ...(bundle.escort ? { escort: bundle.escort.escort as unknown as Escort } : {}),
    ...(bundle.score
      ? {
          dischargeScore: {
            scale: bundle.score.scale,
            total: bundle.score.total,
            complete: bundle.score.complete,
            at: bundle.score.recorded.at,
            ...(bundle.score.otherScaleReason ? { otherScaleReason: bundle.score.otherScaleReason } : {}),
          },
        }
      : {}),
    instructionsAcknowledged: latestStep(bundle, 'instructionsAcknowledged') !== undefined,
    ...(release ? { physicianRelease: { physician: release.by.userName, at: release.by.at } } : {}),
    ...(events.adverseEventAt !== undefined ? { latestAdverseEventAt: events.adverseEventAt } : {}),
    ...(events.abnormalAt !== undefined ? { latestAbnormalObservationAt: events.abnormalAt } : {}),
    highAlarms: highAlarmHistory(alarmLog, now),
  };
}

export function evaluateGate(bundle: SessionBundle, settings: ClinicSettings, now: number, alarmLog: readonly AlarmLogEntry[]): DischargeDecision {
  return evaluateDischarge(dischargeInput(bundle, now, alarmLog, settings), dischargeRulesOf(bundle, settings));
}

/** The pump rate of a dose, rounded toward the safe side of the substance's limits: the one rate prescribe and start check. */
export function pumpRateFor(mgPerKgPerH: number, basis: InfusionBasis & { substance: Substance }, settings: ClinicSettings): number {
  const limits = doseLimitsFor(basis.substance, settings);
  return safePumpRate(mgPerKgPerH, basis, settings.pumpResolutionMlPerH, [limits.softLimitMgPerKgPerH, limits.hardLimitMgPerKgPerH]);
}

export function capRulesOf(substance: Substance, settings: ClinicSettings): CapRules {
  return {
    maxSessionDoseMgPerKg: doseLimitsFor(substance, settings).maxSessionDoseMgPerKg,
    maxSessionDurationMin: settings.maxSessionDurationMin,
    projectionMin: settings.capProjectionMin,
  };
}

/** The session caps now (dose and duration) while the pump runs or is paused; null otherwise. */
export function capStateOf(bundle: SessionBundle, settings: ClinicSettings, now: number): CapState | null {
  const s = bundle.session;
  const timeline = timelineOf(bundle);
  const p = latestPrescription(bundle);
  if ((s.state !== 'running' && s.state !== 'paused') || s.startedAt === null || !timeline || !p) return null;
  try {
    const dose = cumulativeDose(timeline, now);
    const pump = pumpStateAt(timeline.events, now);
    const rate = pump.phase === 'running' ? mlPerHToMgPerKgPerH(pump.rateMlPerH, timeline).mgPerKgPerH : 0;
    return capState({ now, infusionStartedAt: s.startedAt, doseMgPerKg: dose.mgPerKg, rateMgPerKgPerH: rate }, capRulesOf(p.substance, settings));
  } catch {
    return null; // a stored timeline that is not valid (cannot happen through the service)
  }
}

function prescriptionView(p: PrescriptionRow, settings: ClinicSettings) {
  const basis = { weightKg: p.weightKg, concentrationMgPerMl: p.concentrationMgPerMl };
  const rate = mgPerKgPerHToMlPerH(p.targetMgPerKgPerH, basis);
  return {
    id: p.id,
    substance: p.substance,
    concentrationMgPerMl: p.concentrationMgPerMl,
    weightKg: p.weightKg,
    targetMgPerKgPerH: p.targetMgPerKgPerH,
    mgPerH: rate.mgPerH,
    rateMlPerH: rate.mlPerH,
    pumpRateMlPerH: pumpRateFor(p.targetMgPerKgPerH, p, settings),
    softLimitReason: p.softLimitReason,
    limitProblems: p.limitProblems,
    prescribed: p.prescribed,
  };
}

function doseView(bundle: SessionBundle, settings: ClinicSettings, now: number) {
  const timeline = timelineOf(bundle);
  const p = latestPrescription(bundle);
  if (!timeline || !p || timeline.events.length === 0) return null;
  const at = bundle.session.stoppedAt ?? now;
  try {
    const dose = cumulativeDose(timeline, at);
    const pump = pumpStateAt(timeline.events, at);
    return {
      at,
      ...dose,
      pumpPhase: pump.phase,
      rateMlPerH: pump.rateMlPerH,
      rateMgPerKgPerH: mlPerHToMgPerKgPerH(pump.rateMlPerH, timeline).mgPerKgPerH,
      problems: checkSessionDose(dose.mgPerKg, doseLimitsFor(p.substance, settings)),
    };
  } catch {
    return null; // a stored timeline that is not valid: shown as events only (cannot happen through the service)
  }
}

export function summaryOf(bundle: SessionBundle, settings: ClinicSettings, now: number): SessionSummary {
  const s = bundle.session;
  const before = bundle.checklist?.items.baselinePainNrs;
  const painAfter = bundle.observations.filter((o) => o.kind === 'pain' && s.stoppedAt !== null && o.at >= s.stoppedAt);
  const after = painAfter[painAfter.length - 1]?.data.nrs;
  const dose = doseView(bundle, settings, now);
  return {
    id: s.id,
    courseId: s.courseId,
    patientId: s.patientId,
    patientName: s.patientName,
    chairId: s.chairId,
    chairName: s.chairName,
    sessionNumber: s.sessionNumber,
    status: s.state as SessionStatus,
    plannedFor: s.plannedFor,
    startedAt: s.startedAt,
    stoppedAt: s.stoppedAt,
    dischargedAt: s.dischargedAt,
    signed: s.signed,
    nrsBefore: typeof before === 'number' ? before : null,
    nrsAfter: typeof after === 'number' ? after : null,
    totalMg: dose?.totalMg ?? null,
    mgPerKg: dose?.mgPerKg ?? null,
    pendingRateOrder: pendingOrderSummary(bundle),
  };
}

export function courseView(c: CourseRow) {
  const indication = c.indication as Indication;
  return {
    ...c,
    indication,
    evidenceGrade: isPainIndication(indication) ? PAIN_EVIDENCE[indication].grade : null,
  };
}

export interface DetailContext {
  settings: ClinicSettings;
  infoSheetVersion: string;
  now: number;
  /** The session's stored alarm log (db alarmLogOfSession). */
  alarmLog: readonly AlarmLogEntry[];
  patient: PatientRow;
  course: CourseRow;
  /** Active physician accounts: id → name (the responsible physician is one of them). */
  physicians: ReadonlyMap<number, string>;
  /** The chair monitor's cuff measurements since the start: they count as blood-pressure observations. */
  monitorCuffAt?: readonly number[];
}

export function detailOf(bundle: SessionBundle, ctx: DetailContext): SessionDetail {
  const { settings, now } = ctx;
  const s = bundle.session;
  const p = latestPrescription(bundle);
  const items = checklistItemsOf(bundle);
  const gate = evaluateGate(bundle, settings, now, ctx.alarmLog);
  const override = latestStep(bundle, 'override');
  const release = latestStep(bundle, 'physicianRelease');
  const ack = latestStep(bundle, 'instructionsAcknowledged');
  const observationMin = observationMinOf(bundle, settings);
  const schedule = scheduleOf(bundle, settings, now, ctx.monitorCuffAt);
  const threshold = dischargeRulesOf(bundle, settings).threshold;
  return {
    now,
    session: summaryOf(bundle, settings, now),
    patient: ctx.patient,
    course: courseView(ctx.course),
    prescription: p ? prescriptionView(p, settings) : null,
    prescriptions: bundle.prescriptions.map((x) => prescriptionView(x, settings)),
    doseEvents: doseEventRows(bundle, p),
    dose: doseView(bundle, settings, now),
    checklist: {
      items: items as SessionDetail['checklist']['items'],
      contraindications: bundle.contraindications,
      problems: validateChecklist(items, now, checklistRules(settings, ctx.infoSheetVersion), confirmationsOf(bundle, ctx.physicians)),
      saved: bundle.checklist?.saved ?? null,
    },
    observations: bundle.observations.map((o) => ({ id: o.id, observation: { ...o.data, kind: o.kind, at: o.at }, recorded: o.recorded })),
    schedule,
    discharge: {
      observationEndsAt: s.observationEndsAt,
      observationMin,
      configuredScale: settings.dischargeScale,
      escort: bundle.escort ? { escort: bundle.escort.escort as SessionDetail['discharge']['escort'] extends infer E ? (E extends { escort: infer X } ? X : never) : never, confirmed: bundle.escort.confirmed } : null,
      score: bundle.score ? { ...bundle.score, threshold: threshold(bundle.score.scale) } : null,
      instructionsAcknowledged: ack?.by ?? null,
      physicianRelease: release?.by ?? null,
      override: override ? { reason: override.reason ?? '', criteria: (override.criteria ?? []) as OverridableCriterion[], by: override.by } : null,
      allowed: s.state === 'postObservation' && gate.allowed,
      missing: gate.missing,
      unresolvedHighPriorityAlarms: highAlarmHistory(ctx.alarmLog, now).active,
    },
    transfer: bundle.transfer,
    cancelReason: s.cancelReason,
    amendments: bundle.amendments.map((a) => ({ ...a, target: a.target as SessionDetail['amendments'][number]['target'] })),
    rateOrders: rateOrderRows(bundle, p),
    pendingRateOrder: rateOrderRows(bundle, p).find((o) => o.status === 'pending') ?? null,
    allowedEvents: s.signed ? [] : [...LEGAL_EVENTS[s.state as SessionStatus]],
  };
}
