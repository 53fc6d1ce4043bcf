// Builds everything the app runs: the renderer (Vite) and the Node bundles (esbuild) for the Electron main
// process, the sandboxed preload, the browser host and the database worker. No Electron binary needed.
import { build as esbuild } from 'esbuild';
import { rmSync } from 'node:fs';
import { build as viteBuild } from 'vite';

const quiet = { logLevel: 'warning' };
rmSync('dist', { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // node_modules stay external: native modules (better-sqlite3, serialport) must be loaded from their package.
  packages: 'external',
  sourcemap: true,
  ...quiet,
};

await Promise.all([
  esbuild({ ...node, entryPoints: ['electron/host/index.ts'], outfile: 'dist/host/host.mjs', format: 'esm' }),
  esbuild({ ...node, entryPoints: ['db/worker.ts'], outfile: 'dist/db-worker.mjs', format: 'esm' }),
  esbuild({ ...node, entryPoints: ['db/integrityWorker.ts'], outfile: 'dist/db-integrity-worker.mjs', format: 'esm' }),
  esbuild({ ...node, entryPoints: ['db/checkWorker.ts'], outfile: 'dist/db-check.mjs', format: 'esm' }),
  esbuild({ ...node, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] }),
  // The sandboxed preload can require nothing but electron: bundle everything else into it.
  esbuild({ ...node, packages: undefined, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  viteBuild({ configFile: 'vite.config.ts', ...quiet }),
]);
console.log('built dist/');
