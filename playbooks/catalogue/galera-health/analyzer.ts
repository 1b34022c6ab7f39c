/**
 * galera-health: facts per node (facts.ts) → findings. Per node: mysqld up, Primary component,
 * local state, wsrep_ready / application queries, flow control. Across nodes: cluster size vs
 * expected_size, one cluster state UUID, and — when no node is Primary — where to bootstrap from
 * (bootstrap.ts).
 */
import { finding, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding } from '../../engine/types.js';
import { startJoin, whyDown } from './advice.js';
import { bootstrapFindings } from './bootstrap.js';
import { APP, errorEvidence, gatherFacts, grastateEvidence, num, row, STATUS, statusEvidence, type NodeFacts } from './facts.js';
import { seqnoOf } from './parse.js';

/** wsrep_flow_control_paused above this (fraction of time since the last FLUSH STATUS) is a warning. */
export const FLOW_CONTROL_WARN = 0.1;

const stateMeaning: Record<string, string> = {
  'donor/desynced': 'it is sending a state transfer (SST) to a joining node or was desynced by hand (wsrep_desync, a backup); it may lag and some load balancers take it out of rotation',
  joining: 'it is joining the cluster and waiting for or receiving a state transfer',
  'waiting on sst': 'it is waiting for a full state transfer (SST) to arrive',
  joined: 'it has received the state and is catching up with the cluster',
  initialized: 'it started but is not connected to a Primary component',
};

function expectedSize(input: AnalyzerInput): number {
  const v = Number(input.params.expected_size ?? 3);
  return Number.isInteger(v) && v >= 1 ? v : 3;
}

const names = (fs: NodeFacts[]): string => fs.map((f) => f.node).join(', ');

function downFinding(input: AnalyzerInput, f: NodeFacts, primaryExists: boolean): Finding {
  const container = f.statusError?.kind === 'container-down';
  const g = f.grastate;
  const seq = g ? seqnoOf(g) : null;
  const gra = !g
    ? ''
    : seq !== null && seq >= 0
      ? ` Its grastate.dat says it stopped cleanly at seqno ${seq}.`
      : ' Its grastate.dat says seqno -1: mysqld crashed or was killed rather than shut down.';
  return finding({
    check: 'galera.mysqld-down',
    severity: 'critical',
    title: container ? `The database container is not running on ${f.node}` : `mysqld is not running on ${f.node}`,
    explanation: `${container ? `Running the status query in the database container on ${f.node} failed` : `The mysql client on ${f.node} could not reach the local server`}: ${f.statusError?.line ?? ''}.${gra} ${
      primaryExists ? 'The other nodes still form a Primary component, so the cluster serves, with less redundancy.' : 'No other node is in a Primary component either (see the bootstrap finding).'
    }`,
    evidence: [...errorEvidence(f, STATUS, f.statusError), ...grastateEvidence(f)],
    likelyCause: container
      ? 'The mariadb container exited or is restarting (crash, OOM kill, failed start after a cluster-wide outage).'
      : 'mysqld was stopped, crashed or was killed (OOM, disk full, a failed start).',
    nextStep: `${whyDown(input.deployment, f.node)}; once the cause is fixed${primaryExists ? `, start it and it rejoins by IST/SST: ${startJoin(input.deployment, f.node)}` : ', follow the galera.bootstrap finding'}.`,
    // Without a Primary component anywhere, restarting this node alone does not help: the bootstrap decision explains it.
    ...(primaryExists ? {} : { explainedBy: ['galera.bootstrap'] }),
  });
}

function unknownFinding(f: NodeFacts): Finding | null {
  if (!f.status) return null; // not run or did not complete: the engine reports it
  const err = f.statusError;
  const ev = errorEvidence(f, STATUS, err);
  if (err?.kind === 'access-denied')
    return skipped(
      'galera.status',
      `Galera status not read on ${f.node}: the mysql login was refused`,
      `${err.line}. The step logs in as the local admin (the unix socket as root, ~/.my.cnf, or /etc/mysql/admin_user.cnf on openstack-helm); on kolla the client in the mariadb container needs the database root password, e.g. a [client] section with user/password in /root/.my.cnf inside the container.`,
      ev,
    );
  if (err?.kind === 'no-client') return skipped('galera.status', `Galera status not read on ${f.node}: no mysql client there`, `${err.line}.`, ev);
  return skipped('galera.status', `Galera status not read on ${f.node}`, `The status query failed: ${err?.line ?? 'no wsrep status in the output'}.`, ev);
}

