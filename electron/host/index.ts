/**
 * `node dist/host/host.mjs [--port N] [--data-dir DIR] [--simulate auto|always|never]`
 * Starts the services and the browser host and prints the URL with its token.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services/createServices';
import { startHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: process.env.INFUSION_DATA_DIR ?? 'data' },
    simulate: { type: 'string', default: 'auto' },
    'simulator-interval-ms': { type: 'string' },
  },
});

const simulate = values.simulate;
if (simulate !== 'auto' && simulate !== 'always' && simulate !== 'never') {
  console.error('--simulate must be auto, always or never');
  process.exit(2);
}

const distDir = fileURLToPath(new URL('..', import.meta.url));
const services = await createServices({
  dataDir: values['data-dir'],
  dbWorkerFile: new URL('../db-worker.mjs', import.meta.url),
  transport: 'web-host',
  version: process.env.npm_package_version ?? '0.0.0',
  simulate,
  simulatorIntervalMs: values['simulator-interval-ms'] ? Number(values['simulator-interval-ms']) : undefined,
}).catch((err: Error) => {
  // E.g. a database from a newer app version: say why in one line, change nothing.
  console.error(`The app could not start: ${err.message}`);
  process.exit(1);
});
const host = await startHost({ services, rendererDir: `${distDir}renderer`, port: Number(values.port) });
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
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
