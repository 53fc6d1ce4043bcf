/**
 * A backup in a process of its own, for the kill -9 test: opens the data folder's database, points the backups at
 * the target folder and writes backups one after the other until it is killed. Args: <dataDir> <targetDir>.
 */
import { join } from 'node:path';
import { DbClient } from '../../db/client';
import { BackupService } from '../../electron/services/backup/backupService';
import { checksInWorker } from '../../electron/services/backup/restore';
import { EventBus } from '../../electron/services/eventBus';
import { DB_WORKER, TEST_AUDIT_KEY } from '../helpers/tempDir';

const [dataDir, target] = process.argv.slice(2) as [string, string];
const db = await DbClient.open(DB_WORKER, join(dataDir, 'clinic.sqlite'), { auditKey: TEST_AUDIT_KEY });
await db.call('setBackupSetting', { userId: 1, at: Date.now() }, 'folder', target, '', 'kill test');
const backups = new BackupService({
  db,
  bus: new EventBus(),
  dataDir,
  secret: TEST_AUDIT_KEY,
  appVersion: 'kill-test',
  checks: checksInWorker(new URL('db-check.mjs', DB_WORKER), TEST_AUDIT_KEY),
});
process.stdout.write('ready\n');
for (;;) {
  const run = await backups.run(null);
  process.stdout.write(`${run.outcome}\n`);
}
