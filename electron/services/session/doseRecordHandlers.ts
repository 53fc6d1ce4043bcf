/**
 * The dose record calls (issue 10 points 8, 9): confirming at the pump a rate the physician ordered, and a
 * physician's structured correction of a dose event. Glue around core/dose/rateOrders.ts and amendments.ts; each
 * write is one transaction with its audit entry; refusals name every reason and write nothing.
 */
import { AppError } from '../../../core/api/envelope';
import type { SessionDetail } from '../../../core/api/methods/sessionSchemas';
import { applyDoseAmendments, currentValue, doseAmendmentProblems, type AmendableField, type RecordedDoseEvent } from '../../../core/dose/amendments';
import { rateOrderStatus, type RateOrder } from '../../../core/dose/rateOrders';
import { problem } from '../../../core/messages';
import type { DbClient } from '../../../db/client';
import type { SessionBundle } from '../../../db/repos/sessionRead';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import { guarded, refused } from './guarded';
import { announceAmendment, type SigningDeps } from './signingHandlers';

export type DoseRecordMethods = 'infusion.confirmRate' | 'sessions.amendDoseEvent';

export interface DoseRecordDeps {
  db: DbClient;
  now: () => number;
  bundleOf: (sessionId: number) => Promise<SessionBundle>;
  changed: (sessionId: number) => Promise<SessionDetail>;
  notSigned: (b: SessionBundle) => void;
  verifyPassword: (userId: number, password: string) => Promise<boolean>;
  onInfusion?: (chairId: number, input: { sessionId: number | null; running: boolean; documentedRateMlH: number | null }) => void;
  onAmended?: SigningDeps['onAmended'];
}

export function ordersOf(b: SessionBundle): RateOrder[] {
  return b.rateOrders.map((o) => ({ id: o.id, rateMlPerH: o.rateMlPerH, orderedAt: o.ordered.at, confirmation: o.confirmation }));
}

/** The recorded events with their ids, in the shape core/dose/amendments.ts checks. */
function recordedEvents(b: SessionBundle): RecordedDoseEvent[] {
  return b.doseEvents.map((e) =>
    e.kind === 'start' || e.kind === 'rateChange'
      ? { id: e.id, kind: e.kind, at: e.at, rateMlPerH: e.rateMlPerH ?? 0 }
      : e.kind === 'bolus'
        ? { id: e.id, kind: 'bolus', at: e.at, amount: e.amount ?? 0, unit: e.unit ?? 'ml' }
        : { id: e.id, kind: e.kind, at: e.at },
  );
}

const FIELD_UNIT: Record<AmendableField, string> = { rateMlPerH: 'ml/h', amount: '', at: '' };

export function createDoseRecordHandlers(deps: DoseRecordDeps): HandlersFor<DoseRecordMethods> {
  const { db, now } = deps;
  return {
    'infusion.confirmRate': async ({ sessionId, orderId }, ctx) => {
      const user = userOf(ctx);
      const b = await deps.bundleOf(sessionId);
      deps.notSigned(b);
      const orders = ordersOf(b);
      const order = orders.find((o) => o.id === orderId);
      if (!order) throw new AppError('NOT_FOUND', `session ${sessionId} has no rate order ${orderId}`);
      const status = rateOrderStatus(order, orders, b.session.stoppedAt);
      if (status !== 'pending') throw refused(`order ${orderId} is ${status}`, [problem('rateOrder.notPending', { orderId, status })]);
      await guarded(db.call('confirmRate', { userId: user.id, at: now() }, sessionId, { orderId, at: now(), via: 'mfa' }));
      if (b.session.state === 'running') deps.onInfusion?.(b.session.chairId, { sessionId, running: true, documentedRateMlH: order.rateMlPerH });
      return deps.changed(sessionId);
    },

    'sessions.amendDoseEvent': async ({ sessionId, doseEventId, field, newValue, reason, password }, ctx) => {
      const user = userOf(ctx);
      const b = await deps.bundleOf(sessionId);
      const events = recordedEvents(b);
      if (!events.some((e) => e.id === doseEventId)) throw new AppError('NOT_FOUND', `session ${sessionId} has no dose event ${doseEventId}`);
      const earlier = b.doseAmendments.map((a) => ({ doseEventId: a.doseEventId, field: a.field, newValue: a.newValue }));
      const problems = [
        ...doseAmendmentProblems(events, earlier, { doseEventId, field, newValue }, now()),
        ...(reason.trim() ? [] : [problem('amendment.reasonMissing')]),
      ];
      if (problems.length > 0) throw new AppError('BAD_INPUT', problems.map((p) => p.message).join('; '), problems);
      if (!(await deps.verifyPassword(user.id, password))) throw refused('the password is not correct', [problem('signature.passwordWrong')]);
      const target = applyDoseAmendments(events, earlier).find((e) => e.id === doseEventId)!;
      const oldValue = currentValue(target, field)!;
      const unit = field === 'amount' && target.kind === 'bolus' ? target.unit : FIELD_UNIT[field];
      const show = (v: number) => (field === 'at' ? new Date(v).toISOString() : `${v} ${unit}`.trim());
      const amendmentId = await guarded(
        db.call('amendDoseEvent', { userId: user.id, at: now() }, sessionId, {
          doseEventId,
          field,
          oldValue,
          newValue,
          correction: `${target.kind} #${doseEventId} ${field}: ${show(oldValue)} → ${show(newValue)}`,
          reason: reason.trim(),
        }),
      );
      announceAmendment(deps.onAmended, sessionId, amendmentId);
      return deps.changed(sessionId);
    },
  };
}
