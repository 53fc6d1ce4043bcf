/** What every decoder's fuzz run must show: no exception, nothing implausible, every rejection with a reason. */
import { expect } from 'vitest';
import type { FuzzResult } from '../../drivers/protocols/shared/fuzz';

export function expectCleanFuzz(res: FuzzResult): void {
  expect(res.firstException).toBeUndefined();
  expect(res.exceptions).toBe(0);
  expect(res.implausible).toBe(0);
  expect(res.unexplained).toBe(0);
  expect(res.rejected).toBeGreaterThan(0);
  expect(res.readings).toBeGreaterThan(0);
}
