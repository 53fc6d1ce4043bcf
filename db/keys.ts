/**
 * Every key the app derives from the installation's one secret (the audit key, kept outside the data folder:
 * electron/services/auditKey.ts). HKDF-SHA256 with one label per purpose, so no two uses share a key and a leaked
 * derived key reveals neither the secret nor the other keys. In db/ because the database worker derives its own key
 * (db/ may not import the services); the main process imports it from here too. Reasons: docs/threat-model.md.
 */
import { hkdfSync } from 'node:crypto';

/** The label per purpose. A new version of a label (…-v2) is a new key: re-encrypt, never reuse a label. */
export const KEY_LABELS = {
  /** The clinic database's encryption key (db/cipher.ts). */
  database: 'database-v1',
  /** The backups' encryption key. */
  backup: 'backup-v1',
} as const;
export type KeyPurpose = keyof typeof KEY_LABELS;

/** Fixed salt: the secret is already 32 random bytes, the salt only keeps these keys apart from other apps'. */
const SALT = 'infusion-session-monitor';

export function deriveKey(secret: Buffer, purpose: KeyPurpose): Buffer {
  if (secret.length !== 32) throw new Error('the key secret must be 32 bytes');
  return Buffer.from(hkdfSync('sha256', secret, SALT, KEY_LABELS[purpose], 32));
}
