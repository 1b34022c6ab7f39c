/**
 * memcached: the cache Keystone tokens, the service catalog and keystonemiddleware's token
 * validation live in (oslo.cache / `memcache_servers`), on each controller that serves one.
 *
 * - Evictions while the cache is full (bytes ≥ 90 % of limit_maxbytes): warning — items, tokens
 *   among them, are thrown out to make room, so validations go back to Keystone. Evictions with
 *   room to spare are from a fuller past: info.
 * - curr_connections ≥ 90 % of maxconns: warning; listen_disabled_num > 0 (it stopped accepting
 *   at the limit since it started) or rejected_connections > 0: warning — clients got no answer and
 *   an API call waited for its memcache timeout.
 * - UDP enabled (settings udpport ≠ 0, or a UDP socket): warning — reflection/amplification
 *   (CVE-2018-1000115); OpenStack never uses memcached over UDP.
 * - Listening but not answering `stats`: warning (a hung memcached stalls every API using it).
 * - Nothing listening on the node: info ("not here"); on an openstack-helm cluster the memcached
 *   pod has its own network namespace and is not seen from the host.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { num, parseMemcached, type Instance, type MemcachedFacts } from './parse.js';

const STEP = 'memcached';
export const FULL_PCT = 90;
export const CONN_PCT = 90;

const pct = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 1000) / 10 : 0);
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;

function instanceFindings(out: StepOutput, f: MemcachedFacts, i: Instance): { found: Finding[]; ok: FindingMessage | null } {
  const node = out.node;
  const at = `${i.addr}:${i.port}`;
  const found: Finding[] = [];
  const q = (...keys: string[]): string[] => keys.map((k) => i.lines.get(k)).filter((l): l is string => l !== undefined);
  if (!Object.keys(i.stats).length) {
    // A tool missing on the node is our problem, not memcached's: could not check.
    if (i.other.some((l) => /not found|No such file/.test(l)) && !i.other.some((l) => /Connection refused|timed out/i.test(l))) {
      const t = texts({ title: say('memcached.tool.title', { node, at }), explanation: say('memcached.tool.explanation', { node }) });
      return { found: [{ ...skipped('memcached.stats', t.title, t.explanation, [evidence(out, i.other.slice(0, 2))]), text: t.text }], ok: null };
    }
    found.push(
      finding({
        check: 'memcached.answers',
        severity: 'warning',
        ...texts({
          title: say('memcached.silent.title', { node, at }),
          explanation: say('memcached.silent.explanation', { node, at, exit: i.exit ?? '?' }),
          likelyCause: say('memcached.silent.cause'),
          nextStep: say('memcached.silent.next', { node, at }),
        }),
        evidence: [evidence(out, [...f.tcp.filter((l) => l.includes(`:${i.port}`)).slice(0, 1), i.header, ...i.other.slice(0, 2), `== end ${i.addr} ${i.port} exit ${i.exit ?? ''}`.trim()])],
      }),
    );
    return { found, ok: null };
  }
  const evictions = num(i.stats, 'evictions') ?? 0;
  const bytes = num(i.stats, 'bytes') ?? 0;
  const limit = num(i.stats, 'limit_maxbytes') ?? 0;
  const full = pct(bytes, limit);
  const uptime = num(i.stats, 'uptime') ?? 0;
  if (evictions > 0) {
    const hot = full >= FULL_PCT;
    const p = { node, at, evictions, used: mib(bytes), limit: mib(limit), full, fullPct: FULL_PCT, days: (uptime / 86400).toFixed(1) };
    found.push(
      finding({
        check: 'memcached.evictions',
        severity: hot ? 'warning' : 'info',
        ...texts({
          title: say('memcached.evictions.title', p),
          explanation: say(hot ? 'memcached.evictions.explanation' : 'memcached.evictions.old.explanation', p),
          ...(hot ? { likelyCause: say('memcached.evictions.cause'), nextStep: say('memcached.evictions.next', { node }) } : {}),
        }),
        evidence: [evidence(out, q('evictions', 'bytes', 'limit_maxbytes', 'uptime'))],
      }),
    );
  }
  const conns = num(i.stats, 'curr_connections');
  const max = num(i.settings, 'maxconns') ?? num(i.stats, 'max_connections');
  const disabled = num(i.stats, 'listen_disabled_num') ?? 0;
  const rejected = num(i.stats, 'rejected_connections') ?? 0;
  const connPct = conns !== null && max ? pct(conns, max) : null;
  if ((connPct !== null && connPct >= CONN_PCT) || disabled > 0 || rejected > 0) {
    const p = { node, at, conns: conns ?? '?', max: max ?? '?', pct: connPct ?? '?', warn: CONN_PCT, disabled, rejected };
    found.push(
      finding({
        check: 'memcached.connections',
        severity: 'warning',
        ...texts({
          title: say(disabled > 0 || rejected > 0 ? 'memcached.conns.refused.title' : 'memcached.conns.title', p),
          explanation: say('memcached.conns.explanation', p),
          likelyCause: say('memcached.conns.cause'),
          nextStep: say('memcached.conns.next', { node }),
        }),
        evidence: [evidence(out, [...q('curr_connections', 'listen_disabled_num', 'rejected_connections', 'max_connections'), ...q('settings:maxconns')])],
      }),
    );
  }
  const udpPort = i.settings.udpport;
  if ((udpPort !== undefined && udpPort !== '0') || f.udp.length) {
    found.push(
      finding({
        check: 'memcached.udp',
        severity: 'warning',
        ...texts({
          title: say('memcached.udp.title', { node, at }),
          explanation: say('memcached.udp.explanation', { node, port: udpPort ?? '?' }),
          likelyCause: say('memcached.udp.cause'),
          nextStep: say('memcached.udp.next', { node }),
        }),
        evidence: [evidence(out, [...q('settings:udpport'), ...f.udp.slice(0, 2)])],
      }),
    );
  }
  const ok = found.some((x) => x.severity !== 'info') ? null : say('memcached.ok.instance', { node, at, conns: conns ?? '?', max: max ?? '?', full, version: i.stats.version ?? '?' });
  return { found, ok };
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const oks: Array<{ out: StepOutput; msg: FindingMessage; lines: string[] }> = [];
  const none: StepOutput[] = [];
  const unread: StepOutput[] = [];
  for (const out of completed(input, STEP)) {
    const f = parseMemcached(out.stdout);
    if (f.none) {
      none.push(out);
      continue;
    }
    if (!f.instances.length) {
      unread.push(out);
      continue;
    }
    for (const i of f.instances) {
      const r = instanceFindings(out, f, i);
      findings.push(...r.found);
      if (r.ok) oks.push({ out, msg: r.ok, lines: [i.lines.get('curr_connections'), i.lines.get('settings:maxconns'), i.lines.get('evictions')].filter((l): l is string => l !== undefined) });
    }
  }
  if (oks.length) {
    findings.push(
      finding({
        check: 'memcached.stats',
        severity: 'ok',
        ...texts({ title: say('memcached.ok.title', { count: oks.length }), explanation: say('memcached.ok.explanation', { instances: oks.map((o) => o.msg), full: FULL_PCT, conn: CONN_PCT }) }),
        evidence: oks.map((o) => evidence(o.out, o.lines)),
      }),
    );
  }
  if (none.length) {
    const names = none.map((o) => o.node).join(', ');
    const some = none.length < completed(input, STEP).length - unread.length;
    findings.push(
      finding({
        check: 'memcached.present',
        severity: 'info',
        ...texts({ title: say('memcached.none.title', { nodes: names }), explanation: say(some ? 'memcached.none.some.explanation' : 'memcached.none.explanation', { nodes: names }) }),
        evidence: none.map((o) => evidence(o, ['== none'])),
      }),
    );
  }
  if (unread.length) {
    const t = texts({ title: say('memcached.unread.title', { nodes: unread.map((o) => o.node).join(', ') }), explanation: say('memcached.unread.explanation') });
    findings.push({ ...skipped('memcached.stats', t.title, t.explanation), text: t.text });
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('memcached.not-run.title'), explanation: say('memcached.not-run.explanation') });
    findings.push({ ...skipped('memcached.stats', t.title, t.explanation), text: t.text });
  }
  return findings;
};
