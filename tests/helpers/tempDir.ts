import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'infusion-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The built database worker: `npm test` builds before it runs the tests. */
export const DB_WORKER = new URL('../../dist/db-worker.mjs', import.meta.url);
/** The audit key for tests that open the worker directly (the app takes it from outside the data folder). */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 7);
export const RENDERER_DIR = new URL('../../dist/renderer', import.meta.url).pathname;
