/**
 * api-errors: step output → facts. haproxy-log.sh prints `== now: EPOCH +HHMM`, `== source: …`,
 * `== read: N requests, first hour: DD/Mon/YYYY:HH`, then `hour BACKEND DD/Mon/YYYY:HH REQUESTS
 * 5XX NOSRV` per backend and hour, `example LINE` (the last 5xx lines of each backend), `nosrv LINE`
 * (the last 503 without a server of each backend) and `alert LINE` (HAProxy's "has no server
 * available!"). The hours are the node's local time (HAProxy's accept date).
 */
import { lines } from '../../engine/analyze-kit.js';

export interface HourCount {
  backend: string;
  /** Epoch seconds of the hour's start (by the node's offset); null when unreadable. */
  start: number | null;
  requests: number;
  errors: number;
  nosrv: number;
  line: string;
}

export interface HaproxyLog {
  now: number | null;
  /** Seconds east of UTC (`+0900` → 32400). */
  offset: number;
  source: string;
  sourceLine: string | null;
  /** No HAProxy runs on this node (nothing to read, nothing owed). */
  absent: boolean;
  read: number;
  readLine: string | null;
  hours: HourCount[];
  examples: Map<string, string[]>;
  nosrvLines: Map<string, string>;
  alerts: string[];
  nowLine: string | null;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `05/Dec/2026:12` in the node's local time → epoch seconds of that hour's start. */
export function hourStart(hour: string, offset: number): number | null {
  const m = /^(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d)$/.exec(hour);
  const mon = m ? months.indexOf(m[2] ?? '') : -1;
  if (!m || mon < 0) return null;
  return Date.UTC(Number(m[3]), mon, Number(m[1]), Number(m[4])) / 1000 - offset;
}

/** A request line's accept date (`[05/Dec/2026:13:16:49.789]`, the node's local time) → epoch seconds. */
export function acceptTime(line: string, offset: number): number | null {
  const m = /\[(\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d):(\d\d):(\d\d)(?:\.\d+)?\] /.exec(line);
  const h = m?.[1] ? hourStart(m[1], offset) : null;
  return h === null || !m ? null : h + Number(m[2]) * 60 + Number(m[3]);
}

/** The backend a request line names (`… [date] frontend backend/server …`). */
export function backendOf(line: string): string | null {
  return /\] \S+ ([^/\s]+)\/\S+ /.exec(line)?.[1] ?? null;
}

export function parseHaproxyLog(stdout: string): HaproxyLog {
  const log: HaproxyLog = { now: null, offset: 0, source: 'none', sourceLine: null, absent: false, read: 0, readLine: null, hours: [], examples: new Map(), nosrvLines: new Map(), alerts: [], nowLine: null };
  for (const l of lines(stdout)) {
    let m = /^== now: (\d+) ([+-])(\d\d)(\d\d)$/.exec(l);
    if (m) {
      log.now = Number(m[1]);
      log.offset = (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 3600 + Number(m[4]) * 60);
      log.nowLine = l;
      continue;
    }
    if (l.startsWith('== source: ')) {
      log.source = l.slice(11);
      log.sourceLine = l;
      log.absent = /^none \(no haproxy on this node\)/.test(log.source);
      continue;
    }
    m = /^== read: (\d+) requests/.exec(l);
    if (m) {
      log.read = Number(m[1]);
      log.readLine = l;
      continue;
    }
    m = /^hour (\S+) (\S+) (\d+) (\d+) (\d+)$/.exec(l);
    if (m?.[1] && m[2]) {
      log.hours.push({ backend: m[1], start: hourStart(m[2], log.offset), requests: Number(m[3]), errors: Number(m[4]), nosrv: Number(m[5]), line: l });
      continue;
    }
    m = /^(example|nosrv|alert) (.*)$/.exec(l);
    if (m) {
      const be = m[1] === 'alert' ? null : backendOf(l);
      if (m[1] === 'alert') log.alerts.push(l);
      else if (be && m[1] === 'nosrv') log.nosrvLines.set(be, l);
      else if (be) log.examples.set(be, [...(log.examples.get(be) ?? []), l]);
    }
  }
  return log;
}
