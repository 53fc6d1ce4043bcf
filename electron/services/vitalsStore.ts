/**
 * Stores every chair's readings (monitor and pump alike) in batches: one transaction per chair a second, as
 * better-sqlite3's docs and our bench recommend. A failed write keeps the batch for the next try, so nothing received
 * is lost while the disk recovers; the error stays visible in `saveError`.
 */
import type { StoredReading } from '../../core/api/schemas';
import type { DbClient } from '../../db/client';

const FLUSH_MS = 1000;

export class VitalsStore {
  private unsaved = new Map<number, StoredReading[]>();
  private flushing: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  saveError: string | null = null;

  constructor(
    private readonly db: DbClient,
    /** Told of every write failure and of the recovery (null), so the app can say so loudly. */
    private readonly onHealth: (error: string | null) => void = () => {},
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  push(chairId: number, readings: readonly StoredReading[]): void {
    const queue = this.unsaved.get(chairId);
    if (queue) queue.push(...readings);
    else this.unsaved.set(chairId, [...readings]);
  }

  /** Writes what has not been written yet (queued after any write in progress). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batches = [...this.unsaved];
      this.unsaved.clear();
      for (const [chairId, batch] of batches) {
        try {
          await this.db.call('appendReadings', chairId, batch);
          if (this.saveError !== null) this.onHealth(null);
          this.saveError = null;
        } catch (err) {
          this.push(chairId, batch);
          this.saveError = (err as Error).message;
          this.onHealth(this.saveError);
          console.error(`chair ${chairId}: vitals not saved yet: ${this.saveError}`);
        }
      }
    });
    return this.flushing;
  }
}
