/**
 * A socat pty pair: the simulator writes into one end, the app opens the other with serialport exactly as it
 * would open a device. Needs Debian's socat (tests, the Linux demo); stop() kills socat, which the app sees
 * as the device going away, and removes the links (and the folder, if it made it).
 *
 * socat must not outlive the app, even when the app is killed: it runs under `setpriv --pdeathsig KILL`
 * (util-linux), so the kernel kills it when its parent dies. Where setpriv is missing, the next start ends the
 * orphans (ptyDirs.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makePtyDir } from './ptyDirs';

export interface PtyPair {
  appPath: string;
  devicePath: string;
  stop(): void;
}

export function socatAvailable(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

let pdeathsigWorks: boolean | undefined;

/** The command line that runs `command` so that it dies with this process where the system allows it. */
function diesWithParent(command: string, args: string[]): [string, string[]] {
  pdeathsigWorks ??= spawnSync('setpriv', ['--pdeathsig', 'KILL', 'true'], { stdio: 'ignore' }).status === 0;
  return pdeathsigWorks ? ['setpriv', ['--pdeathsig', 'KILL', command, ...args]] : [command, args];
}

export async function openPtyPair(dir?: string): Promise<PtyPair> {
  const folder = dir ?? makePtyDir();
  const appPath = join(folder, 'app');
  const devicePath = join(folder, 'device');
  const remove = () => {
    rmSync(appPath, { force: true });
    rmSync(devicePath, { force: true });
    if (dir === undefined) rmSync(folder, { recursive: true, force: true });
  };
  const [command, args] = diesWithParent('socat', [`pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${devicePath}`]);
  const socat: ChildProcess = spawn(command, args, { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(existsSync(appPath) && existsSync(devicePath))) {
    if (socat.exitCode !== null || Date.now() > deadline) {
      socat.kill('SIGKILL');
      remove();
      throw new Error('socat did not create the pty pair (is socat installed?)');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    appPath,
    devicePath,
    stop: () => {
      socat.kill('SIGKILL');
      remove();
    },
  };
}
