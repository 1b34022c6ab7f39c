/**
 * memcached: step output → facts. memcached.sh prints `== tcp` (memcached's listening TCP sockets,
 * `ss -ltnpH` lines), `== udp` (its UDP sockets), then for each address `== stats ADDR PORT`,
 * what `stats` and `stats settings` answered (`STAT name value` lines, each list ending in `END`)
 * and `== end ADDR PORT exit N`; or `== none` when nothing listens.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface Instance {
  addr: string;
  port: string;
  /** `stats`: the first list of STAT lines. */
  stats: Record<string, string>;
  /** `stats settings`: the second list. */
  settings: Record<string, string>;
  /** The STAT lines by name, verbatim (for evidence). */
  lines: Map<string, string>;
  exit: number | null;
  /** What came back that is not a STAT/END line (a connection refused, a timeout, bash missing). */
  other: string[];
  header: string;
}

export interface MemcachedFacts {
  tcp: string[];
  udp: string[];
  none: boolean;
  instances: Instance[];
}

export function parseMemcached(stdout: string): MemcachedFacts {
  const ls = lines(stdout);
  const facts: MemcachedFacts = { tcp: [], udp: [], none: ls.includes('== none'), instances: [] };
  let where: 'tcp' | 'udp' | 'stats' | null = null;
  let cur: (Instance & { ends: number }) | null = null;
  for (const l of ls) {
    const st = /^== stats (\S+) (\S+)$/.exec(l);
    const end = /^== end \S+ \S+ exit (\d+)$/.exec(l);
    if (l === '== tcp' || l === '== udp') where = l === '== tcp' ? 'tcp' : 'udp';
    else if (st) {
      where = 'stats';
      cur = { addr: st[1] ?? '', port: st[2] ?? '', stats: {}, settings: {}, lines: new Map(), exit: null, other: [], header: l, ends: 0 };
    } else if (end && cur) {
      const { ends: _ends, ...inst } = cur;
      facts.instances.push({ ...inst, exit: Number(end[1]) });
      cur = null;
      where = null;
    } else if (l.startsWith('== ')) where = null;
    else if (where === 'tcp' || where === 'udp') {
      if (l.trim()) facts[where].push(l);
    } else if (where === 'stats' && cur) {
      const m = /^STAT (\S+) (.*)$/.exec(l);
      if (m) {
        const key = m[1] ?? '';
        (cur.ends === 0 ? cur.stats : cur.settings)[key] = m[2] ?? '';
        cur.lines.set(`${cur.ends === 0 ? '' : 'settings:'}${key}`, l);
      } else if (l === 'END') cur.ends++;
      else if (l.trim()) cur.other.push(l);
    }
  }
  return facts;
}

/** A STAT value as a number; null when absent or not numeric. */
export function num(rec: Record<string, string>, key: string): number | null {
  const v = rec[key];
  if (v === undefined || !/^\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}
