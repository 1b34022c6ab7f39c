// Remembered passwords and passphrases, encrypted with the OS keychain through Electron's
// safeStorage into a file of their own, never into the case log. Only types come from electron
// here: main.ts passes the real safeStorage, tests pass objects shaped like it.
import type { SafeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../contract/types.js';
import { SessionSecretStore, type SecretVault } from '../core/secrets.js';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;
export type KeychainUnavailable = NonNullable<AppInfo['keychainUnavailable']>;
export type KeychainDecision = { usable: true } | { usable: false; reason: KeychainUnavailable; message: string };

/** Linux backends that keep the key in a real keyring. `basic_text` (and `unknown`) do not. */
const KEYRING_BACKENDS: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

const vaultFile = (dataDir: string): string => join(dataDir, 'secrets.keychain');

/**
 * Whether secrets may be remembered. On Linux without a keyring Electron falls back to the
 * `basic_text` backend, which encrypts with a key built into every copy of Chromium: a file that
 * anyone who can read it can decrypt. Remember nothing there (issue 12, item 5), nor when
 * encryption is unavailable; secrets then stay in memory for the session. Call after app ready.
 */
export function keychainDecision(safeStorage: Pick<SafeStorageLike, 'isEncryptionAvailable' | 'getSelectedStorageBackend'>, platform: NodeJS.Platform): KeychainDecision {
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (!KEYRING_BACKENDS.has(backend)) {
      return {
        usable: false,
        reason: 'no-keyring',
        message:
          `passwords and passphrases are kept in memory only: no OS keyring was found (safeStorage backend "${backend}"), ` +
          'and without one Electron encrypts with a key built into the app. Run GNOME Keyring or KWallet in this session ' +
          '(or start Stackscope with --password-store=gnome-libsecret) to remember them.',
      };
    }
  }
  if (!safeStorage.isEncryptionAvailable()) {
    return {
      usable: false,
      reason: 'no-encryption',
      message: 'passwords and passphrases are kept in memory only: the OS keychain is not available (safeStorage.isEncryptionAvailable() is false). Unlock or set up the keychain and restart Stackscope to remember them.',
    };
  }
  return { usable: true };
}

/**
 * A vault written while the keychain had no keyring holds its secrets under Chromium's built-in
 * key: Chromium marks such data "v10" on Linux, a keyring key "v11" (os_crypt_linux.cc). Remove
 * it when the keychain is refused for that reason, so the weak copy does not outlive the refusal;
 * returns the removed file's path for a one-line notice.
 */
export function removeWeakVault(dataDir: string, decision: KeychainDecision, platform: NodeJS.Platform): string | null {
  const file = vaultFile(dataDir);
  if (decision.usable || decision.reason !== 'no-keyring' || platform !== 'linux' || !existsSync(file)) return null;
  if (!isBuiltInKeyData(readFileSync(file), platform)) return null;
  rmSync(file, { force: true });
  return file;
}

const isBuiltInKeyData = (data: Buffer, platform: NodeJS.Platform): boolean => platform === 'linux' && data.subarray(0, 3).toString('latin1') === 'v10';

/** Remembered secrets in DATA/secrets.keychain; use only after keychainDecision() said usable. */
export class KeychainVault implements SecretVault {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = vaultFile(dataDir);
  }

  load(): Map<string, string> {
    if (!this.safeStorage.isEncryptionAvailable() || !existsSync(this.file)) return new Map();
    let entries: Map<string, string>;
    try {
      const data = readFileSync(this.file);
      entries = new Map(Object.entries(JSON.parse(this.safeStorage.decryptString(data)) as Record<string, string>));
      // Written earlier under the built-in key and readable now that a keyring is here: re-encrypt.
      if (isBuiltInKeyData(data, this.platform)) this.save(entries);
    } catch {
      return new Map();
    }
    return entries;
  }

  save(entries: Map<string, string>): void {
    if (!this.safeStorage.isEncryptionAvailable()) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.safeStorage.encryptString(JSON.stringify(Object.fromEntries(entries))), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

/**
 * The desktop app's secret store: remembered in the keychain when it is a real one, in memory for
 * the session otherwise, with the reason told once (stderr) and reported to the UI (app.info).
 */
export function desktopSecretStore(
  dataDir: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  notice: (line: string) => void,
): { secrets: SessionSecretStore; keychainUnavailable?: KeychainUnavailable } {
  const decision = keychainDecision(safeStorage, platform);
  if (decision.usable) return { secrets: new SessionSecretStore(new KeychainVault(dataDir, safeStorage, platform)) };
  notice(decision.message);
  const removed = removeWeakVault(dataDir, decision, platform);
  if (removed) notice(`removed ${removed}: it held remembered secrets under that built-in key; Stackscope will ask for them again when needed.`);
  return { secrets: new SessionSecretStore(), keychainUnavailable: decision.reason };
}
