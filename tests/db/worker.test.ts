import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DbClient } from '../../db/client';
import { LATEST_VERSION } from '../../db/migrations';
import { DB_WORKER, tempDir, TEST_AUDIT_KEY } from '../helpers/tempDir';
import { rawClinicDb } from '../helpers/clinicFile';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('database worker', () => {
  it('runs the calls in its own thread and returns their results', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const db = await DbClient.open(DB_WORKER, join(dir.path, 'c.sqlite'), { auditKey: TEST_AUDIT_KEY });
    cleanup.push(() => db.close());
    const chairs = await db.call('listChairs');
    expect(chairs.map((c) => c.name)).toEqual(['Platz 1', 'Platz 2', 'Platz 3', 'Platz 4']);
    await db.call('appendReadings', 1, [{ parameter: 'hr', value: 71, unit: '/min', state: 'valid', receivedAt: 1000 }]);
    const trend = await db.call('vitalTrend', 1, 0, 2000, ['hr'], 100);
    expect(trend).toEqual({ bucketMs: 5000, times: [0], series: [{ parameter: 'hr', min: [71], max: [71] }] });
  });

  it('rejects a failing call with the database’s message and keeps serving', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const db = await DbClient.open(DB_WORKER, join(dir.path, 'c.sqlite'), { auditKey: TEST_AUDIT_KEY });
    cleanup.push(() => db.close());
    await expect(db.call('recordChairEvent', 999, 0, 'link', '{}')).rejects.toThrow(/FOREIGN KEY/);
    await expect(db.call('listChairs')).resolves.toHaveLength(4);
  });

  it('refuses to open a database from a newer app version', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const file = join(dir.path, 'future.sqlite');
    const raw = rawClinicDb(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    await expect(DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY })).rejects.toThrow(/newer version of the app/);
  });

  it('refuses a file whose trigger was dropped outside the app, naming it in one line', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const file = join(dir.path, 'c.sqlite');
    const db = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY });
    await db.close();
    const raw = rawClinicDb(file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.close();
    const error = await DbClient.open(DB_WORKER, file, { auditKey: TEST_AUDIT_KEY }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/schema is not the one this app made \(trigger audit_log_no_update is missing\)/);
    expect((error as Error).message).not.toContain('\n');
  });
});
