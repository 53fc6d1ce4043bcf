/**
 * Long fuzz run of the decoders:  node --import tsx scripts/fuzz.ts [--frames 1000000] [--seed 1] [ids...]
 * Per decoder: frames fed (valid, damaged, re-framed damaged, random), rejected, exceptions (must be 0),
 * implausible values emitted (must be 0), seconds. Exit code 1 if any exception or implausible value.
 */
import { runFuzz } from '../drivers/protocols/shared/fuzz';
import { FUZZ_TARGETS } from '../drivers/protocols/shared/fuzz-targets';

const args = process.argv.slice(2);
let frames = 1_000_000;
let seed = 1;
const ids: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--frames') frames = Number(args[++i]);
  else if (args[i] === '--seed') seed = Number(args[++i]);
  else ids.push(args[i]!);
}
if (!Number.isInteger(frames) || frames <= 0) {
  process.stderr.write('--frames must be a positive integer\n');
  process.exit(2);
}
const targets = ids.length ? FUZZ_TARGETS.filter((t) => ids.includes(t.id)) : FUZZ_TARGETS;
if (targets.length === 0) {
  process.stderr.write(`no such decoder; known: ${FUZZ_TARGETS.map((t) => t.id).join(', ')}\n`);
  process.exit(2);
}

let failed = false;
for (const target of targets) {
  const t0 = performance.now();
  const res = runFuzz(target, frames, seed);
  const seconds = (performance.now() - t0) / 1000;
  const top = Object.entries(res.reasons)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([r, n]) => `${r}: ${n}`)
    .join('; ');
  process.stdout.write(
    `${target.id.padEnd(14)} frames ${res.frames}  bytes ${res.bytes}  decoded ${res.decodedFrames}  readings ${res.readings}  ` +
      `rejected ${res.rejected}  exceptions ${res.exceptions}  implausible ${res.implausible}  unexplained ${res.unexplained}  ` +
      `${seconds.toFixed(1)} s (${Math.round(res.frames / seconds)} frames/s)\n    top reasons: ${top}\n`,
  );
  if (res.firstException) process.stdout.write(`    first exception: ${res.firstException}\n`);
  if (res.exceptions || res.implausible || res.unexplained) failed = true;
}
process.exit(failed ? 1 : 0);
