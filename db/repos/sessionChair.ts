/**
 * Moving a session to another chair before its infusion starts (issue 14 follow-up): one transaction with its audit
 * entry naming both chairs. The status and the target chair are checked again inside the transaction (another
 * station may have started the infusion or seated a patient there meanwhile); migration 0206 refuses it whatever
 * the caller.
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import { ConflictError } from './sessionWrite';
import type { Actor } from './users';

export interface ChairMove {
  sessionId: number;
  /** The status the caller's decision was based on. */
  from: string;
  fromChairId: number;
  toChairId: number;
}

export function createSessionChairRepo(db: DB, audit: AuditLog) {
  const chairName = db.prepare('SELECT name FROM chairs WHERE id = ?').pluck();
  const move = db.prepare('UPDATE infusion_sessions SET chair_id = @toChairId WHERE id = @sessionId AND state = @from AND chair_id = @fromChairId');
  return {
    moveSessionChair: db.transaction((actor: Actor, m: ChairMove) => {
      if (move.run(m).changes !== 1) throw new ConflictError('the session changed meanwhile; reload it');
      audit.append({
        at: actor.at,
        userId: actor.userId,
        action: 'session.chairMoved',
        entity: 'session',
        entityId: m.sessionId,
        // Names as the staff knew the chairs then (a chair may be renamed later), ids to find its vitals.
        detail: { fromChair: chairName.get(m.fromChairId), toChair: chairName.get(m.toChairId), fromChairId: m.fromChairId, toChairId: m.toChairId },
      });
    }),
  };
}
