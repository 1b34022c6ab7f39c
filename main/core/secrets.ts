import type { SecretLookup } from './ssh/connection-manager.js';

export type SecretKind = 'password' | 'passphrase';

/**
 * Where passwords and key passphrases live. Never SQLite, never logs: the desktop app keeps
 * remembered ones in the OS keychain (safeStorage); browser mode and the CLI hold them in
 * memory for the session only.
 */
export interface SecretStore extends SecretLookup {
  readonly kind: 'keychain' | 'session';
  secret(nodeId: number, kind: SecretKind): string | undefined;
  provide(nodeId: number, kind: SecretKind, value: string, remember: boolean): void;
  forget(nodeId: number): void;
  /** Every secret value known now, so output that echoes one can be redacted. */
  values(): string[];
}

/** Optional persistence behind the session cache (the desktop app's keychain). */
export interface SecretVault {
  load(): Map<string, string>;
  save(entries: Map<string, string>): void;
}

const keyOf = (nodeId: number, kind: SecretKind): string => `${nodeId}:${kind}`;

export class SessionSecretStore implements SecretStore {
  readonly kind: 'keychain' | 'session';
  private readonly session = new Map<string, string>();
  private readonly remembered: Map<string, string>;

  constructor(private readonly vault?: SecretVault) {
    this.kind = vault ? 'keychain' : 'session';
    this.remembered = vault ? vault.load() : new Map();
  }

  secret(nodeId: number, kind: SecretKind): string | undefined {
    const key = keyOf(nodeId, kind);
    return this.session.get(key) ?? this.remembered.get(key);
  }

  provide(nodeId: number, kind: SecretKind, value: string, remember: boolean): void {
    const key = keyOf(nodeId, kind);
    this.session.set(key, value);
    if (remember && this.vault) {
      this.remembered.set(key, value);
      this.vault.save(this.remembered);
    }
  }

  forget(nodeId: number): void {
    for (const kind of ['password', 'passphrase'] as const) {
      this.session.delete(keyOf(nodeId, kind));
      this.remembered.delete(keyOf(nodeId, kind));
    }
    this.vault?.save(this.remembered);
  }

  values(): string[] {
    return [...new Set([...this.session.values(), ...this.remembered.values()])];
  }
}
