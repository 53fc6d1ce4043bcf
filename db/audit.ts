/**
 * The audit trail: every change is one appended entry, chained by HMAC-SHA256 to the one before. Call append()
 * inside the same transaction as the change, so a change without its entry cannot be committed.
 * The HMAC key lives in a file beside the database (audit.key): whoever edits the database alone cannot
 * re-chain the entries after an edit. The last (seq, hash) is also written to audit.anchor, so cutting entries
 * off the end is detected too.
 */
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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

export function entryHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  const fields = [row.prev_hash, row.seq, row.at, row.user_id ?? '', row.action, row.entity, row.entity_id ?? '', row.detail];
  return createHmac('sha256', key).update(fields.join('\u001f')).digest('hex');
}

export function createAuditLog(db: DB, key: Buffer, anchorFile?: string) {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash) VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @detail, @prev_hash, @hash)',
  );
  const all = db.prepare('SELECT * FROM audit_log ORDER BY seq');

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
      if (anchorFile) writeFileSync(anchorFile, JSON.stringify({ seq: row.seq, hash }));
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
      if (anchorFile) {
        let anchor: { seq: number; hash: string } | null = null;
        try {
          anchor = JSON.parse(readFileSync(anchorFile, 'utf8'));
        } catch {
          anchor = null;
        }
        if (anchor && anchor.seq > count) return { ok: false, entries: count, problem: `entries after ${count} were removed (the last written was ${anchor.seq})` };
        if (anchor && anchor.seq === count && anchor.hash !== prevHash) return { ok: false, entries: count, problem: `the last entry does not match the one written` };
      }
      return { ok: true, entries: count, problem: null };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

/** Reads the installation's audit key, creating it (32 random bytes, owner-only) on first start. */
export function loadAuditKey(file: string, create: () => Buffer): Buffer {
  try {
    return readFileSync(file);
  } catch {
    const key = create();
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  }
}
