/**
 * ovn-health: the NB and SB databases answer; each raft cluster has a leader and every member is
 * connected (standalone databases are reported as such); every compute/network node is a chassis
 * in the SB; every node's ovn-controller is connected to the SB.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseChassis, parseClusterStatus, parseSystemId, shortName, type Chassis, type RaftStatus } from './parse.js';

const textLines = (o: StepOutput): string[] => lines(allText(o)).filter((l) => l.trim());
const errLines = (o: StepOutput): string[] => textLines(o).filter((l) => !/\|(DBG|INFO)\|/.test(l)).slice(-4);
const M = 'ovn-health.';
/** A message of this analyzer's table (main/shared/finding-texts/ovn-health.ts). */
const m = (id: string, params?: FindingMessage['params']): FindingMessage => say(M + id, params);

/** A check that could not be made, its title and reason given as messages. */
function skippedSaying(check: string, title: FindingMessage, reason: FindingMessage): Finding {
  const t = texts({ title, explanation: reason });
  return { ...skipped(check, t.title, t.explanation), text: t.text };
}

function reachability(input: AnalyzerInput, step: string, db: 'Northbound' | 'Southbound'): Finding[] {
  const outs = completed(input, step);
  if (!outs.length) return [];
  const good = outs.find((o) => o.state === 'succeeded');
  const id = db === 'Northbound' ? 'nb' : 'sb';
  if (good) {
    return [finding({ check: `ovn.${id}-reachable`, severity: 'ok', ...texts({ title: m('reachable.title', { db }), explanation: m('reachable.explanation', { node: good.node }) }), evidence: [evidence(good, lines(good.stdout).slice(0, 3))] })];
  }
  return outs.map((o) =>
    finding({
      check: `ovn.${id}-unreachable`,
      severity: 'critical',
      ...texts({
        title: m('unreachable.title', { db, node: o.node }),
        explanation: m('unreachable.explanation', { side: id, node: o.node, db, exit: o.exitCode ?? '?', impact: m(`unreachable.impact.${id}`) }),
        likelyCause: m('unreachable.cause', { db }),
        nextStep: m('unreachable.next', { side: id, db }),
      }),
      evidence: [evidence(o, errLines(o))],
    }),
  );
}

