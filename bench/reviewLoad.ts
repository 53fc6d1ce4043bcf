/**
 * Database figures of the ten-year bench, each run in a fresh process (a new worker, cold prepared statements and
 * page cache of SQLite; the OS file cache cannot be dropped without root): open time, the review and session screen
 * data of 100 random sessions (each read once), patient list and search, full audit verification, and the review
 * JSON of some sessions for the chart bench. Prints one JSON line: `node --import tsx bench/reviewLoad.ts <file>`.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DbClient } from '../db/client';
import { EventBus } from '../electron/services/eventBus';
import { createSessionHandlers } from '../electron/services/session/handlers';
import { TEST_AUDIT_KEY } from '../tests/helpers/tempDir';

export interface DbFigures {
  openMs: number;
  reviewMs: number[];
  sessionMs: number[];
  listMs: number;
  searchMs: number[];
  verifySeconds: number;
  auditEntries: number;
  reviewBytes: number;
}

const DB_WORKER = new URL('../dist/db-worker.mjs', import.meta.url);

async function measure(file: string, reviewsOut: string, chartSamples: number): Promise<DbFigures> {
  let t = performance.now();
  const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
  const openMs = performance.now() - t;
  try {
    const user = { id: 2, username: 'doc', displayName: 'Dr. Bench', role: 'physician' as const };
    const handlers = createSessionHandlers({ db, bus: new EventBus(), verifyPassword: async () => true });
    const ctx = { clientId: 'bench', user };
    const ids = (await handlers['sessions.list']({ from: 0, to: 8.64e15 }, ctx)).map((s) => s.id);
    // 100 different sessions in a random order, each read once: no answer comes from a warm cache of its own.
    const picked = ids.map((id) => ({ id, k: Math.random() })).sort((a, b) => a.k - b.k).slice(0, 100).map((x) => x.id);
    const reviewMs: number[] = [];
    const sessionMs: number[] = [];
    const reviews: string[] = [];
    let reviewBytes = 0;
    for (const sessionId of picked) {
      t = performance.now();
      const review = await handlers['sessions.review']({ sessionId }, ctx);
      reviewMs.push(performance.now() - t);
      const json = JSON.stringify(review);
      reviewBytes = Math.max(reviewBytes, json.length);
      if (reviews.length < chartSamples) reviews.push(json);
    }
    for (const sessionId of picked.slice().reverse()) {
      t = performance.now();
      await handlers['sessions.get']({ sessionId }, ctx);
      sessionMs.push(performance.now() - t);
    }
    writeFileSync(reviewsOut, JSON.stringify(reviews));
    t = performance.now();
    await handlers['patients.list']({}, ctx);
    const listMs = performance.now() - t;
    const searchMs: number[] = [];
    for (const search of ['Patient1234', 'patient9', 'bench', 'zzz']) {
      t = performance.now();
      await handlers['patients.list']({ search }, ctx);
      searchMs.push(performance.now() - t);
    }
    t = performance.now();
    const verified = await db.call('verifyAudit');
    const verifySeconds = (performance.now() - t) / 1000;
    if (!verified.ok) throw new Error(`audit chain broken in the bench database: ${verified.problem}`);
    return { openMs, reviewMs, sessionMs, listMs, searchMs, verifySeconds, auditEntries: verified.entries, reviewBytes };
  } finally {
    await db.close();
  }
}

/** Runs the measurement in a new Node process and returns its figures. */
export function dbFiguresInFreshProcess(file: string, reviewsOut: string, chartSamples: number): Promise<DbFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, file, reviewsOut, String(chartSamples)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as DbFigures) : reject(new Error(`db figures: exit ${code}`))));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measure(process.argv[2]!, process.argv[3]!, Number(process.argv[4] ?? 30))));
}
