/**
 * The built browser host (dist/host/host.mjs) as its own process, as `npm start` runs it: for tests that must see
 * the process itself survive, refuse to start, or die by SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_AUDIT_KEY } from './tempDir';

const HOST = fileURLToPath(new URL('../../dist/host/host.mjs', import.meta.url));

export interface HostProcess {
  child: ChildProcess;
  port: number;
  token: string;
  wsUrl: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) when the process has ended. */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Runs the host with these arguments; resolves once it prints its URL, or with the exit when it ends first.
 * Its audit key is the tests' fixed key through INFUSION_AUDIT_KEY (outside the data folder, as the host requires).
 */
export function runHost(args: string[]): { started: Promise<HostProcess>; exited: Promise<number | string>; stderr(): string; stdout(): string } {
  const env = { ...process.env, INFUSION_AUDIT_KEY: TEST_AUDIT_KEY.toString('hex') };
  const child = spawn(process.execPath, [HOST, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const started = new Promise<HostProcess>((resolve, reject) => {
    const onData = () => {
      const m = out.match(/browser host\) at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/);
      if (!m) return;
      child.stdout!.off('data', onData);
      const [port, token] = [Number(m[1]), m[2]!];
      resolve({
        child,
        port,
        token,
        wsUrl: `ws://127.0.0.1:${port}/api?token=${token}`,
        stdout: () => out,
        stderr: () => err,
        exited,
        stop: (signal = 'SIGTERM') => (child.kill(signal), exited),
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`the host ended (${code}) before it started: ${err.trim()}`)));
  });
  // A caller that expects the start to fail awaits `exited` instead; the refused start is not an unhandled error.
  started.catch(() => {});
  return { started, exited, stderr: () => err, stdout: () => out };
}
