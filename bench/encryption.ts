/**
 * The cost of encryption at rest (db/cipher.ts), plain against encrypted in one run on the same machine: vitals
 * writes (one transaction a second per chair, synchronous=FULL, and a backlog's big batches) and the review load
 * (60 signed sessions read on a fresh connection, so every page is read and decrypted again), plus the speed of the
 * one-time encryption of a plain database. Rounds alternate plain and encrypted so drift hits both alike.
 */
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredReading } from '../core/api/schemas';
import { createDbApi } from '../db/api';
import type { DbClient } from '../db/client';
import { encryptPlainDatabase } from '../db/encryptPlain';
import { closeDatabase, openDatabase } from '../db/open';
import { createVitalsRepo } from '../db/repos/vitals';
import { EventBus } from '../electron/services/eventBus';
import { createSessionHandlers } from '../electron/services/session/handlers';
import { TEST_DATABASE_KEY } from '../tests/helpers/clinicFile';
import { tempDir, TEST_AUDIT_KEY } from '../tests/helpers/tempDir';
import { fill } from './sessions';
import { second, type BenchRow } from './storage';

const ROUNDS = 3;
type Variant = 'plain' | 'encrypted';
const keyOf = (v: Variant) => (v === 'encrypted' ? TEST_DATABASE_KEY : undefined);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Seconds to write `seconds` of 6-parameter readings in transactions of `perTransaction` seconds, on a new file. */
function writeVitals(file: string, variant: Variant, seconds: number, perTransaction: number): number {
  const db = openDatabase(file, { key: keyOf(variant) });
  try {
    const repo = createVitalsRepo(db);
    const started = performance.now();
    for (let i = 0; i < seconds; i += perTransaction) {
      const batch: StoredReading[] = [];
      for (let k = i; k < i + perTransaction; k++) batch.push(...second(1e12 + k * 1000, k));
      repo.appendReadings(1, batch);
    }
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
  }
}

/** Milliseconds to load the review data of `sessionIds` on a fresh connection (the worker's calls, in this thread). */
async function reviewLoad(file: string, variant: Variant, sessionIds: number[]): Promise<number> {
  const conn = openDatabase(file, { key: keyOf(variant) });
  try {
    const api = createDbApi(conn, { auditKey: TEST_AUDIT_KEY });
    const db = { call: async (method: keyof typeof api, ...args: unknown[]) => (api[method] as (...a: unknown[]) => unknown)(...args) } as unknown as DbClient;
    const handlers = createSessionHandlers({ db, bus: new EventBus(), verifyPassword: async () => true });
    const ctx = { clientId: 'bench', user: { id: 2, username: 'doc', displayName: 'Dr. Bench', role: 'physician' as const } };
    const started = performance.now();
    for (const sessionId of sessionIds) await handlers['sessions.review']({ sessionId }, ctx);
    return performance.now() - started;
  } finally {
    closeDatabase(conn);
  }
}

export async function benchEncryption(): Promise<BenchRow[]> {
  const dir = tempDir('infusion-bench-encryption-');
  try {
    const figures: Record<string, Record<Variant, number[]>> = { steady: { plain: [], encrypted: [] }, backlog: { plain: [], encrypted: [] }, review: { plain: [], encrypted: [] } };
    // The review database: 120 signed sessions with 2 h of vitals each, plain, and an encrypted copy.
    const plainFile = join(dir.path, 'plain.sqlite');
    const { sessionIds } = fill(plainFile, dir.path, 120);
    const encryptedFile = join(dir.path, 'encrypted.sqlite');
    copyFileSync(plainFile, encryptedFile);
    const mb = statSync(encryptedFile).size / 1e6;
    let started = performance.now();
    encryptPlainDatabase(encryptedFile, TEST_DATABASE_KEY, () => {});
    const encryptSeconds = (performance.now() - started) / 1000;
    const files: Record<Variant, string> = { plain: plainFile, encrypted: encryptedFile };
    const picked = sessionIds.filter((_, i) => i % 2 === 0).slice(0, 60);

    for (let round = 0; round < ROUNDS; round++) {
      const order: Variant[] = round % 2 ? ['encrypted', 'plain'] : ['plain', 'encrypted'];
      for (const v of order) {
        figures.steady![v].push(writeVitals(join(dir.path, `steady-${v}-${round}.sqlite`), v, 1000, 1));
        figures.backlog![v].push(writeVitals(join(dir.path, `backlog-${v}-${round}.sqlite`), v, 20_000, 100));
        figures.review![v].push(await reviewLoad(files[v], v, picked));
      }
    }
    const ratio = (name: string) => median(figures[name]!.encrypted) / median(figures[name]!.plain);
    const detail = (name: string, unit: string, scale = 1) =>
      `median of ${ROUNDS}: plain ${(median(figures[name]!.plain) * scale).toFixed(1)} ${unit}, encrypted ${(median(figures[name]!.encrypted) * scale).toFixed(1)} ${unit}`;
    return [
      { name: 'encryption cost: vitals writes, 1 transaction/s per chair (encrypted ÷ plain)', value: ratio('steady'), unit: '×', target: '≤ 1.5×', detail: detail('steady', 'ms per transaction') },
      { name: 'encryption cost: vitals writes, 100-s backlog batches (encrypted ÷ plain)', value: ratio('backlog'), unit: '×', target: '≤ 1.5×', detail: detail('backlog', 's for 20 000 s of 6 parameters') },
      { name: 'encryption cost: review load, 60 sessions, cold connection (encrypted ÷ plain)', value: ratio('review'), unit: '×', target: '≤ 1.5×', detail: detail('review', 'ms per session', 1 / picked.length) },
      { name: `one-time encryption of a plain database (${mb.toFixed(0)} MB)`, value: mb / encryptSeconds, unit: 'MB/s', detail: `${encryptSeconds.toFixed(1)} s, i.e. ≈ ${(1000 / (mb / encryptSeconds)).toFixed(0)} s per GB at the first start after the update` },
    ];
  } finally {
    dir.remove();
  }
}
