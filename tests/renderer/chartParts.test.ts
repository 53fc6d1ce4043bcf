/**
 * The parts of the trend charts made faster for issue 13 still say the same: the cached time formatters print
 * what toLocaleTimeString printed, and the cuff rows are exactly the rows holding a cuff value, in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cuffRows } from '../../renderer/components/vitalLines';
import { hhmm, hhmmss } from '../../renderer/format';
import type { TrendRow } from '../../renderer/stores/trendRows';

describe('chart parts', () => {
  it('hhmm and hhmmss print as toLocaleTimeString does, at any time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
        expect(hhmm(t)).toBe(new Date(t).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' }));
        expect(hhmmss(t)).toBe(new Date(t).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
      }),
    );
  });

  it('cuff rows: every row with the cuff value and no other, for each cuff parameter', () => {
    const band = fc.option(fc.tuple(fc.integer({ min: 40, max: 200 }), fc.integer({ min: 40, max: 200 })), { nil: undefined });
    const row = fc.record({ hr: band, nibpSys: band, nibpDia: band });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (raw) => {
        const rows: TrendRow[] = raw.map((r, i) => {
          const out: TrendRow = { t: i * 5000 };
          for (const [k, v] of Object.entries(r)) if (v) Object.assign(out, { [k]: v });
          return out;
        });
        const cuff = cuffRows(rows);
        expect([...cuff.keys()].sort()).toEqual(['nibpDia', 'nibpSys']);
        for (const p of ['nibpSys', 'nibpDia'] as const) expect(cuff.get(p)).toEqual(rows.filter((r) => r[p] !== undefined));
        expect(cuff.has('hr')).toBe(false);
      }),
    );
  });
});
