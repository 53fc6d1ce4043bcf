// `npm start`: the Electron app where the Electron binary is installed; otherwise (build machines that reach
// only the npm registry) the browser host with the same services, printing its URL with the token.
// The browser host's audit key: for developers a key file in the user's config folder (outside the data folder),
// e.g. ~/.config/infusion-session-monitor/audit-dev.key, unless --key-file or INFUSION_AUDIT_KEY is given.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  electronBinary = require('electron'); // the package exports the binary's path, or throws if it was not downloaded
} catch {
  electronBinary = null;
}

// Electron needs better-sqlite3-multiple-ciphers built for its own ABI: built once here where Electron is installed
// (its headers come from electronjs.org); if that fails, the same app runs as the browser host.
const NATIVES = 'build/electron-natives/better_sqlite3_mc.node';
if (electronBinary && !existsSync(NATIVES)) {
  try {
    execFileSync(process.execPath, ['scripts/build-electron-natives.mjs'], { stdio: 'inherit' });
  } catch {
    console.log('Could not build better-sqlite3-multiple-ciphers for Electron.');
  }
}
const electronNatives = existsSync(NATIVES);
const args = process.argv.slice(2);
let child;
if (electronBinary && electronNatives) {
  child = spawn(electronBinary, ['.', ...args], { stdio: 'inherit' });
} else {
  console.log(
    electronBinary
      ? 'better-sqlite3-multiple-ciphers is not built for Electron yet (npm run build:electron-natives): starting the browser host instead (open the URL below in Chromium).'
      : 'Electron binary not installed here: starting the browser host instead (open the URL below in Chromium).',
  );
  const configDir = process.env.XDG_CONFIG_HOME ?? (process.platform === 'win32' ? process.env.APPDATA : undefined) ?? join(homedir(), '.config');
  const keyArgs = args.some((a) => a === '--key-file' || a.startsWith('--key-file=')) || process.env.INFUSION_AUDIT_KEY ? [] : ['--key-file', join(configDir, 'infusion-session-monitor', 'audit-dev.key')];
  child = spawn(process.execPath, ['dist/host/host.mjs', ...keyArgs, ...args], { stdio: 'inherit' });
}
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
