/**
 * What the MFA types into an observation round, slot by slot: checked per slot (a wrong key is named, never
 * dropped), whether the slot is complete (the cursor then moves on), and the observations to send.
 */
import type { MethodInput } from '../../../core/api/contract';

type ObservationInput = MethodInput<'observations.record'>['observation'];

export const ROUND_SLOTS = ['pain', 'sedation', 'dissociation', 'nausea', 'systolic', 'diastolic'] as const;
export type RoundSlot = (typeof ROUND_SLOTS)[number];
export type SedationScale = 'rass' | 'moaas';

export interface RoundEntry {
  scale: SedationScale;
  text: Record<RoundSlot, string>;
  /** The blood pressure is the monitor's cuff reading at this time, unchanged; absent when typed. */
  monitorAt?: number;
}

export const EMPTY_ROUND: RoundEntry = {
  scale: 'rass',
  text: { pain: '', sedation: '', dissociation: '', nausea: '', systolic: '', diastolic: '' },
};

const RANGES = { pain: [0, 10], rass: [-5, 4], moaas: [0, 5], dissociation: [0, 3], nausea: [0, 3] } as const;

export type SlotError = { kind: 'badScore'; text: string; range: string } | { kind: 'badNumber'; text: string } | { kind: 'bothPressures' };

function rangeOf(slot: RoundSlot, scale: SedationScale): readonly [number, number] | undefined {
  if (slot === 'sedation') return RANGES[scale];
  return slot === 'pain' || slot === 'dissociation' || slot === 'nausea' ? RANGES[slot] : undefined;
}

/** A score as typed: "0", "-2", "−2", "+1"; undefined when empty or not a whole number. */
function parseScore(text: string): number | undefined {
  const t = text.trim().replace('−', '-');
  return /^[-+]?\d{1,2}$/.test(t) ? Number(t) : undefined;
}

/** The slot's value, or its error in words; undefined value and no error when it is empty. */
export function slotValue(entry: RoundEntry, slot: RoundSlot): { value?: number; error?: SlotError } {
  const text = entry.text[slot].trim();
  if (text === '') return {};
  const range = rangeOf(slot, entry.scale);
  if (range) {
    const v = parseScore(text);
    const [lo, hi] = range;
    return v !== undefined && v >= lo && v <= hi ? { value: v } : { error: { kind: 'badScore', text, range: `${lo}–${hi}` } };
  }
  return /^\d{1,3}$/.test(text) ? { value: Number(text) } : { error: { kind: 'badNumber', text } };
}

/** The cursor moves on once nothing more can follow: "1" of NRS may become "10", "-" of RASS waits for its digit. */
export function slotComplete(entry: RoundEntry, slot: RoundSlot): boolean {
  const text = entry.text[slot].trim();
  const { value, error } = slotValue(entry, slot);
  if (error || value === undefined) return false;
  if (slot === 'pain') return text !== '1';
  if (slot === 'systolic' || slot === 'diastolic') return text.length === 3;
  return true;
}

export interface RoundPlan {
  observations: ObservationInput[];
  /** Which slot each observation came from (the first slot for blood pressure), to show a refusal next to it. */
  slots: RoundSlot[];
  errors: Partial<Record<RoundSlot, SlotError>>;
}

/** The observations of the filled slots; nothing is sent while any slot has an error. */
export function planRound(entry: RoundEntry): RoundPlan {
  const errors: Partial<Record<RoundSlot, SlotError>> = {};
  const values: Partial<Record<RoundSlot, number>> = {};
  for (const slot of ROUND_SLOTS) {
    const r = slotValue(entry, slot);
    if (r.error) errors[slot] = r.error;
    else if (r.value !== undefined) values[slot] = r.value;
  }
  const hasSys = entry.text.systolic.trim() !== '';
  const hasDia = entry.text.diastolic.trim() !== '';
  if (hasSys !== hasDia && !errors.systolic && !errors.diastolic) errors[hasSys ? 'diastolic' : 'systolic'] = { kind: 'bothPressures' };
  const observations: ObservationInput[] = [];
  const slots: RoundSlot[] = [];
  const add = (slot: RoundSlot, o: ObservationInput) => {
    observations.push(o);
    slots.push(slot);
  };
  if (values.pain !== undefined) add('pain', { kind: 'pain', nrs: values.pain });
  if (values.sedation !== undefined) add('sedation', { kind: 'sedation', scale: entry.scale, score: values.sedation });
  if (values.dissociation !== undefined) add('dissociation', { kind: 'dissociation', score: values.dissociation });
  if (values.nausea !== undefined) add('nausea', { kind: 'nausea', score: values.nausea });
  if (values.systolic !== undefined && values.diastolic !== undefined) {
    add('systolic', {
      kind: 'bloodPressure',
      systolicMmHg: values.systolic,
      diastolicMmHg: values.diastolic,
      ...(entry.monitorAt !== undefined ? { at: entry.monitorAt } : {}),
    });
  }
  return Object.keys(errors).length > 0 ? { observations: [], slots: [], errors } : { observations, slots, errors };
}
