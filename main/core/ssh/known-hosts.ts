import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fingerprintOf, keyTypeOf } from './host-key.js';

/*
 * The user's OpenSSH known_hosts files, read as sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT" describes
 * them. No npm package reads this format (sshpk parses keys, not host lists), and what it needs is
 * small: host patterns with `*`, `?` and `!`, hashed names (HMAC-SHA1), `[host]:port`, and the
 * `@revoked` / `@cert-authority` markers.
 */

/** Larger files are not read at all (a known_hosts of 100,000 hosts is about 10 MB). */
export const KNOWN_HOSTS_MAX_BYTES = 16 * 1024 * 1024;
/** Longer lines are skipped as malformed (an 16384-bit RSA key is about 2,800 characters). */
const MAX_LINE_CHARS = 16 * 1024;
/** OpenSSH's hashed names: `|1|` + base64(20-byte salt) + `|` + base64(HMAC-SHA1(salt, name)). */
const HASHED = /^\|1\|([A-Za-z0-9+/]{27}=)\|([A-Za-z0-9+/]{27}=)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const KEY_TYPE = /^[a-z0-9@.-]{1,64}$/i;

export interface KnownHostsEntry {
  file: string;
  line: number;
  revoked: boolean;
  /** A hashed name, or comma-separated patterns. */
  hosts: { salt: Buffer; hash: Buffer } | { patterns: string[] };
  keyType: string;
  fingerprint: string;
}

export interface KnownHostsFile {
  file: string;
  entries: KnownHostsEntry[];
  /** Lines that are neither an entry, a comment nor blank. */
  malformed: number;
  /** `@cert-authority` lines: Stackscope does not accept host certificates, so these are ignored. */
  certAuthorities: number;
  /** Why the file could not be read (absent default files are not a problem). */
  problem?: string;
}

/** The name OpenSSH looks a host up by: `host` on port 22, `[host]:port` otherwise; lower case. */
export function knownHostsName(host: string, port: number): string {
  const h = host.toLowerCase();
  return port === 22 ? h : `[${h}]:${port}`;
}

/**
 * A glob with `*` and `?` against a name, iteratively (no RegExp built from the file, and no
 * exponential backtracking on patterns like `*a*a*a*b`).
 */
export function globMatch(name: string, pattern: string): boolean {
  let n = 0;
  let p = 0;
  let star = -1;
  let mark = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      n++;
      p++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = n;
    } else if (star !== -1) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** OpenSSH's match_hostname: any negated pattern that matches rules the name out; else any positive one lets it in. */
export function matchHostPatterns(name: string, patterns: string[]): boolean {
  let positive = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).toLowerCase();
    if (!globMatch(name, pattern)) continue;
    if (negated) return false;
    positive = true;
  }
  return positive;
}

export function entryMatches(entry: KnownHostsEntry, name: string): boolean {
  if ('patterns' in entry.hosts) return matchHostPatterns(name, entry.hosts.patterns);
  const mac = createHmac('sha1', entry.hosts.salt).update(name).digest();
  return timingSafeEqual(mac, entry.hosts.hash);
}

function parseLine(text: string, file: string, line: number): KnownHostsEntry | 'ca' | null {
  const fields = text.split(/[ \t]+/);
  let revoked = false;
  if (fields[0]?.startsWith('@')) {
    const marker = fields.shift();
    if (marker === '@cert-authority') return 'ca';
    if (marker !== '@revoked') return null;
    revoked = true;
  }
  const [hostField, keyType, keyData] = fields;
  if (!hostField || !keyType || !keyData || !KEY_TYPE.test(keyType) || !BASE64.test(keyData)) return null;
  const blob = Buffer.from(keyData, 'base64');
  // The type written before the key must be the one inside it (a cut or pasted-together line is not).
  if (keyTypeOf(blob) !== keyType) return null;
  let hosts: KnownHostsEntry['hosts'];
  if (hostField.startsWith('|')) {
    const m = HASHED.exec(hostField);
    if (!m?.[1] || !m[2]) return null;
    hosts = { salt: Buffer.from(m[1], 'base64'), hash: Buffer.from(m[2], 'base64') };
  } else {
    const patterns = hostField.split(',');
    if (patterns.some((p) => p === '' || p === '!')) return null;
    hosts = { patterns };
  }
  return { file, line, revoked, hosts, keyType, fingerprint: fingerprintOf(blob) };
}

/** Every entry of a known_hosts text; comments and blank lines skipped, malformed lines counted. */
export function parseKnownHosts(text: string, file: string): KnownHostsFile {
  const out: KnownHostsFile = { file, entries: [], malformed: 0, certAuthorities: 0 };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const parsed = raw.length > MAX_LINE_CHARS ? null : parseLine(trimmed, file, i + 1);
    if (parsed === 'ca') out.certAuthorities++;
    else if (parsed) out.entries.push(parsed);
    else out.malformed++;
  }
  return out;
}

