/**
 * Long fuzz run of the decoders:  node --import tsx scripts/fuzz.ts [--frames 1000000] [--seed 1] [ids...]
 * Per decoder: frames fed (valid, damaged, re-framed damaged, random), rejected, exceptions (must be 0),
 * implausible values emitted (must be 0), seconds. Exit code 1 if any exception or implausible value.
 */
import { runFuzz } from '../drivers/protocols/shared/fuzz';
import { FUZZ_TARGETS } from '../drivers/protocols/shared/fuzz-targets';
import { die, dieOnUnexpectedError, numberArg, parseCommandLine } from '../electron/cli/commandLine';

const cli = { tool: 'fuzz', usage: 'node --import tsx scripts/fuzz.ts [--frames N] [--seed N] [decoder ids...]' };
dieOnUnexpectedError(cli);
const { values, positionals: ids } = parseCommandLine(cli, {
  options: { frames: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const frames = numberArg(cli, 'frames', values.frames, { integer: true, min: 1 })!;
const seed = numberArg(cli, 'seed', values.seed, { integer: true })!;
const unknown = ids.filter((id) => !FUZZ_TARGETS.some((t) => t.id === id));
if (unknown.length) die(cli, `no such decoder: ${unknown.join(', ')}; known: ${FUZZ_TARGETS.map((t) => t.id).join(', ')}`);
const targets = ids.length ? FUZZ_TARGETS.filter((t) => ids.includes(t.id)) : FUZZ_TARGETS;

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
