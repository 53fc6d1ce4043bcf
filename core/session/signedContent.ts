/**
 * What a physician's signature covers, written out one way only, so that the same record hashes to the same value
 * years later and a changed record names what changed. Pure: the hashing (SHA-256) happens in db/.
 *
 * The signature covers the content at signing, in parts (each hashed on its own, the signature hash is over the
 * part hashes): the session row, the patient's identity, the course, prescriptions, dose events, checklists,
 * observations, discharge scores, escort confirmations, discharge steps, transfers, the physician's contraindication
 * confirmations, rate orders and their confirmations, and the chair's alarm log and
 * vitals over the session's record range. Amendments are not part of it: each is signed on its own with its own hash, which
 * names the session hash it amends.
 */
import type { Problem } from '../settings';
import { problem } from '../messages';
import { MEASUREMENT_STATES, type MeasurementState } from '../vitals';

/** Raised when the serialisation or the parts change; a stored hash is always recomputed with its own version. */
export const SIGNED_CONTENT_VERSION = 1;

export const SIGNED_PARTS = [
  'session',
  'patient',
  'course',
  'prescriptions',
  'doseEvents',
  'checklists',
  'observations',
  'dischargeScores',
  'escorts',
  'dischargeSteps',
  'transfers',
  'contraindicationConfirmations',
  'rateOrders',
  'rateConfirmations',
  'alarmLog',
  'vitals',
] as const;
export type SignedPart = (typeof SIGNED_PARTS)[number];
export type PartHashes = Record<SignedPart, string>;

/** How each part is named when it differs (German first). */
export const PART_NAMES: Record<SignedPart, { de: string; en: string }> = {
  session: { de: 'Sitzungsdaten (Status, Zeiten, Platz)', en: 'session data (status, times, chair)' },
  patient: { de: 'Identität des Patienten', en: 'patient identity' },
  course: { de: 'Therapiezyklus', en: 'course' },
  prescriptions: { de: 'Verordnungen', en: 'prescriptions' },
  doseEvents: { de: 'Dosisereignisse', en: 'dose events' },
  checklists: { de: 'Checkliste', en: 'checklist' },
  observations: { de: 'Beobachtungen', en: 'observations' },
  dischargeScores: { de: 'Entlassungsscores', en: 'discharge scores' },
  escorts: { de: 'Begleitung', en: 'escort' },
  dischargeSteps: { de: 'Entlassungsschritte', en: 'discharge steps' },
  transfers: { de: 'Übergabe (Verlegung)', en: 'transfer hand-over' },
  contraindicationConfirmations: { de: 'ärztliche Bestätigung der Kontraindikationen', en: "physician's contraindication confirmation" },
  rateOrders: { de: 'Ratenanordnungen', en: 'rate orders' },
  rateConfirmations: { de: 'Bestätigungen der Pumpenrate', en: 'pump rate confirmations' },
  alarmLog: { de: 'Alarmprotokoll', en: 'alarm log' },
  vitals: { de: 'Vitalwerte', en: 'vitals' },
};

/** The vitals baseline kept before the infusion start, shown in the review and covered by the signature. */
export const BASELINE_BEFORE_START_MS = 15 * 60_000;
const MAX_RECORD_MS = 24 * 3_600_000;

/**
 * The time range on the session's chair whose vitals and alarm log belong to the session: from 15 min before the
 * start (or the planned time) to `end` (the discharge, or the last event of a transfer or cancellation), at most 24 h.
 */
export function recordRange(s: { startedAt: number | null; plannedFor: number }, end: number): { from: number; to: number } {
  const from = s.startedAt !== null ? s.startedAt - BASELINE_BEFORE_START_MS : s.plannedFor;
  return { from, to: Math.max(from, Math.min(end, from + MAX_RECORD_MS)) };
}

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers in JavaScript's shortest
 * round-trip form (the value stored, not a rounded display), strings as JSON.stringify writes them.
 * Anything JSON cannot carry exactly (undefined, NaN, Infinity, functions, bigint) is refused, not dropped.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonical JSON cannot hold the number ${value}`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot hold a value of type ${typeof value}`);
  }
}

/**
 * Vital samples in their hashed form: 32 bytes a sample, four little-endian float64 (time in ms, 1 if a value
 * follows else 0, the value or 0, the index of the state in MEASUREMENT_STATES). Binary because a session holds
 * tens of thousands of samples: the same exact numbers as JSON would write, written ten times faster.
 */
export function vitalSamplesBytes(samples: readonly { t: number; value: number | null; state: MeasurementState }[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(samples.length * 32));
  samples.forEach((x, i) => {
    view.setFloat64(i * 32, x.t, true);
    view.setFloat64(i * 32 + 8, x.value === null ? 0 : 1, true);
    view.setFloat64(i * 32 + 16, x.value ?? 0, true);
    view.setFloat64(i * 32 + 24, MEASUREMENT_STATES.indexOf(x.state), true);
  });
  return new Uint8Array(view.buffer);
}

/** The text hashed for one part: its rows, labelled with the part and the version. */
export function partText(part: SignedPart, rows: unknown): string {
  return canonicalJson({ content: 'signedSession', version: SIGNED_CONTENT_VERSION, part, rows });
}

/** The text hashed for the whole signature: the session and every part's hash. */
export function contentText(sessionId: number, parts: PartHashes): string {
  return canonicalJson({ content: 'signedSession', version: SIGNED_CONTENT_VERSION, sessionId, parts });
}

export interface AmendmentContent {
  id: number;
  sessionId: number;
  target: string;
  targetId: number | null;
  correction: string;
  reason: string;
  signedAt: number;
  signedBy: number;
  /** The session's signature hash at the time (null: an amendment before sign-off). */
  amends: string | null;
}

export function amendmentText(a: AmendmentContent): string {
  return canonicalJson({ content: 'amendment', version: SIGNED_CONTENT_VERSION, ...a });
}

/** The parts whose recomputed hash is not the signed one (a part missing from the signed set counts as changed). */
export function changedParts(signed: Partial<Record<string, unknown>>, current: PartHashes): SignedPart[] {
  return SIGNED_PARTS.filter((p) => signed[p] !== current[p]);
}

export function changedPartProblems(parts: readonly SignedPart[]): Problem[] {
  return parts.map((p) => problem('record.partChanged', { part: PART_NAMES[p].en, partDe: PART_NAMES[p].de }));
}
