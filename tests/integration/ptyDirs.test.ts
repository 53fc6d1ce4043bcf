/**
 * The fallback where setpriv is missing: a killed app's socat lives on serving its pty folder; the next start
 * (removeStalePtyDirs) ends it and removes the folder, and leaves the folders of running processes alone (a reused
 * pid is told apart by its start time).
 * Real socat; the dead owner is a process that really ran and ended. The folders live in a private base folder:
 * in the shared temporary folder an app starting in a parallel test removed the dead owner's folder (and ended its
 * socat) before this test saw the link (CI, 2026-12-03).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePtyDir, removeStalePtyDirs, socatServing } from '../../drivers/simulator/ptyDirs';
import { waitFor } from '../helpers/wsClient';

describe('pty folders of dead apps', () => {
  it('are removed at the next start, their orphaned socat ended; live ones stay', async () => {
    const base = mkdtempSync(join(tmpdir(), 'pty-dirs-test-'));
    const deadPid = spawnSync('true').pid!; // has exited by now
    const stale = join(base, `infusion-pty-${deadPid}-test`);
    mkdirSync(stale);
    const orphan = spawn('socat', [`pty,raw,echo=0,link=${stale}/app`, `pty,raw,echo=0,link=${stale}/device`], { stdio: 'ignore' });
    const own = makePtyDir(base);
    const reusedPid = join(base, `infusion-pty-${process.pid}.1-test`); // this pid, but a process that started at tick 1
    mkdirSync(reusedPid);
    try {
      await waitFor(() => existsSync(join(stale, 'app')), 10_000, 'the orphan socat');
      expect(socatServing(stale)).toEqual([orphan.pid]);

      expect(removeStalePtyDirs(base)).toContain(stale);
      await waitFor(() => orphan.exitCode !== null || orphan.signalCode !== null, 10_000, 'the orphan socat to end');
      expect(orphan.signalCode).toBe('SIGKILL');
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(own)).toBe(true); // this process runs: its folder is in use
      expect(existsSync(reusedPid)).toBe(false); // its pid runs again, but as another process
    } finally {
      orphan.kill('SIGKILL');
      rmSync(stale, { recursive: true, force: true });
      rmSync(own, { recursive: true, force: true });
      rmSync(reusedPid, { recursive: true, force: true });
      rmSync(base, { recursive: true, force: true });
    }
  });
});
