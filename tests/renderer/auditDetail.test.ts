/** An audit entry's stored data read as "what: value" lines in the user's language (issue 12), never as JSON. */
import { describe, expect, it } from 'vitest';
import { auditDetailLines } from '../../renderer/features/review/auditDetail';

const de = { yes: 'ja', no: 'nein' };

describe('audit detail lines', () => {
  it('name known fields in words, write numbers, times and yes/no the German way, and name nested data by its path', () => {
    const at = new Date(2026, 11, 3, 14, 5).getTime();
    const stored = JSON.stringify({ weightKg: 74.5, reason: 'Übelkeit', at, weight: { kg: 74.5, measuredAt: at }, offLabelClause: true, fields: ['a', 'b'], note: null });
    expect(auditDetailLines(stored, 'de', de)).toEqual([
      'Gewicht: 74,5',
      'Begründung: Übelkeit',
      'Zeitpunkt: 03.12.2026 14:05',
      'Gewicht › kg: 74,5',
      'Gewicht › gemessen am: 03.12.2026 14:05',
      'Off-Label-Hinweis: ja',
      'fields: a, b',
      'note: –',
    ]);
    const en = auditDetailLines(stored, 'en', { yes: 'yes', no: 'no' });
    expect(en[0]).toBe('weight: 74.5');
    expect(en).toContain('time: 03/12/2026 14:05');
  });

  it('number the items of a list of records, and keep a text that is not JSON as it is', () => {
    expect(auditDetailLines(JSON.stringify({ limits: [{ value: 92 }, { value: 88 }] }), 'de', de)).toEqual(['limits › 1 › Wert: 92', 'limits › 2 › Wert: 88']);
    expect(auditDetailLines('kein JSON', 'de', de)).toEqual(['kein JSON']);
    expect(auditDetailLines('', 'de', de)).toEqual([]);
    expect(auditDetailLines('{}', 'de', de)).toEqual([]);
  });

  it('never shows braces or quotes of the stored form', () => {
    const stored = JSON.stringify({ a: { b: { c: [1, { d: 'x' }] } }, e: [] });
    for (const line of auditDetailLines(stored, 'de', de)) expect(line).not.toMatch(/[{}"]/);
  });
});
