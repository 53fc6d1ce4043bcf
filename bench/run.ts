/**
 * `npm run bench`: every benchmark in one run, each as a ratio or a figure against its target.
 * Timing lives here, never in tests.
 */
import { benchDecoders } from './decoders';
import { benchHostMemory } from './host';
import { benchStorage, type BenchRow } from './storage';

const rows: BenchRow[] = [];
const print = (r: BenchRow) =>
  console.log(`${r.name.padEnd(58)} ${r.value.toFixed(r.value >= 100 ? 0 : 2).padStart(10)} ${r.unit.padEnd(4)} ${r.target ? `(target ${r.target})` : ''}${r.detail ? `\n${''.padEnd(60)}${r.detail}` : ''}`);

for (const d of await benchDecoders()) {
  const row = { name: d.name + ' vs line rate', value: d.ratio, unit: '×', target: '≥ 1000×', detail: d.detail };
  rows.push(row);
  print(row);
}
for (const r of benchStorage()) {
  rows.push(r);
  print(r);
}
for (const r of await benchHostMemory()) {
  rows.push(r);
  print(r);
}
