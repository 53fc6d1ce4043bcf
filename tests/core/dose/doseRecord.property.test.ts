/**
 * The dose after corrections and with rate orders, against an exact reference: random infusions where the physician
 * orders rates (some confirmed later, some still pending, some replaced), the MFA pauses, resumes and gives boluses,
 * and some rates and bolus amounts are documented wrongly and then corrected by signed amendments. The reference
 * integrates the true pump second by second; the app computes cumulativeDose(applyDoseAmendments(documented)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDoseAmendments, doseAmendmentProblems, type DoseAmendment, type RecordedDoseEvent } from '../../../core/dose/amendments';
import { pendingRateOrder, pumpShowsOrderedRate, rateOrderStatus, type RateOrder } from '../../../core/dose/rateOrders';
import { cumulativeDose, type DoseEvent } from '../../../core/dose/timeline';

const CONC = 2; // mg/ml
const WEIGHT = 70;

type Step =
  | { kind: 'order'; dtS: number; rateTenths: number; confirmAfterS: number | null; wrongTenths: number | null }
  | { kind: 'pause' | 'resume'; dtS: number }
  | { kind: 'bolus'; dtS: number; amountTenths: number; unit: 'ml' | 'mg'; wrongTenths: number | null };

const wrong = fc.option(fc.integer({ min: 1, max: 999 }), { nil: null, freq: 3 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('order' as const), dtS: fc.integer({ min: 0, max: 3600 }), rateTenths: fc.integer({ min: 1, max: 600 }), confirmAfterS: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }), wrongTenths: wrong }),
  fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const), dtS: fc.integer({ min: 0, max: 3600 }) }),
  fc.record({ kind: fc.constant('bolus' as const), dtS: fc.integer({ min: 0, max: 3600 }), amountTenths: fc.integer({ min: 1, max: 100 }), unit: fc.constantFrom('ml' as const, 'mg' as const), wrongTenths: wrong }),
);

interface Built {
  documented: RecordedDoseEvent[];
  amendments: DoseAmendment[];
  orders: RateOrder[];
  /** The true pump: rate (ml/h) from a second on, running or not, boluses (ml). */
  truth: { atS: number; rate?: number; running?: boolean; bolusMl?: number }[];
  endS: number;
}

/** Plays the steps the way the app records them: an order enters the timeline only at its confirmation. */
function build(startTenths: number, startWrong: number | null, steps: Step[]): Built {
  const documented: RecordedDoseEvent[] = [];
  const amendments: DoseAmendment[] = [];
  const orders: RateOrder[] = [];
  const truth: Built['truth'] = [];
  let t = 0;
  let id = 0;
  let running = true;
  const record = (e: DoseEvent, wrongTenths: number | null, trueValue?: number) => {
    const eid = ++id;
    if (wrongTenths !== null && trueValue !== undefined && wrongTenths / 10 !== trueValue) {
      const field = e.kind === 'bolus' ? 'amount' : 'rateMlPerH';
      documented.push({ ...e, id: eid, [field]: wrongTenths / 10 } as RecordedDoseEvent);
      // Sometimes a first correction is itself wrong and corrected again: the later one wins.
      if (wrongTenths % 3 === 0) amendments.push({ doseEventId: eid, field, newValue: trueValue + 0.7 });
      amendments.push({ doseEventId: eid, field, newValue: trueValue });
    } else documented.push({ ...e, id: eid } as RecordedDoseEvent);
  };
  record({ kind: 'start', at: 0, rateMlPerH: startTenths / 10 }, startWrong, startTenths / 10);
  truth.push({ atS: 0, rate: startTenths / 10, running: true });
  for (const s of steps) {
    t += s.dtS;
    if (s.kind === 'order') {
      const order: RateOrder = { id: orders.length + 1, rateMlPerH: s.rateTenths / 10, orderedAt: t * 1000, confirmation: null };
      orders.push(order);
      if (s.confirmAfterS === null) continue; // pending (or replaced by a later order): the pump keeps its rate
      t += s.confirmAfterS;
      order.confirmation = { at: t * 1000, via: 'mfa' };
      record({ kind: 'rateChange', at: t * 1000, rateMlPerH: order.rateMlPerH }, s.wrongTenths, order.rateMlPerH);
      truth.push({ atS: t, rate: order.rateMlPerH });
    } else if (s.kind === 'bolus') {
      if (!running) continue;
      const amount = s.amountTenths / 10;
      record({ kind: 'bolus', at: t * 1000, amount, unit: s.unit }, s.wrongTenths, amount);
      truth.push({ atS: t, bolusMl: s.unit === 'ml' ? amount : amount / CONC });
    } else {
      if ((s.kind === 'pause') !== running) continue;
      running = s.kind === 'resume';
      record({ kind: s.kind, at: t * 1000 }, null);
      truth.push({ atS: t, running });
    }
  }
  return { documented, amendments, orders, truth, endS: t + 600 };
}

