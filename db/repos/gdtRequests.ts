/**
 * A request from the PVS (an accepted 6301/6302) plans the session by itself (migration 0200), with the system as
 * the actor (userId null) and its audit entries in the caller's transaction:
 * - a session of the patient already planned (not cancelled) on the requested day answers it: the same file read
 *   twice, or a 6301 and a 6302 for the same visit, plan once;
 * - else the patient's newest course with infusions left gets a planned session that day, on the chair with the
 *   fewest sessions planned that day (the lowest number on a tie);
 * - else the request waits for the physician ("Anforderung ohne Kurs") and is planned when a course is created.
 * Days are the clinic's local days (the process's time zone), as everywhere in the app.
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { Actor } from './users';

type PlanSession = (actor: Actor, p: { courseId: number; chairId: number; plannedFor: number }) => number;

/** A future day's session is planned for this local hour; today's for the moment the request is planned. */
const DAY_START_HOUR = 8;

export interface GdtRequestRow {
  fileId: number;
  partnerId: number;
  at: number;
  recordType: '6301' | '6302';
  patientId: number;
  patientName: string;
  pvsNumber: string;
  /** The day asked for (YYYY-MM-DD). */
  requestedFor: string | null;
  /** The planned session that answers it; null: waiting for a course. */
  sessionId: number | null;
  sessionNumber: number | null;
  plannedFor: number | null;
}

export interface RequestPlan {
  fileId: number;
  sessionId: number;
  chairId: number;
  how: 'planned' | 'alreadyPlanned';
}

/** The local day of a time (YYYY-MM-DD). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function dayBounds(day: string): { from: number; to: number; morning: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { from: new Date(y, m - 1, d).getTime(), to: new Date(y, m - 1, d + 1).getTime(), morning: new Date(y, m - 1, d, DAY_START_HOUR).getTime() };
}

export function createGdtRequestPlanner(db: DB, audit: AuditLog, planSession: PlanSession) {
  const q = {
    sameDay: db.prepare(`SELECT id, chair_id AS chairId FROM infusion_sessions WHERE patient_id = ? AND state <> 'cancelled'
      AND planned_for >= ? AND planned_for < ? ORDER BY id LIMIT 1`),
    openCourse: db.prepare(`SELECT c.id FROM courses c WHERE c.patient_id = ?
      AND c.planned_infusions > (SELECT count(*) FROM infusion_sessions s WHERE s.course_id = c.id AND s.state <> 'cancelled')
      ORDER BY c.id DESC LIMIT 1`).pluck(),
    quietestChair: db.prepare(`SELECT c.id FROM chairs c ORDER BY (SELECT count(*) FROM infusion_sessions s WHERE s.chair_id = c.id
      AND s.state <> 'cancelled' AND s.planned_for >= ? AND s.planned_for < ?), c.id LIMIT 1`).pluck(),
    insertPlan: db.prepare('INSERT INTO gdt_request_plans (file_id, session_id, at, how) VALUES (?, ?, ?, ?)'),
    waiting: db.prepare(`SELECT f.id, f.requested_for AS requestedFor FROM gdt_files f
      WHERE f.patient_id = ? AND f.direction = 'in' AND f.outcome = 'accepted' AND f.record_type IN ('6301', '6302')
        AND NOT EXISTS (SELECT 1 FROM gdt_request_plans r WHERE r.file_id = f.id) ORDER BY f.id`),
    // A planned request is open until its session is signed or cancelled; a waiting one until it is planned, or a
    // result (6310) for its patient was written after it (the clinic answered it otherwise).
    open: db.prepare(`SELECT f.id AS fileId, f.partner_id AS partnerId, f.at, f.record_type AS recordType, f.patient_id AS patientId,
        p.family_name || ', ' || p.given_name AS patientName, m.pvs_number AS pvsNumber, f.requested_for AS requestedFor,
        r.session_id AS sessionId, s.session_number AS sessionNumber, s.planned_for AS plannedFor
      FROM gdt_files f JOIN patients p ON p.id = f.patient_id
      JOIN pvs_patients m ON m.partner_id = f.partner_id AND m.patient_id = f.patient_id
      LEFT JOIN gdt_request_plans r ON r.file_id = f.id LEFT JOIN infusion_sessions s ON s.id = r.session_id
      WHERE f.direction = 'in' AND f.outcome = 'accepted' AND f.record_type IN ('6301', '6302')
        AND CASE WHEN s.id IS NOT NULL THEN s.signed_at IS NULL AND s.state <> 'cancelled'
          ELSE NOT EXISTS (SELECT 1 FROM gdt_files o WHERE o.patient_id = f.patient_id AND o.partner_id = f.partner_id
                           AND o.direction = 'out' AND o.outcome = 'written' AND o.id > f.id) END
      ORDER BY f.id`),
  };

  /** Plans (or finds) the session for one stored request; null when the patient has no course with infusions left. */
  const planRequest = (actor: Actor, fileId: number, patientId: number, requestedFor: string | null): RequestPlan | null => {
    // A day gone by (a request that waited for its course) is planned for today.
    const today = localDay(actor.at);
    const day = requestedFor !== null && requestedFor > today ? requestedFor : today;
    const { from, to, morning } = dayBounds(day);
    const record = (sessionId: number, chairId: number, how: RequestPlan['how']): RequestPlan => {
      q.insertPlan.run(fileId, sessionId, actor.at, how);
      audit.append({ at: actor.at, userId: actor.userId, action: 'gdt.requestPlanned', entity: 'gdtFile', entityId: fileId, detail: { sessionId, chairId, how, day } });
      return { fileId, sessionId, chairId, how };
    };
    const same = q.sameDay.get(patientId, from, to) as { id: number; chairId: number } | undefined;
    if (same) return record(same.id, same.chairId, 'alreadyPlanned');
    const courseId = q.openCourse.get(patientId) as number | undefined;
    const chairId = q.quietestChair.get(from, to) as number | undefined;
    if (courseId === undefined || chairId === undefined) return null;
    const plannedFor = day === today ? actor.at : morning;
    return record(planSession(actor, { courseId, chairId, plannedFor }), chairId, 'planned');
  };

  return {
    planGdtRequest: planRequest,
    /** After a course was created: the patient's waiting requests, oldest first (each may find the one before's session). */
    planWaitingGdtRequests: (actor: Actor, patientId: number): RequestPlan[] =>
      (q.waiting.all(patientId) as { id: number; requestedFor: string | null }[])
        .map((w) => planRequest(actor, w.id, patientId, w.requestedFor))
        .filter((p): p is RequestPlan => p !== null),
    openGdtRequests: (): GdtRequestRow[] => q.open.all() as GdtRequestRow[],
  };
}
