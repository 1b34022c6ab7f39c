/**
 * ovn-health: the NB and SB databases answer; each raft cluster has a leader and every member is
 * connected (standalone databases are reported as such); every compute/network node is a chassis
 * in the SB; every node's ovn-controller is connected to the SB.
 */
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseChassis, parseClusterStatus, parseSystemId, shortName, type Chassis, type RaftStatus } from './parse.js';

const textLines = (o: StepOutput): string[] => lines(allText(o)).filter((l) => l.trim());
const errLines = (o: StepOutput): string[] => textLines(o).filter((l) => !/\|(DBG|INFO)\|/.test(l)).slice(-4);

function reachability(input: AnalyzerInput, step: string, db: 'Northbound' | 'Southbound'): Finding[] {
  const outs = completed(input, step);
  if (!outs.length) return [];
  const good = outs.find((o) => o.state === 'succeeded');
  const id = db === 'Northbound' ? 'nb' : 'sb';
  if (good) {
    return [finding({ check: `ovn.${id}-reachable`, severity: 'ok', title: `The OVN ${db} database answers`, explanation: `A read from ${good.node} succeeded.`, evidence: [evidence(good, lines(good.stdout).slice(0, 3))] })];
  }
  return outs.map((o) =>
    finding({
      check: `ovn.${id}-unreachable`,
      severity: 'critical',
      title: `The OVN ${db} database does not answer (read from ${o.node})`,
      explanation: `\`ovn-${id}ctl\` on ${o.node} could not read the ${db} database (exit ${o.exitCode ?? '?'}). With --no-leader-only any connected cluster member would do, so no reachable server is part of a working cluster. ${db === 'Northbound' ? 'Neutron cannot create or change networks, ports or security groups.' : 'ovn-northd cannot publish flows and ovn-controllers cannot learn changes; new ports do not come up.'}`,
      evidence: [evidence(o, errLines(o))],
      likelyCause: `The ${db} ovsdb-server is down on every member, or the raft cluster has no leader (see the raft findings), or the connection string / TLS settings are wrong.`,
      nextStep: `Check the raft status on each controller: \`ovn-appctl -t \${OVN_RUNDIR:-/var/run/ovn}/ovn${id}_db.ctl cluster/status OVN_${db}\`, and the ovsdb-server log.`,
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
        title: `${label} database on ${o.node} is not clustered${left ? ' (no raft cluster named ' + db + ')' : ''}`,
        explanation: left
          ? `The ${label} ovsdb-server on ${o.node} runs no raft cluster called ${db}. Either the database is standalone here, or this server left the cluster and now serves its own copy; raft checks do not apply to it.`
          : `The ${label} ovsdb-server on ${o.node} serves a standalone (non-raft) database: it has no cluster/status command. High availability, if any, comes from active/standby (e.g. pacemaker), not raft, so there is no leader or membership to check.`,
        evidence: [evidence(o, errLines(o))],
        likelyCause: left ? `Deployed standalone, or the member was removed from the cluster (its database file records that it left).` : `Deployed without raft clustering.`,
        nextStep: left ? `If this node should be a raft member: \`ovsdb-tool db-is-clustered /var/lib/ovn/ovn${label.toLowerCase()}_db.db\` and the ovsdb-server log; rejoin it with \`ovsdb-tool join-cluster\` after removing the stale file.` : `Nothing to do if standalone is intended.`,
      }),
    );
  }
  for (const o of failed) {
    out.push(
      finding({
        check: 'ovn.raft-member-down',
        severity: parsed.length || standalone.length ? 'warning' : 'critical',
        title: `${label} raft status cannot be read on ${o.node}`,
        explanation: `\`cluster/status ${db}\` failed on ${o.node} (exit ${o.exitCode ?? '?'}): the ${label} ovsdb-server there is not running or its control socket is elsewhere. If ${o.node} is a cluster member, the cluster is running with one member fewer.`,
        evidence: [evidence(o, errLines(o))],
        likelyCause: `ovsdb-server for ${db} is stopped or crash-looping on ${o.node} (or ${o.node} does not host this database).`,
        nextStep: `On ${o.node}: \`ls \${OVN_RUNDIR:-/var/run/ovn}/${ctl}\`, the service/pod/container status of the ${label} ovsdb-server and its log.`,
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
        title: `${label} raft cluster has no leader`,
        explanation: `No member that answered knows a leader (${parsed.map((p) => `${p.o.node}: ${p.st.role ?? '?'}`).join(', ')}). The cluster has ${servers.length} servers, so ${quorum} must be connected to elect one; only ${parsed.length} answered this check${failed.length ? ` and ${failed.length} did not` : ''}. Until a leader is elected the ${label} database refuses reads and writes${label === 'NB' ? ' (Neutron API calls that touch networking fail)' : ' (ovn-northd and every ovn-controller are stuck)'}.`,
        evidence: parsed.map((p) => evidence(p.o, [...statusStatement(p.st), ...(p.st.lines.Connections ? [p.st.lines.Connections] : []), ...p.st.servers.map((s) => s.line)])),
        likelyCause: `A majority of the ${servers.length} members is down or cannot reach the others (connections in parentheses are not established)${servers.length > input.nodes.filter((n) => n.roles.includes('controller')).length ? `; the configuration also lists more servers than there are controllers, so stale members count against the majority` : ''}.`,
        nextStep: `Bring the stopped members back (their ovsdb-server service/pod) and check raft connectivity (port 6643 for NB, 6644 for SB) between controllers; \`ovn-appctl -t \${OVN_RUNDIR:-/var/run/ovn}/${ctl} cluster/status ${db}\` on each member. Stale members can only be removed with \`cluster/kick\` once a leader exists.`,
      }),
    );
  } else {
    const sids = new Set(withLeader.map((p) => (p.st.leader === 'self' ? p.st.sid : p.st.leader)));
    if (sids.size > 1) {
      out.push(
        finding({
          check: 'ovn.raft-split-view',
          severity: 'warning',
          title: `${label} raft members disagree on the leader`,
          explanation: `Members name different leaders (${withLeader.map((p) => `${p.o.node}: ${p.st.leader === 'self' ? `self (${p.st.sid ?? '?'})` : p.st.leader}`).join(', ')}). This is normal for a moment during an election; if it persists, members are partitioned.`,
          evidence: withLeader.map((p) => evidence(p.o, statusStatement(p.st))),
          likelyCause: `An election in progress or a network partition between controllers.`,
          nextStep: `Re-run in a minute; if it persists, check connectivity between controllers on the raft port.`,
        }),
      );
    }
    for (const p of parsed.filter((x) => !withLeader.includes(x) || (x.st.status && x.st.status !== 'cluster member'))) {
      out.push(
        finding({
          check: 'ovn.raft-member-disconnected',
          severity: 'warning',
          title: `${label} raft member on ${p.o.node} is not in contact with the leader`,
          explanation: `${p.o.node} reports \`${p.st.status ?? '?'}\`, role ${p.st.role ?? '?'}, leader ${p.st.leader ?? '?'} while other members have a leader. It serves no reads or writes until it rejoins, and the cluster has one member less of margin.`,
          evidence: [evidence(p.o, [...statusStatement(p.st), ...(p.st.lines.Connections ? [p.st.lines.Connections] : [])])],
          likelyCause: `This member cannot reach the others on the raft port (firewall, network), or it is still catching up after a restart.`,
          nextStep: `On ${p.o.node}: the ${label} ovsdb-server log; test the raft port to the leader's address (${servers.find((s) => s.sid === [...sids][0])?.address ?? 'see Servers'}).`,
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
          title: `${label} leader on ${l.o.node} cannot reach member ${s.sid} (${s.address})${node ? ` on ${node}` : ''}`,
          explanation: `The leader${s.lastMsgMs !== null ? ` last heard from ${s.sid} ${(s.lastMsgMs / 1000).toFixed(1)} s ago` : ''}${pending ? `${s.lastMsgMs !== null ? ' and its' : ''} connection to it is not established` : ''}. The cluster still works while a majority is connected, but ${servers.length - quorum - 1 <= 0 ? 'one more failed member would leave it without a majority' : `it can lose only ${servers.length - quorum - 1} more member(s)`}.`,
          evidence: [evidence(l.o, [...(l.st.lines.Connections ? [l.st.lines.Connections] : []), s.line])],
          likelyCause: `The ovsdb-server of member ${s.sid} is down, or the raft port on ${s.address} is unreachable.`,
          nextStep: `Check the ${label} ovsdb-server on the host with address ${s.address}; if that member is gone for good, remove it from the leader with \`ovn-appctl -t \${OVN_RUNDIR:-/var/run/ovn}/${ctl} cluster/kick ${db} ${s.sid}\` (mutating).`,
        }),
      );
    }
  }

  for (const p of parsed.filter((x) => x.st.changes.length)) {
    out.push(
      finding({
        check: 'ovn.raft-membership-change',
        severity: 'warning',
        title: `${label} raft membership change in progress on ${p.o.node}`,
        explanation: `The leader is adding or removing a server. A member stuck in "catchup" never finishes joining and keeps the cluster one member short.`,
        evidence: [evidence(p.o, p.st.changes)],
        likelyCause: `A member joining with a snapshot too large or too slow to transfer within the election timer, or a join that never completed.`,
        nextStep: `Watch whether the line disappears on re-run; if not, check the joining member's log and consider raising the election timer.`,
      }),
    );
  }

  const controllers = input.nodes.filter((n) => n.roles.includes('controller')).length;
  if (controllers && servers.length > controllers) {
    out.push(
      finding({
        check: 'ovn.raft-stale-members',
        severity: 'warning',
        title: `${label} raft configuration lists ${servers.length} servers but there are ${controllers} controllers`,
        explanation: `Members that no longer exist still count toward the majority: with ${servers.length} servers, ${quorum} must be up to elect a leader.`,
        evidence: [evidence(parsed[0]?.o as StepOutput, servers.map((s) => s.line))],
        likelyCause: `Controllers were rebuilt or replaced without removing the old members (\`cluster/kick\`).`,
        nextStep: `Identify the servers whose addresses belong to no current controller and, once a leader exists, run \`ovn-appctl -t \${OVN_RUNDIR:-/var/run/ovn}/${ctl} cluster/kick ${db} <server id>\` on the leader (mutating).`,
      }),
    );
  }

  const problems = out.some((f) => f.severity === 'critical' || f.severity === 'warning');
  if (!problems && withLeader.length) {
    const leaderSid = withLeader[0]?.st.leader === 'self' ? withLeader[0].st.sid : withLeader[0]?.st.leader;
    out.push(
      finding({
        check: 'ovn.raft-healthy',
        severity: 'ok',
        title: `${label} raft cluster healthy: leader ${leaderSid ?? '?'}${leaderSid && nodeBySid.get(leaderSid) ? ` on ${nodeBySid.get(leaderSid)}` : ''}, ${servers.length} servers`,
        explanation: `Every member read (${parsed.map((p) => p.o.node).join(', ')}) is a cluster member that knows the leader.`,
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
  if (!expected.length) return sb.length ? [skipped('ovn.chassis-registered', 'Chassis registration', 'No compute or network nodes were targeted, so there is no node to look up in the Chassis table.')] : [];
  if (!good) {
    return sb.length || outputsOf(input, 'sb-chassis').length
      ? [skipped('ovn.chassis-registered', 'Chassis registration', 'The southbound Chassis table could not be read (see the SB reachability finding).')]
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
        title: `${n.name} is not registered as a chassis in the OVN southbound database`,
        explanation: `No Chassis row matches ${n.name}${sid?.systemId ? ` (its OVS system-id is ${sid.systemId})` : ''}; the SB lists ${chassis.length ? chassis.map((x) => x.name).join(', ') : 'no chassis at all'}. Ports of VMs on ${n.name} cannot be bound, so they stay DOWN and get no traffic, and the other nodes drop their tunnels to it.`,
        evidence: ev,
        likelyCause: `ovn-controller on ${n.name} is not running (it deletes its chassis on a clean exit) or cannot reach the SB; less often the node's system-id changed and its chassis was recreated under another name.`,
        nextStep: `On ${n.name}: \`ovn-appctl -t ovn-controller connection-status\`, the ovn-controller service/pod/container status and its log; start it and the chassis re-registers.`,
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
        title: `Hostname ${host} is registered by ${cs.length} chassis`,
        explanation: `Chassis ${cs.map((c) => c.name).join(', ')} all claim hostname ${host}. One of them is stale: ports may be bound to the wrong one and tunnels point at a node that no longer answers.`,
        evidence: [evidence(good, cs.flatMap((c) => [c.nameLine, ...(c.hostnameLine ? [c.hostnameLine] : [])]))],
        likelyCause: `The node's system-id changed (reinstall, new container image) and the old chassis was never deleted.`,
        nextStep: `Compare with \`ovs-vsctl get Open_vSwitch . external_ids:system-id\` on ${host}; delete the stale one with \`ovn-sbctl chassis-del <name>\` (mutating).`,
      }),
    );
  }
  if (found.length) {
    out.push(
      finding({
        check: 'ovn.chassis-registered',
        severity: 'ok',
        title: `${found.length} of ${expected.length} compute/network nodes are registered chassis`,
        explanation: found.map((f) => `${f.node} → chassis ${f.c.name}`).join('; '),
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
        title: running ? `ovn-controller on ${o.node} is not connected to the southbound database` : `ovn-controller on ${o.node} does not answer`,
        explanation: running
          ? `ovn-controller on ${o.node} reports \`${text || '(nothing)'}\`. It keeps the flows it has, but no change (new ports, migrations, security group updates) reaches this node.`
          : `\`ovn-appctl -t ovn-controller connection-status\` failed on ${o.node} (exit ${o.exitCode ?? '?'}): the process (or its container) is not running. VM ports on this node are not (re)bound and its chassis disappears from the SB.`,
        evidence: [evidence(o, running ? lines(o.stdout) : errLines(o))],
        likelyCause: running ? `The SB database has no leader or is unreachable from ${o.node} (network, TLS certificates, wrong ovn-remote).` : `ovn-controller crashed or was stopped on ${o.node} (pod in Error/CrashLoopBackOff, container exited, service stopped).`,
        nextStep: running ? `Check SB health (raft findings above) and reachability of the ovn-remote addresses from ${o.node}; the ovn-controller log.` : `On ${o.node}: the ovn-controller service/pod/container status and its (previous) log; restart it.`,
      }),
    );
  }
  if (connected.length) {
    out.push(
      finding({
        check: 'ovn.controller-connected',
        severity: 'ok',
        title: `ovn-controller connected to the SB on ${connected.map((o) => o.node).join(', ')}`,
        explanation: `Each reports \`connected\`.`,
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