/** Second by second: the volume the true pump delivered until endS. */
function referenceMg(b: Built): number {
  let rate = 0;
  let running = false;
  let ml = 0;
  const byS = new Map<number, Built['truth']>();
  for (const x of b.truth) byS.set(x.atS, [...(byS.get(x.atS) ?? []), x]);
  for (let s = 0; s <= b.endS; s++) {
    for (const x of byS.get(s) ?? []) {
      if (x.rate !== undefined) rate = x.rate;
      if (x.running !== undefined) running = x.running;
      if (x.bolusMl !== undefined) ml += x.bolusMl;
    }
    if (s < b.endS && running) ml += rate / 3600;
  }
  return ml * CONC;
}

describe('dose with rate orders and corrections', () => {
  it('equals the true pump: pending orders do not count, confirmed ones from their confirmation, corrections applied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), wrong, fc.array(stepArb, { maxLength: 25 }), (startTenths, startWrong, steps) => {
        const b = build(startTenths, startWrong, steps);
        const corrected = applyDoseAmendments(b.documented, b.amendments).map(({ id: _id, ...e }) => e as DoseEvent);
        const dose = cumulativeDose({ concentrationMgPerMl: CONC, weightKg: WEIGHT, events: corrected }, b.endS * 1000);
        const expected = referenceMg(b);
        expect(dose.totalMg).toBeCloseTo(expected, 6);
        expect(dose.mgPerKg).toBeCloseTo(expected / WEIGHT, 6);
        // The recorded events stay as documented.
        expect(b.documented.every((e) => typeof e.id === 'number')).toBe(true);
        // The order still waiting is the last one, if unconfirmed.
        const last = b.orders.at(-1);
        expect(pendingRateOrder(b.orders, null)).toBe(last && !last.confirmation ? last : null);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rate orders', () => {
  const o = (id: number, confirmedAt?: number): RateOrder => ({ id, rateMlPerH: 10, orderedAt: id * 1000, confirmation: confirmedAt ? { at: confirmedAt, via: 'mfa' } : null });

  it('an order is pending until confirmed, replaced by a newer order, or cancelled by the stop', () => {
    const orders = [o(1, 1500), o(2), o(3)];
    expect(orders.map((x) => rateOrderStatus(x, orders, null))).toEqual(['confirmed', 'superseded', 'pending']);
    expect(rateOrderStatus(o(3), orders, 9000)).toBe('cancelled');
    expect(pendingRateOrder(orders, 9000)).toBeNull();
    expect(pendingRateOrder([], null)).toBeNull();
  });

  it('the pump read-back confirms within half its step, not beyond', () => {
    expect(pumpShowsOrderedRate(10.04, o(1), 0.1)).toBe(true);
    expect(pumpShowsOrderedRate(9.95, o(1), 0.1)).toBe(true);
    expect(pumpShowsOrderedRate(10.1, o(1), 0.1)).toBe(false);
    expect(pumpShowsOrderedRate(Number.NaN, o(1), 0.1)).toBe(false);
  });
});

describe('dose corrections', () => {
  const events: RecordedDoseEvent[] = [
    { id: 1, kind: 'start', at: 0, rateMlPerH: 7.2 },
    { id: 2, kind: 'pause', at: 600_000 },
    { id: 3, kind: 'resume', at: 900_000 },
    { id: 4, kind: 'bolus', at: 1_000_000, amount: 5, unit: 'mg' },
  ];
  const codes = (a: DoseAmendment, earlier: DoseAmendment[] = []) => doseAmendmentProblems(events, earlier, a, 2_000_000).map((p) => p.code);

  it('names what cannot be corrected: a field the event has not, no positive value, no change, a future time, a broken timeline', () => {
    expect(codes({ doseEventId: 2, field: 'rateMlPerH', newValue: 5 })).toEqual(['doseAmendment.fieldNotForKind']);
    expect(codes({ doseEventId: 1, field: 'rateMlPerH', newValue: 0 })).toEqual(['doseAmendment.valueInvalid']);
    expect(codes({ doseEventId: 1, field: 'rateMlPerH', newValue: 7.2 })).toEqual(['doseAmendment.unchanged']);
    expect(codes({ doseEventId: 1, field: 'rateMlPerH', newValue: 8 }, [{ doseEventId: 1, field: 'rateMlPerH', newValue: 8 }])).toEqual(['doseAmendment.unchanged']);
    expect(codes({ doseEventId: 4, field: 'at', newValue: 3_000_000 })).toEqual(['doseAmendment.timeInFuture']);
    expect(codes({ doseEventId: 2, field: 'at', newValue: 950_000 })).toEqual(['dose.timeline.outOfOrder']);
    expect(codes({ doseEventId: 4, field: 'amount', newValue: 3 })).toEqual([]);
  });

  it('a corrected time moves the segment: 7.2 ml/h for 10 min, then paused, becomes 12 min', () => {
    const corrected = applyDoseAmendments(events, [{ doseEventId: 2, field: 'at', newValue: 720_000 }]);
    const dose = cumulativeDose({ concentrationMgPerMl: 1, weightKg: 72, events: corrected }, 900_000);
    expect(dose.infusedMl).toBeCloseTo(7.2 * (12 / 60), 12);
    expect(events[1]!.at).toBe(600_000); // the recorded event is unchanged
  });
});
