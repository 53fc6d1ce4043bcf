/**
 * The backup key: derived with HKDF-SHA256 from the installation's secret (the one kept outside the data folder for
 * the audit HMAC, ../auditKey.ts) with the label "backup-v1" and each file's random salt, so every backup file has
 * its own key and the secret itself never encrypts anything. Whoever restores needs that secret: keep a copy of it
 * apart from the backups (a backup and its key on the same disk protect nothing).
 */
import { hkdfSync } from 'node:crypto';

export const BACKUP_KEY_LABEL = 'backup-v1';

export function deriveBackupKey(secret: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, BACKUP_KEY_LABEL, 32));
}
