/**
 * Drives a simulated device on a port: answers what the app sends and, every device interval, writes the
 * simulated patient's vitals in the device's protocol. Controls let tests make the device go silent,
 * send garbage, or take the sensor off.
 */
import type { PortLike } from '../link/port';
import type { SimulatedDevice } from './device';
import type { SimulatedPatient } from './patient';

export class SimulatorRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private silent = false;
  private sensorOff = false;
  private stopped = false;

  constructor(
    private readonly port: PortLike,
    private readonly device: SimulatedDevice,
    private readonly patient: SimulatedPatient,
    private readonly now: () => number = Date.now,
    /** Overrides the device's own interval (demo speed-up, benchmarks); undefined keeps the device's. */
    private readonly intervalMs?: number,
  ) {
    port.onData((chunk) => {
      for (const reply of device.receive(chunk, this.now())) this.write(reply);
    });
  }

  start(): void {
    this.schedule();
  }

  /** The device stops sending (cable pulled at the monitor, monitor frozen). */
  setSilent(silent: boolean): void {
    this.silent = silent;
  }

  setSensorOff(off: boolean): void {
    this.sensorOff = off;
  }

  /** Writes raw bytes as if the line picked up noise. */
  inject(bytes: Uint8Array): void {
    this.port.write(bytes);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.port.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.emitOnce();
      this.schedule();
    }, this.intervalMs ?? this.device.intervalMs);
  }

  private emitOnce(): void {
    const snapshot = this.patient.snapshot(this.now());
    if (this.sensorOff) snapshot.sensorOff = true;
    for (const bytes of this.device.tick(snapshot)) this.write(bytes);
  }

  private write(bytes: Uint8Array): void {
    if (!this.silent && !this.stopped) this.port.write(bytes);
  }
}
