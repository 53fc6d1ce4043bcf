/**
 * Audit verification that never stalls the writer (issue 13): it goes on from the last checkpoint, verifying in
 * slices of a few milliseconds and giving the worker back between slices, so a vitals write waits at most one slice.
 * A checkpoint says "entries 1..seq verified, the last one has this hash", sealed with an HMAC under the audit key
 * (db/migrations/0190): without the key it cannot be forged, and a changed checkpoint entry is seen at once.
 * Entries before the checkpoint are verified again only by the full pass (on demand, also in slices).
 */
import { createHmac } from 'node:crypto';
import { anchorProblem } from './auditAnchor';
import { ENTRY_MESSAGE_SQL, entryHash, GENESIS, messageHash, type AuditRow, type AuditVerification } from './audit';
import type { DB } from './open';

/** Far below the 50 ms a write may wait; a slice checks some thousand entries. */
const SLICE_MS = 15;
/** A new checkpoint once this many entries were verified past the last one (and after every full pass). */
const CHECKPOINT_EVERY = 1_000;
export const ROWS_PER_READ = 4_096;

interface Point {
  seq: number;
  hash: string;
}

interface CheckpointRow extends Point {
  verified_at: number;
  mac: string;
}

export function checkpointMac(key: Buffer, seq: number, hash: string, verifiedAt: number): string {
  // Its own prefix: a checkpoint MAC can never pass for an entry hash or an anchor seal.
  return createHmac('sha256', key).update(`audit.checkpoint\u001f${seq}\u001f${hash}\u001f${verifiedAt}`).digest('hex');
}

const nextSlice = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createAuditVerifier(db: DB, key: Buffer, anchorFile?: string, sliceMs = SLICE_MS) {
  // Arrays of [seq, prev_hash, hash, message], not row objects: reading is half of the full pass.
  const rowsAfter = db.prepare(`SELECT seq, prev_hash, hash, ${ENTRY_MESSAGE_SQL} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).raw();
  const entryAt = db.prepare('SELECT * FROM audit_log WHERE seq = ?');
  const hashAt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  const lastCheckpoint = db.prepare('SELECT seq, hash, verified_at, mac FROM audit_checkpoints ORDER BY seq DESC LIMIT 1');
  const insertCheckpoint = db.prepare('INSERT INTO audit_checkpoints (seq, hash, verified_at, mac) VALUES (?, ?, ?, ?) ON CONFLICT(seq) DO NOTHING');
  /** Verified by this connection (only ever moves forward while the chain holds). */
  let verified: Point | null = null;
  let checkpointed = 0;
  /** One verification at a time; a second caller waits for the first and then goes on from its end. */
  let queue: Promise<unknown> = Promise.resolve();

  /** Where the last checkpoint says verification may go on, or what is wrong with it. */
  function fromCheckpoint(): Point | string {
    const cp = lastCheckpoint.get() as CheckpointRow | undefined;
    if (!cp) return { seq: 0, hash: GENESIS };
    if (cp.mac !== checkpointMac(key, cp.seq, cp.hash, cp.verified_at)) {
      return `the audit checkpoint at entry ${cp.seq} does not verify with this audit key (forged or changed)`;
    }
    const row = entryAt.get(cp.seq) as AuditRow | undefined;
    if (!row) return `entry ${cp.seq}, verified at the last checkpoint, is missing`;
    if (row.hash !== cp.hash || entryHash(key, row) !== row.hash) return `entry ${cp.seq} was changed after it was verified`;
    checkpointed = Math.max(checkpointed, cp.seq);
    return { seq: cp.seq, hash: cp.hash };
  }

  /** Verifies entries after `from` for at most one slice; `more` is false once the end of the log was reached. */
  function slice(from: Point): { point: Point; problem: string | null; more: boolean } {
    const started = performance.now();
    // The last verified entry, in two plain variables: no object per entry on the ten-year log.
    let seq = from.seq;
    let hash = from.hash;
    let read = 0;
    const stop = (problem: string | null, more: boolean) => ({ point: { seq, hash }, problem, more });
    for (const row of rowsAfter.iterate(seq, ROWS_PER_READ) as Iterable<[number, string, string, string]>) {
      read++;
      if (row[0] !== seq + 1) return stop(`entry ${seq + 1} is missing (next is ${row[0]})`, false);
      if (row[1] !== hash) return stop(`entry ${row[0]} does not follow entry ${seq}`, false);
      if (messageHash(key, row[3]) !== row[2]) return stop(`entry ${row[0]} was changed after it was written`, false);
      seq = row[0];
      hash = row[2];
      if ((read & 63) === 0 && performance.now() - started > sliceMs) return stop(null, true);
    }
    return stop(null, read === ROWS_PER_READ);
  }

  function checkpoint(point: Point): void {
    if (point.seq === 0) return;
    const at = Date.now();
    try {
      insertCheckpoint.run(point.seq, point.hash, at, checkpointMac(key, point.seq, point.hash, at));
      checkpointed = point.seq;
    } catch (err) {
      // A database that refuses writes (disk full, found damaged) still gets its verification; the next one starts earlier.
      console.error(`audit: checkpoint at entry ${point.seq} not written: ${(err as Error).message}`);
    }
  }

  async function run(from: Point, always: boolean): Promise<AuditVerification> {
    let point = from;
    for (;;) {
      const s = slice(point);
      point = s.point;
      // Counted as the old full verify() counts: the entries read, the broken one included.
      if (s.problem) return { ok: false, entries: point.seq + 1, problem: s.problem };
      if (!s.more) break;
      await nextSlice();
    }
    verified = point;
    if (always || point.seq - checkpointed >= CHECKPOINT_EVERY) checkpoint(point);
    const problem = anchorFile ? anchorProblem(anchorFile, key, point.seq, (seq) => hashAt.get(seq) as string | undefined) : null;
    return { ok: problem === null, entries: point.seq, problem };
  }

  const serial = (job: () => Promise<AuditVerification>): Promise<AuditVerification> => {
    const result = queue.then(job);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    /** From the last checkpoint (or what this connection verified) to the end of the log. */
    incremental(): Promise<AuditVerification> {
      return serial(async () => {
        const start = fromCheckpoint();
        if (typeof start === 'string') return { ok: false, entries: 0, problem: start };
        return run(verified && verified.seq > start.seq ? verified : start, false);
      });
    },
    /** Every entry from the first, in slices; a clean pass leaves a checkpoint at the end. */
    full(): Promise<AuditVerification> {
      return serial(() => run({ seq: 0, hash: GENESIS }, true));
    },
  };
}

export type AuditVerifier = ReturnType<typeof createAuditVerifier>;
