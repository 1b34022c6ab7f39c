/**
 * ovn-gateway: where each router's external gateway is active, and why not where it should be.
 *
 * A router port with gateway chassis (Neutron's external gateway port) gets a chassisredirect port
 * (cr-lrp-<port>) in the Southbound, bound to the chassis that runs the gateway: SNAT and floating
 * IPs of that router go through it. ovn-controller claims it on the highest-priority gateway chassis
 * it considers alive; with two or more gateway chassis a chassis that sees none of the others over
 * BFD claims nothing (ha_chassis_group_is_active: an empty set of active tunnels means it lost
 * connectivity), so BFD down between the gateway chassis leaves the gateway bound nowhere.
 *
 * - A gateway bound to no chassis: critical; the cause is named from what was read (its chassis
 *   missing from the SB, BFD down between them, or its only chassis not claiming it).
 * - A gateway on a chassis that is not its highest-priority registered one: failed over (warning).
 * - A gateway chassis missing from the SB while the gateway runs elsewhere: no failover there (warning).
 * - One gateway chassis for a router, a gateway chassis without enable-chassis-as-gw: info.
 * - BFD sessions not up on any node's tunnels: warning, naming both ends by chassis.
 * - The same gateway (cr-lrp) taken over by one node 3 times or more in 24 h, not counting the
 *   claims in the first minute after ovn-controller started: a gateway that keeps moving (warning).
 * BFD sessions going down in the last day is the playbook's logSignatures.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import { firstWrite } from '../../engine/log-read.js';
import { CLOCK_STEP } from '../../engine/log-signatures.js';
import { lineTime, parseNodeClock } from '../../engine/log-time.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseBfd, parseNb, parseSb, type BfdSession, type GatewayPort, type SbChassis } from './parse.js';

const P = 'ovn-gateway';
/** The same gateway taken over this often in a day by one node keeps moving. */
export const MOVES = 3;
const MOVES_WINDOW_SEC = 86_400;
/** Claims this soon after ovn-controller started are its start-up, not a failover. */
const START_GRACE_SEC = 60;
const CLAIM = /\|binding\|INFO\|Claiming lport (cr-lrp-\S+) for this chassis/;
const START = /\|main\|INFO\|OVN internal version is/;
/** Routers listed by name in one finding before "and N more". */
const MAX_NAMED = 5;

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';

function notRead(check: string, step: string, out: StepOutput | undefined): Finding {
  const why = !out ? say(`${P}.step.not-run`) : out.state === 'succeeded' ? say(`${P}.step.incomplete`) : say(`${P}.step.failed`, { node: out.node, line: firstLine(out) || out.error || out.state });
  const t = texts({ title: say(`${P}.${step}.skipped.title`), explanation: say(`${P}.${step}.skipped.explanation`, { why }) });
  const line = out ? firstLine(out) : '';
  return { ...skipped(check, t.title, t.explanation, out && line ? [evidence(out, [line])] : []), text: t.text };
}

interface Down {
  node: string;
  peer: string;
  session: BfdSession;
  out: StepOutput;
}

interface Ctx {
  chassis: SbChassis[];
  sbOut: StepOutput;
  nbOut: StepOutput;
  /** BFD sessions read, by the node's chassis name (the node's name where it has none); nodes whose read failed are absent. */
  bfd: Map<string, { out: StepOutput; sessions: BfdSession[] }>;
  down: Down[];
}

const chassisOfNode = (chassis: SbChassis[], node: string): SbChassis | undefined => chassis.find((c) => c.name === node || c.hostname === node || c.hostname.split('.')[0] === node);
const peerName = (ctx: Ctx, ip: string): string => ctx.chassis.find((c) => c.encapIps.includes(ip))?.name ?? ip;
const registered = (ctx: Ctx, name: string): SbChassis | undefined => ctx.chassis.find((c) => c.name === name);
const chassisList = (p: GatewayPort): string => p.chassis.map((c) => `${c.chassis} (${c.priority})`).join(', ');

/** BFD sessions that are not up, each pair once (seen from either end). */
function bfdDown(ctx: Ctx): Down[] {
  const found: Down[] = [];
  for (const [self, { out, sessions }] of ctx.bfd) {
    for (const s of sessions) {
      if (s.state === 'up') continue;
      const peer = peerName(ctx, s.remoteIp);
      if (found.some((d) => d.node === peer && d.peer === self)) continue;
      found.push({ node: self, peer, session: s, out });
    }
  }
  return found;
}

const bfdEvidence = (ds: Down[]): Evidence[] => ds.slice(0, 10).map((d) => evidence(d.out, d.session.lines));

