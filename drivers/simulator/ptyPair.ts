/**
 * A socat pty pair: the simulator writes into one end, the app opens the other with serialport exactly as it
 * would open a device. Needs Debian's socat (tests, the Linux demo); stop() kills socat, which the app sees
 * as the device going away.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  appPath: string;
  devicePath: string;
  stop(): void;
}

export function socatAvailable(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

export async function openPtyPair(dir = mkdtempSync(join(tmpdir(), 'infusion-pty-'))): Promise<PtyPair> {
  const appPath = join(dir, 'app');
  const devicePath = join(dir, 'device');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${devicePath}`], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 5000;
  while (!(existsSync(appPath) && existsSync(devicePath))) {
    if (socat.exitCode !== null || Date.now() > deadline) {
      socat.kill();
      throw new Error('socat did not create the pty pair (is socat installed?)');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    appPath,
    devicePath,
    stop: () => {
      socat.kill('SIGKILL');
    },
  };
}