function nonPrimaryFinding(f: NodeFacts, primaries: NodeFacts[], unseen: NodeFacts[]): Finding {
  const status = row(f, 'wsrep_cluster_status')?.value ?? 'not Primary';
  const elsewhere = primaries.length > 0;
  // Only the nodes that answered say there is no Primary component; one that did not may be it.
  const noneSeen = unseen.length
    ? `No node that answered reports a Primary component; ${names(unseen)} could not be checked and may still be one (then ${f.node} is cut off from it).`
    : 'No node reports a Primary component: the cluster has lost quorum.';
  const notReady = f.appError?.kind === 'not-ready' ? [{ node: f.node, step: APP, lines: [f.appError.line] }] : [];
  return finding({
    check: 'galera.non-primary',
    severity: 'critical',
    title: `${f.node} is not in the Primary component (wsrep_cluster_status ${status})`,
    explanation: `${f.node} runs but is ${status}, so it refuses application queries (ERROR 1047 WSREP has not yet prepared node for application use). ${
      elsewhere
        ? `${names(primaries)} still form a Primary component: ${f.node} is cut off from them.`
        : noneSeen
    }`,
    evidence: [...statusEvidence(f, ['wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_cluster_status', 'wsrep_connected', 'wsrep_ready']), ...errorEvidence(f, STATUS, f.statusError), ...notReady],
    likelyCause: elsewhere
      ? `A network partition between ${f.node} and the rest (gcomm port 4567), or it could not rejoin after a restart.`
      : 'More than half of the nodes failed or were cut off at once; the survivors cannot form a quorum alone.',
    nextStep: elsewhere
      ? `Check that ${f.node} reaches the others on TCP 4567 (and 4568/4444 for IST/SST); if the network is fine, restart mysqld on ${f.node} so it rejoins. Never bootstrap it while another Primary component exists.`
      : 'Follow the galera.bootstrap finding: bootstrap exactly one node, then let the others rejoin.',
    ...(elsewhere ? {} : { explainedBy: ['galera.bootstrap'] }),
  });
}

/** Findings about one Primary node (problems only; passes are gathered by the caller). */
function primaryNodeFindings(f: NodeFacts): { problems: Finding[]; synced: boolean; ready: boolean; flowOk: boolean } {
  const problems: Finding[] = [];
  const state = row(f, 'wsrep_local_state_comment');
  const synced = state?.value === 'Synced';
  if (state && !synced) {
    const meaning = stateMeaning[state.value.toLowerCase()] ?? 'it is not Synced';
    problems.push(
      finding({
        check: 'galera.local-state',
        severity: 'warning',
        title: `${f.node} is ${state.value}, not Synced`,
        explanation: `wsrep_local_state_comment on ${f.node} is ${state.value}: ${meaning}.`,
        evidence: statusEvidence(f, ['wsrep_local_state_comment', 'wsrep_desync_count', 'wsrep_local_recv_queue', 'wsrep_cluster_status']),
        likelyCause: state.value.toLowerCase().startsWith('donor') ? 'A node is joining by SST from this donor, or a backup desynced it.' : 'The node (re)joined recently and is still receiving the cluster state.',
        nextStep: `Watch it settle: mysql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_local_recv_queue')" on ${f.node}; if it stays there, read the mysqld error log for SST/IST errors.`,
      }),
    );
  }
  const readyRow = row(f, 'wsrep_ready');
  const appNotReady = f.appError?.kind === 'not-ready';
  const notReady = readyRow?.value.toUpperCase() === 'OFF' || appNotReady;
  // Claim readiness only from what was seen: wsrep_ready ON, or a table read that worked.
  const ready = !notReady && (readyRow?.value.toUpperCase() === 'ON' || (f.app?.state === 'succeeded' && !f.appError));
  if (notReady) {
    problems.push(
      finding({
        check: 'galera.not-ready',
        severity: 'critical',
        title: `${f.node} refuses application queries (wsrep_ready OFF)`,
        explanation: `${f.node} is in the Primary component but not ready for application use: queries get ERROR 1047 WSREP has not yet prepared node for application use.`,
        evidence: [...statusEvidence(f, ['wsrep_local_state_comment', 'wsrep_ready']), ...(appNotReady ? errorEvidence(f, APP, f.appError) : [])],
        likelyCause: 'The node is still joining (state transfer in progress), or wsrep was paused/desynced.',
        nextStep: `Read the mysqld error log on ${f.node} for the state transfer; it should become ready when Synced.`,
      }),
    );
  }
  const paused = num(row(f, 'wsrep_flow_control_paused'));
  const flowOk = paused !== null && paused <= FLOW_CONTROL_WARN;
  if (paused !== null && !flowOk)
    problems.push(
      finding({
        check: 'galera.flow-control',
        severity: 'warning',
        title: `Flow control paused replication ${Math.round((paused ?? 0) * 100)}% of the time, seen from ${f.node}`,
        explanation: `wsrep_flow_control_paused is ${paused} on ${f.node} (the fraction of time since the last FLUSH STATUS that replication was paused because some node could not keep up; above ${FLOW_CONTROL_WARN} writes stall cluster-wide).`,
        evidence: statusEvidence(f, ['wsrep_local_recv_queue_avg', 'wsrep_local_send_queue_avg', 'wsrep_flow_control_paused', 'wsrep_flow_control_sent', 'wsrep_flow_control_recv']),
        likelyCause: 'A slow node (disk, CPU, a long-running query or a huge transaction) sends flow control; the node with a high wsrep_flow_control_sent and wsrep_local_recv_queue_avg is the one.',
        nextStep: `On every node: mysql -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_flow_control_sent','wsrep_local_recv_queue_avg')" — the node with the highest values is slowing the cluster; check its disk and long queries (SHOW PROCESSLIST).`,
      }),
    );
  return { problems, synced, ready, flowOk };
}

