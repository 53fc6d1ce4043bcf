/** A burst of change events costs at most two reloads, and a change during a reload is never missed. */
import { describe, expect, it } from 'vitest';
import { coalesce } from '../../renderer/api/coalesce';

describe('coalesce', () => {
  it('runs once, then once more for everything asked meanwhile; later asks run again', async () => {
    const releases: (() => void)[] = [];
    let runs = 0;
    const reload = coalesce(() => {
      runs++;
      return new Promise<void>((r) => releases.push(r));
    });
    reload();
    for (let i = 0; i < 5; i++) reload(); // while the first load runs
    expect(runs).toBe(1);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    reload();
    expect(runs).toBe(3);
    releases.shift()!();
  });

  it('keeps reloading after a failed load', async () => {
    let runs = 0;
    const reload = coalesce(async () => {
      runs++;
      throw new Error('host restarted');
    });
    reload();
    await new Promise((r) => setTimeout(r, 0));
    reload();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
  });
});
