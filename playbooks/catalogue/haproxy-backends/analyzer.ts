/**
 * haproxy-backends: the backend servers each controller's HAProxy marks DOWN (show stat on its
 * admin socket), a whole backend without a server up, a controller where HAProxy is configured but
 * not running, and the virtual IPs: each must be on exactly one controller (two: split brain; none:
 * the APIs are gone). Where no controller runs HAProxy it says "no HAProxy here" (info).
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { isDown, isServer, parseAddresses, parseHaproxy, type HaproxyNode, type StatRow } from './parse.js';

const HAPROXY = 'haproxy';
const ADDRESSES = 'addresses';

interface Read {
  out: StepOutput;
  h: HaproxyNode;
}

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';
const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

function notChecked(check: string, title: ReturnType<typeof say>, explanation: ReturnType<typeof say>, ev: Evidence[] = []): Finding {
  const t = texts({ title, explanation });
  return { ...skipped(check, t.title, t.explanation, ev), text: t.text };
}

/** DOWN servers and backends without a server up, across every controller's HAProxy. */
function backendFindings(reads: Read[]): Finding[] {
  const found: Finding[] = [];
  const withRows = reads.filter((r) => r.h.rows);
  // pxname → the rows of its servers, from each node.
  const byProxy = new Map<string, Array<{ out: StepOutput; row: StatRow }>>();
  for (const r of withRows) for (const row of r.h.rows ?? []) if (isServer(row)) byProxy.set(row.pxname, [...(byProxy.get(row.pxname) ?? []), { out: r.out, row }]);
  const deadProxies = new Set<string>();
  for (const [px, rows] of byProxy) {
    // A backend is dead as a node's HAProxy sees it when none of its servers is up there.
    const deadOn = withRows.filter((r) => {
      const own = rows.filter((x) => x.out === r.out);
      return own.length > 0 && own.every((x) => isDown(x.row) || /^(MAINT|DRAIN)/.test(x.row.status)) && own.some((x) => isDown(x.row));
    });
    if (!deadOn.length) continue;
    deadProxies.add(px);
    const servers = uniq(rows.filter((x) => isDown(x.row)).map((x) => x.row.svname));
    const sample = rows.find((x) => isDown(x.row))?.row;
    found.push(
      finding({
        check: 'haproxy.backend-down',
        severity: 'critical',
        ...texts({
          title: say('haproxy-backends.backend-down.title', { proxy: px }),
          explanation: say('haproxy-backends.backend-down.explanation', { proxy: px, servers: servers.join(', '), nodes: deadOn.map((r) => r.out.node).join(', '), check: sample ? checkWords(sample) : '' }),
          likelyCause: say('haproxy-backends.backend-down.cause'),
          nextStep: say('haproxy-backends.backend-down.next', { proxy: px, servers: servers.join(', ') }),
        }),
        evidence: deadOn.slice(0, 2).map((r) => evidence(r.out, rows.filter((x) => x.out === r.out).map((x) => x.row.line))),
      }),
    );
  }
  // Servers down in backends that still have one up: one finding per server, naming every proxy it is down in.
  const byServer = new Map<string, Array<{ out: StepOutput; row: StatRow }>>();
  for (const [px, rows] of byProxy) {
    if (deadProxies.has(px)) continue;
    for (const x of rows.filter((y) => isDown(y.row))) byServer.set(x.row.svname, [...(byServer.get(x.row.svname) ?? []), x]);
  }
  for (const [server, rows] of byServer) {
    const proxies = uniq(rows.map((x) => x.row.pxname));
    const nodes = uniq(rows.map((x) => x.out.node));
    const first = rows[0]?.row;
    found.push(
      finding({
        check: 'haproxy.server-down',
        severity: 'warning',
        ...texts({
          title: say('haproxy-backends.server-down.title', { server, proxies: proxies.join(', ') }),
          explanation: say('haproxy-backends.server-down.explanation', { server, proxies: proxies.join(', '), nodes: nodes.join(', '), check: first ? checkWords(first) : '' }),
          likelyCause: say('haproxy-backends.server-down.cause'),
          nextStep: say('haproxy-backends.down.next', { proxy: proxies[0] ?? '?', server }),
        }),
        evidence: nodes.slice(0, 2).map((n) => evidence(rows.find((x) => x.out.node === n)?.out as StepOutput, rows.filter((x) => x.out.node === n).map((x) => x.row.line))),
      }),
    );
  }
  return found;
}

