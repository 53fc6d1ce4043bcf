/**
 * Issue 13 figures on the ten-year database (or a small one with --quick): building it (resumable, cached under
 * .bench-cache/), then open time, review and session screen loads, list and search, audit verification (fresh
 * process), the background integrity check, the review chart render in Chromium, and the live path (byte → painted
 * with four chairs, host RSS and CPU; bench/livePath.ts). Each figure beside its target.
 */
import { join } from 'node:path';
import { benchChart, chartRows } from './chart';
import { benchLivePath } from './livePath';
import { dbFiguresInFreshProcess, integrityInFreshProcess } from './reviewLoad';
import { percentile } from './percentile';
import type { BenchRow } from './storage';
import { benchDbDir, buildBenchDb, checkpointAsTheAppDoes } from './tenYears';

export async function benchTenYears(quick: boolean, print: (r: BenchRow) => void): Promise<void> {
  const sessions = quick ? 40 : 10_000;
  const cache = benchDbDir(sessions);
  if (!cache.complete) {
    const built = buildBenchDb(cache.dir, sessions);
    if (built.sessions >= sessions) {
      await checkpointAsTheAppDoes(built.file);
      cache.markComplete();
    }
    const perSession = built.seconds / Math.max(1, built.added);
    print({ name: `build the bench database (${built.added} sessions added now)`, value: built.seconds, unit: 's', detail: `${(perSession * 1000).toFixed(0)} ms per session, ${((perSession * 10_000) / 3600).toFixed(1)} h for 10 000` });
  }
  const file = join(cache.dir, 'clinic.sqlite');
  const reviews = join(cache.dir, 'reviews.json');
  const db = await dbFiguresInFreshProcess(file, reviews, quick ? 10 : 30);
  const scale = `${sessions} sessions, ${db.auditEntries} audit entries`;
  print({ name: `open the database (fresh process; ${scale})`, value: db.openMs, unit: 'ms', target: '≤ 1000 ms' });
  print({ name: `review data load p50 (${db.reviewMs.length} random sessions, each once)`, value: percentile(db.reviewMs, 50), unit: 'ms', target: '≤ 200 ms', detail: `largest answer ${(db.reviewBytes / 1024).toFixed(0)} KB of JSON` });
  print({ name: 'review data load p99', value: percentile(db.reviewMs, 99), unit: 'ms', target: '≤ 200 ms' });
  print({ name: `session screen data load p50 (${db.sessionMs.length} sessions)`, value: percentile(db.sessionMs, 50), unit: 'ms', target: '≤ 200 ms' });
  print({ name: 'session screen data load p99', value: percentile(db.sessionMs, 99), unit: 'ms', target: '≤ 200 ms' });
  print({ name: 'patient list (all)', value: db.listMs, unit: 'ms', target: '≤ 200 ms' });
  print({ name: 'patient search (worst of 4)', value: Math.max(...db.searchMs), unit: 'ms', target: '≤ 200 ms' });
  print({ name: `audit verification, incremental at start (${db.incrementalEntries} entries after the checkpoint)`, value: db.incrementalMs, unit: 'ms', target: '≤ 200 ms' });
  print({ name: `audit verification, full pass in slices (${db.auditEntries} entries)`, value: db.verifySeconds, unit: 's', target: '≤ 5 s' });
  print({ name: 'longest wait of a database call during the full pass', value: db.verifyCallWaitMaxMs, unit: 'ms', target: '≤ 50 ms' });
  const integrity = await integrityInFreshProcess(file);
  if (integrity.problem !== null) throw new Error(`the bench database is damaged: ${integrity.problem}`);
  print({ name: 'integrity check (quick_check, own thread, after the open)', value: integrity.seconds, unit: 's', detail: 'runs 60 s after the start and daily; never before the open' });
  print({ name: `longest wait of a database call during it (${integrity.calls} calls)`, value: integrity.callWaitMaxMs, unit: 'ms', target: '≤ 50 ms' });
  chartRows(await benchChart(reviews)).forEach(print);
  (await benchLivePath(quick)).forEach(print);
}
