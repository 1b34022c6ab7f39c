/**
 * kernel-log: step output → facts. kernel.sh prints `== now: EPOCH`, then for each source it tried
 * `== source: …`, the matching kernel lines (verbatim) and `== read: N lines, matched: M`; the last
 * source that read any line is the one to believe. Each line is sorted into a kind and dated by its
 * own timestamp (journal short-iso, dmesg --time-format iso, or syslog's `Mon DD HH:MM:SS`).
 */
import { lines } from '../../engine/analyze-kit.js';

export type Kind = 'oom' | 'hung' | 'conntrack' | 'nic-reset' | 'link-down';

export interface Event {
  kind: Kind;
  line: string;
  /** Epoch seconds; null when the line has no time this parser reads. */
  at: number | null;
  /** oom: the killed process; hung: the task; nic-reset/link-down: the interface. */
  subject: string;
  /** oom: the killed pid (one kill prints several lines). */
  pid: string;
  cgroup: boolean;
}

export interface KernelLog {
  now: number | null;
  source: string;
  read: number;
  matched: number;
  events: Event[];
  /** The header lines naming the source and how much was read (verbatim). */
  header: string[];
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A kernel line's own time, in epoch seconds. Syslog's yearless form is read as UTC in the year that puts it before `now`. */
export function lineTime(line: string, now: number | null): number | null {
  const iso = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:[.,](\d+))?([+-]\d\d:?\d\d|Z)?/.exec(line);
  if (iso) {
    const tz = iso[4] ? (iso[4] === 'Z' ? 'Z' : iso[4].replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')) : 'Z';
    const t = Date.parse(`${iso[1]}T${iso[2]}${tz}`);
    return Number.isFinite(t) ? t / 1000 : null;
  }
  const sys = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) /.exec(line);
  if (sys) {
    const mon = months.indexOf(sys[1] ?? '');
    if (mon < 0) return null;
    const year = new Date((now ?? Date.now() / 1000) * 1000).getUTCFullYear();
    const at = (y: number): number => Date.UTC(y, mon, Number(sys[2]), Number(sys[3]), Number(sys[4]), Number(sys[5])) / 1000;
    const t = at(year);
    return now !== null && t > now + 86400 ? at(year - 1) : t;
  }
  return null;
}

/** What a kernel line says, or null when it is context (a stack line, the oom report's table). */
export function classify(line: string): Omit<Event, 'line' | 'at'> | null {
  let m = /Killed process (\d+) \(([^)]+)\)/.exec(line);
  if (m) return { kind: 'oom', subject: m[2] ?? '', pid: m[1] ?? '', cgroup: /Memory cgroup out of memory/.test(line) };
  m = /oom-kill:.*task=([^,]+),pid=(\d+)/.exec(line);
  if (m) return { kind: 'oom', subject: m[1] ?? '', pid: m[2] ?? '', cgroup: /CONSTRAINT_MEMCG/.test(line) };
  m = /task (.+?):(\d+) blocked for more than \d+ seconds/.exec(line);
  if (m) return { kind: 'hung', subject: m[1] ?? '', pid: m[2] ?? '', cgroup: false };
  if (/nf_conntrack: table full, dropping packet/.test(line)) return { kind: 'conntrack', subject: '', pid: '', cgroup: false };
  m = /NETDEV WATCHDOG: (\S+) \(([^)]*)\)/.exec(line);
  if (m) return { kind: 'nic-reset', subject: m[1] ?? '', pid: '', cgroup: false };
  if (/Reset adapter|Detected Hardware Unit Hang/.test(line)) return { kind: 'nic-reset', subject: nicName(line) ?? '', pid: '', cgroup: false };
  if (/[Ll]ink is [Dd]own|: Link down\b/.test(line)) return { kind: 'link-down', subject: nicName(line) ?? '', pid: '', cgroup: false };
  return null;
}

/** The interface a driver line names: `ixgbe 0000:3b:00.0 eno1: NIC Link is Down` → eno1. */
function nicName(line: string): string | null {
  const body = line.replace(/^.*?kernel: (\[[\d. ]+\] )?/, '').replace(/^\d{4}-\d\d-\d\dT\S+ /, '');
  const m = /(?:^|\s)([^\s:]+): (?:NIC )?(?:[Ll]ink is [Dd]own|Link down|Reset adapter|Detected Hardware Unit Hang)/.exec(body);
  return m?.[1] ?? null;
}

export function parseKernelLog(stdout: string): KernelLog {
  const ls = lines(stdout);
  const nowLine = ls.find((l) => l.startsWith('== now: '));
  const now = nowLine ? Number(nowLine.slice(8)) || null : null;
  // Sections: from each `== source:` to its `== read:` trailer; the last one that read lines counts.
  let best: KernelLog = { now, source: 'none', read: 0, matched: 0, events: [], header: [] };
  let cur: { source: string; sourceLine: string; body: string[] } | null = null;
  for (const l of ls) {
    if (l.startsWith('== source: ')) cur = { source: l.slice(11), sourceLine: l, body: [] };
    else if (l.startsWith('== read: ') && cur) {
      const m = /read: (\d+) lines, matched: (\d+)/.exec(l);
      const read = Number(m?.[1] ?? 0);
      if (read > 0) {
        const events: Event[] = [];
        for (const b of cur.body) {
          const c = classify(b);
          if (c) events.push({ ...c, line: b, at: lineTime(b, now) });
        }
        best = { now, source: cur.source, read, matched: Number(m?.[2] ?? 0), events, header: [cur.sourceLine, l] };
      }
      cur = null;
    } else if (cur) cur.body.push(l);
  }
  return best;
}

/** Events within the last `windowSec` before the node's `now` (undated lines count: the journal already windowed them). */
export function inWindow(log: KernelLog, windowSec = 86400): Event[] {
  if (log.now === null) return log.events;
  const now = log.now;
  return log.events.filter((e) => e.at === null || (e.at >= now - windowSec && e.at <= now + 300));
}
