/**
 * Where the audit key comes from: never from beside the data, or whoever reads the data folder could re-chain a
 * forged audit log (docs/threat-model.md). Sources: the OS keychain in the Electron app (electron/main/auditKeyStore.ts),
 * the environment variable INFUSION_AUDIT_KEY or a key file outside the data folder (browser host, verify-audit).
 * An installation from before that kept `audit.key` beside the database has it moved to the configured source once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { sealUnsealedAnchor } from '../../db/auditAnchor';

export const AUDIT_KEY_ENV = 'INFUSION_AUDIT_KEY';
const KEY_BYTES = 32;
/** Where app versions before the keychain kept the key: in the data folder. */
const OLD_KEY_FILE = 'audit.key';

export interface AuditKeyStore {
  /** Where the key is, in words, for messages. */
  where: string;
  /** The key, or null when this source has none yet. */
  read(): Buffer | null;
  /** Keeps a new key (absent for a source that is only read, like the environment). */
  save?(key: Buffer): void;
}

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

/** A key file or blob: 32 raw bytes (as app versions before the keychain wrote it), or the key as text. */
export function parseAuditKey(bytes: Buffer, where: string): Buffer {
  return bytes.length === KEY_BYTES ? bytes : parseAuditKeyText(bytes.toString('utf8'), where);
}

/** A key as text: 64 hex digits or base64 of 32 bytes. */
function parseAuditKeyText(given: string, where: string): Buffer {
  const text = given.trim();
  const hex = /^[0-9a-f]{64}$/i.test(text);
  const key = Buffer.from(text, hex ? 'hex' : 'base64');
  if (key.length !== KEY_BYTES || (!hex && key.toString('base64') !== text)) {
    throw new AuditKeyError(`The audit key in ${where} is not 32 bytes (give 64 hex digits or base64 of 32 bytes).`);
  }
  return key;
}

/** The key from INFUSION_AUDIT_KEY, or null when it is not set. */
export function envKeyStore(env: NodeJS.ProcessEnv = process.env): AuditKeyStore | null {
  const text = env[AUDIT_KEY_ENV];
  if (!text) return null;
  return { where: `the environment variable ${AUDIT_KEY_ENV}`, read: () => parseAuditKeyText(text, AUDIT_KEY_ENV) };
}

/** The real path of `path`, resolving what exists of it (the file itself may not exist yet). */
function realPath(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const parent = dirname(full);
  return parent === full ? full : join(realPath(parent), basename(full));
}

/** A key file, refused when it lies inside the data folder (a copy of the folder would carry the key). */
export function fileKeyStore(path: string, dataDir: string): AuditKeyStore {
  const inData = relative(realPath(dataDir), realPath(path));
  if (!inData.startsWith('..') && !isAbsolute(inData)) {
    throw new AuditKeyError(
      `The audit key file ${path} is inside the data folder ${dataDir}: whoever copies the folder would have the key. Keep it elsewhere (docs/threat-model.md).`,
    );
  }
  return {
    where: `the key file ${path}`,
    read() {
      if (!existsSync(path)) return null;
      return parseAuditKey(readFileSync(path), path);
    },
    save(key) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    },
  };
}

/**
 * The installation's audit key from `store`: created on first start (no database yet), moved there once from the
 * old `audit.key` beside the data (its anchor sealed on the way), refused with a one-line reason otherwise.
 */
export function resolveAuditKey(dataDir: string, store: AuditKeyStore, notice: (line: string) => void): Buffer {
  const oldFile = join(dataDir, OLD_KEY_FILE);
  const stored = store.read();
  if (existsSync(oldFile)) {
    const old = parseAuditKey(readFileSync(oldFile), oldFile);
    if (stored && !stored.equals(old)) {
      throw new AuditKeyError(
        `Two different audit keys: ${store.where} and ${oldFile}. Nothing was changed; keep the one this database was written with (npm run verify-audit tells) and remove the other.`,
      );
    }
    if (!stored) {
      if (!store.save) throw new AuditKeyError(`The audit key is still in ${oldFile}, beside the data: give it as ${store.where} first.`);
      store.save(old);
    }
    // The old anchor was not sealed: seal it with the key it belongs to, then remove the key from the data folder.
    sealUnsealedAnchor(join(dataDir, 'audit.anchor'), old);
    rmSync(oldFile);
    notice(`The audit key was moved from ${oldFile} to ${store.where}; the data folder no longer holds it.`);
    return old;
  }
  if (stored) return stored;
  const database = join(dataDir, 'clinic.sqlite');
  if (existsSync(database) || !store.save) {
    throw new AuditKeyError(
      `No audit key in ${store.where}, but ${database} exists: start with the key it was written with (docs/threat-model.md).`,
    );
  }
  const key = randomBytes(KEY_BYTES);
  store.save(key);
  return key;
}