function ok(check: string, title: string, explanation: string, evidence: Evidence[]): Finding {
  return finding({ check, severity: 'ok', title, explanation, evidence });
}

function sizeFindings(input: AnalyzerInput, facts: NodeFacts[], primaries: NodeFacts[]): Finding[] {
  const expected = expectedSize(input);
  const bySize = new Map<number, NodeFacts[]>();
  for (const f of primaries) {
    const n = num(row(f, 'wsrep_cluster_size'));
    if (n !== null) bySize.set(n, [...(bySize.get(n) ?? []), f]);
  }
  const out: Finding[] = [];
  for (const [size, fs] of bySize) {
    const ev = fs.flatMap((f) => statusEvidence(f, ['wsrep_incoming_addresses', 'wsrep_cluster_size']));
    if (size === expected) {
      out.push(ok('galera.cluster-size', `Galera cluster has all ${expected} nodes`, `wsrep_cluster_size is ${size} on ${names(fs)}, as expected.`, ev));
      continue;
    }
    const missing = facts.filter((f) => f.kind !== 'primary');
    const low = size < expected;
    out.push(
      finding({
        check: 'galera.cluster-size',
        severity: low && size * 2 <= expected ? 'critical' : 'warning',
        title: low
          ? `Galera cluster has ${size} of ${expected} nodes${missing.length ? `; not in it: ${names(missing)}` : ''}`
          : `Galera cluster has ${size} nodes, more than the expected ${expected}`,
        explanation: low
          ? `wsrep_cluster_size is ${size} on ${names(fs)} but ${expected} nodes are expected. The cluster still has quorum, but ${size * 2 <= expected ? 'it cannot lose another node (it keeps running only because the others left cleanly)' : `losing ${Math.ceil(size / 2)} more ${Math.ceil(size / 2) === 1 ? 'node' : 'nodes'} at once stops it`}.`
          : `wsrep_cluster_size is ${size} on ${names(fs)}; expected_size is ${expected}. An extra member (a garbd arbitrator, a node of another deployment joining by mistake) or a wrong expected_size.`,
        evidence: ev,
        likelyCause: low ? 'The missing nodes are down or cut off (see their findings).' : 'expected_size does not match this deployment, or an unexpected node joined the cluster.',
        nextStep: low ? 'Bring the missing nodes back (see the per-node findings); they rejoin by IST/SST.' : 'Compare wsrep_incoming_addresses with the controllers; rerun with the right expected_size.',
      }),
    );
  }
  if (!bySize.size && primaries.length) out.push(skipped('galera.cluster-size', 'Cluster size not checked', 'No Primary node reported wsrep_cluster_size.'));
  return out;
}

