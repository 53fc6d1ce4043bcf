// `npm run restore -- <backup file> --to <dir> [--key-file PATH]`: decrypts a backup into an empty folder with the
// installation's key (--key-file, else INFUSION_AUDIT_KEY), then checks it: every chunk authenticated, the SHA-256
// and row counts of the manifest, SQLite's integrity check, the schema and the audit chain. The folder can then be
// started as a data folder. One line per problem; exit 1 when the backup is refused (nothing is left in the folder).
import { die, dieOnUnexpectedError, existingFile, parseCommandLine } from '../electron/cli/commandLine';
import { AUDIT_KEY_ENV, envKeyStore, fileKeyStore } from '../electron/services/auditKey';
import { BackupFileError } from '../electron/services/backup/archive';
import { checksHere, restoreBackup } from '../electron/services/backup/restore';

const cli = { tool: 'restore', usage: 'npm run restore -- <backup file> --to <dir> [--key-file PATH]' };
dieOnUnexpectedError(cli);
const { values, positionals } = parseCommandLine(cli, {
  allowPositionals: true,
  options: { to: { type: 'string' }, 'key-file': { type: 'string' } },
});
if (positionals.length !== 1) die(cli, `give exactly one backup file (usage: ${cli.usage})`);
const file = existingFile(cli, positionals[0]!);
const toDir = values.to ?? die(cli, `give the folder to restore into with --to DIR (usage: ${cli.usage})`);

function secret(): Buffer {
  try {
    const store = values['key-file'] ? fileKeyStore(values['key-file'], toDir) : envKeyStore();
    if (!store) return die(cli, `no key: give --key-file PATH or set ${AUDIT_KEY_ENV} (the installation's audit key)`);
    return store.read() ?? die(cli, `no key in ${store.where}`);
  } catch (err) {
    return die(cli, (err as Error).message);
  }
}

const key = secret();
const started = performance.now();
try {
  const m = await restoreBackup(file, toDir, key, checksHere(key).restored);
  const ms = performance.now() - started;
  const rows = Object.values(m.rowCounts).reduce((a, b) => a + b, 0);
  console.log(`restored ${file} to ${toDir} in ${ms.toFixed(0)} ms`);
  console.log(`backup of ${new Date(m.createdAt).toISOString()} (app ${m.appVersion}, schema ${m.schemaVersion}): ${m.databaseBytes} bytes, SHA-256 ${m.sha256}`);
  console.log(`checked: integrity ok, schema as migrated, audit trail intact to entry ${m.auditHead?.seq ?? 0}, ${rows} rows in ${Object.keys(m.rowCounts).length} tables as in the manifest`);
} catch (err) {
  if (err instanceof BackupFileError) die(cli, `REFUSED: ${err.message}`, 1);
  throw err;
}
