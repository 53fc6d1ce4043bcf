/**
 * `npm run bench`: every benchmark in one run, each as a ratio or a figure beside its target.
 * Timing lives here, never in tests.
 */
import { benchAlarms } from './alarms';
import { benchAlarmLatency } from './alarmLatency';
import { benchAuditAnchor } from './auditAnchor';
import { benchBackup } from './backup';
import { benchCablePull } from './cablePull';
import { benchDecoders } from './decoders';
import { benchDocuments, benchGeneration } from './documents';
import { benchEncryption } from './encryption';
import { benchHostMemory } from './host';
import { benchTenYears } from './issue13';
import { benchSessions } from './sessions';
import { benchStorage, benchVitalsSoak, type BenchRow } from './storage';

function print(r: BenchRow): void {
  const value = r.value.toFixed(r.value >= 100 ? 0 : 2).padStart(10);
  console.log(`${r.name.padEnd(62)} ${value} ${r.unit.padEnd(4)} ${r.target ? `(target ${r.target})` : ''}`);
  if (r.detail) console.log(`${''.padEnd(64)}${r.detail}`);
}

// --quick: the issue-13 figures on a small database only, RSS and CPU over 1 min instead of 5 (CI-sized, about 3 min).
const quick = process.argv.includes('--quick');
await benchTenYears(quick, print);
if (quick) process.exit(0);
for (const d of await benchDecoders()) print({ name: `${d.name} vs line rate`, value: d.ratio, unit: '×', target: '≥ 1000×', detail: d.detail });
benchStorage().forEach(print);
(await benchEncryption()).forEach(print);
(await benchVitalsSoak()).forEach(print);
benchAuditAnchor().forEach(print);
(await benchHostMemory()).forEach(print);
(await benchSessions()).forEach(print);
(await benchAlarms()).forEach(print);
(await benchAlarmLatency()).forEach(print);
(await benchCablePull()).forEach(print);
(await benchDocuments()).forEach(print);
(await benchGeneration()).forEach(print);
(await benchBackup()).forEach(print);
