import { describe, it, expect } from 'vitest';
import { formatProblem, MESSAGES, problem } from '../../core/messages';
import { RECORD_PROBLEM_TEXTS } from '../../core/problemTexts/recordKeeping';
import { SESSION_PROBLEM_TEXTS } from '../../core/problemTexts/session';
import { SYSTEM_PROBLEM_TEXTS } from '../../core/problemTexts/system';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/De$/, '')).sort();

describe('MESSAGES', () => {
  it('takes each code from exactly one sub-feature file (a code in two would silently lose one text)', () => {
    const parts = [SESSION_PROBLEM_TEXTS, RECORD_PROBLEM_TEXTS, SYSTEM_PROBLEM_TEXTS].map((p) => Object.keys(p));
    expect(parts.flat().length).toBe(Object.keys(MESSAGES).length);
  });

  it.each(Object.entries(MESSAGES))('%s has German and English text with the same placeholders', (_code, text) => {
    expect(text.de.trim().length).toBeGreaterThan(0);
    expect(text.en.trim().length).toBeGreaterThan(0);
    expect(text.de).not.toBe(text.en);
    expect([...new Set(placeholders(text.de))]).toEqual([...new Set(placeholders(text.en))]);
  });

  it('the German texts use proper umlauts, not ae/oe/ue transliterations', () => {
    const german = Object.values(MESSAGES).map((t) => t.de).join('\n');
    expect(german).toMatch(/[äöüÄÖÜß]/);
    expect(german).not.toMatch(/\b(Abholperson nicht bestaetigt|fuer|ueber|Aerzt|Uebel)/);
  });
});

describe('problem and formatProblem', () => {
  it('a problem carries code, English message and params', () => {
    expect(problem('dose.bolusAboveLimit', { mgPerKg: 0.25, limit: 0.175 })).toEqual({
      code: 'dose.bolusAboveLimit',
      message: 'Bolus 0.25 mg/kg is above the maximum bolus of 0.175 mg/kg',
      params: { mgPerKg: 0.25, limit: 0.175 },
    });
  });

  it('German numbers use a decimal comma', () => {
    expect(formatProblem(problem('dose.bolusAboveLimit', { mgPerKg: 0.25, limit: 0.175 }), 'de')).toBe(
      'Bolus 0,25 mg/kg liegt über dem Höchstbolus von 0,175 mg/kg',
    );
  });

  it('an unknown code falls back to the English message', () => {
    expect(formatProblem({ code: 'other.team', message: 'Something else' }, 'de')).toBe('Something else');
  });

  it('escort not confirmed reads "Abholperson nicht bestätigt"', () => {
    expect(formatProblem(problem('escort.notConfirmed'), 'de')).toBe('Abholperson nicht bestätigt');
  });
});
