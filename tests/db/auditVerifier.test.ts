/**
 * Incremental audit verification (issue 13 item 2): it goes on from a checkpoint sealed with the audit key, finds
 * tampering after the checkpoint at once and tampering before it in the full pass, refuses a forged checkpoint, and
 * works in slices (the worker serves other calls in between). Random logs and random edits vs the full verify().
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditEntry } from '../../db/audit';
import { checkpointMac, createAuditVerifier, ROWS_PER_READ } from '../../db/auditVerifier';
import { migrate } from '../../db/migrations';
import { tempDir } from '../helpers/tempDir';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const entry = (i: number): AuditEntry => ({ at: i * 1000, userId: null, action: 'observation.recorded', entity: 'observation', entityId: i, detail: { nrs: i % 11 } });

function setUp(entries: number, sliceMs?: number) {
  const dir = tempDir();
  dirs.push(dir);
  const db = new Database(':memory:');
  migrate(db);
  const key = randomBytes(32);
  const anchor = join(dir.path, 'audit.anchor');
  const audit = createAuditLog(db, key, anchor);
  const append = (from: number, to: number) => {
    db.transaction(() => {
      for (let i = from; i <= to; i++) audit.append(entry(i));
    })();
    audit.syncAnchor();
  };
  append(1, entries);
  const verifier = createAuditVerifier(db, key, anchor, sliceMs);
  return { db, key, audit, anchor, verifier, append };
}

const checkpoints = (db: Database.Database) => db.prepare('SELECT seq FROM audit_checkpoints ORDER BY seq').pluck().all() as number[];
const tamper = (db: Database.Database, seq: number) => {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  db.prepare(`UPDATE audit_log SET detail = '{"nrs":99}' WHERE seq = ?`).run(seq);
};

describe('incremental audit verification', () => {
  it('verifies an untouched log, leaves a sealed checkpoint after the full pass and goes on from it', async () => {
    const { db, verifier, append } = setUp(300);
    expect(await verifier.full()).toEqual({ ok: true, entries: 300, problem: null });
    expect(checkpoints(db)).toEqual([300]);
    append(301, 320);
    expect(await verifier.incremental()).toEqual({ ok: true, entries: 320, problem: null });
  });

  it('finds tampering after the checkpoint in the incremental check, before it in the full pass', async () => {
    const { db, key, anchor, verifier, append } = setUp(200);
    await verifier.full();
    append(201, 260);
    tamper(db, 230);
    expect(await verifier.incremental()).toMatchObject({ ok: false, problem: 'entry 230 was changed after it was written' });
    // A new process (fresh verifier) starting from the checkpoint finds it too.
    expect(await createAuditVerifier(db, key, anchor).incremental()).toMatchObject({ ok: false, problem: 'entry 230 was changed after it was written' });

    const before = setUp(200);
    await before.verifier.full();
    before.append(201, 210);
    tamper(before.db, 50);
    // Before the checkpoint: the quick check starts after it, so only the full pass can see it, and it does.
    const fresh = createAuditVerifier(before.db, before.key, before.anchor);
    expect(await fresh.incremental()).toMatchObject({ ok: true, entries: 210 });
    expect(await fresh.full()).toMatchObject({ ok: false, problem: 'entry 50 was changed after it was written' });
  });

  it('finds the checkpoint entry itself changed, and an entry cut off after it', async () => {
    const { db, key, anchor, verifier } = setUp(100);
    await verifier.full();
    tamper(db, 100);
    expect(await createAuditVerifier(db, key, anchor).incremental()).toMatchObject({ ok: false, problem: 'entry 100 was changed after it was verified' });

    const cut = setUp(100);
    await cut.verifier.full();
    cut.append(101, 110);
    cut.db.exec('DROP TRIGGER audit_log_no_delete');
    cut.db.prepare('DELETE FROM audit_log WHERE seq = 105').run();
    expect(await createAuditVerifier(cut.db, cut.key, cut.anchor).incremental()).toMatchObject({ ok: false, problem: 'entry 105 is missing (next is 106)' });
  });

  it('refuses a forged checkpoint: any MAC, or one made with another key', async () => {
    for (const forge of [() => 'f'.repeat(64), (seq: number, hash: string) => checkpointMac(randomBytes(32), seq, hash, 5)]) {
      const { db, key, anchor, verifier, append } = setUp(100);
      await verifier.full();
      append(101, 150);
      // The forger wants a later checkpoint so that the quick check skips an edit at 120.
      tamper(db, 120);
      const hash = db.prepare('SELECT hash FROM audit_log WHERE seq = 140').pluck().get() as string;
      db.prepare('INSERT INTO audit_checkpoints (seq, hash, verified_at, mac) VALUES (140, ?, 5, ?)').run(hash, forge(140, hash));
      expect(await createAuditVerifier(db, key, anchor).incremental()).toMatchObject({
        ok: false,
        problem: 'the audit checkpoint at entry 140 does not verify with this audit key (forged or changed)',
      });
    }
  });

  it('works in slices: with a tiny slice it needs many, and a write between slices is verified too', async () => {
    const { db, verifier, append } = setUp(3000, 0);
    let slicesSeen = 0;
    let appendedMeanwhile = false;
    const tick = () => {
      slicesSeen++;
      if (slicesSeen === 2) {
        append(3001, 3005); // as a vitals or observation write between two slices
        appendedMeanwhile = true;
      }
      if (slicesSeen < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await verifier.full();
    expect(appendedMeanwhile).toBe(true);
    expect(slicesSeen).toBeGreaterThan(2);
    expect(result).toEqual({ ok: true, entries: 3005, problem: null });
    expect(checkpoints(db)).toEqual([3005]);
  });

  it('finds an edit of any field, anywhere (at and across the ends of a read and of a slice), as verify() does', async () => {
    const last = 2 * ROWS_PER_READ + 100;
    const { db, key, anchor, audit } = setUp(last);
    db.pragma('foreign_keys = OFF'); // the edit names user 1, who does not exist; the edit is what counts here
    // Each one edits one column of one entry as an intruder with SQL access would (the chain cannot be re-made without the key).
    const edits = [
      'UPDATE audit_log SET at = at + 1 WHERE seq = ?',
      'UPDATE audit_log SET user_id = 1 WHERE seq = ?',
      "UPDATE audit_log SET action = action || '.' WHERE seq = ?",
      'UPDATE audit_log SET entity = upper(entity) WHERE seq = ?',
      'UPDATE audit_log SET entity_id = NULL WHERE seq = ?',
      `UPDATE audit_log SET detail = '{"nrs":99}' WHERE seq = ?`,
      'UPDATE audit_log SET prev_hash = hash WHERE seq = ?',
      'UPDATE audit_log SET hash = prev_hash WHERE seq = ?',
      'DELETE FROM audit_log WHERE seq = ?',
    ];
    const ends = [1, ROWS_PER_READ - 1, ROWS_PER_READ, ROWS_PER_READ + 1, 2 * ROWS_PER_READ, 2 * ROWS_PER_READ + 1, last];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...edits),
        fc.oneof(fc.constantFrom(...ends), fc.integer({ min: 1, max: last })),
        fc.constantFrom(0, 15),
        async (edit, seq, sliceMs) => {
          // Edited in a transaction taken back afterwards: every run starts from the same sound log.
          db.exec('BEGIN');
          try {
            db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
            db.prepare(edit).run(seq);
            const reference = audit.verify();
            expect(reference.ok).toBe(false);
            expect(await createAuditVerifier(db, key, anchor, sliceMs).full()).toEqual(reference);
          } finally {
            db.exec('ROLLBACK');
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(await createAuditVerifier(db, key, anchor).full()).toEqual({ ok: true, entries: last, problem: null });
  });

  it('agrees with the full verify() on random logs with a random edit before or after a random checkpoint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 80 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 200 }), async (n, cpAt, edit) => {
        const s = setUp(Math.max(n, cpAt));
        const total = Math.max(n, cpAt);
        await s.verifier.full();
        const last = total + 10;
        s.append(total + 1, last);
        const target = (edit % last) + 1;
        tamper(s.db, target);
        const reference = s.audit.verify();
        const fresh = createAuditVerifier(s.db, s.key, s.anchor);
        const quick = await fresh.incremental();
        const full = await fresh.full();
        expect(full).toEqual(reference);
        // The quick check sees exactly the edits after the checkpoint, and the checkpoint entry itself.
        if (target >= total) expect(quick.ok).toBe(false);
        else expect(quick.ok).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
