/**
 * The backup file: a plain SQLite snapshot encrypted with AES-256-GCM in chunks, each authenticated on its own, so a
 * 1 GB database is streamed through a 1 MiB buffer and a damaged or shortened file is refused at the first bad chunk.
 *
 *   header  "INFUSBAK" | version u8 | salt 16 B (the file's key: ./backupKey.ts) | chunk size u32
 *   chunk*  plain length u32 | last u8 | ciphertext | GCM tag 16 B      (nonce: 4 zero bytes | chunk number u64)
 *
 * Chunk 0 is the manifest (JSON), the database follows. Every chunk authenticates the header, its number and its
 * "last" flag, so chunks cannot be reordered, swapped between files, or cut off at a chunk boundary unnoticed.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { deriveBackupKey } from './backupKey';

const MAGIC = Buffer.from('INFUSBAK', 'latin1');
const VERSION = 1;
const HEADER_BYTES = MAGIC.length + 1 + 16 + 4;
const CHUNK_HEAD_BYTES = 5;
const TAG_BYTES = 16;
export const CHUNK_BYTES = 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface BackupManifest {
  format: 1;
  createdAt: number;
  appVersion: string;
  schemaVersion: number;
  /** SHA-256 (hex) and length of the database file inside. */
  sha256: string;
  databaseBytes: number;
  rowCounts: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
}

/** A backup that is not what it should be; `message` says why in one line. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

function aad(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = last ? 1 : 0;
  return Buffer.concat([header, tail]);
}

function sealChunk(key: Buffer, header: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
  cipher.setAAD(aad(header, index, last));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const head = Buffer.alloc(CHUNK_HEAD_BYTES);
  head.writeUInt32BE(plain.length, 0);
  head[4] = last ? 1 : 0;
  return Buffer.concat([head, body, cipher.getAuthTag()]);
}

async function writeAll(out: FileHandle, data: Buffer): Promise<void> {
  let done = 0;
  while (done < data.length) done += (await out.write(data, done, data.length - done)).bytesWritten;
}

/**
 * Encrypts the plain database `plainFile` with its manifest into `outFile` (created new, 0600, fsynced).
 * Returns the SHA-256 and size of the written backup file.
 */
export async function writeBackupFile(
  plainFile: string,
  manifest: Omit<BackupManifest, 'sha256' | 'databaseBytes' | 'format'>,
  outFile: string,
  secret: Buffer,
): Promise<{ manifest: BackupManifest; fileSha256: string; fileBytes: number }> {
  // First pass: the database's hash, so the manifest (chunk 0) can carry it.
  const hash = createHash('sha256');
  let databaseBytes = 0;
  for await (const piece of createReadStream(plainFile, { highWaterMark: CHUNK_BYTES })) {
    hash.update(piece as Buffer);
    databaseBytes += (piece as Buffer).length;
  }
  const full: BackupManifest = { format: 1, ...manifest, sha256: hash.digest('hex'), databaseBytes };

  const salt = randomBytes(16);
  const key = deriveBackupKey(secret, salt);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[MAGIC.length] = VERSION;
  salt.copy(header, MAGIC.length + 1);
  header.writeUInt32BE(CHUNK_BYTES, MAGIC.length + 17);

  const fileHash = createHash('sha256');
  let fileBytes = 0;
  const out = await open(outFile, 'wx', 0o600);
  const put = async (data: Buffer) => {
    fileHash.update(data);
    fileBytes += data.length;
    await writeAll(out, data);
  };
  try {
    await put(header);
    await put(sealChunk(key, header, 0, databaseBytes === 0, Buffer.from(JSON.stringify(full), 'utf8')));
    // The database in chunks of exactly CHUNK_BYTES: the reader holds one back to know which one is last.
    let index = 1;
    let held: Buffer | null = null;
    for await (const piece of createReadStream(plainFile, { highWaterMark: CHUNK_BYTES })) {
      if (held) await put(sealChunk(key, header, index++, false, held));
      held = piece as Buffer;
    }
    if (held) await put(sealChunk(key, header, index, true, held));
    await out.sync();
  } finally {
    await out.close();
  }
  return { manifest: full, fileSha256: fileHash.digest('hex'), fileBytes };
}

