/**
 * Structured corrections of documented dose events (a wrong rate, bolus amount or time): old value → new value,
 * with a reason and a physician's signature. The recorded event stays as it was (append-only); the dose computation
 * applies the corrections in the order they were signed, so the cumulative mg and mg/kg are those after correction.
 */
import { problem } from '../messages';
import type { Problem } from '../settings';
import { validateDoseTimeline, type DoseEvent } from './timeline';

export const AMENDABLE_FIELDS = ['rateMlPerH', 'amount', 'at'] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

export type RecordedDoseEvent = DoseEvent & { id: number };

export interface DoseAmendment {
  doseEventId: number;
  field: AmendableField;
  newValue: number;
}

/** The timeline with every correction applied, in signing order (a later correction of the same field wins). */
export function applyDoseAmendments(events: readonly RecordedDoseEvent[], amendments: readonly DoseAmendment[]): RecordedDoseEvent[] {
  return events.map((e) => amendments.filter((a) => a.doseEventId === e.id).reduce<RecordedDoseEvent>((x, a) => withValue(x, a.field, a.newValue), e));
}

/** The value of `field` in force now (after earlier corrections), or undefined when the event has no such field. */
export function currentValue(event: RecordedDoseEvent, field: AmendableField): number | undefined {
  if (field === 'at') return event.at;
  if (field === 'rateMlPerH') return 'rateMlPerH' in event ? event.rateMlPerH : undefined;
  return event.kind === 'bolus' ? event.amount : undefined;
}

/**
 * Every reason a correction cannot be signed: the field does not belong to the event, the new value is not a
 * positive number or equals the value in force, the time lies in the future, or the corrected timeline is not one a
 * pump can produce (out of order …, named by validateDoseTimeline).
 */
export function doseAmendmentProblems(events: readonly RecordedDoseEvent[], earlier: readonly DoseAmendment[], a: DoseAmendment, now: number): Problem[] {
  const current = applyDoseAmendments(events, earlier);
  const target = current.find((e) => e.id === a.doseEventId);
  if (!target) return [];
  const old = currentValue(target, a.field);
  if (old === undefined) return [problem('doseAmendment.fieldNotForKind', { kind: target.kind, field: a.field })];
  if (!(Number.isFinite(a.newValue) && a.newValue > 0)) return [problem('doseAmendment.valueInvalid', { field: a.field })];
  if (a.newValue === old) return [problem('doseAmendment.unchanged', { field: a.field, value: old })];
  if (a.field === 'at' && a.newValue > now) return [problem('doseAmendment.timeInFuture')];
  return validateDoseTimeline(applyDoseAmendments(current, [a]));
}

function withValue(e: RecordedDoseEvent, field: AmendableField, value: number): RecordedDoseEvent {
  if (field === 'at') return { ...e, at: value };
  if (field === 'rateMlPerH' && (e.kind === 'start' || e.kind === 'rateChange')) return { ...e, rateMlPerH: value };
  if (field === 'amount' && e.kind === 'bolus') return { ...e, amount: value };
  return e;
}
