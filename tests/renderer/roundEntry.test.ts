/**
 * Issue 12 item 1: what the MFA types into an observation round. Random keystrokes per slot against a reference
 * rule: a slot's text is either a value of its scale, empty, or an error in words — never dropped silently — and a
 * round with any error sends nothing.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_ROUND, planRound, ROUND_SLOTS, slotComplete, slotValue, type RoundEntry, type RoundSlot } from '../../renderer/features/session/roundEntry';

const RANGE: Record<RoundSlot, [number, number] | null> = { pain: [0, 10], sedation: [-5, 4], dissociation: [0, 3], nausea: [0, 3], systolic: null, diastolic: null };

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const entry = (text: Partial<Record<RoundSlot, string>>): RoundEntry => ({ ...EMPTY_ROUND, text: { ...EMPTY_ROUND.text, ...text } });

describe('observation round entry', () => {
  it('random texts per slot: a value in range, empty, or a named error; the plan sends all values or nothing', () => {
    const next = random(7);
    const keys = ['0', '1', '2', '3', '4', '5', '9', '10', '-', '-2', '−3', '+1', 'a', ' ', '12', '120', '1,5', 'x1'];
    for (let i = 0; i < 2000; i++) {
      const text: Partial<Record<RoundSlot, string>> = {};
      for (const slot of ROUND_SLOTS) if (next() < 0.7) text[slot] = keys[Math.floor(next() * keys.length)]!;
      const e = entry(text);
      let anyError = false;
      for (const slot of ROUND_SLOTS) {
        const { value, error } = slotValue(e, slot);
        const typed = (text[slot] ?? '').trim();
        if (typed === '') {
          expect(value === undefined && error === undefined).toBe(true);
          continue;
        }
        expect(value === undefined).toBe(error !== undefined); // exactly one of the two
        const range = RANGE[slot];
        if (value !== undefined && range) expect(value >= range[0] && value <= range[1]).toBe(true);
        if (error) anyError = true;
      }
      const plan = planRound(e);
      const sys = (text.systolic ?? '').trim() !== '';
      const dia = (text.diastolic ?? '').trim() !== '';
      if (anyError || sys !== dia) {
        expect(plan.observations).toEqual([]);
        expect(Object.keys(plan.errors).length).toBeGreaterThan(0);
      } else {
        const filled = ROUND_SLOTS.filter((s) => (text[s] ?? '').trim() !== '').length;
        expect(plan.observations.length).toBe(filled - (sys && dia ? 1 : 0));
        expect(plan.slots).toHaveLength(plan.observations.length);
      }
    }
  });

  it('moves on after a complete value: NRS 1 waits for a possible 10, a minus waits for its digit', () => {
    expect(slotComplete(entry({ pain: '1' }), 'pain')).toBe(false);
    expect(slotComplete(entry({ pain: '10' }), 'pain')).toBe(true);
    expect(slotComplete(entry({ pain: '4' }), 'pain')).toBe(true);
    expect(slotComplete(entry({ sedation: '-' }), 'sedation')).toBe(false);
    expect(slotComplete(entry({ sedation: '-2' }), 'sedation')).toBe(true);
    expect(slotComplete(entry({ sedation: '7' }), 'sedation')).toBe(false);
    expect(slotComplete(entry({ systolic: '12' }), 'systolic')).toBe(false);
    expect(slotComplete(entry({ systolic: '128' }), 'systolic')).toBe(true);
  });

  it('an unremarkable round of four digits plans four observations; the monitor\'s cuff keeps its time', () => {
    const plan = planRound(entry({ pain: '3', sedation: '0', dissociation: '0', nausea: '0' }));
    expect(plan.observations.map((o) => o.kind)).toEqual(['pain', 'sedation', 'dissociation', 'nausea']);
    const cuff = planRound({ ...entry({ systolic: '128', diastolic: '80' }), monitorAt: 1_700_000_000_000 });
    expect(cuff.observations).toEqual([{ kind: 'bloodPressure', systolicMmHg: 128, diastolicMmHg: 80, at: 1_700_000_000_000 }]);
    const half = planRound(entry({ systolic: '128' }));
    expect(half.errors.diastolic).toEqual({ kind: 'bothPressures' });
  });
});
