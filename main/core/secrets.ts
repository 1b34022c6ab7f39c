import { createHash } from 'node:crypto';
import type { SecretLookup, SshTarget } from './ssh/connection-manager.js';

export type SecretKind = 'password' | 'passphrase' | 'sudo';

/**
 * Where passwords and key passphrases live. Never SQLite, never logs: the desktop app keeps
 * remembered ones in the OS keychain (safeStorage); browser mode and the CLI hold them in
 * memory for the session only.
 *
 * A secret belongs to the identity it was given for: the node id, its host, port and user, its
 * key file (for a passphrase) and every hop of its jump chain. A lookup for a node whose address,
 * user or route changed since finds nothing and asks again (SECRET_REQUIRED), so a password is
 * never sent to a server it was not typed for, even if a node id or a host name comes back later.
 */
export interface SecretStore extends SecretLookup {
  readonly kind: 'keychain' | 'session';
  secret(target: SshTarget, kind: SecretKind): string | undefined;
  provide(target: SshTarget, kind: SecretKind, value: string, remember: boolean): void;
  /** Forget every secret of this node, whatever identity it was given for (session and keychain). */
  forget(nodeId: number): void;
  /** Forget one kind of this node's secrets (a sudo password sudo refused). */
  forgetKind(nodeId: number, kind: SecretKind): void;
  /** A value typed for one login only (a keyboard-interactive answer): never stored, only redacted. */
  redactAlso(value: string): void;
  /** Every secret value known now, so output that echoes one can be redacted. */
  values(): string[];
}

/** Optional persistence behind the session cache (the desktop app's keychain). */
export interface SecretVault {
  load(): Map<string, string>;
  save(entries: Map<string, string>): void;
}

/** Everything a secret is bound to, in a stable order: the target, then each jump host out to the first hop. */
export function secretIdentity(target: SshTarget, kind: SecretKind): string {
  const hops: unknown[] = [];
  for (let t: SshTarget | null = target; t; t = t.jump) hops.push([t.nodeId, t.host, t.port, t.user]);
  const key = kind === 'passphrase' && target.auth.method === 'key' ? target.auth.keyPath : null;
  return JSON.stringify({ kind, hops, key });
}

// v2: bound to an identity digest. Version-1 keys were `${nodeId}:${kind}`: an id that SQLite
// handed to a new node, or a node whose host changed, would get the old secret (issue 12, item 6).
const KEY = /^v2:(\d+):(password|passphrase|sudo):[0-9a-f]{64}$/;
const keyOf = (target: SshTarget, kind: SecretKind): string =>
  `v2:${target.nodeId}:${kind}:${createHash('sha256').update(secretIdentity(target, kind)).digest('hex')}`;
const nodePrefix = (nodeId: number, kind?: SecretKind): string => `v2:${nodeId}:${kind ? `${kind}:` : ''}`;

function deleteWhere(map: Map<string, string>, keep: (key: string) => boolean): boolean {
  let changed = false;
  for (const key of [...map.keys()]) {
    if (!keep(key)) changed = map.delete(key) || changed;
  }
  return changed;
}

export class SessionSecretStore implements SecretStore {
  readonly kind: 'keychain' | 'session';
  private readonly session = new Map<string, string>();
  private readonly remembered: Map<string, string>;
  /** Answers typed for one login; kept only so output echoing them is redacted this session. */
  private readonly typed = new Set<string>();

  constructor(private readonly vault?: SecretVault) {
    this.kind = vault ? 'keychain' : 'session';
    this.remembered = vault ? vault.load() : new Map();
    // Entries of the version-1 format cannot be tied to the node they were given for: they are
    // dropped (the user is asked again, once) rather than trusted.
    if (deleteWhere(this.remembered, (key) => KEY.test(key))) vault?.save(this.remembered);
  }

  secret(target: SshTarget, kind: SecretKind): string | undefined {
    const key = keyOf(target, kind);
    return this.session.get(key) ?? this.remembered.get(key);
  }

  provide(target: SshTarget, kind: SecretKind, value: string, rememberAsked: boolean): void {
    // A sudo password is for this session only: never the keychain, whatever was asked.
    const remember = rememberAsked && kind !== 'sudo';
    const key = keyOf(target, kind);
    // A new value for this node replaces whatever it had under an older identity.
    const stale = (k: string): boolean => k.startsWith(nodePrefix(target.nodeId, kind)) && k !== key;
    deleteWhere(this.session, (k) => !stale(k));
    const droppedRemembered = deleteWhere(this.remembered, (k) => !stale(k));
    this.session.set(key, value);
    if (remember && this.vault) this.remembered.set(key, value);
    if ((remember || droppedRemembered) && this.vault) this.vault.save(this.remembered);
  }

  forget(nodeId: number): void {
    deleteWhere(this.session, (k) => !k.startsWith(nodePrefix(nodeId)));
    if (deleteWhere(this.remembered, (k) => !k.startsWith(nodePrefix(nodeId)))) this.vault?.save(this.remembered);
  }

  forgetKind(nodeId: number, kind: SecretKind): void {
    const value = [...this.session.entries()].find(([k]) => k.startsWith(nodePrefix(nodeId, kind)))?.[1];
    deleteWhere(this.session, (k) => !k.startsWith(nodePrefix(nodeId, kind)));
    if (deleteWhere(this.remembered, (k) => !k.startsWith(nodePrefix(nodeId, kind)))) this.vault?.save(this.remembered);
    // Output may still echo it (a wrong password is somebody's password all the same).
    if (value !== undefined) this.redactAlso(value);
  }

  redactAlso(value: string): void {
    this.typed.add(value);
    // Bounded: one-time codes pile up over a long session and each one costs every redaction pass.
    if (this.typed.size > 256) this.typed.delete(this.typed.values().next().value as string);
  }

  values(): string[] {
    return [...new Set([...this.session.values(), ...this.remembered.values(), ...this.typed])];
  }
}
