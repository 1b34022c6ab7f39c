/**
 * nova-compute-log: the counting is the engine's (`logSignatures:` in playbook.yaml: one finding
 * per node and kind, its first and last line). What this adds is the hour-by-hour view the
 * signatures do not give: per compute node, how many error records of each kind fell in each hour
 * of the last 24 by the node's own clock (a record is one log entry: oslo.log repeats its time and
 * pid on every line of a traceback, so the lines of one entry count once), each hour quoting its
 * first line. Nothing is said for a node with none: the signatures' ok says that.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, lines } from '../../engine/analyze-kit.js';
import { CLOCK_STEP } from '../../engine/log-signatures.js';
import { lineTime, parseNodeClock, type NodeClock } from '../../engine/log-time.js';
import type { Analyzer, Finding } from '../../engine/types.js';

const STEP = 'nova-compute-log';
const WINDOW_SEC = 24 * 3600;
/** A line a little ahead of the node's clock still counts (the clock was read first). */
const FUTURE_SLACK_SEC = 300;

/** The kinds, as playbook.yaml's logSignatures (analyzer.test.ts checks they stay the same). */
export const kinds: Array<{ id: string; re: RegExp }> = [
  { id: 'libvirt-error', re: /libvirt\.libvirtError|libvirtError:/ },
  { id: 'resource-update-failed', re: /Error updating resources for node/ },
  { id: 'oslo-messaging-error', re: / ERROR oslo\.messaging/ },
  { id: 'spawn-failed', re: /Instance failed to spawn/ },
];

/** oslo.log's record key: the time and pid every line of one entry repeats (`2026-12-05 12:20:56.978 16712`). */
const recordKey = (line: string): string => /^(\d{4}-\d\d-\d\d[ T][\d:.,]+ \d+) /.exec(line)?.[1] ?? line;

interface Hour {
  /** Start of the hour, seconds since the epoch (on the hour in the node's offset). */
  start: number;
  counts: Map<string, Set<string>>;
  first: string;
}

const two = (n: number): string => String(n).padStart(2, '0');
/** `12:00` in the node's own offset. */
const hourLabel = (start: number, clock: NodeClock): string => `${two(new Date((start + clock.offsetMin * 60) * 1000).getUTCHours())}:00`;
const offsetLabel = (clock: NodeClock): string => `UTC${clock.offsetMin < 0 ? '-' : '+'}${two(Math.floor(Math.abs(clock.offsetMin) / 60))}${two(Math.abs(clock.offsetMin) % 60)}`;

export function hoursOf(stdout: string, clock: NodeClock): Hour[] {
  const hours = new Map<number, Hour>();
  const since = clock.now - WINDOW_SEC;
  for (const line of lines(stdout)) {
    const head = line.length > 2048 ? line.slice(0, 2048) : line;
    // A line may be of several kinds ("Error updating resources for node …: libvirt.libvirtError: …").
    const matched = kinds.filter((k) => k.re.test(head));
    if (!matched.length) continue;
    const t = lineTime(line, clock);
    if (t === null || t < since || t > clock.now + FUTURE_SLACK_SEC) continue;
    // Hours on the node's own clock face (an offset of 5:30 starts them at :30 UTC).
    const local = t + clock.offsetMin * 60;
    const start = local - (local % 3600) - clock.offsetMin * 60;
    const h = hours.get(start) ?? { start, counts: new Map<string, Set<string>>(), first: line };
    for (const kind of matched) {
      const records = h.counts.get(kind.id) ?? new Set<string>();
      records.add(recordKey(line));
      h.counts.set(kind.id, records);
    }
    hours.set(start, h);
  }
  return [...hours.values()].sort((a, b) => a.start - b.start);
}

export const analyze: Analyzer = (input) => {
  const found: Finding[] = [];
  for (const out of completed(input, STEP).filter((o) => o.state === 'succeeded')) {
    const clockOut = completed(input, CLOCK_STEP).find((o) => o.node === out.node);
    const clock = clockOut ? parseNodeClock(clockOut.stdout) : null;
    // Without the node's clock there are no hours; the signatures say the log was not read.
    if (!clock || !clockOut) continue;
    const hours = hoursOf(out.stdout, clock);
    if (!hours.length) continue;
    const n = (h: Hour, id: string): number => h.counts.get(id)?.size ?? 0;
    const rows: FindingMessage[] = hours.map((h) =>
      say('nova-compute-log.hour', { hour: hourLabel(h.start, clock), libvirt: n(h, 'libvirt-error'), resource: n(h, 'resource-update-failed'), messaging: n(h, 'oslo-messaging-error'), spawn: n(h, 'spawn-failed') }),
    );
    const total = hours.reduce((n, h) => n + [...h.counts.values()].reduce((m, s) => m + s.size, 0), 0);
    found.push(
      finding({
        check: 'nova-compute-log.per-hour',
        severity: 'info',
        ...texts({
          title: say('nova-compute-log.per-hour.title', { node: out.node, count: total, hours: hours.length }),
          explanation: say('nova-compute-log.per-hour.explanation', { node: out.node, offset: offsetLabel(clock), rows }),
        }),
        evidence: [evidence(out, hours.map((h) => h.first)), evidence(clockOut, [lines(clockOut.stdout)[0] ?? ''])],
      }),
    );
  }
  return found;
};
