/**
 * The syringe pump beside a chair's monitor: a B. Braun BCC link (SpaceCom, 9600 8N1) whose readings (pumpRate,
 * pumpVolume) join the chair's vitals — pushed as 'vitals.readings' of that chair, so the chair screen and the alarm
 * service see them, and stored with the chair's vitals once a second. Its link status is kept apart from the
 * monitor's (the chair's 'link.status' stays the monitor's); pump notices (drug, pump alarms) and link changes are
 * written to the chair's events.
 */
import type { LinkStatus, StoredReading } from '../../../core/api/schemas';
import type { DbClient } from '../../../db/client';
import type { PortOpener } from '../../../drivers/link/port';
import { SerialLink } from '../../../drivers/link/serialLink';
import { bbraunBcc } from '../../../drivers/protocols/bbraun-bcc';
import type { EventBus } from '../eventBus';

const FLUSH_MS = 1000;
/** The pump is asked every 5 s; three missed answers = silent. */
const PUMP_SILENCE_MS = 16_000;

export class PumpLink {
  readonly link: SerialLink;
  private unsaved: StoredReading[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastState: LinkStatus['state'] | null = null;
  saveError: string | null = null;

  constructor(
    private readonly chairId: number,
    path: string,
    openPort: PortOpener,
    private readonly db: DbClient,
    private readonly bus: EventBus,
  ) {
    this.link = new SerialLink({ path, protocol: bbraunBcc, openPort, silenceMs: PUMP_SILENCE_MS, reopenAfterMs: 60_000 });
    this.link.subscribe({
      readings: (readings, receivedAt) => {
        const stored = readings.map((r) => ({ ...r, receivedAt }));
        this.unsaved.push(...stored);
        this.bus.emit('vitals.readings', { chairId, readings: stored });
      },
      notice: (n, at) => this.event(at, 'pump', JSON.stringify(n)),
      status: (s) => {
        if (s.state === this.lastState) return;
        this.lastState = s.state;
        this.event(s.since, 'pumpLink', JSON.stringify({ state: s.state, detail: s.detail, port: s.portPath }));
      },
    });
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.link.start();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.link.stop();
    await this.flush();
  }

  private event(at: number, kind: string, detail: string): void {
    this.db.call('recordChairEvent', this.chairId, at, kind, detail).catch((err: Error) => (this.saveError = err.message));
  }

  private async flush(): Promise<void> {
    if (this.unsaved.length === 0) return;
    const batch = this.unsaved;
    this.unsaved = [];
    try {
      await this.db.call('appendReadings', this.chairId, batch);
      this.saveError = null;
    } catch (err) {
      this.unsaved = batch.concat(this.unsaved);
      this.saveError = (err as Error).message;
    }
  }
}
