/** Simulated Masimo oximeter in "ASCII 1" mode: one text line a second, ignores anything sent to it. */
import { asciiBytes } from '../../protocols/shared/bytes';
import type { SimulatedDevice, VitalsSnapshot } from '../device';

export interface MasimoDeviceOptions {
  serial?: string;
  /** Radical-5 lines lack SN and the extra parameters. */
  radical5?: boolean;
}

const pad = (n: number, w: number): string => String(Math.round(n)).padStart(w, '0');

export function formatMasimoLine(snapshot: VitalsSnapshot, opts: MasimoDeviceOptions = {}): string {
  const d = new Date(snapshot.time);
  const date =
    `${pad(d.getUTCMonth() + 1, 2)}/${pad(d.getUTCDate(), 2)}/${pad(d.getUTCFullYear() % 100, 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  const spo2 = snapshot.values.spo2;
  const pr = snapshot.values.pulseRate;
  const off = snapshot.sensorOff;
  const spo2Text = off || spo2 === undefined ? '---' : pad(spo2, 3);
  const prText = off || pr === undefined ? '---' : pad(pr, 3);
  const exc = off ? '000820' : '000800';
  if (opts.radical5) return `${date} SPO2=${spo2Text}% BPM=${prText} PI=03.20% ALARM=0000 EXC=${exc.slice(3)}\r\n`;
  const sn = (opts.serial ?? '0000056661').padStart(10, '0').slice(-10);
  return (
    `${date} SN=${sn} SPO2=${spo2Text}% BPM=${prText} PI=03.60% SPCO=--.-% SPMET=--.-% ` +
    `DESAT=-- PIDELTA=+-- PVI=--- ALARM=0000 EXC=${exc}\r\n`
  );
}

export function createMasimoAscii1Device(opts: MasimoDeviceOptions = {}): SimulatedDevice {
  return {
    intervalMs: 1000,
    receive() {
      return []; // output-only interface
    },
    tick(snapshot) {
      return [asciiBytes(formatMasimoLine(snapshot, opts))];
    },
  };
}
