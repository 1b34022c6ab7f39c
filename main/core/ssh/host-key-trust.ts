import { judgeKey, knownHostsFiles, knownKeyTypes, KnownHostsReader, type KnownHostsFile } from './known-hosts.js';

/** What decides whether a presented key may be used: Stackscope's own store, then known_hosts. */
export type HostKeyDecision =
  | { status: 'trusted' }
  | { status: 'known_hosts'; file: string; line: number }
  | { status: 'unknown' }
  /** `file`/`line` when known_hosts listed the other key, absent when our own store did. */
  | { status: 'changed'; knownFingerprint: string; file?: string; line?: number }
  | { status: 'revoked'; file: string; line: number };

export interface PresentedKey {
  keyType: string;
  fingerprint: string;
}

/** Where the host sits and which known_hosts file its cluster names (SshTarget has both). */
export interface HostKeyTarget {
  host: string;
  port: number;
  settings?: { knownHostsFile: string | null };
}

export interface TrustedKeyStore {
  getHostKey(host: string, port: number): { keyType: string; fingerprint: string } | undefined;
}

/**
 * One answer for the connection manager, the probe and bulk trust. Order matters:
 * a key revoked in known_hosts is refused even when we trusted it; a key we trusted explicitly
 * wins over known_hosts; a different key in our store is a changed key, so is a different key of
 * the same type in known_hosts; otherwise a key known_hosts lists is trusted without asking.
 */
export class HostKeyTrust {
  constructor(
    private readonly store: TrustedKeyStore,
    private readonly reader = new KnownHostsReader(),
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  files(target: Pick<HostKeyTarget, 'settings'>): KnownHostsFile[] {
    return knownHostsFiles(target.settings?.knownHostsFile ?? null, this.env).map(({ file, named }) => this.reader.read(file, named));
  }

  check(target: HostKeyTarget, presented: PresentedKey): HostKeyDecision {
    const files = this.files(target);
    const fromFiles = judgeKey(files, target.host, target.port, presented);
    if (fromFiles.status === 'revoked') return fromFiles;
    const stored = this.store.getHostKey(target.host, target.port);
    if (stored) {
      return stored.fingerprint === presented.fingerprint ? { status: 'trusted' } : { status: 'changed', knownFingerprint: stored.fingerprint };
    }
    switch (fromFiles.status) {
      case 'known':
        return { status: 'known_hosts', file: fromFiles.file, line: fromFiles.line };
      case 'changed':
        return { status: 'changed', knownFingerprint: fromFiles.fingerprint, file: fromFiles.file, line: fromFiles.line };
      default:
        return { status: 'unknown' };
    }
  }

  /** The key types to ask the server for first: the one we trusted, then those known_hosts lists. */
  preferredKeyTypes(target: HostKeyTarget): string[] {
    const stored = this.store.getHostKey(target.host, target.port)?.keyType;
    const listed = knownKeyTypes(this.files(target), target.host, target.port);
    return stored ? [stored, ...listed.filter((t) => t !== stored)] : listed;
  }

  /** Malformed lines, ignored CA lines and unreadable files, said once per file. */
  notes(target: Pick<HostKeyTarget, 'settings'>): string[] {
    return this.files(target).flatMap((f) => [
      ...(f.problem ? [f.problem] : []),
      ...(f.malformed ? [`${f.file}: ${f.malformed} malformed line(s) skipped`] : []),
      ...(f.certAuthorities ? [`${f.file}: ${f.certAuthorities} @cert-authority line(s) ignored (Stackscope does not accept host certificates)`] : []),
    ]);
  }
}
