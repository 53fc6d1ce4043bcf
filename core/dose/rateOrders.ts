/**
 * A rate the physician orders (possibly from another station) is only an order until the pump runs at it: it stays
 * "pending" until the MFA confirms she set the pump, or the pump's own read-back shows the ordered rate. Only then
 * does the rate enter the dose timeline, at the confirmation time (the pump ran at the old rate until then).
 */
export type RateConfirmationVia = 'mfa' | 'pumpReadback';

export interface RateOrder {
  id: number;
  rateMlPerH: number;
  orderedAt: number;
  confirmation: { at: number; via: RateConfirmationVia } | null;
}

/** pending: waiting for the pump; superseded: a newer order came first; cancelled: the infusion stopped first. */
export type RateOrderStatus = 'pending' | 'confirmed' | 'superseded' | 'cancelled';

/** Orders in the order they were given; `stoppedAt` when the infusion has stopped. */
export function rateOrderStatus(order: RateOrder, orders: readonly RateOrder[], stoppedAt: number | null): RateOrderStatus {
  if (order.confirmation) return 'confirmed';
  if (orders.some((o) => o.id > order.id)) return 'superseded';
  return stoppedAt !== null ? 'cancelled' : 'pending';
}

/** The one order still waiting for the pump, if any. */
export function pendingRateOrder(orders: readonly RateOrder[], stoppedAt: number | null): RateOrder | null {
  const last = orders[orders.length - 1];
  return last && rateOrderStatus(last, orders, stoppedAt) === 'pending' ? last : null;
}

/** The pump's read-back shows the ordered rate: equal within half the pump's step (it cannot be set finer). */
export function pumpShowsOrderedRate(pumpRateMlPerH: number, order: RateOrder, resolutionMlPerH: number): boolean {
  return Number.isFinite(pumpRateMlPerH) && Math.abs(pumpRateMlPerH - order.rateMlPerH) <= resolutionMlPerH / 2 + 1e-9;
}