/**
 * The files to read: STACKSCOPE_KNOWN_HOSTS (colon-separated, empty for none) replaces the
 * defaults, as tests and a bastion's service account need; else the cluster's own file in place of
 * ~/.ssh/known_hosts (OpenSSH's UserKnownHostsFile), plus /etc/ssh/ssh_known_hosts.
 */
export function knownHostsFiles(clusterFile: string | null, env: NodeJS.ProcessEnv = process.env): Array<{ file: string; named: boolean }> {
  if (env.STACKSCOPE_KNOWN_HOSTS !== undefined) return env.STACKSCOPE_KNOWN_HOSTS.split(':').filter(Boolean).map((file) => ({ file, named: true }));
  return [
    clusterFile ? { file: clusterFile, named: true } : { file: join(homedir(), '.ssh', 'known_hosts'), named: false },
    { file: '/etc/ssh/ssh_known_hosts', named: false },
  ];
}

/** A file read once per version (inode, size, mtime): 50 handshakes do not parse it 50 times. */
export class KnownHostsReader {
  private readonly cache = new Map<string, { version: string; parsed: KnownHostsFile }>();

  read(file: string, named: boolean): KnownHostsFile {
    const empty = (problem?: string): KnownHostsFile => ({ file, entries: [], malformed: 0, certAuthorities: 0, ...(problem ? { problem } : {}) });
    let version: string;
    try {
      // stat follows symlinks: a loop fails here (ELOOP) instead of hanging the reader.
      const st = statSync(file);
      if (!st.isFile()) return empty(`known_hosts ${file} is not a regular file; not read`);
      if (st.size > KNOWN_HOSTS_MAX_BYTES) return empty(`known_hosts ${file} is larger than ${KNOWN_HOSTS_MAX_BYTES / 1024 / 1024} MB; not read`);
      version = `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !named) return empty();
      return empty(`cannot read known_hosts ${file}: ${code ?? (err as Error).message}`);
    }
    const hit = this.cache.get(file);
    if (hit?.version === version) return hit.parsed;
    let parsed: KnownHostsFile;
    try {
      const buf = readFileSync(file);
      // The file may have grown between stat and read.
      parsed = buf.length > KNOWN_HOSTS_MAX_BYTES ? empty(`known_hosts ${file} is larger than ${KNOWN_HOSTS_MAX_BYTES / 1024 / 1024} MB; not read`) : parseKnownHosts(buf.toString('utf8'), file);
    } catch (err) {
      return empty(`cannot read known_hosts ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    this.cache.set(file, { version, parsed });
    return parsed;
  }
}

/** What known_hosts says of the key a host presents. */
export type KnownHostsVerdict =
  | { status: 'known'; file: string; line: number }
  /** Entries for this host with this key type exist, none with this key: the first of them. */
  | { status: 'changed'; file: string; line: number; fingerprint: string }
  | { status: 'revoked'; file: string; line: number }
  | { status: 'unknown' };

/**
 * As OpenSSH decides: a revoked key is refused whatever else is said of it; a key listed for the
 * host is known; another key of the same type listed for the host means the key changed. Keys of
 * other types only (the host lost the type we listed) leave the key unknown, to be confirmed.
 * `@revoked` lines are matched for any host: a revoked key is bad wherever it turns up.
 */
export function judgeKey(files: KnownHostsFile[], host: string, port: number, presented: { keyType: string; fingerprint: string }): KnownHostsVerdict {
  const name = knownHostsName(host, port);
  let changed: KnownHostsVerdict | undefined;
  let known: KnownHostsVerdict | undefined;
  for (const f of files) {
    for (const e of f.entries) {
      if (e.revoked) {
        if (e.fingerprint === presented.fingerprint) return { status: 'revoked', file: e.file, line: e.line };
        continue;
      }
      if (known && changed) continue;
      if (!entryMatches(e, name)) continue;
      if (e.fingerprint === presented.fingerprint) known ??= { status: 'known', file: e.file, line: e.line };
      else if (e.keyType === presented.keyType) changed ??= { status: 'changed', file: e.file, line: e.line, fingerprint: e.fingerprint };
    }
  }
  return known ?? changed ?? { status: 'unknown' };
}

/** Key types known_hosts lists for the host, in file order (the server is asked for these first). */
export function knownKeyTypes(files: KnownHostsFile[], host: string, port: number): string[] {
  const name = knownHostsName(host, port);
  const types: string[] = [];
  for (const f of files) for (const e of f.entries) if (!e.revoked && !types.includes(e.keyType) && entryMatches(e, name)) types.push(e.keyType);
  return types;
}
