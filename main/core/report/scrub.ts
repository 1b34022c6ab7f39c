import { isIPv4, isIPv6 } from 'node:net';
import { redactText } from '../redact.js';

export interface ScrubOptions {
  hideIps?: boolean;
  hideHostnames?: boolean;
  hideUsers?: boolean;
}

/** A node the report may name: its name and address are hidden behind one pseudonym. */
export interface KnownHost {
  name: string;
  host: string;
  user: string;
  roles: string[];
}

/** Names in natural order: cmp-2 before cmp-10. */
export const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

const systemAccounts = new Set(['root', 'nobody']);
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ipv4Candidate = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)/g;
const ipv6Candidate = /(?<![\w:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![\w:])/g;

/**
 * What every string of an exported report passes through: the storage redaction once more, then
 * the lead's choices. Pseudonyms are handed out in order of first sight and kept for the whole
 * report, so `compute-1` is the same machine in the timeline, the findings and the appendix.
 */
export class Scrubber {
  private readonly pseudonyms = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly hostPattern: RegExp | null;
  private readonly userPattern: RegExp | null;
  private readonly hostLabel = new Map<string, string>();

  constructor(
    private readonly options: ScrubOptions,
    hosts: KnownHost[],
    users: string[],
    private readonly literals: readonly string[] = [],
  ) {
    if (options.hideHostnames) {
      // A node's name and its address (when it is a name, not an IP) share the role-based pseudonym.
      // In natural order (cmp-2 before cmp-10), so compute-2 comes before compute-10 too.
      for (const h of [...hosts].sort((a, b) => byName(a.name, b.name))) {
        const prefix = h.roles[0] ?? 'node';
        const label = this.pseudonym(`host:${h.name}`, prefix);
        this.hostLabel.set(h.name, label);
        if (!isIPv4(h.host) && !isIPv6(h.host)) this.hostLabel.set(h.host, label);
      }
    }
    const names = [...this.hostLabel.keys()].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
    this.hostPattern = names.length ? new RegExp(`(?<![\\w.-])(?:${names.map(escapeRegExp).join('|')})(?![\\w-]|\\.\\w)`, 'g') : null;
    // Accounts every host has (root) name no one; hiding them would only mangle paths like /root/.my.cnf.
    const userNames = options.hideUsers ? [...new Set([...users, ...hosts.map((h) => h.user)])].filter((u) => u.length > 0 && !systemAccounts.has(u)).sort((a, b) => b.length - a.length) : [];
    this.userPattern = userNames.length ? new RegExp(`(?<![\\w.-])(?:${userNames.map(escapeRegExp).join('|')})(?![\\w-])`, 'g') : null;
  }

  private pseudonym(key: string, prefix: string): string {
    const known = this.pseudonyms.get(key);
    if (known) return known;
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const label = `${prefix}-${n}`;
    this.pseudonyms.set(key, label);
    return label;
  }

  /** The pseudonym a node name gets (or the name itself when hostnames are shown). */
  host(name: string): string {
    return this.hostLabel.get(name) ?? name;
  }

  text(input: string): string {
    let out = redactText(input, this.literals);
    if (this.hostPattern) out = out.replace(this.hostPattern, (m) => this.hostLabel.get(m) ?? m);
    if (this.options.hideIps) {
      out = out.replace(ipv4Candidate, (m) => (isIPv4(m) ? this.pseudonym(`ip:${m}`, 'ip') : m));
      out = out.replace(ipv6Candidate, (m) => (m !== '::' && isIPv6(m) ? this.pseudonym(`ip:${m.toLowerCase()}`, 'ip') : m));
    }
    if (this.userPattern) out = out.replace(this.userPattern, (m) => this.pseudonym(`user:${m}`, 'user'));
    return out;
  }

  /** Every string inside a plain value (objects, arrays) scrubbed; other values kept. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.deep(v)])) as T;
    }
    return value;
  }
}
