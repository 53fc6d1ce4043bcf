/**
 * The syringe pump beside a chair's monitor: a B. Braun BCC link (SpaceCom, 9600 8N1) whose readings (pumpRate,
 * pumpVolume) join the chair's vitals — pushed as 'vitals.readings' of that chair, so the chair screen and the alarm
 * service see them, and stored with the chair's vitals (VitalsStore). Its link status is kept apart from the
 * monitor's (the chair's 'link.status' stays the monitor's); pump notices (drug, pump alarms) and link changes are
 * written to the chair's events.
 */
import type { LinkStatus } from '../../../core/api/schemas';
import type { PortOpener } from '../../../drivers/link/port';
import { SerialLink } from '../../../drivers/link/serialLink';
import { bbraunBcc } from '../../../drivers/protocols/bbraun-bcc';
import type { ChairEventLog } from '../chairEventLog';
import type { EventBus } from '../eventBus';
import type { VitalsStore } from '../vitalsStore';
/** The pump is asked every 5 s; three missed answers = silent. */
const PUMP_SILENCE_MS = 16_000;

export class PumpLink {
  readonly link: SerialLink;
  private lastState: LinkStatus['state'] | null = null;

  constructor(
    private readonly chairId: number,
    path: string,
    openPort: PortOpener,
    private readonly events: ChairEventLog,
    private readonly bus: EventBus,
    private readonly store: VitalsStore,
  ) {
    this.link = new SerialLink({ path, protocol: bbraunBcc, openPort, silenceMs: PUMP_SILENCE_MS, reopenAfterMs: 60_000 });
    this.link.subscribe({
      readings: (readings, receivedAt) => {
        const stored = readings.map((r) => ({ ...r, receivedAt }));
        this.store.push(chairId, stored);
        this.bus.emit('vitals.readings', { chairId, readings: stored });
      },
      notice: (n, at) => this.event(at, 'pump', JSON.stringify(n)),
      status: (s) => {
        if (s.state === this.lastState) return;
        this.lastState = s.state;
        this.event(s.since, 'pumpLink', JSON.stringify({ state: s.state, phase: s.phase, detail: s.detail, port: s.portPath }));
      },
    });
  }

  start(): void {
    this.link.start();
  }

  async stop(): Promise<void> {
    await this.link.stop();
  }

  private event(at: number, kind: string, detail: string): void {
    this.events.record(this.chairId, at, kind, detail);
  }
}
