/**
 * Decode a capture file with one protocol's session:
 *   node --import tsx scripts/decode.ts --protocol <id> <file>
 * Prints one JSON line per reading, then one JSON summary line (frames read, rejected, rejections by reason).
 * Request/response protocols get the file as received bytes; what the session would send is discarded.
 */
import { readFileSync } from 'node:fs';
import { findProtocol, PROTOCOLS } from '../drivers/protocols';

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: node --import tsx scripts/decode.ts --protocol <${PROTOCOLS.map((p) => p.id).join('|')}> <file>\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const pi = args.indexOf('--protocol');
const id = pi >= 0 ? args[pi + 1] : undefined;
const file = args.filter((_, i) => i !== pi && i !== pi + 1)[0];
if (!id || !file) usage('missing --protocol or file');
const protocol = findProtocol(id) ?? usage(`unknown protocol '${id}'`);

const bytes = new Uint8Array(readFileSync(file));
const session = protocol.createSession();
session.start(0);
let frames = 0;
let rejected = 0;
const reasons: Record<string, number> = {};
// Serial-sized reads, so the file is decoded the way the link would deliver it.
const CHUNK = 1024;
for (let p = 0; p < bytes.length; p += CHUNK) {
  const out = session.receive(bytes.subarray(p, p + CHUNK), 0);
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
process.stdout.write(`${JSON.stringify({ protocol: protocol.id, bytes: bytes.length, frames, rejected, rejectedByReason: reasons })}\n`);
