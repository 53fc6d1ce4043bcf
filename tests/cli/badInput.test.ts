/**
 * Every command-line tool answers bad input with one clear line on stderr and a non-zero exit, never a stack trace
 * (issue 9: `npm run verify-audit` on a folder without a database printed a raw stack). Each tool runs as a child
 * process, as a person would start it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = tempDir();
afterAll(() => dir.remove());

const emptyFolder = join(dir.path, 'empty');
const notClinic = join(dir.path, 'not-clinic');
const brokenDb = join(dir.path, 'broken-db');
const aFile = join(dir.path, 'capture.bin');
mkdirSync(emptyFolder);
mkdirSync(notClinic);
writeFileSync(join(notClinic, 'clinic.sqlite'), '');
mkdirSync(brokenDb);
writeFileSync(join(brokenDb, 'clinic.sqlite'), 'this is not an SQLite database, it is text long enough to be read as a header page');
// The audit key lives outside any data folder (docs/threat-model.md).
const keyFile = join(dir.path, 'audit-key.hex');
writeFileSync(keyFile, Buffer.alloc(32, 1).toString('hex'));
writeFileSync(aFile, Buffer.from([1, 2, 3]));
const missing = join(dir.path, 'no-such-file.bin');

function run(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INFUSION_DATA_DIR: '', INFUSION_AUDIT_KEY: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code, signal) => resolve({ code, signal, stderr, stdout }));
  });
}

const tsx = (script: string) => (args: string[]) => ['--import', 'tsx', `scripts/${script}.ts`, ...args];
const host = (args: string[]) => ['dist/host/host.mjs', ...args];

/** tool, how to start it, arguments, and a word the one line must contain. */
const CASES: [string, (args: string[]) => string[], string[], RegExp][] = [
  ['decode', tsx('decode'), [], /missing file/],
  ['decode', tsx('decode'), [missing], /no such file/],
  ['decode', tsx('decode'), ['--bogus', aFile], /Unknown option '--bogus'/],
  ['decode', tsx('decode'), ['--protocol', 'no-such-monitor', aFile], /unknown protocol 'no-such-monitor'/],
  ['decode', tsx('decode'), [aFile], /missing --protocol/],
  ['decode', tsx('decode'), [aFile, '--protocol'], /argument missing/],
  ['simulate', tsx('simulate'), ['--bogus'], /Unknown option '--bogus'/],
  ['simulate', tsx('simulate'), [], /missing --protocol/],
  ['simulate', tsx('simulate'), ['--replay', missing], /no such file/],
  ['simulate', tsx('simulate'), ['--protocol', 'nonin-2', '--interval', 'fast'], /--interval must be a number/],
  ['simulate', tsx('simulate'), ['--protocol', 'nonin-2', '--scenario', '{"seed":'], /--scenario is not valid JSON/],
  ['simulate', tsx('simulate'), ['--protocol', 'nonin-2', '--port', missing], /no-such-file/],
  ['fuzz', tsx('fuzz'), ['--frames', '0'], /--frames must be a whole number/],
  ['fuzz', tsx('fuzz'), ['--seed', '1.5'], /--seed must be a whole number/],
  ['fuzz', tsx('fuzz'), ['--bogus'], /Unknown option '--bogus'/],
  ['fuzz', tsx('fuzz'), ['--frames', '10', 'no-such-decoder'], /no such decoder: no-such-decoder/],
  ['verify-audit', tsx('verify-audit'), ['--data-dir', join(dir.path, 'nowhere')], /no data folder/],
  ['verify-audit', tsx('verify-audit'), [], /no data folder at ''/],
  ['verify-audit', tsx('verify-audit'), ['--data-dir', emptyFolder], /no clinic\.sqlite/],
  ['verify-audit', tsx('verify-audit'), ['--data-dir', notClinic], /no audit key: give --key-file PATH or set INFUSION_AUDIT_KEY/],
  ['verify-audit', tsx('verify-audit'), ['--data-dir', notClinic, '--key-file', join(notClinic, 'audit.key')], /is inside the data folder/],
  ['verify-audit', tsx('verify-audit'), ['--data-dir', notClinic, '--key-file', missing], /no audit key in the key file/],
  ['verify-audit', tsx('verify-audit'), ['--data-dir', brokenDb, '--key-file', keyFile], /does not open with this key .*not a clinic database/],
  ['verify-audit', tsx('verify-audit'), ['--bogus'], /Unknown option '--bogus'/],
  ['host', host, ['--bogus'], /Unknown option '--bogus'/],
  ['host', host, ['--port', 'eighty'], /--port must be a whole number between 0 and 65535/],
  ['host', host, ['--simulate', 'sometimes'], /--simulate must be auto, always or never/],
  ['host', host, ['--simulator-interval-ms', '0'], /--simulator-interval-ms must be a number at least 1/],
  ['host', host, ['--data-dir', ''], /--data-dir must name a folder/],
  ['host', host, ['--data-dir', aFile, '--key-file', keyFile], /The app could not start: .*capture\.bin/],
  ['host', host, ['--data-dir', emptyFolder], /The app could not start: no audit key: start with --key-file .* or set INFUSION_AUDIT_KEY/],
  ['host', host, ['--data-dir', emptyFolder, '--key-file', join(emptyFolder, 'audit.key')], /The app could not start: The audit key file .* is inside the data folder/],
];

describe.concurrent('command-line tools answer bad input in one line', () => {
  const named = CASES.map(([tool, command, args, expected]) => ({ title: [tool, ...args.map((a) => a.replace(dir.path, '<tmp>'))].join(' '), tool, command, args, expected }));
  // Each case starts Node with tsx: generous time for a loaded machine (a timeout, not a timing assertion).
  it.each(named)('$title', { timeout: 120_000 }, async ({ tool, command, args, expected }) => {
    const r = await run(command(args));
    expect(r.signal).toBeNull();
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${tool}: `));
    expect(lines[0]).toMatch(expected);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
