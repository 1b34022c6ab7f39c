/**
 * dropped-traffic: which instances' packets to each other the datapath is dropping right now.
 *
 * A node's datapath keeps one flow per kind of packet it saw (a megaflow), with a packet count and
 * when it was last used. One that ends in `actions:drop` and was used in the last minute is
 * traffic being dropped now. OVN's security groups run after conntrack, so the dropping flow is
 * reached through recirculation (recirc_id(N), from a flow whose actions end in recirc(N)): the
 * MACs and addresses are read up that chain. Both ends named from the Northbound's ports:
 * - two ports of the cloud: a warning from 5 packets on (a client retrying is what people notice),
 *   info below that, naming source, destination, protocol (and port when the flow fixes it), the
 *   node and the ovn-trace that names the rule;
 * - anything else (scans from outside, a tap's own IPv6, a router's traffic) is counted only.
 * With security-group logging (log=true on the ACL) the datapath hands such packets to
 * ovn-controller instead of dropping them itself; its `acl_log … verdict=drop` lines of the last
 * 10 minutes name the same conversations, and the ACL, when the newest is at most 10 s old.
 * Never ok from a node whose flows were not read, nor when the ports were not read.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { parseAclLog, parseDatapath, parsePorts, type CloudPort, type DpFlow, type NodeDrops } from './parse.js';

/** A client retrying for a few seconds sends this many; a stray packet or two is not an outage. */
export const WARN_PACKETS = 5;
/** Conversations named one by one; the rest are counted. */
const SHOWN = 10;
const FRESH_SEC = 60;
/** ACL log lines are rate-limited and read from a tail: the last 10 minutes of them are counted… */
const LOG_WINDOW_SEC = 600;
/**
 * …for a conversation whose newest line is this recent: dropped now, not before a fix. A datapath
 * flow is gone after 10 s without a packet (OVS's max-idle), so its drops are this recent too.
 */
const LOG_NOW_SEC = 10;

interface Conversation {
  out: StepOutput;
  from: CloudPort;
  to: CloudPort;
  srcIp: string | null;
  dstIp: string | null;
  proto: number | null;
  family: 'ipv4' | 'ipv6' | null;
  dport: number | null;
  packets: number;
  usedSec: number;
  lines: string[];
  /** From ovn-controller's ACL log: the ACL that dropped it, and the log's output. */
  acl?: { name: string; out: StepOutput };
}

/** Each chain from a drop up to its first flow: fields merged (any exact value along it is the packet's). */
function chains(drop: DpFlow, parents: Map<string, DpFlow[]>): DpFlow[][] {
  const out: DpFlow[][] = [];
  const walk = (path: DpFlow[]): void => {
    if (out.length >= 50) return;
    const head = path.at(-1) as DpFlow;
    const up = head.recircId === '0' || path.length > 6 ? [] : (parents.get(head.recircId) ?? []).filter((p) => p.inPort === head.inPort && !path.includes(p));
    if (!up.length) out.push(path);
    for (const p of up) walk([...path, p]);
  };
  walk([drop]);
  return out;
}

const first = <T>(path: DpFlow[], get: (f: DpFlow) => T | null): T | null => path.map(get).find((v) => v !== null) ?? null;

/** The cloud's instance ports by MAC and by address: an end of a conversation is the port with its MAC, else with its address. */
interface Ports {
  byMac: Map<string, CloudPort>;
  byIp: Map<string, CloudPort>;
}
const portOf = (ports: Ports, mac: string | null, ip: string | null): CloudPort | undefined => (mac ? ports.byMac.get(mac) : undefined) ?? (ip ? ports.byIp.get(ip) : undefined);

/** TCP, UDP and SCTP have ports. */
const hasPorts = (proto: number | null): boolean => proto === 6 || proto === 17 || proto === 132;

