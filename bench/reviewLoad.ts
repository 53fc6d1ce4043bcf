/**
 * Database figures of the ten-year bench, each run in a fresh process (a new worker, cold prepared statements and
 * page cache of SQLite; the OS file cache cannot be dropped without root): open time, the review and session screen
 * data of 100 random sessions (each read once), patient list and search, audit verification (incremental from the
 * last checkpoint, then the full pass in slices with calls timed meanwhile), and the review JSON of some sessions
 * for the chart bench; in a second fresh process the background integrity check, with calls timed meanwhile.
 * Prints one JSON line: `node --import tsx bench/reviewLoad.ts <file> <reviews.json> <samples> [integrity]`.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DbClient } from '../db/client';
import { EventBus } from '../electron/services/eventBus';
import { createSessionHandlers } from '../electron/services/session/handlers';
import { TEST_AUDIT_KEY } from '../tests/helpers/tempDir';
import { rawClinicDb } from '../tests/helpers/clinicFile';

export interface DbFigures {
  openMs: number;
  reviewMs: number[];
  sessionMs: number[];
  listMs: number;
  searchMs: number[];
  /** From the checkpoint the last run (or build) left to the end, first call after the open. */
  incrementalMs: number;
  incrementalEntries: number;
  verifySeconds: number;
  /** The longest a call waited for the worker while the full pass ran (the writer is held at most this). */
  verifyCallWaitMaxMs: number;
  auditEntries: number;
  reviewBytes: number;
}

export interface IntegrityFigures {
  seconds: number;
  problem: string | null;
  callWaitMaxMs: number;
  calls: number;
}

const DB_WORKER = new URL('../dist/db-worker.mjs', import.meta.url);

/** Calls the worker every 5 ms while `work` runs (one at a time, as a vitals flush does); the longest wait. */
async function callsMeanwhile<T>(db: DbClient, work: Promise<T>): Promise<{ result: T; maxMs: number; calls: number }> {
  let done = false;
  let maxMs = 0;
  let calls = 0;
  const probe = (async () => {
    while (!done) {
      const t = performance.now();
      await db.call('listChairs');
      maxMs = Math.max(maxMs, performance.now() - t);
      calls++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  try {
    const result = await work;
    done = true;
    await probe; // the call in flight when the work ended counts too
    return { result, maxMs, calls };
  } finally {
    done = true;
  }
}

/** The last audit checkpoint's entry (0 before migration 0190 or the first pass), read before the app opens the file. */
function lastCheckpoint(file: string): number {
  const raw = rawClinicDb(file, TEST_AUDIT_KEY, { readonly: true });
  try {
    return (raw.prepare('SELECT max(seq) FROM audit_checkpoints').pluck().get() as number | null) ?? 0;
  } catch {
    return 0;
  } finally {
    raw.close();
  }
}

async function measure(file: string, reviewsOut: string, chartSamples: number): Promise<DbFigures> {
  const checkpointAt = lastCheckpoint(file);
  let t = performance.now();
  const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
  const openMs = performance.now() - t;
  try {
    t = performance.now();
    const incremental = await db.call('verifyAudit');
    const incrementalMs = performance.now() - t;
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
    const full = await callsMeanwhile(db, db.call('verifyAuditFull'));
    const verified = full.result;
    const verifySeconds = (performance.now() - t) / 1000;
    if (!verified.ok || !incremental.ok) throw new Error(`audit chain broken in the bench database: ${verified.problem ?? incremental.problem}`);
    return {
      openMs,
      reviewMs,
      sessionMs,
      listMs,
      searchMs,
      incrementalMs,
      incrementalEntries: incremental.entries - checkpointAt,
      verifySeconds,
      verifyCallWaitMaxMs: full.maxMs,
      auditEntries: verified.entries,
      reviewBytes,
    };
  } finally {
    await db.close();
  }
}

/** The background integrity check from the start (as 60 s after it in the app), calls timed meanwhile. */
async function measureIntegrity(file: string): Promise<IntegrityFigures> {
  const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY, integrity: { firstAfterMs: 0, everyMs: 86_400_000 } });
  try {
    const t = performance.now();
    const report = new Promise<string | null>((resolve) => db.onIntegrity((r) => resolve(r.problem)));
    const checked = await callsMeanwhile(db, report);
    return { seconds: (performance.now() - t) / 1000, problem: checked.result, callWaitMaxMs: checked.maxMs, calls: checked.calls };
  } finally {
    await db.close();
  }
}

function inFreshProcess<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as T) : reject(new Error(`db figures: exit ${code}`))));
  });
}

/** Runs the measurement in a new Node process and returns its figures. */
export function dbFiguresInFreshProcess(file: string, reviewsOut: string, chartSamples: number): Promise<DbFigures> {
  return inFreshProcess([file, reviewsOut, String(chartSamples)]);
}

export function integrityInFreshProcess(file: string): Promise<IntegrityFigures> {
  return inFreshProcess([file, '-', '0', 'integrity']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, reviewsOut, samples, mode] = process.argv.slice(2);
  console.log(JSON.stringify(mode === 'integrity' ? await measureIntegrity(file!) : await measure(file!, reviewsOut!, Number(samples ?? 30))));
}
