/** Opening a chair's tile on the overview, as a user does once the tile shows the chair's session. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The tile opens its chair's session (issue 12: one click less), once the overview has loaded it. */
export async function openSession(p: Page, chairId: number): Promise<void> {
  const tile = p.getByTestId(`tile-${chairId}`);
  await expect.poll(() => tile.getAttribute('data-session-id'), { timeout: 15_000 }).not.toBe('');
  await tile.click();
  await p.getByTestId('session-screen').waitFor();
}

/** The chair screen (alarm log, limits) is one click further, from the session's header. */
export async function openChair(p: Page, chairId: number): Promise<void> {
  await openSession(p, chairId);
  await p.getByTestId('to-chair').click();
  await p.getByTestId(`chair-${chairId}`).waitFor();
}
