/**
 * api-errors: how the OpenStack APIs answered through HAProxy, per backend and hour, from each
 * controller's HAProxy log (counted on the node by haproxy-log.sh).
 *
 * - 503s with no server (`<NOSRV>`: every server of the backend was down, the API unreachable
 *   through the VIP), 5 or more in 24 h: critical when the last one is at most 10 minutes old by
 *   the node's clock (going on now), a warning when older (it recovered; say when). Fewer than 5
 *   are info: a restart or HAProxy starting before its backends answer looks the same.
 * - 5xx answered by the servers themselves (500 from the service, 502/504 from HAProxy when the
 *   server broke or timed out), in the worst hour of the last 24 h: a warning when more than 5 %
 *   of that hour's requests and at least 5 of them.
 * Every controller's HAProxy counts the requests it received (normally the VIP holder's), so the
 * counts are added up per backend and hour across the controllers that answered.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { acceptTime, parseHaproxyLog, type HaproxyLog, type HourCount } from './parse.js';

const STEP = 'haproxy-log';
export const ERROR_PCT = 5;
export const MIN_ERRORS = 5;
/** A 503 without a server this recent (by the node's clock) is an outage going on now. */
export const NOW_SEC = 10 * 60;
const HOUR = 3600;

const at = (t: number | null): string => (t === null ? '?' : new Date(t * 1000).toISOString().slice(0, 16) + 'Z');
const pct = (n: number, d: number): number => (d > 0 ? Math.round((n / d) * 1000) / 10 : 0);

interface Read {
  out: StepOutput;
  log: HaproxyLog;
}

interface Bucket {
  start: number | null;
  requests: number;
  errors: number;
  nosrv: number;
  rows: Array<{ out: StepOutput; h: HourCount }>;
}

/** Hours of the last 24 h (all, when the node's clock is unknown), and whether an hour is the last one. */
function windowed(r: Read): Array<HourCount & { recent: boolean }> {
  const now = r.log.now;
  return r.log.hours
    .filter((h) => now === null || h.start === null || (h.start > now - 24 * HOUR - HOUR && h.start <= now + 300))
    .map((h) => ({ ...h, recent: now !== null && h.start !== null && h.start > now - 2 * HOUR }));
}

function byBackend(reads: Read[]): Map<string, Map<string, Bucket & { recent: boolean }>> {
  const all = new Map<string, Map<string, Bucket & { recent: boolean }>>();
  for (const r of reads) {
    for (const h of windowed(r)) {
      const hours = all.get(h.backend) ?? new Map<string, Bucket & { recent: boolean }>();
      const key = String(h.start);
      const b = hours.get(key) ?? { start: h.start, requests: 0, errors: 0, nosrv: 0, rows: [], recent: h.recent };
      b.requests += h.requests;
      b.errors += h.errors;
      b.nosrv += h.nosrv;
      b.rows.push({ out: r.out, h });
      hours.set(key, b);
      all.set(h.backend, hours);
    }
  }
  return all;
}

