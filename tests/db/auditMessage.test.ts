/**
 * The full pass builds each entry's HMAC text in SQL (ENTRY_MESSAGE_SQL) while append() builds it in JS
 * (entryMessage): the two must give the same text for every entry append() can write, or a sound log would fail the
 * full pass (or, worse, a field missing from one of them would go unchecked). Random entries: any text (Unicode beyond
 * the BMP, U+001F itself, quotes), absent and large ids, negative and far times.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAuditLog, ENTRY_MESSAGE_SQL, entryMessage, messageHash, type AuditEntry, type AuditRow } from '../../db/audit';
import { createAuditVerifier } from '../../db/auditVerifier';
import { migrate } from '../../db/migrations';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const id = fc.option(fc.oneof(fc.nat(), fc.maxSafeInteger()), { nil: null });
const entry: fc.Arbitrary<AuditEntry> = fc.record({
  at: fc.oneof(fc.integer(), fc.maxSafeInteger()),
  userId: id,
  action: text,
  entity: text,
  entityId: id,
  detail: fc.jsonValue(),
});

describe('the HMAC text of an audit entry', () => {
  it('is the same built by SQLite as by append(), and a log of random entries passes the full pass', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 30 }), async (entries) => {
        const db = new Database(':memory:');
        migrate(db);
        // Random user ids name no user: the foreign key is not what this test is about.
        db.pragma('foreign_keys = OFF');
        const key = randomBytes(32);
        const audit = createAuditLog(db, key);
        db.transaction(() => entries.forEach((e) => audit.append(e)))();
        const rows = db.prepare(`SELECT *, ${ENTRY_MESSAGE_SQL} AS message FROM audit_log ORDER BY seq`).all() as (AuditRow & { message: string })[];
        for (const row of rows) {
          expect(row.message).toBe(entryMessage(row));
          // The hash append() wrote from the entry before it was stored.
          expect(messageHash(key, row.message)).toBe(row.hash);
        }
        expect(await createAuditVerifier(db, key).full()).toEqual({ ok: true, entries: entries.length, problem: null });
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