function conversations(out: StepOutput, node: NodeDrops, ports: Ports): { found: Conversation[]; other: number } {
  const parents = new Map<string, DpFlow[]>();
  for (const f of node.flows) {
    if (!f.recircTo) continue;
    const list = parents.get(f.recircTo);
    if (list) list.push(f);
    else parents.set(f.recircTo, [f]);
  }
  const found: Conversation[] = [];
  let other = 0;
  for (const drop of node.flows.filter((f) => f.drop && f.packets > 0 && f.usedSec !== null && f.usedSec <= FRESH_SEC)) {
    for (const path of chains(drop, parents)) {
      const srcMac = first(path, (f) => f.ethSrc) ?? node.interfaces.get(drop.inPort)?.mac ?? null;
      const dstMac = first(path, (f) => f.ethDst);
      const srcIp = first(path, (f) => f.ipSrc);
      const dstIp = first(path, (f) => f.ipDst);
      const from = portOf(ports, srcMac, srcIp);
      const to = portOf(ports, dstMac, dstIp);
      if (!from || !to || from === to) {
        other++;
        continue;
      }
      found.push({
        out,
        from,
        to,
        srcIp: srcIp ?? from.ips[0] ?? null,
        dstIp: dstIp ?? to.ips[0] ?? null,
        proto: first(path, (f) => f.proto),
        family: first(path, (f) => f.family),
        dport: first(path, (f) => f.dport),
        packets: Math.min(...path.map((f) => f.packets)),
        usedSec: drop.usedSec ?? 0,
        lines: path.map((f) => f.line),
      });
    }
  }
  return { found, other };
}

/** The protocol word OVS prints first in a flow: IPv6's carry a 6 (tcp6, udp6, icmp6). */
const PROTO_NUMBER: Record<string, number> = { icmp: 1, tcp: 6, udp: 17, sctp: 132, icmp6: 58, tcp6: 6, udp6: 17, sctp6: 132 };

/** Drops an ACL logged (verdict=drop) in the last 10 minutes between two ports of the cloud. */
function logged(out: StepOutput, log: StepOutput, node: NodeDrops, ports: Ports): Conversation[] {
  const clock = node.clock;
  if (!clock) return [];
  const found: Conversation[] = [];
  for (const e of parseAclLog(log.stdout, clock)) {
    if (e.verdict !== 'drop' || e.time < clock.now - LOG_WINDOW_SEC) continue;
    const from = portOf(ports, e.dlSrc, e.nwSrc);
    const to = portOf(ports, e.dlDst, e.nwDst);
    if (!from || !to || from === to) continue;
    const proto = PROTO_NUMBER[e.proto] ?? null;
    found.push({ out, from, to, srcIp: e.nwSrc ?? from.ips[0] ?? null, dstIp: e.nwDst ?? to.ips[0] ?? null, proto, family: e.proto.endsWith('6') ? 'ipv6' : 'ipv4', dport: hasPorts(proto) ? e.tpDst : null, packets: 1, usedSec: Math.max(0, clock.now - e.time), lines: [e.line], acl: { name: e.name, out: log } });
  }
  return found;
}

const PROTO: Record<number, string> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP', 58: 'ICMPv6', 132: 'SCTP' };
const what = (c: Pick<Conversation, 'proto' | 'dport' | 'family'>): string => {
  const name = c.proto === null ? (c.family === 'ipv6' ? 'IPv6' : 'IP') : (PROTO[c.proto] ?? `IP protocol ${c.proto}`);
  return c.dport !== null && hasPorts(c.proto) ? `${name} port ${c.dport}` : name;
};
const end = (p: CloudPort, ip: string | null): string => (ip ? `${p.label} (${ip})` : p.label);

