/**
 * Structured corrections of dose events (issue 10 point 9): one signed amendment (physician, reason, the words of
 * the correction) plus its machine-readable part, old → new value of one field, in one transaction with the audit
 * entry. The dose event itself is never changed: the dose computation applies the corrections.
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { Actor } from './users';

export interface DoseAmendmentInsert {
  doseEventId: number;
  field: 'rateMlPerH' | 'amount' | 'at';
  oldValue: number;
  newValue: number;
  /** The correction in words, as every amendment has one. */
  correction: string;
  reason: string;
}

export interface DoseAmendmentRecord {
  amendmentId: number;
  doseEventId: number;
  field: DoseAmendmentInsert['field'];
  oldValue: number;
  newValue: number;
}

const IN_IDS = 'IN (SELECT value FROM json_each(@ids))';

/** The one path that writes an amendment with its content hash (sessionWrite's amendSession). */
type AmendSession = (actor: Actor, sessionId: number, a: { target: string; targetId: number | null; correction: string; reason: string }) => number;

export function createDoseAmendmentsRepo(db: DB, audit: AuditLog, amendSession: AmendSession) {
  const q = {
    insertDetail: db.prepare('INSERT INTO dose_amendments (amendment_id, session_id, dose_event_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)'),
  };
  return {
    amendDoseEvent: db.transaction((actor: Actor, sessionId: number, a: DoseAmendmentInsert) => {
      const amendmentId = amendSession(actor, sessionId, { target: 'doseEvent', targetId: a.doseEventId, correction: a.correction, reason: a.reason });
      q.insertDetail.run(amendmentId, sessionId, a.doseEventId, a.field, a.oldValue, a.newValue);
      audit.append({ at: actor.at, userId: actor.userId, action: 'session.doseEventAmended', entity: 'session', entityId: sessionId, detail: { amendmentId, ...a } });
      return amendmentId;
    }),
  };
}

/** The sessions' dose corrections in signing order (for the session bundles). */
export function createDoseAmendmentReader(db: DB) {
  const list = db.prepare(`SELECT amendment_id, session_id, dose_event_id, field, old_value, new_value FROM dose_amendments
    WHERE session_id ${IN_IDS} ORDER BY session_id, amendment_id`);
  return (ids: readonly number[]): Map<number, DoseAmendmentRecord[]> => {
    const out = new Map<number, DoseAmendmentRecord[]>();
    for (const r of list.all({ ids: JSON.stringify(ids) }) as Record<string, unknown>[]) {
      const rows = out.get(r.session_id as number) ?? [];
      rows.push({
        amendmentId: r.amendment_id as number,
        doseEventId: r.dose_event_id as number,
        field: r.field as DoseAmendmentRecord['field'],
        oldValue: r.old_value as number,
        newValue: r.new_value as number,
      });
      out.set(r.session_id as number, rows);
    }
    return out;
  };
}
