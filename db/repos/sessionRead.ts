/**
 * Reading infusion sessions: one session with everything recorded for it (review, live screen), or the light
 * bundles a list or course view needs, for many sessions in a handful of queries.
 */
import type { DB } from '../open';
import { createDoseAmendmentReader, type DoseAmendmentRecord } from './doseAmendments';
import type { StampRow } from './patients';
import { createRateOrderReader, type RateOrderRecord } from './rateOrders';

export interface SessionRow {
  id: number;
  courseId: number;
  patientId: number;
  patientName: string;
  chairId: number;
  chairName: string;
  sessionNumber: number;
  state: string;
  plannedFor: number;
  checkedInAt: number | null;
  startedAt: number | null;
  stoppedAt: number | null;
  lastEventAt: number | null;
  observationEndsAt: number | null;
  dischargedAt: number | null;
  cancelReason: string | null;
  signed: StampRow | null;
}

export interface PrescriptionRow {
  id: number;
  substance: 'esketamine' | 'racemicKetamine';
  concentrationMgPerMl: number;
  weightKg: number;
  targetMgPerKgPerH: number;
  softLimitReason: string | null;
  limitProblems: { code: string; message: string; params?: Record<string, string | number> }[];
  prescribed: StampRow;
}

export interface DoseEventRecord {
  id: number;
  prescriptionId: number;
  kind: 'start' | 'rateChange' | 'pause' | 'resume' | 'stop' | 'bolus';
  at: number;
  rateMlPerH: number | null;
  amount: number | null;
  unit: 'ml' | 'mg' | null;
  reason: string | null;
  by: StampRow;
}

export interface ObservationRecord {
  id: number;
  kind: string;
  at: number;
  data: Record<string, unknown>;
  recorded: StampRow;
}

export interface DischargeScoreRecord {
  id: number;
  scale: 'padss' | 'modifiedPadss' | 'modifiedAldrete';
  answers: Record<string, number>;
  total: number;
  maxPoints: number;
  threshold: number;
  complete: boolean;
  /** Why another scale than the configured one was used. */
  otherScaleReason: string | null;
  recorded: StampRow;
}

export interface SessionBundle {
  session: SessionRow;
  prescriptions: PrescriptionRow[];
  doseEvents: DoseEventRecord[];
  checklist: { items: Record<string, unknown>; saved: StampRow } | null;
  /** The latest physician confirmation of the contraindications. */
  contraindications: { absoluteContraindicationFound: boolean; confirmed: StampRow } | null;
  observations: ObservationRecord[];
  score: DischargeScoreRecord | null;
  escort: { escort: Record<string, unknown>; complete: boolean; confirmed: StampRow } | null;
  steps: { kind: 'instructionsAcknowledged' | 'physicianRelease' | 'override'; reason: string | null; criteria: string[] | null; by: StampRow }[];
  /** The emergency hand-over that ended the session (migration 0070), or null. */
  transfer: { handedOverTo: string; destination: string; reason: string; by: StampRow } | null;
  amendments: { id: number; target: string; targetId: number | null; correction: string; reason: string; signed: StampRow }[];
  /** Physician's rate orders with their confirmation (pending until the pump runs at them). */
  rateOrders: RateOrderRecord[];
  /** Structured corrections of dose events, in signing order. */
  doseAmendments: DoseAmendmentRecord[];
}

export interface SessionFilter {
  chairId?: number;
  courseId?: number;
  from?: number;
  to?: number;
  statuses?: readonly string[];
  /** Only sessions not signed yet (the physician's worklist). */
  unsigned?: boolean;
}

const SESSION_SQL = `SELECT s.id, s.course_id AS courseId, s.patient_id AS patientId,
  p.family_name || ', ' || p.given_name AS patientName, s.chair_id AS chairId, ch.name AS chairName,
  s.session_number AS sessionNumber, s.state, s.planned_for AS plannedFor, s.checked_in_at AS checkedInAt, s.started_at AS startedAt, s.stopped_at AS stoppedAt,
  s.last_event_at AS lastEventAt, s.observation_ends_at AS observationEndsAt, s.discharged_at AS dischargedAt,
  s.cancel_reason AS cancelReason, s.signed_at AS signedAt, s.signed_by AS signedBy, su.display_name AS signedByName
  FROM infusion_sessions s JOIN patients p ON p.id = s.patient_id JOIN chairs ch ON ch.id = s.chair_id
  LEFT JOIN users su ON su.id = s.signed_by`;

