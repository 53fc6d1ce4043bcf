// `npm run verify-audit [-- --data-dir DIR]`: checks the audit chain of a clinic database and recomputes the content
// hash of every signed session; exit 1 if any entry was edited, inserted or removed, or a signed record changed.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditInDataDir } from '../db/verifyAudit';
import { verifyRecordsInDataDir } from '../db/verifyRecords';
import { die, dieOnUnexpectedError, parseCommandLine } from '../electron/cli/commandLine';

const cli = { tool: 'verify-audit', usage: 'npm run verify-audit [-- --data-dir DIR]' };
dieOnUnexpectedError(cli);
const { values } = parseCommandLine(cli, { options: { 'data-dir': { type: 'string', default: process.env.INFUSION_DATA_DIR ?? 'data' } } });
const dir = values['data-dir'];
if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) die(cli, `no data folder at '${dir}' (give the clinic's folder with --data-dir)`);
for (const name of ['clinic.sqlite', 'audit.key']) if (!existsSync(join(dir, name))) die(cli, `no ${name} in '${dir}': not a clinic data folder`);
const started = performance.now();
const result = verifyAuditInDataDir(dir);
const records = verifyRecordsInDataDir(dir);
const ms = performance.now() - started;
if (result.ok) {
  console.log(`audit trail intact: ${result.entries} entries checked in ${ms.toFixed(0)} ms`);
} else {
  console.error(`AUDIT TRAIL BROKEN after ${result.entries} entries: ${result.problem}`);
}
for (const c of records.changed) {
  console.error(`SIGNED SESSION ${c.sessionId} CHANGED: ${c.problems.map((p) => p.message).join('; ')}`);
}
console.log(`signed sessions: ${records.checked} checked, ${records.changed.length} changed`);
if (!result.ok || records.changed.length > 0) process.exit(1);
