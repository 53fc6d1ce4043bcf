/**
 * The integrity check off the start path (issue 13 item 1): a damaged file opens without waiting for the check,
 * the background check finds the damage, every write from then on is refused as a storage failure naming the damage
 * (so what the app took on stays queued in memory), reads go on, and the next start refuses the file at once
 * until it checks out again (a restored backup). Real SQLite files, a page overwritten on disk.
 */
import { rawClinicDb } from '../helpers/clinicFile';
import { copyFileSync, existsSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/envelope';
import { DbClient } from '../../db/client';
import type { IntegrityReport } from '../../db/integrity';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const NOW_CHECK = { firstAfterMs: 0, everyMs: 3_600_000 };
const reading = (t: number) => ({ parameter: 'hr' as const, value: 60 + (t % 40), unit: '/min', state: 'valid' as const, receivedAt: t });

async function filledDatabase(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  cleanup.push(() => dir.remove());
  const file = join(dir.path, 'clinic.sqlite');
  const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
  // Enough vitals for a table of several pages.
  for (let batch = 0; batch < 40; batch++) await db.call('appendReadings', 1 + (batch % 4), Array.from({ length: 300 }, (_, i) => reading(batch * 300_000 + i * 1000)));
  await db.close();
  return { dir: dir.path, file };
}

/** Overwrites the middle of a leaf page of the vitals table: a page of the file no start-up read touches. */
function damageVitalsPage(file: string): void {
  const raw = rawClinicDb(file, TEST_AUDIT_KEY, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const page = raw.prepare("SELECT pageno FROM dbstat WHERE name = 'vital_chunks' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1").pluck().get() as number;
  raw.close();
  expect(page).toBeGreaterThan(1);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (page - 1) * pageSize + 8);
  } finally {
    closeSync(fd);
  }
}

function nextReport(db: DbClient): Promise<IntegrityReport> {
  return new Promise((resolve) => {
    const off = db.onIntegrity((r) => {
      off();
      resolve(r);
    });
  });
}

describe('integrity check in the background', () => {
  it('a sound file: opens, the check reports it sound, writes go on', async () => {
    const { file } = await filledDatabase();
    const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY, integrity: NOW_CHECK });
    cleanup.push(() => db.close());
    expect(await nextReport(db)).toEqual({ problem: null });
    await db.call('appendReadings', 2, [reading(99_000_000)]);
    expect(db.damaged).toBeNull();
  });

  it('a damaged file: opens without waiting, is found, refuses every write loudly, still reads; the next start refuses it', async () => {
    const { file } = await filledDatabase();
    const sound = `${file}.backup`;
    copyFileSync(file, sound);
    damageVitalsPage(file);

    const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY, integrity: NOW_CHECK });
    const report = await nextReport(db);
    // Encrypted pages carry an HMAC: a changed page is refused at its read (malformed), before quick_check can name it.
    expect(report.problem).toMatch(/vital_chunks|page|Tree|malformed/i);
    expect(db.damaged).toBe(report.problem);
    expect(existsSync(`${file}.damaged`)).toBe(true);

    // Writes of every kind: vitals, a chair event, a person's entry. Each one refused as STORAGE, naming the damage.
    const writes = [
      db.call('appendReadings', 1, [reading(99_000_000)]),
      db.call('recordChairEvent', 1, 99_000_000, 'link', '{}'),
      db.call('createFirstAdmin', 1, { username: 'admin', displayName: 'Admin', passwordHash: 'x', pinHash: null }),
    ];
    for (const outcome of await Promise.allSettled(writes)) {
      expect(outcome.status).toBe('rejected');
      const err = (outcome as PromiseRejectedResult).reason as unknown;
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('STORAGE');
      expect((err as AppError).message).toMatch(/database file is damaged.*Nothing more is written/);
    }
    // The running screens keep reading.
    expect(await db.call('listChairs')).toHaveLength(4);
    await db.close();

    // The next start does not open it unchecked.
    await expect(DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY })).rejects.toThrow(/database file is damaged \(integrity check: .+\)\. Nothing more is written/);

    // Restored from the backup: checked at once, opens, and the mark is gone.
    copyFileSync(sound, file);
    const restored = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
    cleanup.push(() => restored.close());
    expect(existsSync(`${file}.damaged`)).toBe(false);
    await restored.call('appendReadings', 1, [reading(99_000_000)]);
  });
});