function uuidFindings(facts: NodeFacts[]): Finding[] {
  const byUuid = new Map<string, NodeFacts[]>();
  for (const f of facts) {
    const u = row(f, 'wsrep_cluster_state_uuid')?.value;
    if (u && !/^0{8}-/.test(u)) byUuid.set(u, [...(byUuid.get(u) ?? []), f]);
  }
  const reporting = [...byUuid.values()].flat();
  const ev = reporting.flatMap((f) => statusEvidence(f, ['wsrep_cluster_state_uuid', 'wsrep_cluster_status']));
  if (byUuid.size > 1)
    return [
      finding({
        check: 'galera.state-uuid',
        severity: 'critical',
        title: `Nodes disagree on the cluster state UUID: the cluster is split (${[...byUuid.values()].map(names).join(' vs ')})`,
        explanation: `wsrep_cluster_state_uuid differs between nodes: ${[...byUuid].map(([u, fs]) => `${names(fs)}: ${u}`).join('; ')}. Nodes with different state UUIDs hold different histories; at least one group was bootstrapped separately and they will not merge by themselves.`,
        evidence: ev,
        likelyCause: 'A node was bootstrapped (galera_new_cluster, pc.bootstrap, --wsrep-new-cluster) while the others still ran, or a node was re-initialized.',
        nextStep: 'Decide which group holds the data to keep (usually the one applications wrote to); stop the other group, and rejoin those nodes by SST (move their grastate.dat away so they take a full copy).',
      }),
    ];
  if (reporting.length > 1) return [ok('galera.state-uuid', `The ${reporting.length} reporting nodes share one cluster state UUID`, `wsrep_cluster_state_uuid is ${[...byUuid.keys()][0] ?? ''} on ${names(reporting)}.`, ev)];
  return [];
}

export const analyze: Analyzer = (input) => {
  const facts = gatherFacts(input);
  const primaries = facts.filter((f) => f.kind === 'primary');
  const unseen = facts.filter((f) => f.kind === 'unknown');
  const findings: Finding[] = [];
  const passed = { synced: [] as NodeFacts[], ready: [] as NodeFacts[], flow: [] as NodeFacts[] };

  for (const f of facts) {
    if (f.kind === 'down') findings.push(downFinding(input, f, primaries.length > 0));
    else if (f.kind === 'non-primary') findings.push(nonPrimaryFinding(f, primaries, unseen));
    else if (f.kind === 'standalone')
      findings.push(
        finding({
          check: 'galera.wsrep-off',
          severity: 'warning',
          title: `${f.node} runs without Galera replication`,
          explanation: `mysqld on ${f.node} answered but reports no wsrep_cluster_status: wsrep is off or no Galera provider is loaded, so it does not replicate with the others.`,
          evidence: statusEvidence(f, ['wsrep_on', 'wsrep_cluster_address', 'wsrep_ready']),
          likelyCause: 'It was started without the Galera configuration (wsrep_on=OFF, wrong wsrep_provider path), e.g. for maintenance.',
          nextStep: `Check wsrep_on, wsrep_provider and wsrep_cluster_address in the server configuration on ${f.node} and the mysqld error log.`,
        }),
      );
    else if (f.kind === 'primary') {
      const r = primaryNodeFindings(f);
      findings.push(...r.problems);
      if (r.synced) passed.synced.push(f);
      if (r.ready) passed.ready.push(f);
      if (r.flowOk) passed.flow.push(f);
    } else {
      const u = unknownFinding(f);
      if (u) findings.push(u);
    }
  }

  if (primaries.length) {
    findings.push(ok('galera.primary', `${names(primaries)} ${primaries.length === 1 ? 'is' : 'are'} in the Primary component`, 'wsrep_cluster_status is Primary.', primaries.flatMap((f) => statusEvidence(f, ['wsrep_cluster_status']))));
    if (passed.synced.length) findings.push(ok('galera.local-state', `${names(passed.synced)} Synced`, 'wsrep_local_state_comment is Synced.', passed.synced.flatMap((f) => statusEvidence(f, ['wsrep_local_state_comment']))));
    if (passed.ready.length)
      findings.push(
        ok(
          'galera.ready',
          `${names(passed.ready)} accept${passed.ready.length === 1 ? 's' : ''} application queries`,
          'wsrep_ready is ON (and a table read succeeded where it was tried).',
          passed.ready.flatMap((f) => statusEvidence(f, ['wsrep_ready'])),
        ),
      );
    if (passed.flow.length)
      findings.push(
        ok('galera.flow-control', `No flow-control stalls (${names(passed.flow)})`, `wsrep_flow_control_paused is at most ${FLOW_CONTROL_WARN}.`, passed.flow.flatMap((f) => statusEvidence(f, ['wsrep_flow_control_paused']))),
      );
    findings.push(...sizeFindings(input, facts, primaries));
  } else if (facts.some((f) => f.kind !== 'unknown')) {
    // Only a node that answered can say there is no Primary component (one that did not may be it).
    findings.push(skipped('galera.cluster-size', 'Cluster size not checked', 'No node is in a Primary component, so there is no cluster size to compare with expected_size.'));
  }
  findings.push(...uuidFindings(facts));
  findings.push(...bootstrapFindings(input, facts));
  return findings;
};
