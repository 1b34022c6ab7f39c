/**
 * ovn-controller-log: step output → facts. controller.sh prints the node's clock, what
 * `ovn-appctl -t ovn-controller connection-status` answered (and its exit code), which log it read
 * (or why none), the oldest and newest lines read and the log lines that matter, verbatim. Each
 * log line is dated by its own OVS timestamp against the node's clock.
 */
import { lines } from '../../engine/analyze-kit.js';
import { lineTime, parseNodeClock } from '../../engine/log-time.js';
// One message written twice (console and file into one log) is one event: the same rule as vswitchd's log.
import { eventsWithin, firstWrite, logHeader, readCoverage, unread, type LogRead } from '../../engine/log-read.js';

export type Kind = 'claim' | 'release' | 'chassis-change' | 'sb-dropped' | 'sb-probe' | 'sb-failed' | 'sb-connected' | 'openflow-error' | 'recompute' | 'poll' | 'emer' | 'terminated';

export interface Event {
  kind: Kind;
  line: string;
  at: number | null;
  /** claim/release/chassis-change: the lport; sb-*: the remote; recompute: the engine node. */
  subject: string;
  /** recompute/poll: milliseconds. */
  ms: number;
}

export interface ControllerFacts extends LogRead {
  /** connection-status's answer (its lines) and exit code; null exit when the section is missing. */
  status: string[];
  statusExit: number | null;
  events: Event[];
}

/** What a matched ovn-controller line says, or null when it is none of the kinds. */
export function classify(line: string): Omit<Event, 'line' | 'at'> | null {
  let m = /\|binding\|[A-Z]+\|Claiming lport (\S+) for this/.exec(line);
  if (m) return { kind: 'claim', subject: m[1] ?? '', ms: 0 };
  m = /\|binding\|[A-Z]+\|Releasing lport (\S+)/.exec(line);
  if (m) return { kind: 'release', subject: m[1] ?? '', ms: 0 };
  m = /\|binding\|[A-Z]+\|Changing chassis for lport (\S+) from/.exec(line);
  if (m) return { kind: 'chassis-change', subject: m[1] ?? '', ms: 0 };
  m = /\|reconnect\|[A-Z]+\|((?:tcp|ssl):[^\s:]+:\d+): (.*)$/.exec(line);
  if (m) {
    const said = m[2] ?? '';
    const remote = m[1] ?? '';
    if (said.startsWith('connection dropped') || said.startsWith('connection closed by peer')) return { kind: 'sb-dropped', subject: remote, ms: 0 };
    if (said.startsWith('no response to inactivity probe')) return { kind: 'sb-probe', subject: remote, ms: 0 };
    if (/^connection attempt (failed|timed out)/.test(said)) return { kind: 'sb-failed', subject: remote, ms: 0 };
    if (said === 'connected') return { kind: 'sb-connected', subject: remote, ms: 0 };
    return null;
  }
  if (/\|ofctrl\|[A-Z]+\|OpenFlow error/.test(line)) return { kind: 'openflow-error', subject: '', ms: 0 };
  m = /\|inc_proc_eng\|[A-Z]+\|node: ([^,\s]+), (?:recompute|handler for input)[^|]* took (\d+)ms/.exec(line);
  if (m) return { kind: 'recompute', subject: m[1] ?? '', ms: Number(m[2]) };
  m = /Unreasonably long (\d+)ms poll interval/.exec(line);
  if (m) return { kind: 'poll', subject: '', ms: Number(m[1]) };
  if (/\|EMER\|/.test(line)) return { kind: 'emer', subject: '', ms: 0 };
  if (/terminating with signal/.test(line)) return { kind: 'terminated', subject: '', ms: 0 };
  return null;
}

export function parseController(stdout: string): ControllerFacts {
  const facts: ControllerFacts = { clock: null, status: [], statusExit: null, ...unread(), events: [] };
  let section: 'none' | 'status' | 'log' = 'none';
  const body: string[] = [];
  for (const l of lines(stdout)) {
    if (l.startsWith('== now: ')) facts.clock = parseNodeClock(l.slice(8));
    else if (l === '== connection-status') section = 'status';
    else if (l.startsWith('== exit: ')) {
      facts.statusExit = Number(l.slice(9));
      section = 'none';
    } else if (logHeader(facts, l)) {
      if (l.startsWith('== log: ')) section = 'log';
    } else if (section === 'status') facts.status.push(l);
    else if (section === 'log') body.push(l);
  }
  const seen = new Set<string>();
  for (const l of body) {
    if (!firstWrite(l, seen)) continue;
    const c = classify(l);
    if (c) facts.events.push({ ...c, line: l, at: facts.clock ? lineTime(l, facts.clock) : null });
  }
  return facts;
}

/** The events of the last `windowSec` by the node's clock (all of them when the node gave no clock). */
export const within = (facts: ControllerFacts, windowSec: number): Event[] => eventsWithin(facts.events, facts.clock, windowSec);

/** How far back the lines read go, in seconds, when the tail cut them short of `windowSec`. */
export const coverage = (facts: ControllerFacts, windowSec: number): number | null => readCoverage(facts, windowSec);
