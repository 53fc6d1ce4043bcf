// `npm run verify-audit [-- --data-dir DIR] [--key-file PATH]`: checks a clinic database's schema and audit chain
// with the installation's key (--key-file, else INFUSION_AUDIT_KEY; never from the data folder) and recomputes the
// content hash of every signed session; one line per problem, exit 1 if anything was edited, inserted or removed.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditInDataDir } from '../db/verifyAudit';
import { verifyRecordsInDataDir } from '../db/verifyRecords';
import { die, dieOnUnexpectedError, parseCommandLine } from '../electron/cli/commandLine';
import { AUDIT_KEY_ENV, envKeyStore, fileKeyStore } from '../electron/services/auditKey';

const cli = { tool: 'verify-audit', usage: 'npm run verify-audit [-- --data-dir DIR] [--key-file PATH]' };
dieOnUnexpectedError(cli);
const { values } = parseCommandLine(cli, {
  options: { 'data-dir': { type: 'string', default: process.env.INFUSION_DATA_DIR ?? 'data' }, 'key-file': { type: 'string' } },
});
const dir = values['data-dir'];
if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) die(cli, `no data folder at '${dir}' (give the clinic's folder with --data-dir)`);
if (!existsSync(join(dir, 'clinic.sqlite'))) die(cli, `no clinic.sqlite in '${dir}': not a clinic data folder`);

function auditKey(): Buffer {
  try {
    const store = values['key-file'] ? fileKeyStore(values['key-file'], dir) : envKeyStore();
    if (!store) return die(cli, `no audit key: give --key-file PATH or set ${AUDIT_KEY_ENV}`);
    return store.read() ?? die(cli, `no audit key in ${store.where}`);
  } catch (err) {
    return die(cli, (err as Error).message); // a key file inside the data folder, a malformed key
  }
}

const key = auditKey();
const started = performance.now();
const result = verifyAuditInDataDir(dir, key);
const records = verifyRecordsInDataDir(dir, key);
const ms = performance.now() - started;
if (result.problems.length === 0) {
  console.log(`audit trail intact: ${result.entries} entries checked in ${ms.toFixed(0)} ms`);
} else {
  for (const problem of result.problems) console.error(`BROKEN: ${problem}`);
}
for (const c of records.changed) {
  console.error(`SIGNED SESSION ${c.sessionId} CHANGED: ${c.problems.map((p) => p.message).join('; ')}`);
}
console.log(`signed sessions: ${records.checked} checked, ${records.changed.length} changed`);
if (result.problems.length > 0 || records.changed.length > 0) process.exit(1);