function raftChecks(input: AnalyzerInput, step: string, db: 'OVN_Northbound' | 'OVN_Southbound'): Finding[] {
  const label = db === 'OVN_Northbound' ? 'NB' : 'SB';
  const ctl = db === 'OVN_Northbound' ? 'ovnnb_db.ctl' : 'ovnsb_db.ctl';
  const outs = completed(input, step);
  if (!outs.length) return [];
  const parsed: Array<{ o: StepOutput; st: RaftStatus }> = [];
  const standalone: StepOutput[] = [];
  const failed: StepOutput[] = [];
  for (const o of outs) {
    const st = o.state === 'succeeded' ? parseClusterStatus(o.stdout) : null;
    if (st) parsed.push({ o, st });
    else if (/is not a valid command|unknown cluster/.test(allText(o))) standalone.push(o);
    else failed.push(o);
  }
  const out: Finding[] = [];
  const statusStatement = (s: RaftStatus): string[] => ['Status', 'Role', 'Leader'].map((k) => s.lines[k]).filter((l): l is string => Boolean(l));
  const nodeBySid = new Map(parsed.filter((p) => p.st.sid).map((p) => [p.st.sid as string, p.o.node]));

  for (const o of standalone) {
    const left = /unknown cluster/.test(allText(o));
    out.push(
      finding({
        check: 'ovn.raft-standalone',
        severity: 'info',
        ...texts({
          title: m(left ? 'raft-standalone.title.left' : 'raft-standalone.title', { label, node: o.node, ...(left ? { db } : {}) }),
          explanation: m(left ? 'raft-standalone.explanation.left' : 'raft-standalone.explanation', { label, node: o.node, ...(left ? { db } : {}) }),
          likelyCause: m(left ? 'raft-standalone.cause.left' : 'raft-standalone.cause'),
          nextStep: left ? m('raft-standalone.next.left', { side: label.toLowerCase() }) : m('raft-standalone.next'),
        }),
        evidence: [evidence(o, errLines(o))],
      }),
    );
  }
  for (const o of failed) {
    out.push(
      finding({
        check: 'ovn.raft-member-down',
        severity: parsed.length || standalone.length ? 'warning' : 'critical',
        ...texts({
          title: m('raft-member-down.title', { label, node: o.node }),
          explanation: m('raft-member-down.explanation', { db, node: o.node, exit: o.exitCode ?? '?', label }),
          likelyCause: m('raft-member-down.cause', { db, node: o.node }),
          nextStep: m('raft-member-down.next', { node: o.node, ctl, label }),
        }),
        evidence: [evidence(o, errLines(o))],
      }),
    );
  }
  if (!parsed.length) return out;

  const leaders = parsed.filter((p) => p.st.role === 'leader' || p.st.leader === 'self');
  const withLeader = parsed.filter((p) => p.st.leader && p.st.leader !== 'unknown');
  const servers = parsed.reduce<RaftStatus['servers']>((best, p) => (p.st.servers.length > best.length ? p.st.servers : best), []);
  const quorum = Math.floor(servers.length / 2) + 1;

  if (!withLeader.length) {
    out.push(
      finding({
        check: 'ovn.raft-no-leader',
        severity: 'critical',
        ...texts({
          title: m('raft-no-leader.title', { label }),
          explanation: m('raft-no-leader.explanation', {
            roles: parsed.map((p) => `${p.o.node}: ${p.st.role ?? '?'}`).join(', '),
            servers: servers.length,
            quorum,
            answered: parsed.length,
            failed: failed.length ? m('raft-no-leader.failed', { count: failed.length }) : '',
            label,
            impact: m(label === 'NB' ? 'raft-no-leader.impact.nb' : 'raft-no-leader.impact.sb'),
          }),
          likelyCause: m('raft-no-leader.cause', {
            servers: servers.length,
            stale: servers.length > input.nodes.filter((n) => n.roles.includes('controller')).length ? m('raft-no-leader.cause.stale') : '',
          }),
          nextStep: m('raft-no-leader.next', { ctl, db }),
        }),
        evidence: parsed.map((p) => evidence(p.o, [...statusStatement(p.st), ...(p.st.lines.Connections ? [p.st.lines.Connections] : []), ...p.st.servers.map((s) => s.line)])),
      }),
    );
  } else {
    const sids = new Set(withLeader.map((p) => (p.st.leader === 'self' ? p.st.sid : p.st.leader)));
    if (sids.size > 1) {
      out.push(
        finding({
          check: 'ovn.raft-split-view',
          severity: 'warning',
          ...texts({
            title: m('raft-split-view.title', { label }),
            // "self" is what cluster/status prints for the member that is the leader.
            explanation: m('raft-split-view.explanation', { views: withLeader.map((p) => `${p.o.node}: ${p.st.leader === 'self' ? `self (${p.st.sid ?? '?'})` : p.st.leader}`).join(', ') }),
            likelyCause: m('raft-split-view.cause'),
            nextStep: m('raft-split-view.next'),
          }),
          evidence: withLeader.map((p) => evidence(p.o, statusStatement(p.st))),
        }),
      );
    }
    for (const p of parsed.filter((x) => !withLeader.includes(x) || (x.st.status && x.st.status !== 'cluster member'))) {
      out.push(
        finding({
          check: 'ovn.raft-member-disconnected',
          severity: 'warning',
          ...texts({
            title: m('raft-member-disconnected.title', { label, node: p.o.node }),
            explanation: m('raft-member-disconnected.explanation', { node: p.o.node, status: p.st.status ?? '?', role: p.st.role ?? '?', leader: p.st.leader ?? '?' }),
            likelyCause: m('raft-member-disconnected.cause'),
            nextStep: m('raft-member-disconnected.next', {
              node: p.o.node,
              label,
              address: servers.find((s) => s.sid === [...sids][0])?.address ?? m('raft-member-disconnected.address.unknown'),
            }),
          }),
          evidence: [evidence(p.o, [...statusStatement(p.st), ...(p.st.lines.Connections ? [p.st.lines.Connections] : [])])],
        }),
      );
    }
  }

  // The leader's own view: followers it has not heard from, connections not established.
  for (const l of leaders) {
    const timer = l.st.electionTimerMs ?? 1000;
    for (const s of l.st.servers.filter((x) => !x.self)) {
      const pending = l.st.connections.includes(`(->${s.sid})`);
      const silent = s.lastMsgMs !== null && s.lastMsgMs > Math.max(5 * timer, 5000);
      if (!pending && !silent) continue;
      const node = nodeBySid.get(s.sid);
      out.push(
        finding({
          check: 'ovn.raft-member-unreachable',
          severity: 'warning',
          ...texts({
            title: node
              ? m('raft-member-unreachable.title.on', { label, node: l.o.node, sid: s.sid, address: s.address, member: node })
              : m('raft-member-unreachable.title', { label, node: l.o.node, sid: s.sid, address: s.address }),
            explanation: m('raft-member-unreachable.explanation', {
              // Silent implies a last message time, so at least one of the two holds.
              lead:
                s.lastMsgMs === null
                  ? m('raft-member-unreachable.lead.pending')
                  : m(pending ? 'raft-member-unreachable.lead.both' : 'raft-member-unreachable.lead.heard', { sid: s.sid, secs: (s.lastMsgMs / 1000).toFixed(1) }),
              margin: servers.length - quorum - 1 <= 0 ? m('raft-member-unreachable.margin.one') : m('raft-member-unreachable.margin.many', { count: servers.length - quorum - 1 }),
            }),
            likelyCause: m('raft-member-unreachable.cause', { sid: s.sid, address: s.address }),
            nextStep: m('raft-member-unreachable.next', { label, address: s.address, ctl, db, sid: s.sid }),
          }),
          evidence: [evidence(l.o, [...(l.st.lines.Connections ? [l.st.lines.Connections] : []), s.line])],
        }),
      );
    }
  }

  for (const p of parsed.filter((x) => x.st.changes.length)) {
    out.push(
      finding({
        check: 'ovn.raft-membership-change',
        severity: 'warning',
        ...texts({
          title: m('raft-membership-change.title', { label, node: p.o.node }),
          explanation: m('raft-membership-change.explanation'),
          likelyCause: m('raft-membership-change.cause'),
          nextStep: m('raft-membership-change.next'),
        }),
        evidence: [evidence(p.o, p.st.changes)],
      }),
    );
  }

  const controllers = input.nodes.filter((n) => n.roles.includes('controller')).length;
  if (controllers && servers.length > controllers) {
    out.push(
      finding({
        check: 'ovn.raft-stale-members',
        severity: 'warning',
        ...texts({
          title: m('raft-stale-members.title', { label, servers: servers.length, controllers }),
          explanation: m('raft-stale-members.explanation', { servers: servers.length, quorum }),
          likelyCause: m('raft-stale-members.cause'),
          nextStep: m('raft-stale-members.next', { ctl, db }),
        }),
        evidence: [evidence(parsed[0]?.o as StepOutput, servers.map((s) => s.line))],
      }),
    );
  }

  const problems = out.some((f) => f.severity === 'critical' || f.severity === 'warning');
  if (!problems && withLeader.length) {
    const leaderSid = withLeader[0]?.st.leader === 'self' ? withLeader[0].st.sid : withLeader[0]?.st.leader;
    const leaderNode = leaderSid ? nodeBySid.get(leaderSid) : undefined;
    out.push(
      finding({
        check: 'ovn.raft-healthy',
        severity: 'ok',
        ...texts({
          title: leaderNode
            ? m('raft-healthy.title.on', { label, sid: leaderSid ?? '?', node: leaderNode, servers: servers.length })
            : m('raft-healthy.title', { label, sid: leaderSid ?? '?', servers: servers.length }),
          explanation: m('raft-healthy.explanation', { nodes: parsed.map((p) => p.o.node).join(', ') }),
        }),
        evidence: parsed.map((p) => evidence(p.o, statusStatement(p.st))),
      }),
    );
  }
  return out;
}

