/**
 * The temporary folders that hold the pty links of simulated devices. Each folder's name carries the pid of the
 * process that made it, so a later start can tell the folders of a host that died (SIGKILL, crash, power cut)
 * and remove them, ending any socat still serving them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const PREFIX = 'infusion-pty-';

/** A new pty folder owned by this process. */
export function makePtyDir(): string {
  return mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
}

/** The pty folders of processes that no longer run: their socat (if setpriv could not end it) is killed, the folder removed. */
export function removeStalePtyDirs(): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(tmpdir())) {
    const owner = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length).split('-')[0] : NaN);
    if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner)) continue;
    const dir = join(tmpdir(), name);
    killSocatServing(dir);
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** socat processes whose arguments name a link inside `dir` (Linux /proc; elsewhere nothing to scan). */
export function socatServing(dir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((e) => /^\d+$/.test(e)).map(Number).filter((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return basename(argv[0] ?? '') === 'socat' && argv.some((a) => a.includes(`${dir}/`));
    } catch {
      return false; // ended while we looked
    }
  });
}

function killSocatServing(dir: string): void {
  for (const pid of socatServing(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
