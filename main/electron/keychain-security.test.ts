import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/fixtures.js';
import { desktopSecretStore, keychainDecision, KeychainVault, removeWeakVault, type SafeStorageLike } from './keychain.js';

// Issue 12, item 5: on Linux without a keyring Electron's safeStorage picks the `basic_text`
// backend, whose key is built into Chromium: "remembered in the OS keychain" would mean a file
// anyone can decrypt. Electron cannot run in CI, so safeStorage is an object shaped like it that
// behaves as Chromium does on Linux: data under a keyring key starts "v11", under the built-in
// key "v10", and both decrypt (Chromium keeps reading v10 data once a keyring appears).

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

function safeStorageOn(backend: Backend, available = true): SafeStorageLike {
  const prefix = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'].includes(backend) ? 'v11' : 'v10';
  const flip = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.concat([Buffer.from(prefix), flip(Buffer.from(plain))]),
    decryptString: (data) => {
      if (!/^v1[01]$/.test(data.subarray(0, 3).toString())) throw new Error('not safeStorage data');
      return flip(data.subarray(3)).toString();
    },
  };
}

/** macOS and Windows have no storage backend to ask about; asking would be a bug. */
function safeStorageWithoutBackends(available: boolean): SafeStorageLike {
  return {
    ...safeStorageOn('gnome_libsecret', available),
    getSelectedStorageBackend: () => {
      throw new Error('getSelectedStorageBackend is Linux-only');
    },
  };
}

describe('keychainDecision: remember secrets only under a real OS keychain', () => {
  it('refuses the basic_text backend on Linux (a key built into the app), and says why and what to do', () => {
    const d = keychainDecision(safeStorageOn('basic_text'), 'linux');
    expect(d).toMatchObject({ usable: false, reason: 'no-keyring' });
    expect(d.usable ? '' : d.message).toMatch(/kept in memory only.*backend "basic_text".*key built into the app.*GNOME Keyring or KWallet/);
  });

  it('refuses when the backend is not known yet or is one it does not know', () => {
    expect(keychainDecision(safeStorageOn('unknown'), 'linux')).toMatchObject({ usable: false, reason: 'no-keyring' });
    expect(keychainDecision(safeStorageOn('kwallet7' as Backend), 'linux')).toMatchObject({ usable: false, reason: 'no-keyring' });
  });

  it('refuses when encryption is unavailable, on any platform', () => {
    expect(keychainDecision(safeStorageOn('gnome_libsecret', false), 'linux')).toMatchObject({ usable: false, reason: 'no-encryption' });
    expect(keychainDecision(safeStorageWithoutBackends(false), 'darwin')).toMatchObject({ usable: false, reason: 'no-encryption' });
    expect(keychainDecision(safeStorageWithoutBackends(false), 'win32')).toMatchObject({ usable: false, reason: 'no-encryption' });
  });

  it('accepts a keyring on Linux and the system keychain on macOS and Windows', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
      expect(keychainDecision(safeStorageOn(backend), 'linux'), backend).toEqual({ usable: true });
    }
    expect(keychainDecision(safeStorageWithoutBackends(true), 'darwin')).toEqual({ usable: true });
    expect(keychainDecision(safeStorageWithoutBackends(true), 'win32')).toEqual({ usable: true });
  });
});

describe('the desktop secret store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let notices: string[];
  beforeEach(() => {
    tmp = tempDir();
    notices = [];
  });
  afterEach(() => tmp.remove());
  const vaultPath = (): string => join(tmp.path, 'secrets.keychain');

  it('keeps secrets for the session only under basic_text, and tells the app and the log why', () => {
    const { secrets, keychainUnavailable } = desktopSecretStore(tmp.path, safeStorageOn('basic_text'), 'linux', (l) => notices.push(l));
    expect(secrets.kind).toBe('session'); // the UI offers no "remember" box
    expect(keychainUnavailable).toBe('no-keyring'); // and says why (app.info)
    expect(notices).toEqual([expect.stringMatching(/no OS keyring was found/)]);
    expect(existsSync(vaultPath())).toBe(false);
  });

  it('removes a vault an earlier version wrote under the built-in key, and says so', () => {
    writeFileSync(vaultPath(), safeStorageOn('basic_text').encryptString(JSON.stringify({ '2:password': 'hunter2' })));
    desktopSecretStore(tmp.path, safeStorageOn('basic_text'), 'linux', (l) => notices.push(l));
    expect(existsSync(vaultPath())).toBe(false);
    expect(notices[1]).toBe(`removed ${vaultPath()}: it held remembered secrets under that built-in key; Stackscope will ask for them again when needed.`);
  });

  it('keeps a keyring-encrypted vault when the keyring is only missing today (launched without a desktop session)', () => {
    writeFileSync(vaultPath(), safeStorageOn('gnome_libsecret').encryptString('{}'));
    expect(removeWeakVault(tmp.path, keychainDecision(safeStorageOn('basic_text'), 'linux'), 'linux')).toBeNull();
    expect(readFileSync(vaultPath()).subarray(0, 3).toString()).toBe('v11');
  });

  it('remembers under a keyring: the file is private, encrypted, and read back by the next start', () => {
    const { secrets, keychainUnavailable } = desktopSecretStore(tmp.path, safeStorageOn('gnome_libsecret'), 'linux', (l) => notices.push(l));
    expect(secrets.kind).toBe('keychain');
    expect(keychainUnavailable).toBeUndefined();
    expect(notices).toEqual([]);
    new KeychainVault(tmp.path, safeStorageOn('gnome_libsecret'), 'linux').save(new Map([['k', 'hunter2']]));
    const raw = readFileSync(vaultPath());
    expect(raw.subarray(0, 3).toString()).toBe('v11');
    expect(raw.includes('hunter2')).toBe(false);
    expect(statSync(vaultPath()).mode & 0o777).toBe(0o600);
    expect(new KeychainVault(tmp.path, safeStorageOn('gnome_libsecret'), 'linux').load()).toEqual(new Map([['k', 'hunter2']]));
  });

  it('re-encrypts a built-in-key vault under the keyring once one is there', () => {
    writeFileSync(vaultPath(), safeStorageOn('basic_text').encryptString(JSON.stringify({ k: 'hunter2' })));
    expect(new KeychainVault(tmp.path, safeStorageOn('gnome_libsecret'), 'linux').load()).toEqual(new Map([['k', 'hunter2']]));
    expect(readFileSync(vaultPath()).subarray(0, 3).toString()).toBe('v11');
  });
});
