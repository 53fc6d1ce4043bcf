/**
 * A simulated device: the device side of a protocol, pure. It is given the vitals it should report
 * and answers what the app sends (association, requests, acknowledgements).
 */
import type { VitalParameter } from '../../core/vitals';

/** What the simulated patient shows right now. A missing parameter is not measured by this device. */
export interface VitalsSnapshot {
  values: Partial<Record<VitalParameter, number>>;
  /** Sensor off / leads off: the device reports the parameters as not available with its "sensor off" marker. */
  sensorOff: boolean;
  /** Epoch ms of the simulated device clock. */
  time: number;
  /** When the NIBP cuff last measured (epoch ms); protocols that flag old NIBP values use it. */
  nibpMeasuredAt?: number;
}

export interface SimulatedDevice {
  /** Bytes the app sent to the device; returns the device's immediate answers. */
  receive(chunk: Uint8Array, now: number): Uint8Array[];
  /** Called every `intervalMs`; returns what the device sends on its own (periodic data, keep-alives). */
  tick(snapshot: VitalsSnapshot): Uint8Array[];
  /** How often the device sends data on its own, ms. */
  readonly intervalMs: number;
}
