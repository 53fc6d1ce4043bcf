/** The chair screen's pump-rate comparison: same rule as the alarm engine (max(0.1 ml/h, 5 %), 0 when nothing runs). */
import { describe, expect, it } from 'vitest';
import type { StoredReading } from '../../core/api/schemas';
import { comparePumpRate, type DocumentedRate } from '../../renderer/features/chair/pumpRate';

const NOW = 1_000_000;
const pump = (value: number | null, state: StoredReading['state'] = 'valid', receivedAt = NOW - 2000): StoredReading => ({ parameter: 'pumpRate', value, unit: 'ml/h', state, receivedAt });
const running = (rateMlPerH: number): DocumentedRate => ({ status: 'ok', rateMlPerH, running: true });

describe('comparePumpRate', () => {
  it('accepts the larger of 0.1 ml/h and 5 % of the documented rate, exactly at the edge', () => {
    expect(comparePumpRate(pump(10.5), running(10), NOW)).toMatchObject({ pump: 10.5, documented: 10, differs: false });
    expect(comparePumpRate(pump(10.6), running(10), NOW).differs).toBe(true);
    expect(comparePumpRate(pump(1.1), running(1), NOW).differs).toBe(false); // 0.1 ml/h floor, decimal-exact
    expect(comparePumpRate(pump(1.2), running(1), NOW).differs).toBe(true);
  });

  it('compares against 0 ml/h when the session is paused or there is none', () => {
    expect(comparePumpRate(pump(12), { status: 'ok', rateMlPerH: 12, running: false }, NOW)).toMatchObject({ documented: 0, differs: true });
    expect(comparePumpRate(pump(12), { status: 'none', rateMlPerH: null, running: false }, NOW)).toMatchObject({ documented: 0, differs: true });
    expect(comparePumpRate(pump(0), { status: 'none', rateMlPerH: null, running: false }, NOW).differs).toBe(false);
  });

  it('warns about nothing when the documented rate is unknown, or the pump value is invalid or old', () => {
    expect(comparePumpRate(pump(12), { status: 'unavailable', rateMlPerH: null, running: false }, NOW)).toMatchObject({ documented: null, differs: false });
    expect(comparePumpRate(pump(null, 'unavailable'), running(5), NOW)).toMatchObject({ pump: null, differs: false });
    expect(comparePumpRate(pump(12, 'valid', NOW - 60_000), running(5), NOW)).toMatchObject({ pump: null, stale: true, differs: false });
  });
});
