/**
 * The audit key in the Electron app: a blob in the user-data folder (outside the data folder), encrypted by the
 * operating system's keychain through safeStorage, so a copy of the folders alone does not carry the key.
 * The rules (create, move the old key, refuse) are in electron/services/auditKey.ts.
 */
import { safeStorage } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { AuditKeyError, parseAuditKey, type AuditKeyStore } from '../services/auditKey';

function keychainReady(): void {
  // On Linux without a keyring safeStorage falls back to a fixed password: that would be a plain file again.
  const plain = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || plain) {
    throw new AuditKeyError('No OS keychain is available for the audit key: start with INFUSION_AUDIT_KEY set (docs/threat-model.md).');
  }
}

export function keychainKeyStore(file: string): AuditKeyStore {
  return {
    where: `${file} (encrypted by the OS keychain)`,
    read() {
      if (!existsSync(file)) return null;
      keychainReady();
      return parseAuditKey(Buffer.from(safeStorage.decryptString(readFileSync(file))), file);
    },
    save(key) {
      keychainReady();
      writeFileSync(file, safeStorage.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
    },
  };
}
