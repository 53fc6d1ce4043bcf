/**
 * The encrypted backup file (electron/services/backup/archive.ts): what goes in comes out byte for byte, and any
 * change — a flipped byte anywhere, a cut at any length, bytes appended, another installation's key — is refused
 * with a reason before a single byte is trusted.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, truncateSync, writeFileSync, appendFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupFileError, CHUNK_BYTES, decryptBackupFile, readBackupManifest, writeBackupFile } from '../../electron/services/backup/archive';
import { tempDir } from '../helpers/tempDir';

const dir = tempDir();
afterAll(() => dir.remove());
const secret = randomBytes(32);
const facts = { createdAt: 1_790_000_000_000, appVersion: 'test', schemaVersion: 170, rowCounts: { audit_log: 3, users: 1 }, auditHead: { seq: 3, hash: 'a'.repeat(64) } };
// Two and a half chunks: a full chunk, a second full one and a short last one.
const plain = randomBytes(CHUNK_BYTES * 2 + 12_345);
const plainFile = join(dir.path, 'plain.sqlite');
writeFileSync(plainFile, plain);
const backup = join(dir.path, 'good.ibak');
let n = 0;

async function refusal(file: string, key = secret): Promise<string> {
  const out = join(dir.path, `out-${n++}`);
  const err = await decryptBackupFile(file, key, out).then(
    () => null,
    (e: Error) => e,
  );
  rmSync(out, { force: true });
  expect(err, 'the changed file was accepted').toBeInstanceOf(BackupFileError);
  return err!.message;
}

describe('backup file', () => {
  it('decrypts to the same bytes with the manifest it was written with; nothing of it is readable as plain text', async () => {
    const written = await writeBackupFile(plainFile, facts, backup, secret);
    expect(written.manifest.databaseBytes).toBe(plain.length);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(readFileSync(backup).includes(plain.subarray(1000, 1032))).toBe(false);
    expect(readFileSync(backup).includes(Buffer.from('audit_log'))).toBe(false);
    const out = join(dir.path, 'roundtrip.sqlite');
    const manifest = await decryptBackupFile(backup, secret, out);
    expect(readFileSync(out).equals(plain)).toBe(true);
    expect(manifest).toEqual(written.manifest);
    expect(await readBackupManifest(backup, secret)).toEqual(written.manifest);
  });

  it('refuses another key at the manifest', async () => {
    expect(await refusal(backup, randomBytes(32))).toMatch(/manifest does not authenticate: .*different key/);
    await expect(readBackupManifest(backup, randomBytes(32))).rejects.toThrow(BackupFileError);
  });

  it('refuses a flipped byte anywhere in the file, naming the damaged place', async () => {
    const good = readFileSync(backup);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const bad = Buffer.from(good);
        bad[at]! ^= mask;
        const file = join(dir.path, 'flipped.ibak');
        writeFileSync(file, bad);
        const reason = await refusal(file);
        expect(reason).toMatch(/header|chunk size|authenticate|damaged|truncated|format|ends/);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a file cut at any length, and bytes appended after the last chunk', async () => {
    const size = statSync(backup).size;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: size - 1 }), async (length) => {
        const file = join(dir.path, 'cut.ibak');
        writeFileSync(file, readFileSync(backup));
        truncateSync(file, length);
        expect(await refusal(file)).toMatch(/truncated|ends|INFUSBAK/);
      }),
      { numRuns: 40 },
    );
    const file = join(dir.path, 'appended.ibak');
    writeFileSync(file, readFileSync(backup));
    appendFileSync(file, Buffer.from('more'));
    expect(await refusal(file)).toMatch(/bytes after its last chunk/);
  });

  it('refuses chunks swapped within a file, and leaves no decrypted output behind a refusal', async () => {
    const good = readFileSync(backup);
    const header = 29;
    const chunk0 = 5 + good.readUInt32BE(header) + 16;
    const first = header + chunk0;
    const full = 5 + CHUNK_BYTES + 16;
    const swapped = Buffer.concat([good.subarray(0, first), good.subarray(first + full, first + 2 * full), good.subarray(first, first + full), good.subarray(first + 2 * full)]);
    const file = join(dir.path, 'swapped.ibak');
    writeFileSync(file, swapped);
    const out = join(dir.path, 'swapped.out');
    await expect(decryptBackupFile(file, secret, out)).rejects.toThrow(/chunk 1 does not authenticate/);
    // decryptBackupFile's caller (restore.ts) removes the partial output; here: it never holds more than the good chunks.
    expect(existsSync(out) ? statSync(out).size : 0).toBe(0);
  });
});
