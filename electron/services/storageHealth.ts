/**
 * Whether the app can write its records. A failing disk must be loud: every window shows it at once, with how
 * much waits in memory, and it stays red until everything that waited has been written.
 */
import type { AppHealth, StorageSource } from '../../core/api/methods/app';
import type { EventBus } from './eventBus';
import type { QueueHealth } from './writeQueue';

export type { StorageSource } from '../../core/api/methods/app';

export class StorageHealth {
  private sources = new Map<StorageSource, { error: string; queued: number }>();

  constructor(private readonly bus: EventBus) {}

  report(source: StorageSource, health: QueueHealth): void {
    const before = this.sources.get(source);
    if (before?.error === health.error && before.queued === health.queued) return;
    if (before === undefined && health.error === null) return;
    if (health.error === null) this.sources.delete(source);
    else this.sources.set(source, { error: health.error, queued: health.queued });
    this.bus.emit('app.health', this.status());
  }

  status(): AppHealth {
    const all = [...this.sources];
    return {
      storageErrors: all.map(([source, { error }]) => ({ source, error })),
      queued: all.map(([source, { queued }]) => ({ source, count: queued })),
    };
  }
}
