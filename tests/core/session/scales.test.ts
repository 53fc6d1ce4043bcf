import { describe, it, expect } from 'vitest';
import {
  DISCHARGE_SCALES,
  dischargeThreshold,
  MOAAS_LEVELS,
  painBand,
  RASS_LEVELS,
  scoreDischarge,
} from '../../../core/session/scales';
import { clinicSettings } from '../../../core/clinic/defaults';
import { formatProblem } from '../../../core/messages';

describe('discharge scales (§3.5)', () => {
  it('PADSS has its 5 items of 2/1/0 points, max 10', () => {
    const padss = DISCHARGE_SCALES.padss;
    expect(padss.items.map((i) => i.id)).toEqual(['vitalSigns', 'activityMentalStatus', 'painNauseaVomiting', 'bleeding', 'intakeOutput']);
    expect(padss.items.every((i) => i.options.map((o) => o.score).join() === '2,1,0')).toBe(true);
    expect(padss.maxPoints).toBe(10);
  });

  it('modified PADSS drops intake/output; modified Aldrete has activity, respiration, circulation, consciousness, SpO2', () => {
    expect(DISCHARGE_SCALES.modifiedPadss.items.map((i) => i.id)).toEqual(['vitalSigns', 'ambulation', 'nauseaVomiting', 'pain', 'bleeding']);
    expect(DISCHARGE_SCALES.modifiedAldrete.items.map((i) => i.id)).toEqual(['activity', 'respiration', 'circulation', 'consciousness', 'spo2']);
  });

  it('sums a complete score', () => {
    const score = scoreDischarge('modifiedAldrete', { activity: 2, respiration: 2, circulation: 1, consciousness: 2, spo2: 2 });
    expect(score).toEqual({ scale: 'modifiedAldrete', total: 9, maxPoints: 10, complete: true, problems: [] });
  });

  it('names missing items, impossible points and unknown items; an incomplete score cannot be complete', () => {
    const score = scoreDischarge('padss', { vitalSigns: 2, activityMentalStatus: 3, bleeding: 2, intakeOutput: 2, voided: 2 });
    expect(score.complete).toBe(false);
    expect(score.problems.map((p) => p.code)).toEqual(['scale.pointsInvalid', 'scale.itemMissing', 'scale.itemUnknown']);
    expect(formatProblem(score.problems[1]!, 'de')).toBe('Kriterium „Schmerz, Übelkeit und/oder Erbrechen“ nicht bewertet');
  });

  it('thresholds are 9 for every scale by default', () => {
    const settings = clinicSettings();
    expect(['padss', 'modifiedPadss', 'modifiedAldrete'].map((s) => dischargeThreshold(s as 'padss', settings))).toEqual([9, 9, 9]);
  });
});

describe('sedation scales (§3.2)', () => {
  it('RASS runs +4 … −5, MOAA/S 5 … 0', () => {
    expect(RASS_LEVELS.map((l) => l.score)).toEqual([4, 3, 2, 1, 0, -1, -2, -3, -4, -5]);
    expect(MOAAS_LEVELS.map((l) => l.score)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(RASS_LEVELS.find((l) => l.score === -5)?.de).toMatch(/^Nicht erweckbar/);
  });
});

describe('pain bands (§3.1)', () => {
  it('0 none, 1–3 mild, 4–6 moderate, 7–10 severe', () => {
    expect([0, 1, 3, 4, 6, 7, 10].map(painBand)).toEqual(['none', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe']);
  });
});
