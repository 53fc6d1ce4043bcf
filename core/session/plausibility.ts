/**
 * Plausibility of what a person types: dates that exist on the calendar and lie in a sensible range, times that are
 * not in the future (the server's clock decides), names that contain visible letters. Typing errors are caught here
 * before they become part of the record; clinical judgement stays with the clinical rules.
 */

/** How far a typed time may lie ahead of the server clock (clocks of tablets and PCs drift a little). */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;
/** Nothing the app documents happened before this day (the app did not exist); an earlier date is a typing error. */
export const EARLIEST_CLINICAL_DATE = Date.UTC(2000, 0, 1);
/** Oldest plausible patient. */
export const MAX_AGE_YEARS = 120;

/** Typed vital signs: wide bounds that catch typing errors, not clinical judgement. */
export const VITAL_RANGES = {
  systolicMmHg: [40, 300],
  diastolicMmHg: [20, 200],
  heartRate: [20, 300],
  spo2: [50, 100],
} as const satisfies Record<string, readonly [number, number]>;
/** More vomiting episodes than this in one observation is a typing error. */
export const MAX_VOMITING_EPISODES = 50;

/** YYYY-MM-DD that exists on the calendar (2024-02-29 yes, 2023-02-29 and 2024-02-30 no). */
export function isCalendarDate(ymd: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it maps years 0–99 to 1900–1999
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The server's calendar day as YYYY-MM-DD (UTC; a birth date is a day, not a moment). */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** A birth date is a real calendar day, not after today and not more than 120 years ago. */
export function isPlausibleBirthDate(ymd: string, now: number): boolean {
  if (!isCalendarDate(ymd)) return false;
  const today = dayOf(now);
  const oldest = `${String(Number(today.slice(0, 4)) - MAX_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`;
  return ymd <= today && ymd >= oldest;
}

/** A time a person chose: not before `earliest`, not later than the server clock plus the tolerance. */
export function isPlausibleTime(at: number, now: number, earliest = EARLIEST_CLINICAL_DATE): boolean {
  return Number.isFinite(at) && at >= earliest && at <= now + FUTURE_TOLERANCE_MS;
}

const LETTER = /\p{L}/u;
/** Control and format characters (zero-width space/joiners, bidi marks…): invisible, they make a name unfindable. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** A name as people write it: at least one letter, no invisible characters. */
export function isVisibleName(name: string): boolean {
  return LETTER.test(name) && !INVISIBLE.test(name);
}