/** Why a gateway is bound nowhere, from what was read. */
function unboundWhy(ctx: Ctx, p: GatewayPort): { cause: FindingMessage; next: FindingMessage; explainedBy?: string[]; ev: Evidence[] } {
  const names = p.chassis.map((c) => c.chassis);
  const present = names.filter((n) => registered(ctx, n));
  const missing = names.filter((n) => !registered(ctx, n));
  if (present.length === 0) {
    return { cause: say(`${P}.unbound.cause.missing`, { chassis: names.join(', ') || '-' }), next: say(`${P}.unbound.next.missing`, { chassis: names.join(', ') || '-' }), explainedBy: ['ovn.chassis-missing'], ev: [] };
  }
  if (names.length >= 2) {
    const between = ctx.down.filter((d) => names.includes(d.node) && names.includes(d.peer));
    if (between.length) {
      const pairs = between.map((d) => `${d.node} ↔ ${d.peer}`).join(', ');
      return { cause: say(`${P}.unbound.cause.bfd`, { pairs, count: names.length }), next: say(`${P}.unbound.next.bfd`, { node: between[0]?.node ?? '?' }), explainedBy: [`${P}.bfd-down`], ev: bfdEvidence(between) };
    }
    const unread = present.filter((n) => !ctx.bfd.has(n));
    if (unread.length) return { cause: say(`${P}.unbound.cause.bfd-unread`, { count: names.length, nodes: unread.join(', ') }), next: say(`${P}.unbound.next.bfd`, { node: unread[0] ?? '?' }), ev: [] };
  }
  const top = present[0] as string;
  return {
    cause: say(`${P}.unbound.cause.not-claimed`, { chassis: top, missing: missing.length ? say(`${P}.unbound.missing-too`, { chassis: missing.join(', ') }) : '' }),
    next: say(`${P}.unbound.next.not-claimed`, { chassis: top, port: `cr-${p.name}` }),
    ev: [],
  };
}

function portFindings(ctx: Ctx, ports: GatewayPort[], bindings: ReturnType<typeof parseSb>['bindings']): Finding[] {
  const found: Finding[] = [];
  const single: GatewayPort[] = [];
  for (const p of ports) {
    const b = bindings.find((x) => x.port === `cr-${p.name}`);
    const who = { router: p.router, port: p.name, chassis: chassisList(p) || '-', networks: p.networks.join(', ') || '-' };
    const nbEv = evidence(ctx.nbOut, [...p.lines, ...p.chassis.flatMap((c) => c.lines)]);
    if (!b) {
      found.push(
        finding({
          check: `${P}.no-redirect-port`,
          severity: 'warning',
          ...texts({ title: say(`${P}.no-redirect.title`, who), explanation: say(`${P}.no-redirect.explanation`, who), likelyCause: say(`${P}.no-redirect.cause`), nextStep: say(`${P}.no-redirect.next`, who) }),
          evidence: [nbEv],
        }),
      );
      continue;
    }
    const sbEv = evidence(ctx.sbOut, b.lines);
    const bound = ctx.chassis.find((c) => c.uuid === b.chassisUuid);
    const top = p.chassis.find((c) => registered(ctx, c.chassis));
    if (!b.chassisUuid) {
      const why = unboundWhy(ctx, p);
      found.push(
        finding({
          check: `${P}.unbound`,
          severity: 'critical',
          ...texts({ title: say(`${P}.unbound.title`, who), explanation: say(`${P}.unbound.explanation`, who), likelyCause: why.cause, nextStep: why.next }),
          evidence: [nbEv, sbEv, ...why.ev],
          ...(why.explainedBy ? { explainedBy: why.explainedBy } : {}),
        }),
      );
      continue;
    }
    const at = bound?.name ?? b.chassisUuid;
    if (top && top.chassis !== at) {
      const prio = p.chassis.find((c) => c.chassis === at)?.priority;
      const preferredDown = ctx.down.filter((d) => d.node === top.chassis || d.peer === top.chassis);
      found.push(
        finding({
          check: `${P}.failed-over`,
          severity: 'warning',
          ...texts({
            title: say(`${P}.failed-over.title`, { ...who, at, preferred: top.chassis }),
            explanation: say(`${P}.failed-over.explanation`, { ...who, at, atPriority: prio ?? '-', preferred: top.chassis, priority: top.priority }),
            likelyCause: say(preferredDown.length ? `${P}.failed-over.cause.bfd` : `${P}.failed-over.cause`, { preferred: top.chassis, pairs: preferredDown.map((d) => `${d.node} ↔ ${d.peer}`).join(', ') }),
            nextStep: say(`${P}.failed-over.next`, { preferred: top.chassis }),
          }),
          evidence: [nbEv, sbEv, ...bfdEvidence(preferredDown)],
          ...(preferredDown.length ? { explainedBy: [`${P}.bfd-down`] } : {}),
        }),
      );
    }
    const missing = p.chassis.filter((c) => !registered(ctx, c.chassis));
    if (missing.length) {
      found.push(
        finding({
          check: `${P}.chassis-missing`,
          severity: 'warning',
          ...texts({
            title: say(`${P}.chassis-missing.title`, { ...who, missing: missing.map((c) => c.chassis).join(', ') }),
            explanation: say(`${P}.chassis-missing.explanation`, { ...who, missing: missing.map((c) => c.chassis).join(', '), at }),
            likelyCause: say(`${P}.chassis-missing.cause`),
            nextStep: say(`${P}.chassis-missing.next`, { missing: missing[0]?.chassis ?? '?' }),
          }),
          evidence: [nbEv, evidence(ctx.sbOut, ctx.chassis.flatMap((c) => c.lines).slice(0, 20))],
          explainedBy: ['ovn.chassis-missing'],
        }),
      );
    }
    if (p.chassis.length === 1) single.push(p);
  }
  if (single.length) {
    const named = single.slice(0, MAX_NAMED).map((p) => `${p.router} (${p.chassis[0]?.chassis ?? '?'})`).join(', ');
    found.push(
      finding({
        check: `${P}.no-failover`,
        severity: 'info',
        ...texts({
          title: say(`${P}.no-failover.title`, { count: single.length }),
          explanation: say(`${P}.no-failover.explanation`, { routers: named, more: single.length > MAX_NAMED ? say(`${P}.more`, { count: single.length - MAX_NAMED }) : '' }),
          nextStep: say(`${P}.no-failover.next`),
        }),
        evidence: [evidence(ctx.nbOut, single.slice(0, MAX_NAMED).flatMap((p) => p.chassis.flatMap((c) => c.lines)))],
      }),
    );
  }
  // Chassis hosting gateways that Neutron would not schedule on.
  const hosting = [...new Set(ports.flatMap((p) => p.chassis.map((c) => c.chassis)))].map((n) => registered(ctx, n)).filter((c): c is SbChassis => Boolean(c));
  const anyCapable = ctx.chassis.some((c) => c.gatewayCapable);
  const notCapable = hosting.filter((c) => !c.gatewayCapable);
  if (anyCapable && notCapable.length) {
    found.push(
      finding({
        check: `${P}.not-gateway-capable`,
        severity: 'info',
        ...texts({
          title: say(`${P}.not-capable.title`, { chassis: notCapable.map((c) => c.name).join(', ') }),
          explanation: say(`${P}.not-capable.explanation`, { chassis: notCapable.map((c) => c.name).join(', '), capable: ctx.chassis.filter((c) => c.gatewayCapable).map((c) => c.name).join(', ') }),
          nextStep: say(`${P}.not-capable.next`),
        }),
        evidence: [evidence(ctx.sbOut, notCapable.flatMap((c) => c.lines))],
      }),
    );
  }
  return found;
}

