/**
 * Whether the app can write its records. A failing disk must be loud: every window shows it at once, and the
 * data stays queued in memory until writing works again.
 */
import type { EventBus } from './eventBus';

export type StorageSource = 'vitals' | 'alarmLog';

export class StorageHealth {
  private errors = new Map<StorageSource, string>();

  constructor(private readonly bus: EventBus) {}

  report(source: StorageSource, error: string | null): void {
    const before = this.errors.get(source) ?? null;
    if (before === error) return;
    if (error === null) this.errors.delete(source);
    else this.errors.set(source, error);
    this.bus.emit('app.health', this.status());
  }

  status(): { storageErrors: { source: StorageSource; error: string }[] } {
    return { storageErrors: [...this.errors].map(([source, error]) => ({ source, error })) };
  }
}
