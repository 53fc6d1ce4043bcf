/**
 * The physician's review recomputes the signed content (sessions.review → integrity) through the real database
 * worker: intact after signing, and naming the part after the file was edited directly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DbClient } from '../../db/client';
import { EventBus } from '../../electron/services/eventBus';
import { createSessionHandlers } from '../../electron/services/session/handlers';
import { signedSession, tamper } from '../db/signedSession.fixtures';
import { FIXTURE_AUDIT_KEY } from '../db/sessions.fixtures';
import { DB_WORKER } from '../helpers/tempDir';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function reviewOf(edit?: Parameters<typeof tamper>[1]) {
  const s = signedSession();
  const physician = { clientId: 'd', user: { id: s.f.physician, username: 'drmeier', displayName: 'Dr. Meier', role: 'physician' as const } };
  s.f.db.close();
  cleanup.push(() => s.remove());
  if (edit) tamper(s.file, edit);
  const db = await DbClient.open(DB_WORKER, s.file, { auditKey: FIXTURE_AUDIT_KEY });
  cleanup.push(() => db.close());
  const h = createSessionHandlers({ db, bus: new EventBus(), verifyPassword: async () => true });
  return (await h['sessions.review']({ sessionId: s.sessionId }, physician)).integrity;
}

describe('review of a signed session', () => {
  it('shows the signed content as intact', async () => {
    const integrity = await reviewOf();
    expect(integrity.status).toBe('intact');
    expect(integrity.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(integrity.problems).toEqual([]);
  });

  it('names the dose events when a rate was edited in the file', async () => {
    const integrity = await reviewOf((db) => db.prepare("UPDATE dose_events SET rate_ml_per_h = 30 WHERE kind = 'start'").run());
    expect(integrity.status).toBe('changed');
    expect(integrity.problems.map((p) => p.message)).toEqual(['Differs from the signed content: dose events']);
  });
});