/** "the last check says L4CON: Connection refused" when the row has it. */
function checkWords(r: StatRow): ReturnType<typeof say> | '' {
  if (!r.checkStatus && !r.lastCheck) return '';
  return say('haproxy-backends.last-check', { check: [r.checkStatus.replace(/^\*/, ''), r.lastCheck].filter(Boolean).join(': ') });
}

/** Each VIP on exactly one controller. */
/** keepalived's VIPs; without keepalived, the addresses every HAProxy here binds (a controller's own stats address is not one). */
function vipsOf(reads: Read[]): { vips: string[]; from: 'keepalived' | 'binds' } {
  const vips = uniq(reads.flatMap((r) => r.h.vips.map((v) => v.address)));
  if (vips.length) return { vips, from: 'keepalived' };
  const running = reads.filter((r) => r.h.state !== 'absent');
  return { vips: uniq(running[0]?.h.binds.map((b) => b.address) ?? []).filter((a) => running.every((r) => r.h.binds.some((b) => b.address === a))), from: 'binds' };
}

/** The controllers whose `ip -br addr` shows one of the VIPs. */
function vipHolders(input: AnalyzerInput, vips: string[]): string[] {
  return outputsOf(input, ADDRESSES)
    .filter((o) => o.state === 'succeeded' && parseAddresses(o.stdout).some((a) => vips.includes(a.address)))
    .map((o) => o.node);
}