/** The same pair, protocol and port on one node is one conversation, whichever chains carried it. */
function merged(cs: Conversation[]): Conversation[] {
  const by = new Map<string, Conversation>();
  for (const c of cs) {
    const k = [c.out.node, c.from.name, c.to.name, c.proto, c.dport, c.acl?.name ?? ''].join('\u0000');
    const had = by.get(k);
    // A logged conversation quotes its newest lines: the last ones read.
    const lines = c.acl ? [...(had?.lines ?? []), ...c.lines].slice(-3) : [...(had?.lines ?? []), ...c.lines].slice(0, 6);
    by.set(k, had ? { ...had, packets: had.packets + c.packets, usedSec: Math.min(had.usedSec, c.usedSec), lines } : c);
  }
  return [...by.values()].sort((a, b) => b.packets - a.packets || a.usedSec - b.usedSec);
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const skip = (id: string, params: Record<string, string | number>, ev: Finding['evidence'] = []): void => {
    const t = texts({ title: say(`dropped-traffic.${id}.title`, params), explanation: say(`dropped-traffic.${id}.explanation`, params) });
    findings.push({ ...skipped('dropped-traffic.between', t.title, t.explanation, ev), text: t.text });
  };
  const nodesOut = outputsOf(input, 'datapath');
  if (!nodesOut.length) {
    skip('not-run', {});
    return findings;
  }
  const portsOut = completed(input, 'ports').find((o) => o.state === 'succeeded');
  const ports = portsOut ? parsePorts(portsOut.stdout) : null;
  if (!ports?.complete) {
    const any = outputsOf(input, 'ports')[0];
    skip('ports-unread', {}, any ? [evidence(any, [any.error ?? any.stderr.split('\n').find(Boolean) ?? `exit ${any.exitCode}`])] : []);
    return findings;
  }
  const cloud: Ports = { byMac: new Map(), byIp: new Map() };
  for (const p of ports.ports) {
    for (const m of p.macs) cloud.byMac.set(m, p);
    for (const ip of p.ips) cloud.byIp.set(ip.toLowerCase(), p);
  }

  const read: StepOutput[] = [];
  const unread: StepOutput[] = [];
  const all: Conversation[] = [];
  let other = 0;
  for (const out of nodesOut) {
    const node = out.state === 'succeeded' ? parseDatapath(out.stdout) : null;
    if (!node?.complete || node.failed) {
      unread.push(out);
      continue;
    }
    read.push(out);
    const c = conversations(out, node, cloud);
    all.push(...c.found);
    other += c.other;
    const log = completed(input, 'controller-log').find((o) => o.node === out.node && o.state === 'succeeded');
    if (log) all.push(...logged(out, log, node, cloud));
  }
  if (unread.length) {
    // What each node said, quoted only from its output: its error, else the last line it printed.
    const said = (o: StepOutput): string | undefined => o.stderr.split('\n').find(Boolean) ?? o.stdout.split('\n').filter(Boolean).at(-1);
    const why = unread.map((o) => `${o.node}: ${o.error ?? (o.state === 'succeeded' ? 'the output was cut short' : (o.stderr.split('\n').find(Boolean) ?? `exit ${o.exitCode}`))}`).join('; ');
    skip('unread', { nodes: unread.map((o) => o.node).join(', '), why }, unread.flatMap((o) => (said(o) ? [evidence(o, [said(o) as string])] : [])));
  }

  const conv = merged(all).filter((c) => !c.acl || c.usedSec <= LOG_NOW_SEC);
  conv.slice(0, SHOWN).forEach((c) => {
    const warn = c.packets >= WARN_PACKETS;
    const p = {
      from: end(c.from, c.srcIp),
      to: end(c.to, c.dstIp),
      what: what(c),
      node: c.out.node,
      packets: c.packets,
      ago: c.usedSec.toFixed(1),
      source: c.from.label,
      destination: c.dstIp ?? c.to.ips[0] ?? c.to.label,
      protocol: c.proto === 17 ? 'udp' : c.proto === 1 || c.proto === 58 ? 'icmp' : 'tcp',
      port: c.dport ?? '',
      min: WARN_PACKETS,
      acl: c.acl?.name ?? '',
      window: LOG_WINDOW_SEC / 60,
    };
    const id = warn ? (c.acl ? 'logged' : 'between') : 'few';
    findings.push(
      finding({
        check: 'dropped-traffic.between',
        severity: warn ? 'warning' : 'info',
        ...texts({ title: say(`dropped-traffic.${id}.title`, p), explanation: say(`dropped-traffic.${id}.explanation`, p), likelyCause: say('dropped-traffic.between.cause', p), nextStep: say(c.dport === null ? 'dropped-traffic.between.next-any' : 'dropped-traffic.between.next', p) }),
        evidence: [evidence(c.acl?.out ?? c.out, c.lines), ...(portsOut ? [evidence(portsOut, [c.from.line, c.to.line])] : [])],
      }),
    );
  });
  if (conv.length > SHOWN) {
    const rest = conv.slice(SHOWN);
    const p = { count: rest.length, packets: rest.reduce((n, c) => n + c.packets, 0), pairs: rest.slice(0, 10).map((c) => `${c.from.label} → ${c.to.label} ${what(c)} on ${c.out.node}`).join('; ') };
    findings.push(finding({ check: 'dropped-traffic.more', severity: rest.some((c) => c.packets >= WARN_PACKETS) ? 'warning' : 'info', ...texts({ title: say('dropped-traffic.more.title', p), explanation: say('dropped-traffic.more.explanation', p) }), evidence: rest.slice(0, 5).map((c) => evidence(c.out, c.lines.slice(0, 1))) }));
  }
  if (!conv.length && read.length) {
    const p = { count: read.length, nodes: read.map((o) => o.node).join(', '), other };
    findings.push(finding({ check: 'dropped-traffic.between', severity: 'ok', ...texts({ title: say('dropped-traffic.none.title', p), explanation: say('dropped-traffic.none.explanation', p) }) }));
  }
  return findings;
};
