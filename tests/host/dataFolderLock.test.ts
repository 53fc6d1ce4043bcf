/**
 * One app per data folder (issue 9: two hosts could open the same folder at once). The built host runs as its own
 * process; a second one on the same folder must say so in one line, exit non-zero and write nothing; once the first
 * dies by SIGKILL (no cleanup at all), a new one starts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from '../../db/folderLock';
import { runHost, type HostProcess } from '../helpers/hostProcess';
import { tempDir } from '../helpers/tempDir';
import { WsTestClient } from '../helpers/wsClient';

const dir = tempDir();
const running: HostProcess[] = [];
afterAll(async () => {
  for (const h of running) if (h.child.exitCode === null && h.child.signalCode === null) await h.stop('SIGKILL');
  dir.remove();
});

/** Every file of the folder with the hash of its bytes. */
function folderState(path: string): Record<string, string> {
  return Object.fromEntries(readdirSync(path).map((name) => [name, createHash('sha256').update(readFileSync(join(path, name))).digest('hex')]));
}

describe('the data folder lock', () => {
  it('refuses a second lock in the same process and frees it on release', () => {
    const own = tempDir();
    const lock = lockDataFolder(own.path);
    expect(() => lockDataFolder(own.path)).toThrow(DataFolderInUse);
    lock.release();
    lockDataFolder(own.path).release();
    own.remove();
  });

  it('a second host on the same folder says so in one line, exits non-zero and writes nothing', async () => {
    const first = await runHost(['--data-dir', dir.path, '--simulate', 'never']).started;
    running.push(first);
    // Stopped, the first host writes nothing while the second tries; its lock stays held.
    first.child.kill('SIGSTOP');
    const before = folderState(dir.path);
    expect(Object.keys(before)).toContain('clinic.sqlite');

    const second = runHost(['--data-dir', dir.path, '--simulate', 'never']);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(typeof code).toBe('number');
    const lines = second.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^host: The app could not start: the data folder .+ is in use by another running app/);
    expect(second.stdout()).toBe('');
    expect(folderState(dir.path)).toEqual(before);

    // SIGKILL: no shutdown code runs; the operating system drops the lock with the process.
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const third = await runHost(['--data-dir', dir.path, '--simulate', 'never']).started;
    running.push(third);
    const client = await WsTestClient.connect(third.wsUrl);
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
    client.close();
    expect(await third.stop('SIGTERM')).toBe(0);
  });
});
