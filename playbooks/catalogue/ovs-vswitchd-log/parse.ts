/**
 * ovs-vswitchd-log: step output → facts. vswitchd.sh prints the node's clock, which log it read
 * (or why none), the oldest line it read, the log lines that matter (verbatim), then the
 * daemon's `upcall/show` and `dpctl/show` (a second `dpctl/show` 2 s later when upcalls were lost).
 * Each log line is dated by its own OVS timestamp (`2026-12-05T08:58:36.123Z|…`) against the
 * node's clock, never this machine's.
 */
import { lines } from '../../engine/analyze-kit.js';
import { eventsWithin, firstWrite, logHeader, readCoverage, unread, type LogRead } from '../../engine/log-read.js';
import { lineTime, parseNodeClock } from '../../engine/log-time.js';

export type Kind = 'poll' | 'ctxsw' | 'flow-limit' | 'lost-packet' | 'dropped-logs' | 'missing-device' | 'slow-dump' | 'emer';

export interface Event {
  kind: Kind;
  line: string;
  at: number | null;
  /** poll/slow-dump: milliseconds; ctxsw: involuntary switches; dropped-logs: messages dropped. */
  value: number;
  /** missing-device: the device; dropped-logs: the module; poll/ctxsw: the thread (`main` when none). */
  subject: string;
  /** poll: the user and system milliseconds of the interval. */
  user?: number;
  system?: number;
}

export interface Datapath {
  name: string;
  line: string;
  hit: number;
  missed: number;
  lost: number;
}

export interface VswitchdFacts extends LogRead {
  events: Event[];
  /** `flows : (current N) (avg …) (max …) (limit L)` of each datapath, with the dump duration. */
  flows: Array<{ line: string; current: number; limit: number; dumpMs: number | null; dumpLine: string | null }>;
  dpctl: Datapath[];
  dpctlAgain: Datapath[];
  /** ovs-appctl's exit code and, when it failed, what it printed. */
  appctlExit: number | null;
  appctlError: string[];
}

/** What a matched vswitchd line says, or null when it is none of the kinds. */
export function classify(line: string): Omit<Event, 'line' | 'at'> | null {
  const thread = /\|timeval(?:\(([^)]+)\))?\|/.exec(line)?.[1] ?? 'main';
  let m = /Unreasonably long (\d+)ms poll interval(?: \((\d+)ms user, (\d+)ms system\))?/.exec(line);
  if (m) return { kind: 'poll', value: Number(m[1]), subject: thread, ...(m[2] !== undefined ? { user: Number(m[2]), system: Number(m[3]) } : {}) };
  m = /\|timeval[^|]*\|WARN\|context switches: (\d+) voluntary, (\d+) involuntary/.exec(line);
  if (m) return { kind: 'ctxsw', value: Number(m[2]), subject: thread };
  if (/upcall: datapath reached the dynamic limit|twice as high as current dynamic flow limit/.test(line)) return { kind: 'flow-limit', value: 1, subject: '' };
  if (/lost packet on (port channel|handler)/.test(line)) return { kind: 'lost-packet', value: 1, subject: '' };
  m = /\|([a-z_]+)(?:\([^)]*\))?\|[A-Z]+\|Dropped (\d+) log messages in last \d+ seconds/.exec(line);
  if (m) return { kind: 'dropped-logs', value: Number(m[2]), subject: m[1] ?? '' };
  m = /could not open network device (\S+) \(No such device\)|ethtool command [A-Z_]+ on network device (\S+) failed: No such device/.exec(line);
  if (m) return { kind: 'missing-device', value: 1, subject: m[1] ?? m[2] ?? '' };
  m = /Spent an unreasonably long (\d+)ms dumping flows/.exec(line);
  if (m) return { kind: 'slow-dump', value: Number(m[1]), subject: '' };
  if (/\|EMER\|/.test(line)) return { kind: 'emer', value: 1, subject: '' };
  return null;
}

function datapaths(body: string[]): Datapath[] {
  const out: Datapath[] = [];
  let name = '';
  for (const l of body) {
    if (/^\S+@\S+:$/.test(l)) name = l.slice(0, -1);
    const m = /^ {2}lookups: hit:(\d+) missed:(\d+) lost:(\d+)/.exec(l);
    if (m) out.push({ name: name || '?', line: l, hit: Number(m[1]), missed: Number(m[2]), lost: Number(m[3]) });
  }
  return out;
}

export function parseVswitchd(stdout: string): VswitchdFacts {
  const ls = lines(stdout);
  const facts: VswitchdFacts = { clock: null, ...unread(), events: [], flows: [], dpctl: [], dpctlAgain: [], appctlExit: null, appctlError: [] };
  let section = 'log';
  const bodies: Record<string, string[]> = { log: [], 'upcall/show': [], 'dpctl/show': [], 'dpctl/show again': [] };
  for (const l of ls) {
    if (l.startsWith('== now: ')) facts.clock = parseNodeClock(l.slice(8));
    else if (logHeader(facts, l)) continue;
    else if (l.startsWith('== exit: ')) facts.appctlExit = Number(l.slice(9));
    else if (l.startsWith('== ') && l.slice(3) in bodies) section = l.slice(3);
    else bodies[section]?.push(l);
  }
  const seen = new Set<string>();
  for (const l of bodies.log ?? []) {
    if (!firstWrite(l, seen)) continue;
    const c = classify(l);
    if (c) facts.events.push({ ...c, line: l, at: facts.clock ? lineTime(l, facts.clock) : null });
  }
  const up = bodies['upcall/show'] ?? [];
  up.forEach((l, i) => {
    const m = /^ {2}flows\s*: \(current (\d+)\).*\(limit (\d+)\)/.exec(l);
    if (!m) return;
    const next = up[i + 1] ?? '';
    const d = /^ {2}dump duration : (\d+)ms/.exec(next);
    facts.flows.push({ line: l, current: Number(m[1]), limit: Number(m[2]), dumpMs: d ? Number(d[1]) : null, dumpLine: d ? next : null });
  });
  facts.dpctl = datapaths(bodies['dpctl/show'] ?? []);
  facts.dpctlAgain = datapaths(bodies['dpctl/show again'] ?? []);
  if (facts.appctlExit !== null && facts.appctlExit !== 0) facts.appctlError = (bodies['dpctl/show'] ?? []).filter((l) => l.trim()).slice(-3);
  return facts;
}

/** Seconds a day: the window the playbook reads. */
export const WINDOW_SEC = 86_400;
/** The events of the last 24 h by the node's clock (undated ones count only without a clock: the tail bounds them). */
export const inWindow = (facts: VswitchdFacts): Event[] => eventsWithin(facts.events, facts.clock, WINDOW_SEC);

/** How far back the lines read go, in seconds, when that is less than the window (the tail cut them). */
export const coverage = (facts: VswitchdFacts): number | null => readCoverage(facts, WINDOW_SEC);