/** Ids as one JSON parameter: a prepared statement for any number of sessions. */
const IN_IDS = 'IN (SELECT value FROM json_each(@ids))';

const stamp = (userId: unknown, userName: unknown, at: unknown): StampRow => ({
  userId: userId as number,
  userName: (userName as string | null) ?? '',
  at: at as number,
});

function toSession(r: Record<string, unknown>): SessionRow {
  const { signedAt, signedBy, signedByName, ...rest } = r;
  return { ...(rest as Omit<SessionRow, 'signed'>), signed: signedAt == null ? null : stamp(signedBy, signedByName, signedAt) };
}

export function createSessionReader(db: DB) {
  const q = {
    session: db.prepare(`${SESSION_SQL} WHERE s.id = ?`),
    prescriptions: db.prepare(`SELECT x.*, u.display_name AS by_name FROM prescriptions x JOIN users u ON u.id = x.prescribed_by
      WHERE x.session_id ${IN_IDS} ORDER BY x.id`),
    doseEvents: db.prepare(`SELECT x.*, u.display_name AS by_name FROM dose_events x JOIN users u ON u.id = x.recorded_by
      WHERE x.session_id ${IN_IDS} ORDER BY x.session_id, x.id`),
    checklists: db.prepare(`SELECT x.*, u.display_name AS by_name FROM checklist_entries x JOIN users u ON u.id = x.saved_by
      WHERE x.id IN (SELECT max(id) FROM checklist_entries WHERE session_id ${IN_IDS} GROUP BY session_id)`),
    contraindications: db.prepare(`SELECT x.*, u.display_name AS by_name FROM contraindication_confirmations x
      JOIN users u ON u.id = x.confirmed_by
      WHERE x.id IN (SELECT max(id) FROM contraindication_confirmations WHERE session_id ${IN_IDS} GROUP BY session_id)`),
    observations: db.prepare(`SELECT x.*, u.display_name AS by_name FROM observations x JOIN users u ON u.id = x.recorded_by
      WHERE x.session_id ${IN_IDS} AND (@kind IS NULL OR x.kind = @kind) ORDER BY x.session_id, x.at, x.id`),
    scores: db.prepare(`SELECT x.*, u.display_name AS by_name FROM discharge_scores x JOIN users u ON u.id = x.recorded_by
      WHERE x.id IN (SELECT max(id) FROM discharge_scores WHERE session_id ${IN_IDS} GROUP BY session_id)`),
    escorts: db.prepare(`SELECT x.*, u.display_name AS by_name FROM escort_confirmations x JOIN users u ON u.id = x.confirmed_by
      WHERE x.id IN (SELECT max(id) FROM escort_confirmations WHERE session_id ${IN_IDS} GROUP BY session_id)`),
    steps: db.prepare(`SELECT x.*, u.display_name AS by_name FROM discharge_steps x JOIN users u ON u.id = x.user_id
      WHERE x.session_id ${IN_IDS} ORDER BY x.id`),
    transfers: db.prepare(`SELECT x.*, u.display_name AS by_name FROM session_transfers x JOIN users u ON u.id = x.user_id
      WHERE x.session_id ${IN_IDS} ORDER BY x.id`),
    amendments: db.prepare(`SELECT x.*, u.display_name AS by_name FROM amendments x JOIN users u ON u.id = x.signed_by
      WHERE x.session_id ${IN_IDS} ORDER BY x.id`),
    history: db.prepare(`SELECT a.at, u.display_name AS userName, a.action, a.detail FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.entity = 'session' AND a.entity_id = ? ORDER BY a.seq`),
  };

  const rateOrdersOf = createRateOrderReader(db);
  const doseAmendmentsOf = createDoseAmendmentReader(db);
  type Raw = Record<string, unknown>;
  // One prepared statement per filter shape: a catch-all `(@x IS NULL OR col = @x)` keeps SQLite off the indexes.
  const filteredByShape = new Map<string, ReturnType<DB['prepare']>>();
  const filtered = (filter: SessionFilter): Raw[] => {
    const where = ['s.course_id IS NOT NULL'];
    if (filter.chairId !== undefined) where.push('s.chair_id = @chairId');
    if (filter.courseId !== undefined) where.push('s.course_id = @courseId');
    if (filter.statuses !== undefined) where.push('s.state IN (SELECT value FROM json_each(@statuses))');
    if (filter.from !== undefined) where.push('s.planned_for >= @from');
    if (filter.to !== undefined) where.push('s.planned_for <= @to');
    if (filter.unsigned) where.push('s.signed_at IS NULL');
    const sql = `${SESSION_SQL} WHERE ${where.join(' AND ')} ORDER BY s.planned_for, s.id LIMIT 2000`;
    let statement = filteredByShape.get(sql);
    if (!statement) filteredByShape.set(sql, (statement = db.prepare(sql)));
    const { statuses, unsigned: _unsigned, ...rest } = filter;
    return statement.all({ ...rest, ...(statuses ? { statuses: JSON.stringify(statuses) } : {}) }) as Raw[];
  };
  const group = <T>(rows: Raw[], map: (r: Raw) => T): Map<number, T[]> => {
    const out = new Map<number, T[]>();
    for (const r of rows) {
      const id = r.session_id as number;
      const list = out.get(id) ?? [];
      list.push(map(r));
      out.set(id, list);
    }
    return out;
  };

  const toPrescription = (r: Raw): PrescriptionRow => ({
    id: r.id as number,
    substance: r.substance as PrescriptionRow['substance'],
    concentrationMgPerMl: r.concentration_mg_per_ml as number,
    weightKg: r.weight_kg as number,
    targetMgPerKgPerH: r.target_mg_per_kg_per_h as number,
    softLimitReason: r.soft_limit_reason as string | null,
    limitProblems: JSON.parse(r.limit_problems as string),
    prescribed: stamp(r.prescribed_by, r.by_name, r.prescribed_at),
  });
  const toDoseEvent = (r: Raw): DoseEventRecord => ({
    id: r.id as number,
    prescriptionId: r.prescription_id as number,
    kind: r.kind as DoseEventRecord['kind'],
    at: r.at as number,
    rateMlPerH: r.rate_ml_per_h as number | null,
    amount: r.amount as number | null,
    unit: r.unit as DoseEventRecord['unit'],
    reason: r.reason as string | null,
    by: stamp(r.recorded_by, r.by_name, r.at),
  });
  const toObservation = (r: Raw): ObservationRecord => ({
    id: r.id as number,
    kind: r.kind as string,
    at: r.at as number,
    data: JSON.parse(r.data as string),
    recorded: stamp(r.recorded_by, r.by_name, r.recorded_at),
  });

  /** The sessions' bundles; `full` adds score, escort, steps and amendments (the light one serves lists and courses). */
  function bundles(sessions: SessionRow[], full: boolean): SessionBundle[] {
    if (sessions.length === 0) return [];
    const ids = JSON.stringify(sessions.map((s) => s.id));
    const prescriptions = group(q.prescriptions.all({ ids }) as Raw[], toPrescription);
    const doseEvents = group(q.doseEvents.all({ ids }) as Raw[], toDoseEvent);
    const sessionIds = sessions.map((s) => s.id);
    const [rateOrders, doseAmendments] = [rateOrdersOf(sessionIds), doseAmendmentsOf(sessionIds)];
    const checklists = new Map(
      (q.checklists.all({ ids }) as Raw[]).map((r) => [
        r.session_id as number,
        { items: JSON.parse(r.items as string), saved: stamp(r.saved_by, r.by_name, r.saved_at) },
      ]),
    );
    const contraindications = new Map(
      (q.contraindications.all({ ids }) as Raw[]).map((r) => [
        r.session_id as number,
        { absoluteContraindicationFound: r.absolute_contraindication_found === 1, confirmed: stamp(r.confirmed_by, r.by_name, r.at) },
      ]),
    );
    const observations = group(q.observations.all({ ids, kind: full ? null : 'pain' }) as Raw[], toObservation);
    const scores = full
      ? new Map(
          (q.scores.all({ ids }) as Raw[]).map((r) => [
            r.session_id as number,
            {
              id: r.id as number,
              scale: r.scale as DischargeScoreRecord['scale'],
              answers: JSON.parse(r.answers as string),
              total: r.total as number,
              maxPoints: r.max_points as number,
              threshold: r.threshold as number,
              complete: r.complete === 1,
              otherScaleReason: r.other_scale_reason as string | null,
              recorded: stamp(r.recorded_by, r.by_name, r.at),
            },
          ]),
        )
      : new Map<number, DischargeScoreRecord>();
    const escorts = full
      ? new Map(
          (q.escorts.all({ ids }) as Raw[]).map((r) => [
            r.session_id as number,
            { escort: JSON.parse(r.escort as string), complete: r.complete === 1, confirmed: stamp(r.confirmed_by, r.by_name, r.at) },
          ]),
        )
      : new Map();
    const steps = full
      ? group(q.steps.all({ ids }) as Raw[], (r) => ({
          kind: r.kind as SessionBundle['steps'][number]['kind'],
          reason: r.reason as string | null,
          criteria: r.criteria === null ? null : (JSON.parse(r.criteria as string) as string[]),
          by: stamp(r.user_id, r.by_name, r.at),
        }))
      : new Map();
    // A session is transferred once (its status is final): the row is the hand-over.
    const transfers = full
      ? new Map(
          (q.transfers.all({ ids }) as Raw[]).map((r) => [
            r.session_id as number,
            {
              handedOverTo: r.handed_over_to as string,
              destination: r.destination as string,
              reason: r.reason as string,
              by: stamp(r.user_id, r.by_name, r.at),
            },
          ]),
        )
      : new Map();
    const amendments = full
      ? group(q.amendments.all({ ids }) as Raw[], (r) => ({
          id: r.id as number,
          target: r.target as string,
          targetId: r.target_id as number | null,
          correction: r.correction as string,
          reason: r.reason as string,
          signed: stamp(r.signed_by, r.by_name, r.signed_at),
        }))
      : new Map();
    return sessions.map((session) => ({
      session,
      prescriptions: prescriptions.get(session.id) ?? [],
      doseEvents: doseEvents.get(session.id) ?? [],
      checklist: checklists.get(session.id) ?? null,
      contraindications: contraindications.get(session.id) ?? null,
      observations: observations.get(session.id) ?? [],
      score: scores.get(session.id) ?? null,
      escort: escorts.get(session.id) ?? null,
      steps: steps.get(session.id) ?? [],
      transfer: transfers.get(session.id) ?? null,
      amendments: amendments.get(session.id) ?? [],
      rateOrders: rateOrders.get(session.id) ?? [],
      doseAmendments: doseAmendments.get(session.id) ?? [],
    }));
  }

  const getSession = (id: number): SessionRow | null => {
    const r = q.session.get(id) as Raw | undefined;
    return r ? toSession(r) : null;
  };

  return {
    getSession,
    /** Everything recorded for one session, or null when there is no such session. */
    sessionBundle(id: number): SessionBundle | null {
      const s = getSession(id);
      return s ? bundles([s], true)[0]! : null;
    },
    /** Sessions with what a list line needs (prescriptions, dose events, checklist, pain observations). */
    sessionSummaries(filter: SessionFilter): SessionBundle[] {
      return bundles(filtered(filter).map(toSession), false);
    },
    /** The audit entries of one session, oldest first. */
    sessionHistory: (id: number) => q.history.all(id) as { at: number; userName: string | null; action: string; detail: string }[],
  };
}
