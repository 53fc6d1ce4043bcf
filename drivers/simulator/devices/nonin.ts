/** Simulated Nonin oximeter (formats #2 and #8). Answers the 9560 format-select command with ACK/NAK. */
import { frameChecksum, FRAMES_PER_PACKET } from '../../protocols/nonin/format2';
import { ACK, HR_MISSING, NAK, SPO2_MISSING } from '../../protocols/nonin/common';
import type { SimulatedDevice, VitalsSnapshot } from '../device';

export interface NoninDeviceOptions {
  format: 2 | 8;
  lowBattery?: boolean;
}

function values(s: VitalsSnapshot): { hr: number; spo2: number } {
  const hr = s.sensorOff || s.values.pulseRate === undefined ? HR_MISSING : Math.round(s.values.pulseRate);
  const spo2 = s.sensorOff || s.values.spo2 === undefined ? SPO2_MISSING : Math.round(s.values.spo2);
  return { hr: Math.min(Math.max(hr, 0), 511), spo2: Math.min(Math.max(spo2, 0), 127) };
}

export function encodeFormat8(s: VitalsSnapshot, lowBattery = false): Uint8Array {
  const { hr, spo2 } = values(s);
  const s1 = 0x80 | ((hr >> 7) & 0x03);
  const s2 = (s.sensorOff ? 0x08 : 0x20) | (lowBattery ? 0x01 : 0); // SPA set when the signal is good
  return Uint8Array.of(s1, hr & 0x7f, spo2, s2);
}

/** One 25-frame packet (125 bytes). `phase` shapes a plausible pleth curve. */
export function encodeFormat2Packet(s: VitalsSnapshot, lowBattery = false, phase = 0): Uint8Array {
  const { hr, spo2 } = values(s);
  const slots = new Uint8Array(FRAMES_PER_PACKET);
  slots[0] = (hr >> 7) & 0x03;
  slots[1] = hr & 0x7f;
  slots[2] = spo2;
  slots[3] = 0x94; // software revision
  slots[7] = lowBattery ? 0x01 : 0x00;
  slots[8] = spo2; // SpO2-D
  slots[9] = spo2; // SpO2 fast
  slots[10] = spo2; // SpO2 beat-to-beat
  slots[13] = (hr >> 7) & 0x03;
  slots[14] = hr & 0x7f; // E-HR
  slots[15] = spo2; // E-SpO2
  slots[16] = spo2;
  slots[19] = (hr >> 7) & 0x03;
  slots[20] = hr & 0x7f; // HR-D
  slots[21] = (hr >> 7) & 0x03;
  slots[22] = hr & 0x7f; // E-HR-D
  const out = new Uint8Array(FRAMES_PER_PACKET * 5);
  for (let i = 0; i < FRAMES_PER_PACKET; i++) {
    const status = 0x80 | (i === 0 ? 0x01 : 0) | (s.sensorOff ? 0x08 : 0x02);
    const pleth = s.sensorOff ? 0 : Math.round(100 + 60 * Math.sin((phase + i) / 4));
    const f = slots[i]!;
    out.set([0x01, status, pleth, f, frameChecksum(0x01, status, pleth, f)], i * 5);
  }
  return out;
}

export function createNoninDevice(opts: NoninDeviceOptions): SimulatedDevice {
  let format = opts.format;
  let phase = 0;
  let cmd: number[] = [];
  return {
    intervalMs: format === 2 ? 333 : 1000, // format #2: 3 packets/s (75 frames/s)
    receive(chunk) {
      const replies: Uint8Array[] = [];
      for (const byte of chunk) {
        if (cmd.length === 0 && byte !== 0x02) continue;
        cmd.push(byte);
        if (cmd.length < 6) continue;
        const ok = cmd[1] === 0x70 && cmd[2] === 0x02 && cmd[3] === 0x02 && cmd[5] === 0x03 && (cmd[4] === 2 || cmd[4] === 8);
        if (ok) format = cmd[4] as 2 | 8;
        replies.push(Uint8Array.of(ok ? ACK : NAK));
        cmd = [];
      }
      return replies;
    },
    tick(snapshot) {
      phase += FRAMES_PER_PACKET;
      return [format === 2 ? encodeFormat2Packet(snapshot, opts.lowBattery, phase) : encodeFormat8(snapshot, opts.lowBattery)];
    },
  };
}

export const createNonin2Device = (opts: { lowBattery?: boolean } = {}): SimulatedDevice =>
  createNoninDevice({ ...opts, format: 2 });
export const createNonin8Device = (opts: { lowBattery?: boolean } = {}): SimulatedDevice =>
  createNoninDevice({ ...opts, format: 8 });
