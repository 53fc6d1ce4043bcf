/**
 * Rate orders (issue 10 point 8): the physician's ordered rate, pending until the MFA confirms she set the pump or
 * the pump's read-back shows it. The confirmation writes the rate change into the dose timeline at that moment, in
 * one transaction with the confirmation row and its audit entry. A second confirmation of the same order (MFA and
 * pump at once) is a conflict, never a second rate change.
 */
import type { AuditLog } from '../audit';
import type { DB } from '../open';
import type { StampRow } from './patients';
import { ConflictError } from './sessionWrite';
import type { Actor } from './users';

export interface RateOrderRecord {
  id: number;
  rateMlPerH: number;
  reason: string | null;
  ordered: StampRow;
  confirmation: { at: number; via: 'mfa' | 'pumpReadback'; by: StampRow | null; pumpRateMlPerH: number | null; doseEventId: number } | null;
}

export interface RateConfirmation {
  orderId: number;
  at: number;
  via: 'mfa' | 'pumpReadback';
  /** The pump's read-back (via pumpReadback). */
  pumpRateMlPerH?: number;
}

const IN_IDS = 'IN (SELECT value FROM json_each(@ids))';

export function createRateOrdersRepo(db: DB, audit: AuditLog) {
  const q = {
    state: db.prepare('SELECT state FROM infusion_sessions WHERE id = ?').pluck(),
    insertOrder: db.prepare('INSERT INTO rate_orders (session_id, rate_ml_per_h, reason, ordered_at, ordered_by) VALUES (?, ?, ?, ?, ?)'),
    order: db.prepare('SELECT * FROM rate_orders WHERE id = ? AND session_id = ?'),
    newer: db.prepare('SELECT count(*) FROM rate_orders WHERE session_id = ? AND id > ?').pluck(),
    confirmed: db.prepare('SELECT count(*) FROM rate_confirmations WHERE order_id = ?').pluck(),
    latestPrescription: db.prepare('SELECT max(id) FROM prescriptions WHERE session_id = ?').pluck(),
    insertDoseEvent: db.prepare(
      `INSERT INTO dose_events (session_id, prescription_id, kind, at, rate_ml_per_h, reason, recorded_by) VALUES (?, ?, 'rateChange', ?, ?, ?, ?)`,
    ),
    insertConfirmation: db.prepare(
      'INSERT INTO rate_confirmations (order_id, session_id, dose_event_id, via, at, confirmed_by, pump_rate_ml_per_h) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    touch: db.prepare('UPDATE infusion_sessions SET last_event_at = max(coalesce(last_event_at, 0), ?) WHERE id = ?'),
  };

  const log = (actor: Actor, sessionId: number, action: string, detail: unknown) =>
    audit.append({ at: actor.at, userId: actor.userId, action, entity: 'session', entityId: sessionId, detail });

  const inState = (sessionId: number, allowed: readonly string[]) => {
    const state = q.state.get(sessionId) as string | undefined;
    if (state === undefined) throw new ConflictError(`there is no session ${sessionId}`);
    if (!allowed.includes(state)) throw new ConflictError(`the session is now ${state}`);
  };

  return {
    /** A physician's rate order while the infusion runs or is paused; nothing enters the dose timeline yet. */
    orderRate: db.transaction((actor: Actor, sessionId: number, state: string, o: { rateMlPerH: number; reason: string | null; detail: unknown }) => {
      inState(sessionId, [state]);
      const id = Number(q.insertOrder.run(sessionId, o.rateMlPerH, o.reason, actor.at, actor.userId).lastInsertRowid);
      log(actor, sessionId, 'rateOrder.ordered', { rateOrderId: id, rateMlPerH: o.rateMlPerH, reason: o.reason, ...(o.detail as object) });
      return id;
    }),

    /**
     * The pump runs at the ordered rate: the rate change enters the dose timeline now. `actor.userId` is the MFA,
     * or null for the pump's read-back (the dose event then names the ordering physician).
     */
    confirmRate: db.transaction((actor: Actor, sessionId: number, c: RateConfirmation) => {
      inState(sessionId, ['running', 'paused']);
      const order = q.order.get(c.orderId, sessionId) as { rate_ml_per_h: number; ordered_by: number } | undefined;
      if (!order) throw new ConflictError(`session ${sessionId} has no rate order ${c.orderId}`);
      if ((q.confirmed.get(c.orderId) as number) > 0) throw new ConflictError(`rate order ${c.orderId} is already confirmed`);
      if ((q.newer.get(sessionId, c.orderId) as number) > 0) throw new ConflictError(`rate order ${c.orderId} was replaced by a newer order`);
      const prescriptionId = q.latestPrescription.get(sessionId) as number;
      const by = c.via === 'mfa' ? actor.userId : order.ordered_by;
      // No reason text: the confirmation row (order, via) is the structured reason, said in each reader's language.
      const doseEventId = Number(q.insertDoseEvent.run(sessionId, prescriptionId, c.at, order.rate_ml_per_h, null, by).lastInsertRowid);
      q.insertConfirmation.run(c.orderId, sessionId, doseEventId, c.via, c.at, c.via === 'mfa' ? actor.userId : null, c.pumpRateMlPerH ?? null);
      q.touch.run(c.at, sessionId);
      log(actor, sessionId, 'rateOrder.confirmed', { rateOrderId: c.orderId, doseEventId, via: c.via, rateMlPerH: order.rate_ml_per_h, pumpRateMlPerH: c.pumpRateMlPerH ?? null });
      return doseEventId;
    }),

  };
}

/** Rate orders of the sessions with their confirmation, per session in order (for the session bundles). */
export function createRateOrderReader(db: DB) {
  const orders = db.prepare(`SELECT o.*, u.display_name AS by_name, c.at AS c_at, c.via, c.confirmed_by, cu.display_name AS c_name,
      c.pump_rate_ml_per_h, c.dose_event_id
    FROM rate_orders o JOIN users u ON u.id = o.ordered_by
    LEFT JOIN rate_confirmations c ON c.order_id = o.id LEFT JOIN users cu ON cu.id = c.confirmed_by
    WHERE o.session_id ${IN_IDS} ORDER BY o.session_id, o.id`);
  return (ids: readonly number[]): Map<number, RateOrderRecord[]> => {
    const out = new Map<number, RateOrderRecord[]>();
    for (const r of orders.all({ ids: JSON.stringify(ids) }) as Record<string, unknown>[]) {
      const list = out.get(r.session_id as number) ?? [];
      list.push({
        id: r.id as number,
        rateMlPerH: r.rate_ml_per_h as number,
        reason: r.reason as string | null,
        ordered: { userId: r.ordered_by as number, userName: r.by_name as string, at: r.ordered_at as number },
        confirmation:
          r.c_at == null
            ? null
            : {
                at: r.c_at as number,
                via: r.via as 'mfa' | 'pumpReadback',
                by: r.confirmed_by == null ? null : { userId: r.confirmed_by as number, userName: r.c_name as string, at: r.c_at as number },
                pumpRateMlPerH: r.pump_rate_ml_per_h as number | null,
                doseEventId: r.dose_event_id as number,
              },
      });
      out.set(r.session_id as number, list);
    }
    return out;
  };
}