function chassisChecks(input: AnalyzerInput): Finding[] {
  const expected = input.nodes.filter((n) => n.roles.includes('compute') || n.roles.includes('network'));
  const sb = completed(input, 'sb-chassis');
  const good = sb.find((o) => o.state === 'succeeded');
  if (!expected.length) return sb.length ? [skippedSaying('ovn.chassis-registered', m('chassis-registered.skipped.title'), m('chassis-registered.skipped.no-nodes'))] : [];
  if (!good) {
    return sb.length || outputsOf(input, 'sb-chassis').length
      ? [skippedSaying('ovn.chassis-registered', m('chassis-registered.skipped.title'), m('chassis-registered.skipped.unread'))]
      : [];
  }
  const chassis = parseChassis(good.stdout);
  const sysIds = new Map(completed(input, 'system-id').filter((o) => o.state === 'succeeded').map((o) => [o.node, { o, ...parseSystemId(o.stdout) }]));
  const conn = new Map(completed(input, 'controller-connection').map((o) => [o.node, o]));
  const out: Finding[] = [];
  const found: Array<{ node: string; c: Chassis }> = [];
  for (const n of expected) {
    const sid = sysIds.get(n.name);
    const c =
      (sid?.systemId ? chassis.find((x) => x.name === sid.systemId) : undefined) ??
      chassis.find((x) => x.hostname === n.name || x.name === n.name) ??
      chassis.find((x) => x.hostname && shortName(x.hostname) === shortName(n.name)) ??
      (sid?.hostname ? chassis.find((x) => x.hostname === sid.hostname) : undefined);
    if (c) {
      found.push({ node: n.name, c });
      continue;
    }
    const co = conn.get(n.name);
    const ev: Evidence[] = [evidence(good, chassis.flatMap((x) => [x.nameLine, ...(x.hostnameLine ? [x.hostnameLine] : [])]))];
    if (sid?.line) ev.push(evidence(sid.o, [sid.line]));
    if (co) ev.push(evidence(co, textLines(co).slice(-3)));
    out.push(
      finding({
        check: 'ovn.chassis-missing',
        severity: 'critical',
        ...texts({
          title: m('chassis-missing.title', { node: n.name }),
          explanation: m('chassis-missing.explanation', {
            node: n.name,
            sysid: sid?.systemId ? m('chassis-missing.system-id', { id: sid.systemId }) : '',
            listed: chassis.length ? chassis.map((x) => x.name).join(', ') : m('chassis-missing.none'),
          }),
          likelyCause: m('chassis-missing.cause', { node: n.name }),
          nextStep: m('chassis-missing.next', { node: n.name }),
        }),
        evidence: ev,
      }),
    );
  }
  const byHost = new Map<string, Chassis[]>();
  for (const c of chassis.filter((x) => x.hostname)) byHost.set(c.hostname, [...(byHost.get(c.hostname) ?? []), c]);
  for (const [host, cs] of byHost) {
    if (cs.length < 2) continue;
    out.push(
      finding({
        check: 'ovn.chassis-duplicate',
        severity: 'warning',
        ...texts({
          title: m('chassis-duplicate.title', { host, count: cs.length }),
          explanation: m('chassis-duplicate.explanation', { names: cs.map((c) => c.name).join(', '), host }),
          likelyCause: m('chassis-duplicate.cause'),
          nextStep: m('chassis-duplicate.next', { host }),
        }),
        evidence: [evidence(good, cs.flatMap((c) => [c.nameLine, ...(c.hostnameLine ? [c.hostnameLine] : [])]))],
      }),
    );
  }
  if (found.length) {
    out.push(
      finding({
        check: 'ovn.chassis-registered',
        severity: 'ok',
        ...texts({
          title: m('chassis-registered.title', { found: found.length, expected: expected.length }),
          // Items are joined by a space; all but the last end in ";".
          explanation: m('chassis-registered.explanation', { items: found.map((f, i) => m(i < found.length - 1 ? 'chassis-registered.item.more' : 'chassis-registered.item', { node: f.node, chassis: f.c.name })) }),
        }),
        evidence: [evidence(good, found.flatMap((f) => [f.c.nameLine, ...(f.c.hostnameLine ? [f.c.hostnameLine] : [])]))],
      }),
    );
  }
  return out;
}

