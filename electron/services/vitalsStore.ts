/**
 * Stores every chair's readings (monitor and pump alike) in batches: one transaction per chair a second, as
 * better-sqlite3's docs and our bench recommend. Readings wait in a WriteQueue until a write committed, so a failing
 * disk loses nothing and keeps their order; the failure and how many readings wait are reported until all are written.
 */
import type { StoredReading } from '../../core/api/schemas';
import type { DbClient } from '../../db/client';
import { WriteQueue, type QueueHealth } from './writeQueue';

const FLUSH_MS = 1000;
/** Readings a transaction at most, so a backlog after an outage does not hold the database worker for long. */
const MAX_BATCH = 5000;

export class VitalsStore {
  private readonly queue: WriteQueue<StoredReading>;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    db: DbClient,
    /** Told of every write failure, of how many readings wait, and of the recovery (error null). */
    onHealth: (health: QueueHealth) => void = () => {},
  ) {
    this.queue = new WriteQueue({
      label: 'vitals',
      maxBatch: MAX_BATCH,
      write: (chairId, readings) => db.call('appendReadings', chairId, readings),
      onHealth,
    });
  }

  get saveError(): string | null {
    return this.queue.error;
  }

  /** Readings received and not yet written. */
  get waiting(): number {
    return this.queue.waiting;
  }

  /** Readings of a chair received up to `t` and not yet written. */
  waitingUpTo(chairId: number, t: number): number {
    return this.queue.waitingIn(chairId).filter((r) => r.receivedAt <= t).length;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  push(chairId: number, readings: readonly StoredReading[]): void {
    this.queue.push(chairId, readings);
  }

  /** Writes what has not been written yet (after any write in progress). */
  flush(): Promise<void> {
    return this.queue.flush();
  }
}