/** Evidence per node: the hour lines given, then that node's lines of this backend (examples, the 503, alerts). */
function evidenceFor(buckets: Bucket[], reads: Read[], extra: (log: HaproxyLog) => string[]): Evidence[] {
  const perNode = new Map<string, { out: StepOutput; lines: string[] }>();
  for (const b of buckets) for (const row of b.rows) {
    const e = perNode.get(row.out.node) ?? { out: row.out, lines: [] };
    e.lines.push(row.h.line);
    perNode.set(row.out.node, e);
  }
  for (const r of reads) {
    const more = extra(r.log);
    if (!more.length) continue;
    const e = perNode.get(r.out.node) ?? { out: r.out, lines: [] };
    e.lines.push(...more);
    perNode.set(r.out.node, e);
  }
  return [...perNode.values()].map((e) => evidence(e.out, [...new Set(e.lines)].slice(0, 8)));
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const reads: Read[] = [];
  const absent: StepOutput[] = [];
  const unread: StepOutput[] = [];
  for (const out of completed(input, STEP)) {
    const log = parseHaproxyLog(out.stdout);
    if (out.state === 'succeeded' && log.absent) absent.push(out);
    else if (out.state !== 'succeeded' || !log.readLine) unread.push(out);
    else reads.push({ out, log });
  }

  const backends = byBackend(reads);
  const quiet: string[] = [];
  for (const [backend, hours] of [...backends.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const bs = [...hours.values()].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    const total = bs.reduce((n, b) => n + b.requests, 0);
    const errors = bs.reduce((n, b) => n + b.errors, 0);
    let flagged = false;

    const down = bs.filter((b) => b.nosrv > 0);
    if (down.length) {
      flagged = true;
      const count = down.reduce((n, b) => n + b.nosrv, 0);
      // The last 503 without a server, by its own accept time, and how long before the node's clock.
      const lasts = reads.flatMap((r) => {
        const l = r.log.nosrvLines.get(backend);
        const t = l ? acceptTime(l, r.log.offset) : null;
        return t !== null && r.log.now !== null ? [{ t, ago: r.log.now - t }] : [];
      });
      const last = lasts.sort((a, b) => a.ago - b.ago)[0];
      const ongoing = last !== undefined && last.ago <= NOW_SEC && count >= MIN_ERRORS;
      const severity = ongoing ? 'critical' : count >= MIN_ERRORS ? 'warning' : 'info';
      const lastAt = last ? at(last.t) : at(down.at(-1)?.start ?? null);
      const alertsOf = (log: HaproxyLog): string[] => [...log.alerts.filter((a) => a.includes(` ${backend} has no server`)).slice(-2), ...(log.nosrvLines.has(backend) ? [log.nosrvLines.get(backend) as string] : [])];
      findings.push(
        finding({
          check: 'api.no-server',
          severity,
          ...texts({
            title: say(`api-errors.nosrv.title.${severity === 'critical' ? 'now' : severity === 'warning' ? 'earlier' : 'blip'}`, { backend, count, last: lastAt, minutes: last ? Math.max(0, Math.round(last.ago / 60)) : '?' }),
            explanation: say(down.length === 1 ? 'api-errors.nosrv.explanation.one' : 'api-errors.nosrv.explanation', { backend, count, first: at(down[0]?.start ?? null), last: at(down.at(-1)?.start ?? null), hours: down.length }),
            ...(severity === 'info' ? {} : { likelyCause: say('api-errors.nosrv.cause', { backend }), nextStep: say('api-errors.nosrv.next', { backend }) }),
          }),
          evidence: evidenceFor(down.slice(-3), reads, alertsOf),
        }),
      );
    }

    // Errors the servers answered (or HAProxy on their behalf: 502, 504), the 503s without a server apart.
    const served = bs.map((b) => ({ b, errors: b.errors - b.nosrv }));
    const worst = served.filter((x) => x.errors >= MIN_ERRORS && pct(x.errors, x.b.requests) > ERROR_PCT).sort((a, b) => pct(b.errors, b.b.requests) - pct(a.errors, a.b.requests) || b.errors - a.errors)[0];
    if (worst) {
      flagged = true;
      const served24 = served.reduce((n, x) => n + x.errors, 0);
      const last = served.filter((x) => x.b.recent);
      const lastReq = last.reduce((n, x) => n + x.b.requests, 0);
      const lastErr = last.reduce((n, x) => n + x.errors, 0);
      findings.push(
        finding({
          check: 'api.5xx',
          severity: 'warning',
          ...texts({
            title: say('api-errors.5xx.title', { backend, pct: pct(worst.errors, worst.b.requests), errors: worst.errors, requests: worst.b.requests, hour: at(worst.b.start) }),
            explanation: say('api-errors.5xx.explanation', {
              backend,
              hour: at(worst.b.start),
              errors: worst.errors,
              requests: worst.b.requests,
              pct: pct(worst.errors, worst.b.requests),
              limit: ERROR_PCT,
              min: MIN_ERRORS,
              errors24: served24,
              requests24: total,
              pct24: pct(served24, total),
              recent: lastReq ? say('api-errors.5xx.recent', { errors: lastErr, requests: lastReq, pct: pct(lastErr, lastReq) }) : say('api-errors.5xx.recent.none'),
            }),
            likelyCause: say('api-errors.5xx.cause', { backend }),
            nextStep: say('api-errors.5xx.next', { backend }),
          }),
          evidence: evidenceFor([worst.b], reads, (log) => (log.examples.get(backend) ?? []).filter((l) => !l.includes('/<NOSRV> '))),
        }),
      );
    }
    if (!flagged) quiet.push(`${backend} (${total}, 5xx ${errors})`);
  }

  if (reads.length && quiet.length) {
    findings.push(
      finding({
        check: 'api.5xx',
        severity: 'ok',
        ...texts({
          title: say('api-errors.ok.title', { count: quiet.length }),
          explanation: say('api-errors.ok.explanation', { backends: quiet.join(', '), limit: ERROR_PCT, nodes: reads.map((r) => `${r.out.node} (${r.log.source})`).join(', ') }),
        }),
        evidence: reads.map((r) => evidence(r.out, [r.log.sourceLine, r.log.readLine].filter((l): l is string => l !== null))),
      }),
    );
  } else if (reads.length && !backends.size) {
    findings.push(
      finding({
        check: 'api.5xx',
        severity: 'info',
        ...texts({ title: say('api-errors.no-requests.title'), explanation: say('api-errors.no-requests.explanation', { nodes: reads.map((r) => r.out.node).join(', ') }) }),
        evidence: reads.map((r) => evidence(r.out, [r.log.sourceLine, r.log.readLine].filter((l): l is string => l !== null))),
      }),
    );
  }
  if (unread.length) {
    const t = texts({ title: say('api-errors.unread.title', { nodes: unread.map((o) => o.node).join(', ') }), explanation: say('api-errors.unread.explanation') });
    const ev = unread.map((o) => evidence(o, o.stdout.split('\n').filter((l) => l.startsWith('== source')).slice(-1))).filter((e) => e.lines.length);
    findings.push({ ...skipped('api.haproxy-log', t.title, t.explanation, ev), text: t.text });
  }
  if (absent.length && !reads.length && !unread.length) {
    findings.push(
      finding({
        check: 'api.haproxy-log',
        severity: 'info',
        ...texts({ title: say('api-errors.absent.title'), explanation: say('api-errors.absent.explanation', { nodes: absent.map((o) => o.node).join(', ') }) }),
        evidence: absent.map((o) => evidence(o, o.stdout.split('\n').filter((l) => l.startsWith('== source')))),
      }),
    );
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('api-errors.not-run.title'), explanation: say('api-errors.not-run.explanation') });
    findings.push({ ...skipped('api.haproxy-log', t.title, t.explanation), text: t.text });
  }
  return findings;
};
