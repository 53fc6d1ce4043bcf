/**
 * Names as the database stores them. Respiratory rate was `rr` in code until issue 12 (German "RR" is blood
 * pressure); the code says `respRate` now, but the database keeps storing `rr`: vital chunks, alarm codes
 * ('rr.high'), alarm ids ('rr.high#3'), override limits and clinic setting keys ('alarm.rr.high.medium',
 * 'alarm.requiredRrMaxAgeMs') stay as they were, so a record signed before the rename hashes the same and old and
 * new rows read alike. Only the repositories that store these names pass them through here.
 */

/** Code name → stored name, one entry per renamed name. */
const STORED: Readonly<Record<string, string>> = { respRate: 'rr', requiredRespRateMaxAgeMs: 'requiredRrMaxAgeMs' };
const FROM_STORED: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(STORED).map(([code, stored]) => [stored, code]));

// A name is a whole segment of a dotted code, before an alarm id's '#n' or a key's ':kind'.
const segments = (map: Readonly<Record<string, string>>) => (name: string): string =>
  name.replace(/[^.#:]+/g, (segment) => map[segment] ?? segment);

/** 'respRate' → 'rr', 'respRate.high' → 'rr.high', 'alarm.respRate.low.high' → 'alarm.rr.low.high'. */
export const toStored: (name: string) => string = segments(STORED);
/** The reverse of toStored: what the code calls a stored name. */
export const fromStored: (name: string) => string = segments(FROM_STORED);

/** An object's keys mapped (override limits keyed by alarm code). */
export function keysMapped<T>(record: Readonly<Record<string, T>>, map: (name: string) => string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [map(k), v]));
}
