// `npm run build:electron-natives`: builds better-sqlite3-multiple-ciphers (SQLite with encryption) once more, for
// Electron's ABI, into build/electron-natives/better_sqlite3_mc.node (shipped by release/electron-builder.json).
// Needs Electron's headers (electronjs.org), so it runs on developer and release machines, never in CI or
// postinstall: the tests use the Node build in node_modules, which stays untouched.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
// npm ships node-gyp; npm_execpath is npm/bin/npm-cli.js when run through npm.
const npmDir = process.env.npm_execpath ? dirname(dirname(process.env.npm_execpath)) : join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
const nodeGyp = join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const source = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = mkdtempSync(join(tmpdir(), 'better-sqlite3-mc-electron-'));
try {
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${source}/build`) });
  execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], {
    cwd: work,
    stdio: 'inherit',
  });
  mkdirSync('build/electron-natives', { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), 'build/electron-natives/better_sqlite3_mc.node');
  console.log(`built build/electron-natives/better_sqlite3_mc.node for Electron ${electronVersion}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
