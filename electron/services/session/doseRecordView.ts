/**
 * What a screen sees of the dose record: each dose event as recorded with its signed corrections and the order it
 * carried out, and the physician's rate orders with their status (pending until the pump runs at them).
 */
import type { SessionDetail, SessionSummary } from '../../../core/api/methods/sessionSchemas';
import { applyDoseAmendments, type RecordedDoseEvent } from '../../../core/dose/amendments';
import { mlPerHToMgPerKgPerH } from '../../../core/dose/rate';
import { pendingRateOrder, rateOrderStatus, type RateOrder } from '../../../core/dose/rateOrders';
import type { DoseEvent } from '../../../core/dose/timeline';
import type { PrescriptionRow, SessionBundle } from '../../../db/repos/sessionRead';

type DoseRow = Pick<SessionBundle['doseEvents'][number], 'id' | 'kind' | 'at' | 'rateMlPerH' | 'amount' | 'unit'>;

/** Stored dose rows (a bundle's or the review's) as core's recorded events. */
export function recordedDoseEvents(rows: readonly DoseRow[]): RecordedDoseEvent[] {
  return rows.map((e): RecordedDoseEvent => {
    switch (e.kind) {
      case 'start':
      case 'rateChange':
        return { id: e.id, kind: e.kind, at: e.at, rateMlPerH: e.rateMlPerH ?? 0 };
      case 'bolus':
        return { id: e.id, kind: 'bolus', at: e.at, amount: e.amount ?? 0, unit: e.unit ?? 'ml' };
      default:
        return { id: e.id, kind: e.kind, at: e.at };
    }
  });
}

/** The dose timeline as the dose computation uses it: recorded events with every signed correction applied. */
export function correctedDoseEvents(bundle: SessionBundle): DoseEvent[] {
  return applyDoseAmendments(recordedDoseEvents(bundle.doseEvents), bundle.doseAmendments).map(({ id: _id, ...e }) => e as DoseEvent);
}

function ordersOf(bundle: SessionBundle): RateOrder[] {
  return bundle.rateOrders.map((o) => ({ id: o.id, rateMlPerH: o.rateMlPerH, orderedAt: o.ordered.at, confirmation: o.confirmation }));
}

export function pendingOrderSummary(bundle: SessionBundle): SessionSummary['pendingRateOrder'] {
  const pending = pendingRateOrder(ordersOf(bundle), bundle.session.stoppedAt);
  const row = pending && bundle.rateOrders.find((o) => o.id === pending.id);
  return row ? { id: row.id, rateMlPerH: row.rateMlPerH, ordered: row.ordered } : null;
}

export function rateOrderRows(bundle: SessionBundle, prescription: PrescriptionRow | null): SessionDetail['rateOrders'] {
  const orders = ordersOf(bundle);
  return bundle.rateOrders.map((o, i) => ({
    id: o.id,
    rateMlPerH: o.rateMlPerH,
    rateMgPerKgPerH: prescription ? mlPerHToMgPerKgPerH(o.rateMlPerH, prescription).mgPerKgPerH : null,
    reason: o.reason,
    ordered: o.ordered,
    status: rateOrderStatus(orders[i]!, orders, bundle.session.stoppedAt),
    confirmation: o.confirmation ? { at: o.confirmation.at, via: o.confirmation.via, by: o.confirmation.by, pumpRateMlPerH: o.confirmation.pumpRateMlPerH } : null,
  }));
}

export function doseEventRows(bundle: SessionBundle, latest: PrescriptionRow | null): SessionDetail['doseEvents'] {
  return bundle.doseEvents.map(({ prescriptionId, ...e }) => {
    const owner = bundle.prescriptions.find((x) => x.id === prescriptionId) ?? latest;
    const order = bundle.rateOrders.find((o) => o.confirmation?.doseEventId === e.id);
    return {
      ...e,
      rateMgPerKgPerH: e.rateMlPerH !== null && owner ? mlPerHToMgPerKgPerH(e.rateMlPerH, owner).mgPerKgPerH : null,
      corrections: bundle.doseAmendments
        .filter((a) => a.doseEventId === e.id)
        .map((a) => ({ amendmentId: a.amendmentId, field: a.field, oldValue: a.oldValue, newValue: a.newValue })),
      order: order?.confirmation ? { id: order.id, ordered: order.ordered, via: order.confirmation.via } : null,
    };
  });
}
