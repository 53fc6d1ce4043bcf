/**
 * Cable pulls on real pty pairs, shared by the cable-pull test (counts) and bench/cablePull.ts (times, CPU).
 * pullCable: a simulated Datex monitor streams into a SerialLink as fast as it can (so the link is mid-read when
 * the line drops), socat is killed, and we wait for the link to report the loss.
 * hangUpBeforeFirstRead: the line is dead before the port's first read, so every read returns 0 bytes.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { LinkStatus } from '../../core/api/schemas';
import type { LinkFaultCode } from '../../core/devices/linkFault';
import { openSerialPort } from '../../drivers/link/port';
import { SerialLink } from '../../drivers/link/serialLink';
import { datexS5 } from '../../drivers/protocols/datex-s5';
import { createDatexS5Device } from '../../drivers/simulator/devices/datex-s5';
import { SimulatedPatient } from '../../drivers/simulator/patient';
import { openPtyPair } from '../../drivers/simulator/ptyPair';
import { SimulatorRunner } from '../../drivers/simulator/runner';

export interface PullResult {
  /** From killing socat to the link's 'error' status; null if it did not come within the wait. */
  lostAfterMs: number | null;
  /** The link's status at the end of the wait. */
  status: LinkStatus;
}

function when(test: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = () => (test() ? resolve(true) : Date.now() - started > timeoutMs ? resolve(false) : setTimeout(poll, 2));
    poll();
  });
}

export async function pullCable(seed: number, maxWaitMs: number): Promise<PullResult> {
  const pair = await openPtyPair();
  const devicePort = await openSerialPort(pair.devicePath, datexS5.lineSettings);
  const patient = new SimulatedPatient(Date.now(), { seed, sensorOffEveryMs: 0, artefactRate: 0 });
  const runner = new SimulatorRunner(devicePort, createDatexS5Device(), patient, Date.now, 1);
  // Silence must not be what reports the pull: only the port's hang-up may.
  const link = new SerialLink({ path: pair.appPath, protocol: datexS5, openPort: openSerialPort, silenceMs: 600_000, reopenAfterMs: 600_000 });
  let lostAt: number | null = null;
  link.subscribe({ status: (s) => s.state === 'error' && lostAt === null && (lostAt = performance.now()) });
  try {
    runner.start();
    link.start();
    if (!(await when(() => link.status().state === 'receiving', 15_000))) throw new Error(`the link never received: ${JSON.stringify(link.status())}`);
    const pulledAt = performance.now();
    pair.stop();
    await when(() => lostAt !== null, maxWaitMs);
    return { lostAfterMs: lostAt === null ? null : lostAt - pulledAt, status: link.status() };
  } finally {
    await link.stop();
    await runner.stop();
    pair.stop();
  }
}

/** Read system calls of this whole process so far (every thread, the thread pool included; Linux). */
function readCalls(): number {
  return Number(/syscr:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);
}

export interface HangUpResult {
  /** The port's close reason (English, for logs), null if no close came within the wait. */
  closed: string | null;
  /** The same as a code (core/devices/linkFault.ts). */
  fault: LinkFaultCode | null;
  /** Read calls and CPU time of this process in the `windowMs` after the close (or the wait). */
  readCalls: number;
  cpuMs: number;
}

export async function hangUpBeforeFirstRead(maxWaitMs: number, windowMs: number): Promise<HangUpResult> {
  const pair = await openPtyPair();
  const port = await openSerialPort(pair.appPath, datexS5.lineSettings);
  let closed: string | null = null;
  let fault: LinkFaultCode | null = null;
  port.onClose((f, text) => {
    closed = text;
    fault = f.code;
  });
  pair.stop();
  await new Promise((r) => setTimeout(r, 200)); // let the kernel finish the hang-up
  try {
    port.onData(() => undefined); // the first read starts here
    await when(() => closed !== null, maxWaitMs);
    const calls = readCalls();
    const cpu = process.cpuUsage();
    await new Promise((r) => setTimeout(r, windowMs));
    const used = process.cpuUsage(cpu);
    return { closed, fault, readCalls: readCalls() - calls, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    await port.close();
  }
}
