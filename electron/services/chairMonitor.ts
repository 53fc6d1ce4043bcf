/**
 * Watches one chair's device: runs its serial link, keeps the latest reading of each parameter, pushes readings
 * and link status to the windows at once, and stores readings in batches (one transaction a second).
 */
import type { LinkStatus, StoredReading } from '../../core/api/schemas';
import type { VitalParameter } from '../../core/vitals';
import type { DbClient } from '../../db/client';
import type { PortOpener } from '../../drivers/link/port';
import { SerialLink } from '../../drivers/link/serialLink';
import type { ProtocolDefinition } from '../../drivers/protocol';
import type { EventBus } from './eventBus';

const FLUSH_MS = 1000;

export interface ChairMonitorOptions {
  chairId: number;
  path: string;
  protocol: ProtocolDefinition;
  openPort: PortOpener;
  simulated: boolean;
  db: DbClient;
  bus: EventBus;
  now?: () => number;
  /** Link silence threshold (tests shorten it). */
  silenceMs?: number;
}

export class ChairMonitor {
  readonly link: SerialLink;
  private latestByParameter = new Map<VitalParameter, StoredReading>();
  private unsaved: StoredReading[] = [];
  private flushTimer: ReturnType<typeof setInterval> | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private lastState: LinkStatus['state'] | null = null;
  /** The last write error, so a failing disk is visible instead of silently dropping vitals. */
  saveError: string | null = null;

  constructor(private readonly options: ChairMonitorOptions) {
    this.link = new SerialLink({
      path: options.path,
      protocol: options.protocol,
      openPort: options.openPort,
      simulated: options.simulated,
      now: options.now,
      silenceMs: options.silenceMs,
    });
    this.link.subscribe({
      readings: (readings, receivedAt) => this.onReadings(readings.map((r) => ({ ...r, receivedAt }))),
      status: (status) => this.onStatus(status),
    });
  }

  get chairId(): number {
    return this.options.chairId;
  }

  start(): void {
    this.flushTimer = setInterval(() => void this.flush(), FLUSH_MS);
    this.link.start();
  }

  async stop(): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    await this.link.stop();
    await this.flush();
  }

  latest(): StoredReading[] {
    return [...this.latestByParameter.values()];
  }

  private onReadings(readings: StoredReading[]): void {
    for (const r of readings) this.latestByParameter.set(r.parameter, r);
    this.unsaved.push(...readings);
    this.options.bus.emit('vitals.readings', { chairId: this.chairId, readings });
  }

  private onStatus(status: LinkStatus): void {
    this.options.bus.emit('link.status', { chairId: this.chairId, status });
    if (status.state === this.lastState) return;
    this.lastState = status.state;
    const detail = JSON.stringify({ state: status.state, detail: status.detail, port: status.portPath });
    this.options.db.call('recordChairEvent', this.chairId, status.since, 'link', detail).catch((err: Error) => {
      this.saveError = err.message;
    });
  }

  /** Writes what has not been written; on failure keeps it for the next try, so nothing received is lost. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.unsaved.length === 0) return;
      const batch = this.unsaved;
      this.unsaved = [];
      try {
        await this.options.db.call('appendReadings', this.chairId, batch);
        this.saveError = null;
      } catch (err) {
        this.unsaved = batch.concat(this.unsaved);
        this.saveError = (err as Error).message;
        console.error(`chair ${this.chairId}: vitals not saved yet: ${this.saveError}`);
      }
    });
    return this.flushing;
  }
}