function vipFindings(input: AnalyzerInput, reads: Read[]): Finding[] {
  const { vips, from } = vipsOf(reads);
  if (!vips.length) return [];
  const addrOuts = outputsOf(input, ADDRESSES);
  const read = addrOuts.filter((o) => o.state === 'succeeded').map((o) => ({ out: o, addrs: parseAddresses(o.stdout) }));
  const unread = input.nodes.filter((n) => n.roles.includes('controller') && !read.some((r) => r.out.node === n.name)).map((n) => n.name);
  // VIPs grouped by the controllers holding them (the usual case: all VIPs move together).
  const groups = new Map<string, string[]>();
  for (const vip of vips) {
    const holders = read.filter((r) => r.addrs.some((a) => a.address === vip)).map((r) => r.out.node);
    const key = holders.join(',');
    groups.set(key, [...(groups.get(key) ?? []), vip]);
  }
  const found: Finding[] = [];
  const lineOf = (node: string, vipList: string[]): Evidence[] => {
    const r = read.find((x) => x.out.node === node);
    return r ? [evidence(r.out, uniq(r.addrs.filter((a) => vipList.includes(a.address)).map((a) => a.line)))] : [];
  };
  const source = (vipList: string[]): Evidence[] =>
    reads
      .map((r) => evidence(r.out, uniq((from === 'keepalived' ? r.h.vips : r.h.binds).filter((v) => vipList.includes(v.address)).map((v) => v.line))))
      .filter((e) => e.lines.length)
      .slice(0, 1);
  for (const [key, vipList] of groups) {
    const holders = key ? key.split(',') : [];
    if (holders.length === 1) {
      found.push(
        finding({
          check: 'haproxy.vip',
          severity: 'ok',
          ...texts({ title: say('haproxy-backends.vip.ok.title', { vips: vipList.join(', '), node: holders[0] ?? '?' }), explanation: say(`haproxy-backends.vip.ok.explanation.${from}`, { vips: vipList.join(', '), node: holders[0] ?? '?' }) }),
          evidence: lineOf(holders[0] ?? '', vipList),
        }),
      );
    } else if (holders.length > 1) {
      found.push(
        finding({
          check: 'haproxy.vip-split-brain',
          severity: 'critical',
          ...texts({
            title: say('haproxy-backends.vip.split.title', { vips: vipList.join(', '), nodes: holders.join(', ') }),
            explanation: say('haproxy-backends.vip.split.explanation', { vips: vipList.join(', '), nodes: holders.join(', ') }),
            likelyCause: say('haproxy-backends.vip.split.cause'),
            nextStep: say('haproxy-backends.vip.split.next', { nodes: holders.join(', ') }),
          }),
          evidence: holders.flatMap((h) => lineOf(h, vipList)),
        }),
      );
    } else if (unread.length) {
      found.push(notChecked('haproxy.vip', say('haproxy-backends.vip.unread.title', { vips: vipList.join(', ') }), say('haproxy-backends.vip.unread.explanation', { vips: vipList.join(', '), nodes: unread.join(', ') })));
    } else {
      found.push(
        finding({
          check: 'haproxy.vip-missing',
          severity: 'critical',
          ...texts({
            title: say('haproxy-backends.vip.none.title', { vips: vipList.join(', ') }),
            explanation: say(`haproxy-backends.vip.none.explanation.${from}`, { vips: vipList.join(', '), nodes: read.map((r) => r.out.node).join(', ') }),
            likelyCause: say('haproxy-backends.vip.none.cause'),
            nextStep: say('haproxy-backends.vip.none.next'),
          }),
          evidence: source(vipList),
        }),
      );
    }
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const outs = completed(input, HAPROXY);
  if (!outs.length) {
    const any = outputsOf(input, HAPROXY)[0];
    return [notChecked('haproxy.backends', say('haproxy-backends.not-run.title'), say('haproxy-backends.not-run.explanation', { why: any?.error ?? any?.state ?? say('haproxy-backends.not-run.none') }))];
  }
  const reads: Read[] = outs.map((out) => ({ out, h: parseHaproxy(out.stdout) }));
  const findings: Finding[] = [];
  const absent = reads.filter((r) => r.h.state === 'absent' && r.out.state === 'succeeded');
  if (absent.length === reads.length && !reads.some((r) => r.h.vips.length)) {
    return [
      finding({
        check: 'haproxy.not-here',
        severity: 'info',
        ...texts({ title: say('haproxy-backends.not-here.title'), explanation: say('haproxy-backends.not-here.explanation', { nodes: absent.map((r) => r.out.node).join(', ') }) }),
        evidence: absent.map((r) => evidence(r.out, [r.h.stateLine])).filter((e) => e.lines[0]),
      }),
    ];
  }
  // A controller holding a VIP without HAProxy: every API on that VIP is gone (critical); elsewhere a spare is missing.
  const holders = vipHolders(input, vipsOf(reads).vips);
  for (const r of reads.filter((x) => x.h.state === 'stopped')) {
    const holds = holders.includes(r.out.node);
    findings.push(
      finding({
        check: 'haproxy.not-running',
        severity: holds ? 'critical' : 'warning',
        ...texts({
          title: say('haproxy-backends.stopped.title', { node: r.out.node }),
          explanation: say(holds ? 'haproxy-backends.stopped.explanation.holder' : 'haproxy-backends.stopped.explanation', { node: r.out.node }),
          likelyCause: say('haproxy-backends.stopped.cause'),
          nextStep: say('haproxy-backends.stopped.next', { node: r.out.node }),
        }),
        evidence: [evidence(r.out, [r.h.stateLine])],
      }),
    );
  }
  // Running, but its stats were not read (no socket in the configuration, the socket did not answer, the script failed).
  const unread = reads.filter((r) => r.h.state === 'running' && !r.h.rows);
  const failed = reads.filter((r) => r.h.state === 'absent' && r.out.state !== 'succeeded');
  for (const r of [...unread, ...failed]) {
    const line = lines(r.out.stderr).find((l) => l.trim()) ?? firstLine(r.out);
    findings.push(notChecked('haproxy.stats', say('haproxy-backends.stats-unread.title', { node: r.out.node }), say('haproxy-backends.stats-unread.explanation', { node: r.out.node, line: line || say('haproxy-backends.exit-code', { code: r.out.exitCode ?? '?' }) }), line ? [evidence(r.out, [line])] : []));
  }
  const problems = backendFindings(reads);
  findings.push(...problems);
  const withRows = reads.filter((r) => r.h.rows);
  if (withRows.length && !problems.length) {
    const servers = withRows.flatMap((r) => (r.h.rows ?? []).filter(isServer));
    const proxies = uniq(servers.map((s) => s.pxname));
    findings.push(
      finding({
        check: 'haproxy.backends',
        severity: 'ok',
        ...texts({
          title: say('haproxy-backends.ok.title', { proxies: proxies.length, nodes: withRows.map((r) => r.out.node).join(', ') }),
          explanation: say('haproxy-backends.ok.explanation', { proxies: proxies.length, servers: servers.length, nodes: withRows.map((r) => r.out.node).join(', ') }),
        }),
        evidence: withRows.slice(0, 1).map((r) => evidence(r.out, (r.h.rows ?? []).filter(isServer).slice(0, 6).map((x) => x.line))),
      }),
    );
  }
  findings.push(...vipFindings(input, reads));
  return findings;
};
