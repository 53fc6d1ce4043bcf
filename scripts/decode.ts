/**
 * Decode a capture file with one protocol's session:
 *   node --import tsx scripts/decode.ts --protocol <id> <file>
 * Prints one JSON line per reading, then one JSON summary line (frames read, rejected, rejections by reason).
 * The file is either a capture in the record format of drivers/link/capture.ts (docs/capture-format.md: received
 * and sent bytes with times; only received bytes are decoded, in the chunks the link read them, at their times)
 * or plain received bytes. --protocol may be left out for a record-format capture (its header names it).
 * Request/response protocols get the file as received bytes; what the session would send is discarded.
 */
import { readFileSync } from 'node:fs';
import { parseCapture } from '../drivers/link/capture';
import { findProtocol, PROTOCOLS } from '../drivers/protocols';
import { die, dieOnUnexpectedError, existingFile, parseCommandLine } from '../electron/cli/commandLine';

const cli = { tool: 'decode', usage: `node --import tsx scripts/decode.ts [--protocol <${PROTOCOLS.map((p) => p.id).join('|')}>] <file>` };
dieOnUnexpectedError(cli);
const { values, positionals } = parseCommandLine(cli, { options: { protocol: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) die(cli, positionals.length === 0 ? `missing file (usage: ${cli.usage})` : `one file only, got ${positionals.length}`);
const file = existingFile(cli, positionals[0]!);
const capture = parseCapture(new Uint8Array(readFileSync(file)));
const id = values.protocol ?? capture.header?.protocol;
if (!id) die(cli, 'missing --protocol (the file is not a record-format capture that names it)');
const protocol = findProtocol(id) ?? die(cli, `unknown protocol '${id}'; known: ${PROTOCOLS.map((p) => p.id).join(', ')}`);

const startedAt = capture.header?.startedAt ?? 0;
const rxRecords = capture.records.filter((r) => r.direction === 'rx');
const bytes = { length: rxRecords.reduce((n, r) => n + r.bytes.length, 0) };
const session = protocol.createSession();
session.start(startedAt);
let frames = 0;
let rejected = 0;
const reasons: Record<string, number> = {};
if (capture.truncatedBytes > 0) reasons['truncated last record in the capture file'] = 1;
// Serial-sized reads, so the file is decoded the way the link would deliver it.
const CHUNK = 1024;
const reads: { bytes: Uint8Array; at: number }[] = [];
for (const r of rxRecords) {
  for (let p = 0; p < r.bytes.length; p += CHUNK) reads.push({ bytes: r.bytes.subarray(p, p + CHUNK), at: startedAt + r.offsetMs });
}
for (const read of reads) {
  const out = session.receive(read.bytes, read.at);
  frames += out.frames;
  for (const r of out.readings) {
    const line: Record<string, unknown> = {};
    if (r.deviceTime !== undefined) line.deviceTime = new Date(r.deviceTime).toISOString();
    Object.assign(line, { parameter: r.parameter, value: r.value, unit: r.unit, state: r.state });
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  for (const n of out.notices) process.stderr.write(`notice ${n.code}: ${n.text}\n`);
  for (const r of out.rejected) {
    rejected++;
    reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
  }
}
if (capture.truncatedBytes > 0) rejected++;
process.stdout.write(
  `${JSON.stringify({ protocol: protocol.id, format: capture.header ? 'ismcap1' : 'raw', bytes: bytes.length, frames, rejected, rejectedByReason: reasons })}\n`,
);
