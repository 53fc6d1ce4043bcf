/**
 * Watches one chair's device: runs its serial link, keeps the latest reading of each parameter, pushes readings
 * and link status to the windows at once, and hands readings to the VitalsStore (batched writes).
 */
import type { LinkStatus, StoredReading } from '../../core/api/schemas';
import type { VitalParameter } from '../../core/vitals';
import type { PortOpener } from '../../drivers/link/port';
import { SerialLink } from '../../drivers/link/serialLink';
import type { ProtocolDefinition } from '../../drivers/protocol';
import type { ChairEventLog } from './chairEventLog';
import type { EventBus } from './eventBus';
import type { VitalsStore } from './vitalsStore';

export interface ChairMonitorOptions {
  chairId: number;
  path: string;
  protocol: ProtocolDefinition;
  openPort: PortOpener;
  simulated: boolean;
  /** Where link changes are written. */
  events: ChairEventLog;
  bus: EventBus;
  store: VitalsStore;
  now?: () => number;
  /** Link silence threshold (tests shorten it). */
  silenceMs?: number;
}

export class ChairMonitor {
  readonly link: SerialLink;
  private latestByParameter = new Map<VitalParameter, StoredReading>();
  private lastState: LinkStatus['state'] | null = null;

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
    this.link.start();
  }

  async stop(): Promise<void> {
    await this.link.stop();
  }

  latest(): StoredReading[] {
    return [...this.latestByParameter.values()];
  }

  private onReadings(readings: StoredReading[]): void {
    for (const r of readings) this.latestByParameter.set(r.parameter, r);
    this.options.store.push(this.chairId, readings);
    this.options.bus.emit('vitals.readings', { chairId: this.chairId, readings });
  }

  private onStatus(status: LinkStatus): void {
    this.options.bus.emit('link.status', { chairId: this.chairId, status });
    if (status.state === this.lastState) return;
    this.lastState = status.state;
    const detail = JSON.stringify({ state: status.state, phase: status.phase, detail: status.detail, port: status.portPath });
    this.options.events.record(this.chairId, status.since, 'link', detail);
  }
}
