/**
 * How fast a pulled cable becomes "link lost": socat of a real pty pair is killed while a simulated monitor
 * streams into the link (tests/helpers/cablePull.ts). Also the CPU a hung-up port costs afterwards, which was
 * a full core while serialport's binding re-read the dead tty.
 */
import { hangUpBeforeFirstRead, pullCable } from '../tests/helpers/cablePull';
import type { BenchRow } from './storage';

export async function benchCablePull(pulls = 50): Promise<BenchRow[]> {
  // A pull never reported counts as infinitely slow, so it shows in the median and the maximum.
  const times: number[] = [];
  for (let i = 0; i < pulls; i++) times.push((await pullCable(i, 10_000)).lostAfterMs ?? Infinity);
  times.sort((a, b) => a - b);
  const detail = `${times.filter(Number.isFinite).length}/${pulls} pulls reported within 10 s`;
  const hungUp = await hangUpBeforeFirstRead(3000, 1000);
  return [
    { name: `cable pull → link lost, median of ${pulls} pulls`, value: times[times.length >> 1]!, unit: 'ms', target: '≤ 3000 ms', detail },
    { name: `cable pull → link lost, slowest of ${pulls} pulls`, value: times.at(-1)!, unit: 'ms', target: '≤ 3000 ms', detail },
    {
      name: 'CPU in the second after a hang-up',
      value: hungUp.cpuMs,
      unit: 'ms',
      target: '≪ 1000 ms (no read loop)',
      detail: `port ${hungUp.closed === null ? 'never closed' : `closed: ${hungUp.closed}`}, ${hungUp.readCalls} read calls`,
    },
  ];
}
