// `npm start`: the Electron app where the Electron binary is installed; otherwise (build machines that reach
// only the npm registry) the browser host with the same services, printing its URL with the token.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  electronBinary = require('electron'); // the package exports the binary's path, or throws if it was not downloaded
} catch {
  electronBinary = null;
}

const args = process.argv.slice(2);
const child = electronBinary
  ? spawn(electronBinary, ['.', ...args], { stdio: 'inherit' })
  : (console.log('Electron binary not installed here: starting the browser host instead (open the URL below in Chromium).'),
    spawn(process.execPath, ['dist/host/host.mjs', ...args], { stdio: 'inherit' }));
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
