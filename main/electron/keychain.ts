import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretVault } from '../core/secrets.js';

/**
 * Remembered secrets, encrypted with the OS keychain (safeStorage) into a file of their own,
 * never into the case log. Unavailable encryption means nothing is remembered.
 */
export class KeychainVault implements SecretVault {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'secrets.keychain');
  }

  load(): Map<string, string> {
    if (!safeStorage.isEncryptionAvailable() || !existsSync(this.file)) return new Map();
    try {
      const plain = safeStorage.decryptString(readFileSync(this.file));
      return new Map(Object.entries(JSON.parse(plain) as Record<string, string>));
    } catch {
      return new Map();
    }
  }

  save(entries: Map<string, string>): void {
    if (!safeStorage.isEncryptionAvailable()) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, safeStorage.encryptString(JSON.stringify(Object.fromEntries(entries))), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
