/**
 * Writing infusion sessions. Each call is one transaction with its audit entry (entity 'session', so a session's
 * history is one index seek). Status changes are conditional on the status the caller saw: if another screen
 * moved the session on in between, nothing is written and a ConflictError says so.
 * The rules (state machine, limits, gate) are applied by the caller with core/; the triggers of migrations 0030 and
 * 0070 refuse what must never be stored whatever the caller.
 */
import { canonicalJson } from '../../core/session/signedContent';
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { RecordSeal } from '../recordSeal';
import type { Actor } from './users';

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export interface DoseEventInsert {
  kind: 'start' | 'rateChange' | 'pause' | 'resume' | 'stop' | 'bolus';
  at: number;
  rateMlPerH?: number;
  amount?: number;
  unit?: 'ml' | 'mg';
  reason?: string;
}

export interface TransitionWrite {
  sessionId: number;
  /** The status the caller's decision was based on. */
  from: string;
  to: string;
  at: number;
  checkedInAt?: number;
  startedAt?: number;
  stoppedAt?: number;
  observationEndsAt?: number;
  dischargedAt?: number;
  cancelReason?: string;
  /** Appended to the dose timeline with the status change, against the latest prescription. */
  doseEvent?: DoseEventInsert;
  /** Written first, in the same transaction: the override that allows a discharge, naming the criteria it waives. */
  override?: { reason: string; criteria: readonly string[] };
  /** Written first, in the same transaction: the emergency hand-over that ends the session. */
  transfer?: { handedOverTo: string; destination: string; reason: string };
  action: string;
  detail: unknown;
}

export interface PrescriptionInsert {
  substance: string;
  concentrationMgPerMl: number;
  weightKg: number;
  targetMgPerKgPerH: number;
  hardLimitMgPerKgPerH: number;
  softLimitReason: string | null;
  limitProblems: unknown[];
}

type StoredObservation = { kind: string; at: number } & Record<string, unknown>;

