/** Resident memory of the browser host (own process, as `npm start` runs it) with simulated chairs running. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../tests/helpers/tempDir';
import type { BenchRow } from './storage';

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? NaN) / 1024;
}

export async function benchHostMemory(): Promise<BenchRow[]> {
  const dir = tempDir('infusion-bench-host-');
  const keyDir = tempDir('infusion-bench-key-');
  const args = ['--data-dir', dir.path, '--key-file', join(keyDir.path, 'audit.key'), '--simulate', 'always', '--simulator-interval-ms', '1000'];
  const host = spawn(process.execPath, ['dist/host/host.mjs', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      host.stdout!.on('data', (d: Buffer) => d.toString().includes('browser host') && resolve());
      host.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
    });
    await new Promise((r) => setTimeout(r, 15_000)); // let four chairs run and the heap settle
    const rss = rssMb(host.pid!);
    return [{ name: 'browser host resident memory, 4 simulated chairs running', value: rss, unit: 'MB', target: '≤ 150 MB (one chair)', detail: 'VmRSS after 15 s' }];
  } finally {
    host.kill('SIGTERM');
    await new Promise((r) => host.once('exit', r));
    dir.remove();
    keyDir.remove();
  }
}
