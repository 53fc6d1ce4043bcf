/**
 * `node dist/host/host.mjs [--port N] [--data-dir DIR] [--key-file PATH] [--simulate auto|always|never] [--simulator-interval-ms MS]`
 * Starts the services and the browser host and prints the URL with its token. The audit key comes from
 * --key-file (outside the data folder; created on first start) or else INFUSION_AUDIT_KEY (docs/threat-model.md).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { die, dieOnUnexpectedError, numberArg, parseCommandLine } from '../cli/commandLine';
import { AUDIT_KEY_ENV, envKeyStore, fileKeyStore, resolveAuditKey } from '../services/auditKey';
import { createServices } from '../services/createServices';
import { startHost } from './server';

const cli = { tool: 'host', usage: 'node dist/host/host.mjs [--port N] [--data-dir DIR] [--key-file PATH] [--simulate auto|always|never] [--simulator-interval-ms MS]' };
// Until the host runs, any error ends the start in one line; once it runs, see keepRunning below.
dieOnUnexpectedError(cli);
const { values } = parseCommandLine(cli, {
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: process.env.INFUSION_DATA_DIR ?? 'data' },
    'key-file': { type: 'string' },
    simulate: { type: 'string', default: 'auto' },
    'simulator-interval-ms': { type: 'string' },
  },
});

const simulate = values.simulate;
if (simulate !== 'auto' && simulate !== 'always' && simulate !== 'never') die(cli, `--simulate must be auto, always or never, not '${simulate}'`);
const port = numberArg(cli, 'port', values.port, { integer: true, max: 65535 });
const simulatorIntervalMs = numberArg(cli, 'simulator-interval-ms', values['simulator-interval-ms'], { min: 1 });
if (!values['data-dir']?.trim()) die(cli, '--data-dir must name a folder');

const distDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = values['data-dir'];
const openServices = async () => {
  const keyFile = values['key-file'];
  const store = keyFile ? fileKeyStore(keyFile, dataDir) : envKeyStore();
  if (!store) throw new Error(`no audit key: start with --key-file <path outside ${dataDir}> or set ${AUDIT_KEY_ENV} (docs/threat-model.md)`);
  return createServices({
    dataDir,
    auditKey: resolveAuditKey(dataDir, store, (line) => console.log(line)),
    dbWorkerFile: new URL('../db-worker.mjs', import.meta.url),
    fontDir: join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf'),
    transport: 'web-host',
    version: process.env.npm_package_version ?? '0.0.0',
    simulate,
    simulatorIntervalMs,
  });
};
const services = await openServices().catch((err: Error) =>
  // E.g. a database from a newer app version, the data folder in use by another app, a changed schema, a missing or
  // wrong audit key: say why in one line, change nothing.
  die(cli, `The app could not start: ${err.message}`, 1),
);
const host = await startHost({ services, rendererDir: `${distDir}renderer`, port }).catch((err: Error) => die(cli, `The app could not start: ${err.message}`, 1));
keepRunning();
if (services.simulators.size > 0) console.log(`No monitor configured: ${services.simulators.size} chairs run the built-in simulated monitor.`);
console.log(`Infusion monitor (browser host) at ${host.url}`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await host.close();
  await services.close();
  process.exit(0);
}
/** Once chairs are watched, no fault in one call or connection may end the host: every chair would lose its alarms. */
function keepRunning(): void {
  process.removeAllListeners('uncaughtException');
  process.removeAllListeners('unhandledRejection');
  process.on('uncaughtException', (err) => console.error(`host: unexpected error, still running: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (err) => console.error(`host: unexpected rejection, still running: ${(err as Error)?.stack ?? String(err)}`));
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
