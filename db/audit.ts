/**
 * The audit trail: every change is one appended entry, chained by HMAC-SHA256 to the one before. Call append()
 * inside the same transaction as the change, so a change without its entry cannot be committed.
 * The HMAC key is never kept beside the database (electron/services/auditKey.ts): whoever edits the database
 * cannot re-chain the entries after an edit. The last (seq, hash) is also kept in the sealed anchor
 * (db/auditAnchor.ts), written after each commit, so cutting entries off the end is detected too.
 */
import { createHmac } from 'node:crypto';
import { anchorProblem, writeAnchor } from './auditAnchor';
import type { DB } from './open';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  at: number;
  userId: number | null;
  /** What was done, in the clinic's words: 'infusion.rateChanged', 'observation.recorded', 'user.created' … */
  action: string;
  entity: string;
  entityId: number | null;
  /** What changed, as JSON-able data (new values; for corrections also the old ones). */
  detail: unknown;
}

export interface AuditRow {
  seq: number;
  at: number;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first broken place, in words (null when ok). */
  problem: string | null;
}

/** What an entry's HMAC covers: the previous entry's hash and the entry's fields, joined by U+001F. */
export function entryMessage(row: Omit<AuditRow, 'hash'>): string {
  return [row.prev_hash, row.seq, row.at, row.user_id ?? '', row.action, row.entity, row.entity_id ?? '', row.detail].join('\u001f');
}

/**
 * The same text built by SQLite, for the full pass over the ten-year log (db/auditVerifier.ts): one string per entry
 * instead of a row object of nine values takes a quarter less CPU. tests/db/auditMessage.test.ts holds it equal to
 * entryMessage(); NULL ids must become '' (concat_ws leaves NULLs out, separator included).
 */
export const ENTRY_MESSAGE_SQL = "concat_ws(char(31), prev_hash, seq, at, ifnull(user_id, ''), action, entity, ifnull(entity_id, ''), detail)";

export function messageHash(key: Buffer, message: string): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

export function entryHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  return messageHash(key, entryMessage(row));
}

export function createAuditLog(db: DB, key: Buffer, anchorFile?: string) {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const lastEntry = db.prepare('SELECT * FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash)',
  );
  const all = db.prepare('SELECT * FROM audit_log ORDER BY seq');
  const hashAt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  const anchorCheck = (lastSeq: number) =>
    anchorFile ? anchorProblem(anchorFile, key, lastSeq, (seq) => hashAt.get(seq) as string | undefined) : null;
  /** The (seq, hash) this connection last wrote to the anchor, to skip rewriting it unchanged. */
  let anchored: string | null = null;

  return {
    /** Must run inside the caller's transaction. Returns the entry's sequence number. */
    append(entry: AuditEntry): number {
      if (!db.inTransaction) throw new Error('audit entries must be written in the same transaction as the change');
      const prev = last.get() as { seq: number; hash: string } | undefined;
      const row = {
        seq: (prev?.seq ?? 0) + 1,
        at: entry.at,
        user_id: entry.userId,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        detail: JSON.stringify(entry.detail ?? null),
        prev_hash: prev?.hash ?? GENESIS,
      };
      const hash = entryHash(key, row);
      insert.run({ ...row, hash });
      return row.seq;
    },

    verify(): AuditVerification {
      let prevHash = GENESIS;
      let expectedSeq = 1;
      let count = 0;
      for (const row of all.iterate() as Iterable<AuditRow>) {
        count++;
        if (row.seq !== expectedSeq) return { ok: false, entries: count, problem: `entry ${expectedSeq} is missing (next is ${row.seq})` };
        if (row.prev_hash !== prevHash) return { ok: false, entries: count, problem: `entry ${row.seq} does not follow entry ${row.seq - 1}` };
        if (entryHash(key, row) !== row.hash) return { ok: false, entries: count, problem: `entry ${row.seq} was changed after it was written` };
        prevHash = row.hash;
        expectedSeq++;
      }
      const problem = anchorCheck(count);
      return { ok: problem === null, entries: count, problem };
    },

    /**
     * The quick check at every open (the whole chain is `npm run verify-audit`): the last entry verifies with this
     * key, so a wrong key is named at once, and the anchor agrees with the log. Returns the problem in words.
     */
    checkAtOpen(): string | null {
      const row = lastEntry.get() as AuditRow | undefined;
      if (row && entryHash(key, row) !== row.hash) {
        return `the last audit entry (${row.seq}) does not verify with this audit key: a different key, or the entry was changed (check with npm run verify-audit)`;
      }
      return anchorCheck(row?.seq ?? 0);
    },

    /**
     * Brings the anchor up to the last committed entry. Called after each database call, outside any transaction,
     * so the anchor never names an entry that a rollback took back; after a crash it may lag, which is harmless.
     */
    syncAnchor(): void {
      if (!anchorFile || db.inTransaction) return;
      const row = last.get() as { seq: number; hash: string } | undefined;
      if (!row || anchored === `${row.seq}:${row.hash}`) return;
      writeAnchor(anchorFile, key, { seq: row.seq, hash: row.hash });
      anchored = `${row.seq}:${row.hash}`;
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
