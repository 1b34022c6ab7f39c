/**
 * When a log line was written, by the line's own timestamp, and how long a signature's window is.
 * Everything is relative to the node's clock (`date '+%s %z'` on the node), never this machine's:
 * a node whose clock is off still has its "last 6 h" counted by its own lines, and a timestamp
 * without a zone (oslo.log, syslog) is read in the node's own offset.
 */

/** The node's clock: seconds since the epoch and its UTC offset in minutes (from `date '+%s %z'`). */
export interface NodeClock {
  now: number;
  offsetMin: number;
}

/** The engine's step command that reads the node's clock, and its output parsed. */
export const CLOCK_COMMAND = "date '+%s %z'";

export function parseNodeClock(stdout: string): NodeClock | null {
  const m = /^(\d{9,11}) ([+-])(\d{2})(\d{2})\s*$/.exec(stdout.split('\n')[0] ?? '');
  if (!m) return null;
  const offset = Number(m[3]) * 60 + Number(m[4]);
  if (offset > 14 * 60) return null;
  return { now: Number(m[1]), offsetMin: m[2] === '-' ? -offset : offset };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * ISO-like stamps at the start of a line: oslo.log `2026-12-05 08:58:36.123 1234 ERROR …` (node
 * local time), OVS/OVN `2026-12-05T08:58:36.123Z|…`, RabbitMQ `2026-12-05 08:58:36.123456+00:00
 * [error] …`, and kubectl logs --timestamps `2026-12-05T08:58:36.123456789Z …` (RFC 3339).
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d{1,9})?(Z|[+-]\d{2}:?\d{2})?(?![\d:])/;
/** syslog and journalctl: `Dec  5 08:58:36 host …` / `Dec 05 08:58:36 host …` (node local time, no year). */
const SYSLOG = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?!\d)/;
/** RabbitMQ before 3.9: `=ERROR REPORT==== 5-Dec-2026::08:58:36 ===` (node local time). */
const RABBIT_OLD = /^=[A-Z ]+ REPORT==== (\d{1,2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{4})::(\d{2}):(\d{2}):(\d{2})/;

function valid(mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 0 && mo < 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 61;
}

/** Seconds since the epoch of a wall-clock time read in `offsetMin`. */
function local(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): number {
  return Date.UTC(y, mo, d, h, mi, s) / 1000 - offsetMin * 60;
}

/** When `line` was written (seconds since the epoch), or null when it carries no time we read. */
export function lineTime(line: string, clock: NodeClock): number | null {
  let m = ISO.exec(line);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    if (!valid(mo - 1, d, h, mi, s)) return null;
    const zone = m[7];
    if (zone === undefined) return local(y, mo - 1, d, h, mi, s, clock.offsetMin);
    if (zone === 'Z') return local(y, mo - 1, d, h, mi, s, 0);
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
    const off = (Number(z[2]) * 60 + Number(z[3])) * (z[1] === '-' ? -1 : 1);
    return local(y, mo - 1, d, h, mi, s, off);
  }
  m = SYSLOG.exec(line);
  if (m) {
    const mo = MONTHS.indexOf(m[1] as string);
    const [d, h, mi, s] = m.slice(2, 6).map(Number) as [number, number, number, number];
    if (!valid(mo, d, h, mi, s)) return null;
    // No year: the node's current year, or the one before when that would be in the future (a December line read in January).
    const year = new Date((clock.now + clock.offsetMin * 60) * 1000).getUTCFullYear();
    const t = local(year, mo, d, h, mi, s, clock.offsetMin);
    return t > clock.now + 86_400 ? local(year - 1, mo, d, h, mi, s, clock.offsetMin) : t;
  }
  m = RABBIT_OLD.exec(line);
  if (m) {
    const mo = MONTHS.indexOf(m[2] as string);
    const [d, y, h, mi, s] = [m[1], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
    if (!valid(mo, d, h, mi, s)) return null;
    return local(y, mo, d, h, mi, s, clock.offsetMin);
  }
  return null;
}

/** Bounds of a window: at least a minute, at most 30 days (a longer one reads logs nobody keeps). */
export const MIN_WINDOW_SEC = 60;
export const MAX_WINDOW_SEC = 30 * 86_400;
export const WINDOW_PATTERN = '^[1-9][0-9]{0,4}(m|h|d)$';

/** `30m`, `6h`, `7d` in seconds, or null when it is not a window of that form within the bounds. */
export function windowSeconds(text: string): number | null {
  const m = new RegExp(WINDOW_PATTERN).exec(text);
  if (!m) return null;
  const n = Number(text.slice(0, -1)) * { m: 60, h: 3600, d: 86_400 }[m[1] as 'm' | 'h' | 'd'];
  return n >= MIN_WINDOW_SEC && n <= MAX_WINDOW_SEC ? n : null;
}

/** A span of seconds as people read it: `2 h 10 min`, `45 min`, `3 d 4 h`. */
export function spanText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return m ? `${h} h ${m} min` : `${h} h`;
  return `${Math.max(m, s ? 1 : 0)} min`;
}
