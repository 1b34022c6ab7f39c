/**
 * sysctl-settings: step output → facts. sysctl.sh prints `key = value` for each /proc/sys key the
 * kernel has, then `== neigh: N entries in this namespace`, the kernel-wide ARP table statistics
 * (`== arp_cache:` header and row, hex) where visible, `== loadavg: …`, `== bridges:` with
 * `bridge NAME` lines, `== netns: net:[…]` and `process COMM PID NETNS` lines.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface Process {
  comm: string;
  pid: string;
  /** `net:[4026531840]`, or `?` when it could not be read (another user's process, not root). */
  netns: string;
  line: string;
}

export interface SysctlFacts {
  /** key → value, and key → its line verbatim. */
  values: Map<string, string>;
  keyLines: Map<string, string>;
  /** ARP entries of this network namespace (`ip -4 neigh`). */
  neighHere: number | null;
  neighLine: string | null;
  /** The kernel-wide ARP table (all namespaces): its entries and how often it was full since boot. */
  arpEntries: number | null;
  arpTableFulls: number | null;
  arpLines: string[];
  /** Tasks (processes and threads) that exist now, from /proc/loadavg's `running/total`. */
  tasks: number | null;
  loadLine: string | null;
  bridges: string[];
  bridgeLines: string[];
  netns: string | null;
  processes: Process[];
}

export function parseSysctl(stdout: string): SysctlFacts {
  const f: SysctlFacts = { values: new Map(), keyLines: new Map(), neighHere: null, neighLine: null, arpEntries: null, arpTableFulls: null, arpLines: [], tasks: null, loadLine: null, bridges: [], bridgeLines: [], netns: null, processes: [] };
  const arp: string[] = [];
  for (const l of lines(stdout)) {
    let m = /^([a-z][\w.-]*) = (.*)$/.exec(l);
    if (m?.[1] && m[2] !== undefined) {
      f.values.set(m[1], m[2].trim());
      f.keyLines.set(m[1], l);
      continue;
    }
    m = /^== neigh: (\d+) entries/.exec(l);
    if (m) {
      f.neighHere = Number(m[1]);
      f.neighLine = l;
      continue;
    }
    if (l.startsWith('== arp_cache: ')) {
      arp.push(l);
      continue;
    }
    m = /^== loadavg: \S+ \S+ \S+ \d+\/(\d+)/.exec(l);
    if (m) {
      f.tasks = Number(m[1]);
      f.loadLine = l;
      continue;
    }
    m = /^bridge (\S+)$/.exec(l);
    if (m?.[1]) {
      f.bridges.push(m[1]);
      f.bridgeLines.push(l);
      continue;
    }
    m = /^== netns: (\S+)$/.exec(l);
    if (m?.[1]) {
      f.netns = m[1];
      continue;
    }
    m = /^process (\S+) (\d+) (\S+)$/.exec(l);
    if (m?.[1] && m[2] && m[3]) f.processes.push({ comm: m[1], pid: m[2], netns: m[3], line: l });
  }
  // The statistics' header names the columns; every row repeats the table's entries (hex).
  const [head, row] = arp.map((l) => l.slice('== arp_cache: '.length).trim().split(/\s+/));
  if (head && row) {
    const col = (name: string): number | null => {
      const i = head.indexOf(name);
      const v = i >= 0 ? Number.parseInt(row[i] ?? '', 16) : NaN;
      return Number.isFinite(v) ? v : null;
    };
    f.arpEntries = col('entries');
    f.arpTableFulls = col('table_fulls');
    f.arpLines = arp;
  }
  return f;
}

/** A number from a key's value (its first field), or null. */
export function num(f: SysctlFacts, key: string, field = 0): number | null {
  const v = f.values.get(key)?.split(/\s+/)[field];
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The processes of this node: in its network namespace, or of one we could not tell (then counted, as on a real host). */
export function localProcesses(f: SysctlFacts, comms: RegExp): Process[] {
  return f.processes.filter((p) => comms.test(p.comm) && (p.netns === '?' || f.netns === null || f.netns === '?' || p.netns === f.netns));
}