function bfdFinding(ctx: Ctx): Finding[] {
  if (!ctx.down.length) return [];
  const pairs = ctx.down.map((d) => `${d.node} ↔ ${d.peer}`);
  const d0 = ctx.down[0] as Down;
  return [
    finding({
      check: `${P}.bfd-down`,
      severity: 'warning',
      ...texts({
        title: say(`${P}.bfd-down.title`, { count: ctx.down.length, pairs: pairs.slice(0, 3).join(', '), more: pairs.length > 3 ? say(`${P}.more`, { count: pairs.length - 3 }) : '' }),
        explanation: say(`${P}.bfd-down.explanation`, {
          iface: d0.session.iface,
          node: d0.node,
          peer: d0.peer,
          ip: d0.session.remoteIp || '?',
          state: d0.session.state || '?',
          remote: d0.session.remoteState || '?',
          diag: d0.session.diagnostic || '-',
        }),
        likelyCause: say(`${P}.bfd-down.cause`),
        nextStep: say(`${P}.bfd-down.next`, { node: d0.node, ip: d0.session.remoteIp || '<peer ip>', iface: d0.session.iface }),
      }),
      evidence: bfdEvidence(ctx.down),
    }),
  ];
}

/** Per node, the gateways it took over in the last day (start-up claims left out), MOVES or more times. */
function moveFindings(input: Parameters<Analyzer>[0], ports: GatewayPort[]): Finding[] {
  const found: Finding[] = [];
  for (const out of outputsOf(input, 'ovn-controller-log')) {
    if (out.state !== 'succeeded') continue;
    const clock = parseNodeClock(outputsOf(input, CLOCK_STEP).find((o) => o.node === out.node)?.stdout ?? '');
    if (!clock) continue;
    const seen = new Set<string>();
    const claims = new Map<string, string[]>();
    let started = -Infinity;
    for (const line of lines(out.stdout)) {
      if (!firstWrite(line, seen)) continue;
      const at = lineTime(line, clock);
      if (at === null) continue;
      if (START.test(line)) started = at;
      const m = CLAIM.exec(line);
      if (!m || at < clock.now - MOVES_WINDOW_SEC || (at >= started && at - started < START_GRACE_SEC)) continue;
      claims.set(m[1] as string, [...(claims.get(m[1] as string) ?? []), line]);
    }
    for (const [port, ls] of claims) {
      if (ls.length < MOVES) continue;
      const router = ports.find((p) => `cr-${p.name}` === port)?.router;
      found.push(
        finding({
          check: `${P}.gateway-moves`,
          severity: 'warning',
          ...texts({
            title: router ? say(`${P}.moves.title`, { node: out.node, router, count: ls.length }) : say(`${P}.moves.title.port`, { node: out.node, port, count: ls.length }),
            explanation: say(`${P}.moves.explanation`, { node: out.node, port, count: ls.length, first: ls[0] ?? '', min: MOVES }),
            likelyCause: say(`${P}.moves.cause`),
            nextStep: say(`${P}.moves.next`, { node: out.node }),
          }),
          evidence: [evidence(out, [ls[0] as string, ...(ls.length > 1 ? [ls.at(-1) as string] : [])])],
          explainedBy: [`${P}.bfd-down`, `${P}.bfd-went-down`],
        }),
      );
    }
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const nbOut = outputsOf(input, 'nb-gateways').find((o) => o.state === 'succeeded');
  const nb = nbOut ? parseNb(nbOut.stdout) : null;
  if (!nbOut || !nb?.complete) return [notRead(`${P}.nb`, 'nb', nbOut ?? outputsOf(input, 'nb-gateways')[0])];
  const sbOut = outputsOf(input, 'sb-gateways').find((o) => o.state === 'succeeded');
  const sb = sbOut ? parseSb(sbOut.stdout) : null;
  const found: Finding[] = [];
  if (!nb.ports.length) {
    const t = texts({ title: say(`${P}.none.title`), explanation: say(`${P}.none.explanation`) });
    return [finding({ check: `${P}.gateways`, severity: 'info', ...t, evidence: [] })];
  }
  if (!sbOut || !sb?.complete) return [notRead(`${P}.sb`, 'sb', sbOut ?? outputsOf(input, 'sb-gateways')[0])];

  const bfd = new Map<string, { out: StepOutput; sessions: BfdSession[] }>();
  const unreadBfd: StepOutput[] = [];
  for (const o of outputsOf(input, 'bfd')) {
    if (o.state === 'succeeded') bfd.set(chassisOfNode(sb.chassis, o.node)?.name ?? o.node, { out: o, sessions: parseBfd(o.stdout) });
    else unreadBfd.push(o);
  }
  const ctx: Ctx = { chassis: sb.chassis, sbOut, nbOut, bfd, down: [] };
  ctx.down = bfdDown(ctx);
  found.push(...bfdFinding(ctx), ...portFindings(ctx, nb.ports, sb.bindings), ...moveFindings(input, nb.ports));
  if (unreadBfd.length) {
    const nodes = unreadBfd.map((o) => o.node).join(', ');
    const why = unreadBfd.map((o) => `${o.node}: ${firstLine(o) || o.error || o.state}`).join('; ');
    const t = texts({ title: say(`${P}.bfd.skipped.title`, { nodes }), explanation: say(`${P}.bfd.skipped.explanation`, { why }) });
    found.push({ ...skipped(`${P}.bfd`, t.title, t.explanation, unreadBfd.filter((o) => firstLine(o)).slice(0, 5).map((o) => evidence(o, [firstLine(o)]))), text: t.text });
  }
  if (!found.some((f) => f.severity === 'critical' || f.severity === 'warning')) {
    const sessions = [...bfd.values()].reduce((n, b) => n + b.sessions.length, 0);
    const bound = nb.ports.map((p) => `${p.router}: ${ctx.chassis.find((c) => c.uuid === sb.bindings.find((b) => b.port === `cr-${p.name}`)?.chassisUuid)?.name ?? '?'}`);
    found.push(
      finding({
        check: `${P}.gateways`,
        severity: 'ok',
        ...texts({
          title: say(`${P}.ok.title`, { count: nb.ports.length }),
          explanation: say(`${P}.ok.explanation`, { where: bound.slice(0, MAX_NAMED).join('; '), more: bound.length > MAX_NAMED ? say(`${P}.more`, { count: bound.length - MAX_NAMED }) : '', sessions, nodes: bfd.size }),
        }),
        evidence: [evidence(sbOut, sb.bindings.slice(0, 10).flatMap((b) => b.lines))],
      }),
    );
  }
  return found;
};