function controllerChecks(input: AnalyzerInput): Finding[] {
  const out: Finding[] = [];
  const connected: StepOutput[] = [];
  for (const o of completed(input, 'controller-connection')) {
    const text = o.stdout.trim();
    if (o.state === 'succeeded' && text === 'connected') {
      connected.push(o);
      continue;
    }
    const running = o.state === 'succeeded';
    out.push(
      finding({
        check: running ? 'ovn.controller-disconnected' : 'ovn.controller-not-running',
        severity: 'critical',
        ...texts(
          running
            ? {
                title: m('controller-disconnected.title', { node: o.node }),
                explanation: m('controller-disconnected.explanation', { node: o.node, status: text || m('controller-disconnected.nothing') }),
                likelyCause: m('controller-disconnected.cause', { node: o.node }),
                nextStep: m('controller-disconnected.next', { node: o.node }),
              }
            : {
                title: m('controller-not-running.title', { node: o.node }),
                explanation: m('controller-not-running.explanation', { node: o.node, exit: o.exitCode ?? '?' }),
                likelyCause: m('controller-not-running.cause', { node: o.node }),
                nextStep: m('controller-not-running.next', { node: o.node }),
              },
        ),
        evidence: [evidence(o, running ? lines(o.stdout) : errLines(o))],
      }),
    );
  }
  if (connected.length) {
    out.push(
      finding({
        check: 'ovn.controller-connected',
        severity: 'ok',
        ...texts({ title: m('controller-connected.title', { nodes: connected.map((o) => o.node).join(', ') }), explanation: m('controller-connected.explanation') }),
        evidence: connected.map((o) => evidence(o, lines(o.stdout))),
      }),
    );
  }
  return out;
}

export const analyze: Analyzer = (input) => [
  ...reachability(input, 'nb-reachable', 'Northbound'),
  ...reachability(input, 'sb-chassis', 'Southbound'),
  ...raftChecks(input, 'nb-raft', 'OVN_Northbound'),
  ...raftChecks(input, 'sb-raft', 'OVN_Southbound'),
  ...chassisChecks(input),
  ...controllerChecks(input),
];