export function createSessionWriter(db: DB, audit: AuditLog, seal: RecordSeal) {
  const q = {
    course: db.prepare('SELECT patient_id FROM courses WHERE id = ?').pluck(),
    nextNumber: db.prepare('SELECT coalesce(max(session_number), 0) + 1 FROM infusion_sessions WHERE course_id = ?').pluck(),
    insertSession: db.prepare(
      `INSERT INTO infusion_sessions (patient_id, chair_id, state, created_at, course_id, session_number, planned_for, created_by)
       VALUES (?, ?, 'planned', ?, ?, ?, ?, ?)`,
    ),
    transition: db.prepare(
      `UPDATE infusion_sessions SET state = @to, last_event_at = @at, checked_in_at = coalesce(@checkedInAt, checked_in_at),
         started_at = coalesce(@startedAt, started_at), stopped_at = coalesce(@stoppedAt, stopped_at),
         observation_ends_at = coalesce(@observationEndsAt, observation_ends_at),
         discharged_at = coalesce(@dischargedAt, discharged_at), cancel_reason = coalesce(@cancelReason, cancel_reason)
       WHERE id = @sessionId AND state = @from`,
    ),
    touch: db.prepare('UPDATE infusion_sessions SET last_event_at = max(coalesce(last_event_at, 0), @at) WHERE id = @sessionId AND state = @state'),
    state: db.prepare('SELECT state FROM infusion_sessions WHERE id = ?').pluck(),
    latestPrescription: db.prepare('SELECT max(id) FROM prescriptions WHERE session_id = ?').pluck(),
    insertDoseEvent: db.prepare(
      `INSERT INTO dose_events (session_id, prescription_id, kind, at, rate_ml_per_h, amount, unit, reason, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertPrescription: db.prepare(
      `INSERT INTO prescriptions (session_id, substance, concentration_mg_per_ml, weight_kg, target_mg_per_kg_per_h,
         hard_limit_mg_per_kg_per_h, soft_limit_reason, limit_problems, prescribed_at, prescribed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertChecklist: db.prepare('INSERT INTO checklist_entries (session_id, items, saved_at, saved_by) VALUES (?, ?, ?, ?)'),
    insertContraindications: db.prepare(
      'INSERT INTO contraindication_confirmations (session_id, absolute_contraindication_found, at, confirmed_by) VALUES (?, ?, ?, ?)',
    ),
    insertObservation: db.prepare(
      'INSERT INTO observations (session_id, kind, at, data, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertScore: db.prepare(
      `INSERT INTO discharge_scores (session_id, scale, answers, total, max_points, threshold, complete, at, recorded_by, other_scale_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertEscort: db.prepare('INSERT INTO escort_confirmations (session_id, escort, complete, at, confirmed_by) VALUES (?, ?, ?, ?, ?)'),
    insertStep: db.prepare('INSERT INTO discharge_steps (session_id, kind, reason, at, user_id, criteria) VALUES (?, ?, ?, ?, ?, ?)'),
    insertTransfer: db.prepare(
      'INSERT INTO session_transfers (session_id, handed_over_to, destination, reason, at, user_id) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertSignature: db.prepare(
      `INSERT INTO session_signatures (session_id, chair_id, signed_at, signed_by, content_version, content_hash, part_hashes, vitals_from, vitals_to)
       VALUES (@sessionId, @chairId, @at, @userId, @version, @contentHash, @parts, @vitalsFrom, @vitalsTo)`,
    ),
    sign: db.prepare('UPDATE infusion_sessions SET signed_at = ?, signed_by = ? WHERE id = ? AND signed_at IS NULL'),
    nextAmendmentId: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM amendments').pluck(),
    insertAmendment: db.prepare(
      `INSERT INTO amendments (id, session_id, target, target_id, correction, reason, signed_at, signed_by, amends_hash, content_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const log = (actor: Actor, sessionId: number, action: string, detail: unknown) =>
    audit.append({ at: actor.at, userId: actor.userId, action, entity: 'session', entityId: sessionId, detail });

  const insertDoseEvent = (actor: Actor, sessionId: number, e: DoseEventInsert): number => {
    const prescriptionId = q.latestPrescription.get(sessionId) as number | null;
    if (prescriptionId === null) throw new ConflictError('there is no prescription for this session');
    return Number(
      q.insertDoseEvent.run(sessionId, prescriptionId, e.kind, e.at, e.rateMlPerH ?? null, e.amount ?? null, e.unit ?? null, e.reason ?? null, actor.userId)
        .lastInsertRowid,
    );
  };

  /** A write that belongs to a session in a given status (e.g. a rate change while running). */
  const insertObservation = (actor: Actor, sessionId: number, o: StoredObservation): number => {
    const id = Number(q.insertObservation.run(sessionId, o.kind, o.at, JSON.stringify(o), actor.at, actor.userId).lastInsertRowid);
    log(actor, sessionId, o.kind === 'adverseEvent' ? 'observation.adverseEventRecorded' : 'observation.recorded', { observationId: id, ...o });
    return id;
  };
  const inState = (sessionId: number, allowed: readonly string[]) => {
    const state = q.state.get(sessionId) as string | undefined;
    if (state === undefined) throw new ConflictError(`there is no session ${sessionId}`);
    if (!allowed.includes(state)) throw new ConflictError(`the session is now ${state}`);
    return state;
  };

  return {
    planSession: db.transaction((actor: Actor, p: { courseId: number; chairId: number; plannedFor: number }) => {
      const patientId = q.course.get(p.courseId) as number | undefined;
      if (patientId === undefined) throw new ConflictError(`there is no course ${p.courseId}`);
      const number = q.nextNumber.get(p.courseId) as number;
      const id = Number(q.insertSession.run(patientId, p.chairId, actor.at, p.courseId, number, p.plannedFor, actor.userId).lastInsertRowid);
      log(actor, id, 'session.planned', { ...p, sessionNumber: number });
      return id;
    }),

    /** A status change (and its dose event), only from the status the caller decided on. */
    transitionSession: db.transaction((actor: Actor, t: TransitionWrite) => {
      if (t.override !== undefined) {
        q.insertStep.run(t.sessionId, 'override', t.override.reason, actor.at, actor.userId, JSON.stringify(t.override.criteria));
      }
      if (t.transfer !== undefined) {
        const { handedOverTo, destination, reason } = t.transfer;
        q.insertTransfer.run(t.sessionId, handedOverTo, destination, reason, actor.at, actor.userId);
      }
      const changed = q.transition.run({
        sessionId: t.sessionId,
        from: t.from,
        to: t.to,
        at: t.at,
        checkedInAt: t.checkedInAt ?? null,
        startedAt: t.startedAt ?? null,
        stoppedAt: t.stoppedAt ?? null,
        observationEndsAt: t.observationEndsAt ?? null,
        dischargedAt: t.dischargedAt ?? null,
        cancelReason: t.cancelReason ?? null,
      }).changes;
      if (changed !== 1) throw new ConflictError(`the session is no longer ${t.from}: it was changed in the meantime`);
      const doseEventId = t.doseEvent ? insertDoseEvent(actor, t.sessionId, t.doseEvent) : null;
      log(actor, t.sessionId, t.action, doseEventId === null ? t.detail : { doseEventId, ...(t.detail as object) });
    }),

    /** A dose event that does not change the status (rate change, bolus), while the session is in `state`. */
    appendDoseEvent: db.transaction((actor: Actor, sessionId: number, state: string, e: DoseEventInsert, action: string, detail: unknown) => {
      inState(sessionId, [state]);
      q.touch.run({ sessionId, at: e.at, state });
      const id = insertDoseEvent(actor, sessionId, e);
      log(actor, sessionId, action, { doseEventId: id, ...(detail as object) });
      return id;
    }),

    addPrescription: db.transaction((actor: Actor, sessionId: number, allowedStates: readonly string[], p: PrescriptionInsert) => {
      inState(sessionId, allowedStates);
      const id = Number(
        q.insertPrescription.run(
          sessionId,
          p.substance,
          p.concentrationMgPerMl,
          p.weightKg,
          p.targetMgPerKgPerH,
          p.hardLimitMgPerKgPerH,
          p.softLimitReason,
          JSON.stringify(p.limitProblems),
          actor.at,
          actor.userId,
        ).lastInsertRowid,
      );
      log(actor, sessionId, 'prescription.prescribed', { prescriptionId: id, ...p });
      return id;
    }),

    saveChecklist: db.transaction((actor: Actor, sessionId: number, allowedStates: readonly string[], items: unknown, problems: unknown) => {
      inState(sessionId, allowedStates);
      const id = Number(q.insertChecklist.run(sessionId, JSON.stringify(items), actor.at, actor.userId).lastInsertRowid);
      log(actor, sessionId, 'checklist.saved', { checklistEntryId: id, items, problems });
      return id;
    }),

    /** The physician's own confirmation that the contraindications were asked (the database refuses anybody else). */
    confirmContraindications: db.transaction((actor: Actor, sessionId: number, allowedStates: readonly string[], absoluteFound: boolean) => {
      inState(sessionId, allowedStates);
      const id = Number(q.insertContraindications.run(sessionId, absoluteFound ? 1 : 0, actor.at, actor.userId).lastInsertRowid);
      log(actor, sessionId, 'checklist.contraindicationsConfirmed', { confirmationId: id, absoluteContraindicationFound: absoluteFound });
      return id;
    }),

    recordObservation: db.transaction((actor: Actor, sessionId: number, allowedStates: readonly string[], o: StoredObservation) => {
      inState(sessionId, allowedStates);
      return insertObservation(actor, sessionId, o);
    }),

    /** A round of observations: all rows and their audit entries in one transaction, or none. */
    recordObservations: db.transaction((actor: Actor, sessionId: number, allowedStates: readonly string[], list: readonly StoredObservation[]) => {
      inState(sessionId, allowedStates);
      return list.map((o) => insertObservation(actor, sessionId, o));
    }),

    recordDischargeScore: db.transaction(
      (
        actor: Actor,
        sessionId: number,
        s: { scale: string; answers: Record<string, number>; total: number; maxPoints: number; threshold: number; complete: boolean; otherScaleReason?: string },
      ) => {
        inState(sessionId, ['postObservation']);
        const id = Number(
          q.insertScore.run(sessionId, s.scale, JSON.stringify(s.answers), s.total, s.maxPoints, s.threshold, s.complete ? 1 : 0, actor.at, actor.userId, s.otherScaleReason ?? null)
            .lastInsertRowid,
        );
        log(actor, sessionId, 'discharge.scoreRecorded', { dischargeScoreId: id, ...s });
        return id;
      },
    ),

    confirmEscort: db.transaction((actor: Actor, sessionId: number, escort: unknown, complete: boolean) => {
      inState(sessionId, ['running', 'paused', 'postObservation']);
      const id = Number(q.insertEscort.run(sessionId, JSON.stringify(escort), complete ? 1 : 0, actor.at, actor.userId).lastInsertRowid);
      log(actor, sessionId, 'discharge.escortConfirmed', { escortConfirmationId: id, escort, complete });
      return id;
    }),

    recordDischargeStep: db.transaction(
      (actor: Actor, sessionId: number, kind: 'instructionsAcknowledged' | 'physicianRelease', detail: unknown) => {
        inState(sessionId, ['postObservation']);
        q.insertStep.run(sessionId, kind, null, actor.at, actor.userId, null);
        log(actor, sessionId, kind === 'physicianRelease' ? 'discharge.physicianReleased' : 'discharge.instructionsAcknowledged', detail);
      },
    ),

    /** The signature covers the content as stored now: its hash goes into the signature row and the audit entry. */
    signSession: db.transaction((actor: Actor, sessionId: number) => {
      const s = seal.seal(sessionId);
      q.insertSignature.run({ ...s, at: actor.at, userId: actor.userId, parts: canonicalJson(s.parts) });
      if (q.sign.run(actor.at, actor.userId, sessionId).changes !== 1) throw new ConflictError('the session is already signed');
      const { version, contentHash, parts, vitalsFrom, vitalsTo } = s;
      log(actor, sessionId, 'session.signed', { contentVersion: version, contentHash, parts, vitalsFrom, vitalsTo });
    }),

    /** Signed on its own: the hash covers the amendment and the signature hash it amends. */
    amendSession: db.transaction(
      (actor: Actor, sessionId: number, a: { target: string; targetId: number | null; correction: string; reason: string }) => {
        const id = q.nextAmendmentId.get() as number;
        const amends = seal.signedHash(sessionId);
        const { target, targetId, correction, reason } = a;
        const content = { id, sessionId, target, targetId, correction, reason, signedAt: actor.at, signedBy: actor.userId as number, amends };
        const contentHash = seal.amendmentHash(content);
        q.insertAmendment.run(id, sessionId, a.target, a.targetId, a.correction, a.reason, actor.at, actor.userId, amends, contentHash);
        log(actor, sessionId, 'session.amended', { amendmentId: id, ...a, amends, contentHash });
        return id;
      },
    ),
  };
}
