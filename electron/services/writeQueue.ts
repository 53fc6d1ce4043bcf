/**
 * Records the app has taken on (readings received, alarm-log rows of an acknowledged action, link events) and must
 * not lose: kept in memory, in order, per lane (a chair), until the database has them. An item leaves its lane
 * only after its write committed; a failed write stays at the head and is tried again, so nothing newer overtakes
 * it and nothing is written twice (each write is one transaction: all or nothing). While a write fails, the
 * error and how much is waiting are reported, until everything waiting is written.
 */

export interface QueueHealth {
  /** The last write error; null once every item that waited has been written. */
  error: string | null;
  /** Records held in memory because of the failure (0 when error is null). */
  queued: number;
}

export interface WriteQueueOptions<T> {
  /** Writes the head of one lane (at most maxBatch items) in one transaction; rejects when nothing was written. */
  write: (lane: number, items: T[]) => Promise<void>;
  maxBatch: number;
  /** Told whenever the error or, during a failure, the number waiting changes. */
  onHealth?: (health: QueueHealth) => void;
  /** After a failure, try again after this long (left out: only when flush() is called). */
  retryMs?: number;
  /** What is queued, for the console: 'vitals', 'alarm log' … */
  label: string;
  /** How many records an item holds (e.g. the rows of one alarm-log write); default 1. */
  records?: (item: T) => number;
}

export class WriteQueue<T> {
  private readonly lanes = new Map<number, T[]>();
  private flushing: Promise<void> = Promise.resolve();
  private retry: ReturnType<typeof setTimeout> | null = null;
  private health: QueueHealth = { error: null, queued: 0 };
  private stopped = false;

  constructor(private readonly options: WriteQueueOptions<T>) {}

  get error(): string | null {
    return this.health.error;
  }

  /** Every record not yet written (also the ones simply waiting for the next flush). */
  get waiting(): number {
    const records = this.options.records ?? (() => 1);
    let n = 0;
    for (const items of this.lanes.values()) for (const item of items) n += records(item);
    return n;
  }

  /** The items of one lane not yet written, oldest first. */
  waitingIn(lane: number): readonly T[] {
    return this.lanes.get(lane) ?? [];
  }

  push(lane: number, items: readonly T[]): void {
    if (items.length === 0) return;
    const queue = this.lanes.get(lane);
    if (queue) queue.push(...items);
    else this.lanes.set(lane, [...items]);
  }

  /** Writes what waits, lane by lane, after any flush in progress; resolves when this attempt is over. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeAll());
    return this.flushing;
  }

  /** No more retries by timer; what waits can still be flushed. */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private async writeAll(): Promise<void> {
    let error: string | null = null;
    for (const [lane, queue] of this.lanes) {
      while (queue.length > 0) {
        const head = queue.slice(0, this.options.maxBatch);
        try {
          await this.options.write(lane, head);
        } catch (err) {
          error = `chair ${lane}: ${(err as Error).message}`;
          break;
        }
        queue.splice(0, head.length);
      }
      if (queue.length === 0) this.lanes.delete(lane);
    }
    this.report({ error, queued: error === null ? 0 : this.waiting });
    if (error !== null && this.options.retryMs !== undefined && !this.stopped && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.flush();
      }, this.options.retryMs);
      this.retry.unref?.();
    }
  }

  private report(health: QueueHealth): void {
    if (health.error === this.health.error && health.queued === this.health.queued) return;
    if (health.error !== null && health.error !== this.health.error) console.error(`${this.options.label} not saved yet (${health.queued} waiting): ${health.error}`);
    if (health.error === null) console.warn(`${this.options.label}: everything that waited is written`);
    this.health = health;
    this.options.onHealth?.(health);
  }
}
