/**
 * What happens on a chair that is not a vital value (link changes, pump notices), written in order through a
 * WriteQueue: a failing disk keeps the events in memory and tries again, and app.health says how many wait.
 */
import type { DbClient } from '../../db/client';
import { WriteQueue, type QueueHealth } from './writeQueue';

const RETRY_MS = 1000;

interface ChairEvent {
  at: number;
  kind: string;
  detail: string;
}

export class ChairEventLog {
  private readonly queue: WriteQueue<ChairEvent>;

  constructor(db: DbClient, onHealth?: (health: QueueHealth) => void) {
    this.queue = new WriteQueue({
      label: 'chair events',
      maxBatch: 1,
      retryMs: RETRY_MS,
      write: (chairId, [e]) => db.call('recordChairEvent', chairId, e!.at, e!.kind, e!.detail),
      onHealth,
    });
  }

  record(chairId: number, at: number, kind: string, detail: string): void {
    this.queue.push(chairId, [{ at, kind, detail }]);
    void this.queue.flush();
  }

  /** Resolves when every event so far is written, or the write failed. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  async stop(): Promise<void> {
    this.queue.stop();
    await this.queue.flush();
  }
}
