/**
 * The temporary folders that hold the pty links of simulated devices. Each folder's name carries the process that
 * made it (pid, and on Linux its start time, so a reused pid is not taken for the old owner); a later start can
 * tell the folders of a host that died (SIGKILL, crash, power cut) and remove them, ending any socat still
 * serving them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** `infusion-pty-<pid>[.<start time>]-<random>`; folders named otherwise (older versions, tests) are not ours to judge. */
const OWNED = /^infusion-pty-(\d+)(?:\.(\d+))?-/;

/** A new pty folder owned by this process, inside `base` (the system's temporary folder; tests pass their own). */
export function makePtyDir(base = tmpdir()): string {
  const started = startTimeOf(process.pid);
  return mkdtempSync(join(base, `infusion-pty-${process.pid}${started === null ? '' : `.${started}`}-`));
}

/**
 * The pty folders in `base` of processes that no longer run: their socat (if setpriv could not end it) is killed,
 * the folder removed. Tests pass a private `base`, so an app starting in a parallel test cannot clean up first.
 */
export function removeStalePtyDirs(base = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(base)) {
    const owner = OWNED.exec(name);
    if (!owner || isRunning(Number(owner[1]), owner[2] ?? null)) continue;
    const dir = join(base, name);
    try {
      killSocatServing(dir);
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch (err) {
      // Another starting app may be removing the same folder; a leftover must never stop this one starting.
      console.warn(`could not remove the stale pty folder ${dir}: ${(err as Error).message}`);
    }
  }
  return removed;
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); null without /proc or process. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null; // after "(comm) ", fields start at 3
  } catch {
    return null;
  }
}

function isRunning(pid: number, startTime: string | null): boolean {
  if (startTime !== null) return startTimeOf(pid) === startTime;
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
