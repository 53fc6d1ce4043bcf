import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'infusion-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The built database worker: `npm test` builds before it runs the tests. */
export const DB_WORKER = new URL('../../dist/db-worker.mjs', import.meta.url);
export const RENDERER_DIR = new URL('../../dist/renderer', import.meta.url).pathname;
