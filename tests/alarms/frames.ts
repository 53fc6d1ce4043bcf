/** Datex S/5 frames as the simulated monitor writes them, for injecting one exact sample into a chair's pty. */
import { buildDisplayRecord } from '../../drivers/simulator/devices/datex-s5';
import { encodeFrame } from '../../drivers/protocols/datex-s5/framing';
import type { VitalsSnapshot } from '../../drivers/simulator/device';

export const NORMAL = { hr: 72, pulseRate: 72, spo2: 97, nibpSys: 125, nibpDia: 78, nibpMean: 94, respRate: 14, etco2: 37, temp: 36.6 };

export function datexFrame(values: Partial<typeof NORMAL> = {}, sensorOff = false, time = Date.now()): Uint8Array {
  const snapshot: VitalsSnapshot = { values: { ...NORMAL, ...values }, sensorOff, time, nibpMeasuredAt: time - 10_000 };
  return encodeFrame(buildDisplayRecord(snapshot));
}
