// `npm run verify-audit [-- --data-dir DIR]`: checks the audit chain of a clinic database; exit 1 if any entry
// was edited, inserted or removed.
import { parseArgs } from 'node:util';
import { verifyAuditInDataDir } from '../db/verifyAudit';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: process.env.INFUSION_DATA_DIR ?? 'data' } } });
const started = performance.now();
const result = verifyAuditInDataDir(values['data-dir']);
const ms = performance.now() - started;
if (result.ok) {
  console.log(`audit trail intact: ${result.entries} entries checked in ${ms.toFixed(0)} ms`);
} else {
  console.error(`AUDIT TRAIL BROKEN after ${result.entries} entries: ${result.problem}`);
  process.exit(1);
}
