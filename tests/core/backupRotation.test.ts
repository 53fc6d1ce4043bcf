/** The rotation of backups (core/backup/settings.ts): 7 daily, 4 weekly, 12 monthly and every year's newest kept. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../core/backup/settings';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

describe('backup rotation', () => {
  it('keeps the newest of the last 7 days, 4 weeks (this one included), 12 months and every year, from two years of nightly backups', () => {
    const nightly = Array.from({ length: 731 }, (_, i) => at('2025-01-01T02:00:00Z') + i * DAY); // to 2027-01-01
    const kept = [...backupsToKeep(nightly)].sort((a, b) => a - b).map((t) => new Date(t).toISOString().slice(0, 10));
    expect(kept).toEqual([
      '2025-12-31', // yearly 2025; January 2026 is the 13th month back and goes
      ...['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'],
      '2026-12-13', '2026-12-20', // weekly: the newest of each week (Monday to Sunday); the other two weeks are daily
      '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', // daily
    ]);
  });

  it('always keeps the newest, keeps at most 7+4+12 plus one per year, and a second rotation removes nothing', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z') }), { maxLength: 400 }), (times) => {
        const kept = backupsToKeep(times);
        if (times.length > 0) expect(kept.has(Math.max(...times))).toBe(true);
        const years = new Set(times.map((t) => new Date(t).getUTCFullYear())).size;
        expect(kept.size).toBeLessThanOrEqual(7 + 4 + 12 + years + 1);
        for (const t of kept) expect(times).toContain(t);
        expect(backupsToKeep([...kept])).toEqual(kept);
      }),
    );
  });
});
