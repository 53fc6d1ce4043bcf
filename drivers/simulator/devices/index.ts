/** The simulated device for each protocol id (built-in simulation, scripts/simulate.ts, end-to-end tests). */
import type { SimulatedDevice } from '../device';
import { createBbraunBccDevice } from './bbraun-bcc';
import { createDatexS5Device } from './datex-s5';
import { createMasimoAscii1Device } from './masimo-ascii1';
import { createNonin2Device, createNonin8Device } from './nonin';
import { createPhilipsMibDevice } from './philips-mib';

export interface SimulatedDeviceOptions {
  /** Syringe pump (BCC): rate the simulated pump runs at, ml/h; the volume grows with it. Default 12 ml/h. */
  pumpRateMlH?: number;
}

/** A pump running at a fixed rate since the simulation began: rate and infused volume on every tick. */
function withPump(device: SimulatedDevice, rateMlH: number): SimulatedDevice {
  let startedAt: number | undefined;
  return {
    get intervalMs() {
      return device.intervalMs;
    },
    receive: (chunk, now) => device.receive(chunk, now),
    tick(snapshot) {
      startedAt ??= snapshot.time;
      const volume = Math.round(((rateMlH * (snapshot.time - startedAt)) / 3_600_000) * 10) / 10;
      return device.tick({ ...snapshot, values: { ...snapshot.values, pumpRate: rateMlH, pumpVolume: volume } });
    },
  };
}

export const SIMULATED_PROTOCOLS = ['datex-s5', 'philips-mib', 'masimo-ascii1', 'nonin-2', 'nonin-8', 'bbraun-bcc'] as const;

export function createSimulatedDevice(protocolId: string, opts: SimulatedDeviceOptions = {}): SimulatedDevice {
  switch (protocolId) {
    case 'datex-s5':
      return createDatexS5Device();
    case 'philips-mib':
      return createPhilipsMibDevice();
    case 'masimo-ascii1':
      return createMasimoAscii1Device();
    case 'nonin-2':
      return createNonin2Device();
    case 'nonin-8':
      return createNonin8Device();
    case 'bbraun-bcc':
      return withPump(createBbraunBccDevice(), opts.pumpRateMlH ?? 12);
    default:
      throw new Error(`no simulated device for protocol '${protocolId}'`);
  }
}
