/**
 * The parts of the trend charts made faster for issue 13 still say the same: the cached time formatters print
 * what toLocaleTimeString printed. (The cuff line joined over gaps: tests/renderer/plotGeometry.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hhmm, hhmmss } from '../../renderer/format';

describe('chart parts', () => {
  it('hhmm and hhmmss print as toLocaleTimeString does, at any time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
        expect(hhmm(t)).toBe(new Date(t).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' }));
        expect(hhmmss(t)).toBe(new Date(t).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
      }),
    );
  });
});
