/**
 * What the log-reading step scripts (ovs-vswitchd-log's vswitchd.sh, ovn-controller-log's
 * controller.sh) print around the lines they matched, read the same way for both: which log
 * (`== log: PATH` or `== log: none (why)`), its oldest and newest line read (`== first:`,
 * `== last:`), how much was read (`== read: N lines, matched: M`); and the helpers over the
 * matched lines: one copy per message, the ones within a window by the node's clock, and how far
 * back a tail that was cut short reaches.
 */
import { lineTime, type NodeClock } from './log-time.js';

export interface LogRead {
  clock: NodeClock | null;
  /** The log read, or null with the script's reason line. */
  logPath: string | null;
  logLine: string;
  first: string | null;
  /** The newest line read (how the log ends). */
  last: string | null;
  read: number;
  matched: number;
  readLine: string | null;
}

/** A log that has not been read yet (the script's lines fill it in). */
export const unread = (): Omit<LogRead, 'clock'> => ({ logPath: null, logLine: '', first: null, last: null, read: 0, matched: 0, readLine: null });

/** Takes one of the script's log header lines into `facts`; false for any other line. */
export function logHeader(facts: LogRead, l: string): boolean {
  if (l.startsWith('== log: ')) {
    facts.logLine = l;
    facts.logPath = l.startsWith('== log: none') ? null : l.slice(8);
  } else if (l.startsWith('== first: ')) facts.first = l.slice(10);
  else if (l.startsWith('== last: ')) facts.last = l.slice(9);
  else if (l.startsWith('== read: ')) {
    const m = /read: (\d+) lines, matched: (\d+)/.exec(l);
    facts.read = Number(m?.[1] ?? 0);
    facts.matched = Number(m?.[2] ?? 0);
    facts.readLine = l;
  } else return false;
  return true;
}

/**
 * False for the second copy of a message: a daemon that logs to its console and its file, both
 * into one file (`--log-file` plus stderr redirected there), writes every message twice, the
 * console's copy without milliseconds (`…T12:48:26Z|00022|…` and `…T12:48:26.278Z|00022|…`). The
 * same sequence number, text and second is one message; a restart reuses sequence numbers, but
 * not within the same second.
 */
export function firstWrite(line: string, seen: Set<string>): boolean {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?Z(\|.*)$/.exec(line);
  if (!m) return true;
  const key = `${m[1]}${m[2]}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** A line a little ahead of the node's clock still counts (the clock was read first). */
const SLACK_SEC = 300;

/** The events of the last `windowSec` by the node's clock (all of them when the node gave no clock: the tail bounds them). */
export function eventsWithin<E extends { at: number | null }>(events: E[], clock: NodeClock | null, windowSec: number): E[] {
  if (!clock) return events;
  return events.filter((e) => e.at !== null && e.at >= clock.now - windowSec && e.at <= clock.now + SLACK_SEC);
}

/** How far back the lines read go, in seconds, when the tail (20000 lines) cut them short of `windowSec`. */
export function readCoverage(facts: LogRead, windowSec: number): number | null {
  if (!facts.clock || !facts.first || facts.read < 20_000) return null;
  const t = lineTime(facts.first, facts.clock);
  return t === null || t <= facts.clock.now - windowSec ? null : Math.max(0, facts.clock.now - t);
}
