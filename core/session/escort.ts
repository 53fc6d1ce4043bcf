/**
 * How the patient gets home: a pickup person or a taxi (§1.5, §1.10 item 8, §1.11).
 * Planned before the infusion starts; fully confirmed (incl. arrival time) before discharge.
 * Fields are optional so a half-filled form can be checked and every missing field named.
 */
import type { Problem } from '../settings';
import { problem } from '../messages';
import { isFilled } from './text';

export interface PickupPerson {
  kind: 'person';
  name?: string;
  relation?: string;
  phone?: string;
  /** Expected or actual time of arrival, epoch ms. */
  arrivalAt?: number;
}

export interface Taxi {
  kind: 'taxi';
  company?: string;
  bookingReference?: string;
  arrivalAt?: number;
}

export type Escort = PickupPerson | Taxi;

/** Before start (§1.5): pickup person with name and phone, or a taxi company. */
export function escortPlanProblems(escort: Escort | undefined): Problem[] {
  if (escort === undefined) return [problem('escort.notPlanned')];
  if (escort.kind === 'taxi') return isFilled(escort.company) ? [] : [problem('escort.taxiCompanyMissing')];
  return [...personNameProblems(escort), ...phoneProblems(escort.phone)];
}

/** Before discharge (§1.11 (c)): every contact field and the time of arrival. */
export function escortConfirmationProblems(escort: Escort | undefined): Problem[] {
  if (escort === undefined) return [problem('escort.notConfirmed')];
  const arrival = escort.arrivalAt === undefined ? [problem('escort.arrivalTimeMissing')] : [];
  if (escort.kind === 'taxi') {
    return [
      ...(isFilled(escort.company) ? [] : [problem('escort.taxiCompanyMissing')]),
      ...(isFilled(escort.bookingReference) ? [] : [problem('escort.taxiBookingReferenceMissing')]),
      ...arrival,
    ];
  }
  return [
    ...personNameProblems(escort),
    ...(isFilled(escort.relation) ? [] : [problem('escort.relationMissing')]),
    ...phoneProblems(escort.phone),
    ...arrival,
  ];
}

function personNameProblems(person: PickupPerson): Problem[] {
  return isFilled(person.name) ? [] : [problem('escort.nameMissing')];
}

/** A phone number has at least 5 digits; separators and a leading + are the caller's business. */
function phoneProblems(phone: string | undefined): Problem[] {
  if (!isFilled(phone)) return [problem('escort.phoneMissing')];
  return (phone.match(/\d/g) ?? []).length >= 5 ? [] : [problem('escort.phoneInvalid', { phone })];
}
