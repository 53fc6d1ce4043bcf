/**
 * The physician's worklist (issue 12 item 4): sessions waiting for her prescription, release or signature, in the
 * order she should take them. Overdue signatures first (the record is to be completed "in unmittelbarem zeitlichen
 * Zusammenhang", § 630f BGB; how long that is, is the clinic setting signatureOverdueHours), then patients waiting on
 * a chair (release before prescription: the released patient leaves), then signatures not yet overdue; oldest first.
 */
import type { SessionStatus } from './stateMachine';

export type Awaiting = 'release' | 'prescription' | 'signature';

/** What the worklist needs to know of one session. */
export interface WorklistCandidate {
  id: number;
  status: SessionStatus;
  signed: boolean;
  hasPrescription: boolean;
  /** A physician's release or override is recorded. */
  released: boolean;
  checkedInAt: number | null;
  stoppedAt: number | null;
  dischargedAt: number | null;
  lastEventAt: number | null;
  plannedFor: number;
}

export interface WorklistEntry {
  sessionId: number;
  awaiting: Awaiting;
  /** Since when it waits for the physician. */
  since: number;
  overdue: boolean;
}

const FINISHED: readonly SessionStatus[] = ['discharged', 'transferred', 'cancelled'];
const BEFORE_START: readonly SessionStatus[] = ['checkedIn', 'checklistComplete'];

/** What the session waits for from a physician, or null. */
export function awaitingOf(c: WorklistCandidate): { awaiting: Awaiting; since: number } | null {
  if (FINISHED.includes(c.status)) {
    return c.signed ? null : { awaiting: 'signature', since: c.dischargedAt ?? c.stoppedAt ?? c.lastEventAt ?? c.plannedFor };
  }
  if (c.status === 'postObservation' && !c.released) return { awaiting: 'release', since: c.stoppedAt ?? c.lastEventAt ?? c.plannedFor };
  if (BEFORE_START.includes(c.status) && !c.hasPrescription) return { awaiting: 'prescription', since: c.checkedInAt ?? c.plannedFor };
  return null;
}

const RANK = (e: WorklistEntry) => (e.overdue ? 0 : { release: 1, prescription: 2, signature: 3 }[e.awaiting]);

export function worklistOf(candidates: readonly WorklistCandidate[], now: number, signatureOverdueHours: number): WorklistEntry[] {
  const overdueAfterMs = signatureOverdueHours * 3_600_000;
  const entries: WorklistEntry[] = [];
  for (const c of candidates) {
    const a = awaitingOf(c);
    if (a) entries.push({ sessionId: c.id, ...a, overdue: a.awaiting === 'signature' && now - a.since > overdueAfterMs });
  }
  return entries.sort((x, y) => RANK(x) - RANK(y) || x.since - y.since || x.sessionId - y.sessionId);
}
