/**
 * clock-sync: step output → facts. sync.sh prints one section headed `== chronyc -n tracking`,
 * `== ntpq -pn`, `== timedatectl show` or `== none`; each is read for whether the clock is
 * synchronised and, where the tool says, its offset (positive: the node's clock is ahead).
 */
import { lines } from '../../engine/analyze-kit.js';

export type Source = 'chrony' | 'ntpd' | 'timedatectl' | 'none' | 'unknown';

export interface SyncState {
  source: Source;
  /** null when the tool does not say (timedatectl) or nothing answered. */
  synchronised: boolean | null;
  /** Seconds, positive when the node's clock is ahead of true time; null when unknown. */
  offsetSec: number | null;
  /** The lines that show it, verbatim. */
  lines: string[];
}

export function parseSync(stdout: string): SyncState {
  const ls = lines(stdout);
  const head = ls.find((l) => l.startsWith('== '))?.slice(3).trim() ?? '';
  if (head.startsWith('chronyc')) {
    // `System time : 0.000006523 seconds slow of NTP time` (chronyc(1)); slow = behind, so negative.
    const sys = ls.find((l) => /^System time\s*:/.test(l));
    const m = sys ? /:\s*([\d.]+) seconds (fast|slow)/.exec(sys) : null;
    const offset = m ? Number(m[1]) * (m[2] === 'slow' ? -1 : 1) : null;
    const leap = ls.find((l) => /^Leap status\s*:/.test(l));
    const ref = ls.find((l) => /^Reference ID\s*:/.test(l));
    const unsynced = (leap !== undefined && /Not synchronised/i.test(leap)) || (ref !== undefined && /:\s*0{8}\b/.test(ref));
    return { source: 'chrony', synchronised: !unsynced, offsetSec: offset, lines: [ref, sys, leap].filter((l): l is string => l !== undefined) };
  }
  if (head.startsWith('ntpq')) {
    // ntpq -pn: `*` marks the peer ntpd synchronises to; offset is the 9th column, in ms.
    const peers = ls.filter((l) => /^[ *+#ox.-]\d/.test(l));
    const sel = peers.find((l) => l.startsWith('*') || l.startsWith('o'));
    const fields = sel?.slice(1).trim().split(/\s+/) ?? [];
    const off = fields.length >= 9 ? Number(fields[8]) / 1000 : NaN;
    return { source: 'ntpd', synchronised: sel !== undefined, offsetSec: Number.isFinite(off) ? off : null, lines: sel ? [sel] : peers.slice(0, 4) };
  }
  if (head.startsWith('timedatectl')) {
    const sync = ls.find((l) => /^NTPSynchronized=/.test(l));
    const ntp = ls.find((l) => /^NTP=/.test(l));
    return { source: 'timedatectl', synchronised: sync ? /=yes$/.test(sync) : null, offsetSec: null, lines: [ntp, sync].filter((l): l is string => l !== undefined) };
  }
  if (head === 'none') return { source: 'none', synchronised: null, offsetSec: null, lines: ls.filter((l) => !l.startsWith('== ')) };
  return { source: 'unknown', synchronised: null, offsetSec: null, lines: [] };
}

/** `date +%s.%N` → seconds (float) and the line read; null when not a number. */
export function parseClock(stdout: string): { at: number; line: string } | null {
  const l = lines(stdout).find((x) => /^\d+(\.\d+)?$/.test(x.trim()));
  return l ? { at: Number(l.trim()), line: l } : null;
}

export interface Reading {
  node: string;
  /** The node's clock, seconds. */
  at: number;
  /** The line read (verbatim). */
  line: string;
  /** Bounds of the node's offset from Stackscope's clock, seconds: it read its clock between the step's start and end. */
  lo: number | null;
  hi: number | null;
}

export interface Spread {
  /** Offsets' midpoints: largest minus smallest, seconds. */
  estimate: number;
  /** The spread the timing proves at least (0 when the bounds overlap), seconds. */
  atLeast: number;
  /** The largest half round trip, seconds (how precise each reading is). */
  halfRoundTrip: number;
  /** The node furthest from the median offset, and its distance from it (seconds, signed: ahead > 0). */
  outlier: { node: string; bySec: number } | null;
}

/** How far apart the nodes' clocks are, from readings that carry their step's timing. */
export function spreadOf(rs: Array<Reading & { lo: number; hi: number }>): Spread | null {
  if (rs.length < 2) return null;
  const mids = rs.map((r) => ({ node: r.node, mid: (r.lo + r.hi) / 2 }));
  const sorted = [...mids].map((m) => m.mid).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const far = mids.reduce((a, b) => (Math.abs(b.mid - median) > Math.abs(a.mid - median) ? b : a));
  const estimate = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
  const atLeast = Math.max(0, Math.max(...rs.map((r) => r.lo)) - Math.min(...rs.map((r) => r.hi)));
  return { estimate, atLeast, halfRoundTrip: Math.max(...rs.map((r) => (r.hi - r.lo) / 2)), outlier: { node: far.node, bySec: far.mid - median } };
}
