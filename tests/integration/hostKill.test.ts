/**
 * The browser host (dist/host/host.mjs, as `npm start` runs it) with simulated chairs, killed with SIGKILL:
 * no socat of its pty pairs may live on, and the next start removes the pty folders the killed hosts left;
 * a clean stop removes its own. Needs `npm run build` and Debian's socat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const HOST = fileURLToPath(new URL('../../dist/host/host.mjs', import.meta.url));
const KILLS = 5;

const running: ChildProcess[] = [];
afterEach(() => {
  for (const host of running.splice(0)) if (host.exitCode === null && host.signalCode === null) host.kill('SIGKILL');
});

async function startHost(dataDir: string): Promise<ChildProcess> {
  const host = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--simulate', 'always', '--simulator-interval-ms', '1000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, INFUSION_AUDIT_KEY: TEST_AUDIT_KEY.toString('hex') },
  });
  running.push(host);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    host.stdout!.on('data', (d: Buffer) => (out += d.toString()).includes('browser host') && resolve());
    host.once('exit', (code, signal) => reject(new Error(`host exited (${code ?? signal}) before it was ready: ${out}`)));
  });
  return host;
}

/** How the host ended: its exit code, or the signal that ended it ("SIGSEGV" would be a crash on the way out). */
function exited(host: ChildProcess): Promise<number | string | null> {
  if (host.exitCode !== null || host.signalCode !== null) return Promise.resolve(host.exitCode ?? host.signalCode);
  return new Promise((r) => host.once('exit', (code, signal) => r(code ?? signal)));
}

/** A pty folder's name begins with its host's pid, then its start time or the random part. */
const ownedBy = (pid: number) => new RegExp(`infusion-pty-${pid}[.-]`);

/** The pty folders of the host with this pid. */
function ptyDirsOf(pid: number): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith('infusion-pty-') && ownedBy(pid).test(n));
}

/** Every process whose command line names a pty folder of that host (its socat, however it was started). */
function helpersOf(pid: number): string[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).flatMap((p) => {
    try {
      const args = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      return args.some((a) => a.includes(`${tmpdir()}/`) && ownedBy(pid).test(a)) ? [`${p}: ${args.join(' ')}`] : [];
    } catch {
      return []; // ended while we looked
    }
  });
}

/** Polls until `fn` gives an empty list or the time is up, and returns the last list. */
async function untilEmpty(fn: () => string[], timeoutMs: number): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const left = fn();
    if (left.length === 0 || Date.now() - started > timeoutMs) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('browser host killed with SIGKILL', () => {
  it(`leaves no socat behind (${KILLS} kills), and the next start and a clean stop leave no pty folder`, async () => {
    const data = tempDir();
    try {
      const killed: number[] = [];
      for (let i = 0; i < KILLS; i++) {
        const host = await startHost(data.path);
        const pid = host.pid!;
        expect(helpersOf(pid).length).toBeGreaterThan(0); // the simulated chairs' socat pairs are running
        host.kill('SIGKILL');
        await exited(host);
        expect(await untilEmpty(() => helpersOf(pid), 10_000)).toEqual([]);
        killed.push(pid);
      }

      const host = await startHost(data.path);
      expect(killed.flatMap(ptyDirsOf)).toEqual([]); // the killed hosts' folders, removed at this start
      expect(ptyDirsOf(host.pid!).length).toBeGreaterThan(0);
      host.kill('SIGTERM');
      expect(await exited(host)).toBe(0);
      expect(ptyDirsOf(host.pid!)).toEqual([]);
      expect(await untilEmpty(() => helpersOf(host.pid!), 10_000)).toEqual([]);
    } finally {
      data.remove();
    }
  }, 180_000);
});