/** Reads a backup chunk by chunk, authenticating each: `onData` gets the database's bytes in order. */
async function readChunks(file: string, secret: Buffer, onData: ((plain: Buffer) => Promise<void>) | null): Promise<BackupManifest> {
  const input = await open(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const got = (await input.read(header, 0, HEADER_BYTES, 0)).bytesRead;
    if (got < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupFileError('not a backup file of this app (no INFUSBAK header)');
    if (header[MAGIC.length] !== VERSION) throw new BackupFileError(`backup format ${header[MAGIC.length]} is not known to this app version`);
    const chunkBytes = header.readUInt32BE(MAGIC.length + 17);
    if (chunkBytes !== CHUNK_BYTES) throw new BackupFileError(`the header names a chunk size of ${chunkBytes} bytes, not ${CHUNK_BYTES} (damaged header)`);
    const key = deriveBackupKey(secret, header.subarray(MAGIC.length + 1, MAGIC.length + 17));
    let position = HEADER_BYTES;
    let manifest: BackupManifest | null = null;
    const hash = createHash('sha256');
    let databaseBytes = 0;
    for (let index = 0; ; index++) {
      const head = Buffer.alloc(CHUNK_HEAD_BYTES);
      if ((await input.read(head, 0, CHUNK_HEAD_BYTES, position)).bytesRead < CHUNK_HEAD_BYTES) {
        throw new BackupFileError(`the file ends before its last chunk (truncated after chunk ${index - 1})`);
      }
      const length = head.readUInt32BE(0);
      const last = head[4] === 1;
      if (head[4]! > 1 || length > (index === 0 ? MAX_MANIFEST_BYTES : CHUNK_BYTES)) throw new BackupFileError(`chunk ${index} has a damaged length or flag`);
      const body = Buffer.alloc(length + TAG_BYTES);
      if ((await input.read(body, 0, body.length, position + CHUNK_HEAD_BYTES)).bytesRead < body.length) {
        throw new BackupFileError(`the file ends inside chunk ${index} (truncated)`);
      }
      position += CHUNK_HEAD_BYTES + body.length;
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
        decipher.setAAD(aad(header, index, last));
        decipher.setAuthTag(body.subarray(length));
        plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw new BackupFileError(
          index === 0
            ? 'the manifest does not authenticate: the backup was made with a different key, or its start is damaged'
            : `chunk ${index} does not authenticate: the file was changed or damaged at byte ${position - body.length - CHUNK_HEAD_BYTES}`,
        );
      }
      if (index === 0) {
        manifest = JSON.parse(plain.toString('utf8')) as BackupManifest;
        if (!onData) return manifest;
      } else {
        hash.update(plain);
        databaseBytes += plain.length;
        await onData!(plain);
      }
      if (last) break;
    }
    if ((await input.stat()).size !== position) throw new BackupFileError('the file has bytes after its last chunk (appended to or damaged)');
    const digest = hash.digest('hex');
    if (databaseBytes !== manifest!.databaseBytes || digest !== manifest!.sha256) {
      throw new BackupFileError(`the database inside does not match its manifest (SHA-256 ${digest}, manifest ${manifest!.sha256})`);
    }
    return manifest!;
  } finally {
    await input.close();
  }
}

/** The manifest alone (listing): only the header and chunk 0 are read and authenticated. */
export function readBackupManifest(file: string, secret: Buffer): Promise<BackupManifest> {
  return readChunks(file, secret, null);
}

/** Decrypts the whole backup into `plainFile` (created new, 0600); every chunk and the SHA-256 are checked. */
export async function decryptBackupFile(file: string, secret: Buffer, plainFile: string): Promise<BackupManifest> {
  const out = await open(plainFile, 'wx', 0o600);
  try {
    const manifest = await readChunks(file, secret, (plain) => writeAll(out, plain));
    await out.sync();
    return manifest;
  } finally {
    await out.close();
  }
}
