import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeRole, RunFinding } from '../main/contract/types.js';
import { tempDir } from '../main/core/testing/fixtures.js';
import { thisProcess } from '../main/core/testing/records.js';
import { openDatabase, type Db } from './database.js';
import { nodeGroup, podOfCommand } from './health.js';
import { InventoryRepo } from './inventory-repo.js';
import { createRepos } from './repos.js';

let db: Db | undefined;
let remove = (): void => undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  remove();
});

function world() {
  const t = tempDir();
  remove = t.remove;
  db = openDatabase(join(t.path, 'caselog.sqlite'));
  const inv = new InventoryRepo(db);
  const clusterId = inv.addCluster('prod', 'openstack-helm');
  const add = (name: string, roles: NodeRole[], host: string): number =>
    inv.addNode(clusterId, { name, host, port: 22, user: 'root', roles, auth: { method: 'agent' }, jumpNodeId: null });
  const ids = {
    ctl1: add('controller-1', ['controller'], '10.0.0.11'),
    ctl2: add('controller-2', ['controller', 'network'], '10.0.0.12'),
    cmp10: add('compute-10', ['compute'], '10.0.0.110'),
    cmp2: add('compute-2', ['compute'], '10.0.0.102'),
  };
  const repos = createRepos(db, { author: 'alice', owner: thisProcess });
  const cluster = () => {
    const c = inv.getCluster(clusterId);
    if (!c) throw new Error('cluster vanished');
    return c;
  };
  return { db, repos, clusterId, ids, cluster };
}

type NewFinding = Omit<RunFinding, 'id' | 'runId' | 'createdAt' | 'explainedBy'> & { explainedBy?: string[] };
const f = (severity: NewFinding['severity'], title: string, evidence: NewFinding['evidence'] = [], status?: NewFinding['status']): NewFinding => ({
  check: 't',
  severity,
  status: status ?? (severity === 'ok' ? 'OK' : severity === 'info' ? 'INFO' : 'FAILED'),
  title,
  explanation: '',
  evidence,
  likelyCause: '',
  nextStep: '',
  skippedReason: null,
});

function runOn(
  w: ReturnType<typeof world>,
  caseId: number,
  playbook: string,
  steps: Array<{ nodeId: number; node: string; step: string; command?: string; stdout?: string }>,
  findings: NewFinding[],
): number {
  const run = w.repos.runs.create(caseId, w.clusterId, 'playbook', playbook, {}, []);
  for (const s of steps) {
    const st = w.repos.runs.addStep(run.id, { nodeId: s.nodeId, nodeName: s.node, stepKey: s.step, command: s.command ?? s.step, commandSent: s.command ?? s.step });
    if (s.stdout) w.repos.runs.output.append([{ stepId: st.id, stream: 'stdout', data: s.stdout }]);
    w.repos.runs.finishStep(st.id, { state: 'succeeded', exitCode: 0, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 1 });
  }
  w.repos.runs.findings.add(run.id, findings);
  w.repos.runs.finishRun(run.id, 'succeeded');
  return run.id;
}

const steps: Record<string, { service: string; on: 'each' | 'one' }> = {
  'galera-health/wsrep-status': { service: 'database', on: 'each' },
  'galera-health/grastate': { service: 'host', on: 'each' },
  'ovs-health/interfaces': { service: 'ovs', on: 'each' },
  'k8s-pods/pods': { service: 'host', on: 'one' },
  'placement-capacity/providers': { service: 'placement', on: 'one' },
};
const stepInfo = (p: string, s: string) => steps[`${p}/${s}`] ?? null;

describe('cluster overview', () => {
  it('colours each node by the worst finding of the latest run of each playbook that touched it', () => {
    const w = world();
    const caseId = w.repos.cases.create('db', 'critical', w.clusterId);
    const galeraSteps = (n: { nodeId: number; node: string }[]) => n.flatMap((x) => [{ ...x, step: 'wsrep-status' }, { ...x, step: 'grastate' }]);
    const both = [
      { nodeId: w.ids.ctl1, node: 'controller-1' },
      { nodeId: w.ids.ctl2, node: 'controller-2' },
    ];
    // An older run saw controller-1 critical; a newer run of the same playbook says it is fine now.
    runOn(w, caseId, 'galera-health', galeraSteps(both), [f('critical', 'controller-1 not Primary', [{ node: 'controller-1', step: 'wsrep-status', lines: ['x'] }])]);
    runOn(w, caseId, 'galera-health', galeraSteps(both), [
      f('ok', 'controller-1 Synced', [{ node: 'controller-1', step: 'wsrep-status', lines: ['Synced'] }]),
      f('critical', 'controller-2 not Primary', [{ node: 'controller-2', step: 'wsrep-status', lines: ['non-Primary'] }]),
      f('warning', 'cluster size 2 of 3'), // names no node: a cluster-wide problem
    ]);
    // Another playbook touched compute-2 only, with a skipped check (unreachable) on it.
    runOn(w, caseId, 'ovs-health', [{ nodeId: w.ids.cmp2, node: 'compute-2', step: 'interfaces', command: "kubectl -n openstack exec 'openvswitch-abc12' -c openvswitch-vswitchd -- sh -c 'ovs-vsctl show'" }], [
      f('warning', 'Could not check interfaces on compute-2: unreachable', [{ node: 'compute-2', step: 'interfaces', lines: ['connect ETIMEDOUT'] }], 'SKIPPED'),
      f('info', 'No ovs pod on compute-10', [], 'SKIPPED'),
    ]);

    const o = w.repos.health.clusterOverview(w.cluster(), stepInfo);
    // compute-2 could not be checked: neither ok nor a problem found there, and never shown as ok.
    expect(o.nodes.map((n) => `${n.group}:${n.name}:${n.health}`)).toEqual(['controller:controller-1:ok', 'controller:controller-2:critical', 'compute:compute-2:unchecked', 'compute:compute-10:unknown']);
    const ctl2 = o.nodes.find((n) => n.name === 'controller-2');
    expect(ctl2?.problems).toMatchObject([{ severity: 'critical', title: 'controller-2 not Primary', caseId }]);
    expect(ctl2?.services).toMatchObject([
      { name: 'database', kind: 'service', health: 'critical', detail: 'galera-health' },
      // The playbook's own chip agrees with what it found on the node (never green beside a red node).
      { name: 'galera-health', kind: 'playbook', health: 'critical', detail: '' },
    ]);
    expect(o.nodes.find((n) => n.name === 'compute-2')?.services).toMatchObject([{ name: 'openvswitch-abc12', kind: 'pod', health: 'unchecked', detail: 'ovs' }]);
    expect(o.nodes.find((n) => n.name === 'compute-10')).toMatchObject({ checkedAt: null, services: [] });
    expect(o.problems).toMatchObject([{ severity: 'warning', title: 'cluster size 2 of 3' }]);
    expect(o.health).toBe('critical');
  });

  it('places the pods of the newest pod list on their nodes, crash loops in red', () => {
    const w = world();
    const caseId = w.repos.cases.create('pods', 'warning', w.clusterId);
    const pod = (name: string, node: string, ready: boolean, reason?: string) => ({
      metadata: { name, namespace: 'openstack', labels: { application: 'nova', component: 'compute' } },
      spec: { nodeName: node, containers: [{ name: 'c' }] },
      status: { hostIP: '', containerStatuses: [{ ready, state: reason ? { waiting: { reason } } : { running: {} } }] },
    });
    const list = JSON.stringify({ items: [pod('nova-compute-a', 'compute-2', true), pod('nova-compute-b', 'compute-10', false, 'CrashLoopBackOff')] });
    runOn(w, caseId, 'k8s-pods', [
      { nodeId: w.ids.ctl1, node: 'controller-1', step: 'discover-pods', stdout: list },
      { nodeId: w.ids.ctl1, node: 'controller-1', step: 'pods', stdout: '' },
    ], []);
    const o = w.repos.health.clusterOverview(w.cluster(), stepInfo);
    expect(o.nodes.find((n) => n.name === 'compute-10')?.services).toMatchObject([{ name: 'nova-compute-b', kind: 'pod', health: 'critical', detail: 'nova/compute' }]);
    expect(o.nodes.find((n) => n.name === 'compute-2')?.services).toMatchObject([{ name: 'nova-compute-a', kind: 'pod', health: 'ok', detail: 'nova/compute' }]);
    // Discovery alone does not count as checking a node.
    expect(o.nodes.find((n) => n.name === 'compute-2')?.health).toBe('unknown');
  });

  it('does not blame the node a cluster-wide step ran from; a finding naming a pod marks the pod\'s node', () => {
    const w = world();
    const caseId = w.repos.cases.create('pods', 'critical', w.clusterId);
    const pod = (name: string, node: string) => ({
      metadata: { name, namespace: 'openstack', labels: { application: 'mariadb', component: 'server' } },
      spec: { nodeName: node, containers: [{ name: 'mariadb' }] },
      // Caught between two crashes: the list says running; the finding knows better.
      status: { hostIP: '', containerStatuses: [{ ready: true, state: { running: {} } }] },
    });
    runOn(w, caseId, 'k8s-pods', [
      { nodeId: w.ids.ctl1, node: 'controller-1', step: 'discover-pods', stdout: JSON.stringify({ items: [pod('mariadb-server-2', 'controller-2')] }) },
      { nodeId: w.ids.ctl1, node: 'controller-1', step: 'pods' },
    ], [
      f('critical', 'mariadb-server-2: container mariadb is not running', [{ node: 'controller-1', step: 'pods', lines: ['mariadb-server-2 0/1 CrashLoopBackOff'] }]),
      f('warning', 'Could not check pods on controller-1: timed out', [{ node: 'controller-1', step: 'pods', lines: ['timed out'] }], 'SKIPPED'),
    ]);
    runOn(w, caseId, 'placement-capacity', [{ nodeId: w.ids.ctl1, node: 'controller-1', step: 'providers', command: "kubectl -n openstack exec placement-api-x1 -- sh -c 'openstack resource provider list'" }], [
      f('warning', 'compute-2 has no free VCPU', [{ node: 'controller-1', step: 'providers', lines: ['VCPU 16/16'] }]),
    ]);
    w.db.prepare("UPDATE findings SET check_id = 'engine.could-not-check' WHERE title LIKE 'Could not check%'").run();
    const o = w.repos.health.clusterOverview(w.cluster(), stepInfo);
    const ctl1 = o.nodes.find((n) => n.name === 'controller-1');
    // The engine's own finding (it timed out there) is controller-1's; the pod and capacity findings are not.
    expect(ctl1).toMatchObject({ health: 'unchecked', problems: [{ severity: 'unchecked', title: 'Could not check pods on controller-1: timed out' }] });
    expect(ctl1?.services).toMatchObject([{ name: 'placement-api-x1', kind: 'pod', health: 'ok', detail: 'placement' }]);
    expect(o.nodes.find((n) => n.name === 'controller-2')).toMatchObject({
      health: 'critical',
      problems: [{ title: 'mariadb-server-2: container mariadb is not running' }],
      services: [{ name: 'mariadb-server-2', kind: 'pod', health: 'critical' }],
    });
    expect(o.problems.map((p) => p.title)).toEqual(['mariadb-server-2: container mariadb is not running', 'compute-2 has no free VCPU']);
  });

  it('tells the truth about age and cause: stale results marked, "checked" is the oldest shown, runbook steps do not colour, causes first', () => {
    const w = world();
    const caseId = w.repos.cases.create('truth', 'critical', w.clusterId);
    const placement = runOn(w, caseId, 'placement-capacity', [{ nodeId: w.ids.ctl1, node: 'controller-1', step: 'providers' }], [
      { ...f('critical', 'Placement API answered HTTP 500'), check: 'placement.api', explainedBy: ['galera.*'] },
    ]);
    const galera = runOn(w, caseId, 'galera-health', [{ nodeId: w.ids.ctl1, node: 'controller-1', step: 'grastate' }], [{ ...f('critical', 'No Primary component: bootstrap from controller-1'), check: 'galera.bootstrap' }]);
    // A runbook's command step failed on controller-2: a trainee's step, not a check of the node.
    runOn(w, caseId, 'runbook-galera-quorum-lost-status', [{ nodeId: w.ids.ctl2, node: 'controller-2', step: 'status' }], [
      f('warning', 'status on controller-2: exit 1', [{ node: 'controller-2', step: 'status', lines: ['exit 1'] }]),
    ]);
    let o = w.repos.health.clusterOverview(w.cluster(), stepInfo);
    expect(o.problems.map((p) => p.title)).toEqual(['No Primary component: bootstrap from controller-1', 'Placement API answered HTTP 500']);
    expect(o.problems.map((p) => p.explained)).toEqual([false, true]);
    expect(o.nodes.find((n) => n.name === 'controller-2')).toMatchObject({ health: 'unknown', services: [] });

    // The Placement run is an hour older than the galera one: marked stale with its time, shown after fresh problems.
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    w.db.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run(hourAgo, placement);
    o = w.repos.health.clusterOverview(w.cluster(), stepInfo);
    expect(o.problems.map((p) => [p.title, p.stale])).toEqual([
      ['No Primary component: bootstrap from controller-1', false],
      ['Placement API answered HTTP 500', true],
    ]);
    expect(o.problems[1]?.checkedAt).toBe(hourAgo);
    // Placement was asked from controller-1 for the whole cluster: the node's own age is galera's; the cluster's is the oldest shown.
    const ctl1 = o.nodes.find((n) => n.name === 'controller-1');
    expect(ctl1?.checkedAt).not.toBe(hourAgo);
    expect(o.checkedAt).toBe(hourAgo);
    expect(ctl1?.services.find((x) => x.name === 'galera-health')).toMatchObject({ stale: false });
    expect(galera).toBeGreaterThan(placement);
  });

  it('a whole-cluster check makes older results of playbooks it did not run stale: they stay listed with their age, the colour comes from the check', () => {
    const w = world();
    const caseId = w.repos.cases.create('after heal', 'critical', w.clusterId);
    const trace = runOn(w, caseId, 'ovn-trace', [{ nodeId: w.ids.ctl1, node: 'controller-1', step: 'trace' }], [
      { ...f('critical', 'tcp/22 to web-1 is dropped', [{ node: 'controller-1', step: 'trace', lines: ['drop'] }]), check: 'ovn-trace.security-group-drop' },
    ]);
    const fiveMinAgo = new Date(Date.now() - 300_000).toISOString();
    w.db.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run(fiveMinAgo, trace);
    let o = w.repos.health.clusterOverview(w.cluster(), stepInfo);
    expect(o.health).toBe('critical'); // nothing newer: the trace is the picture

    const sweepAt = new Date().toISOString();
    const galera = runOn(w, caseId, 'galera-health', [{ nodeId: w.ids.ctl1, node: 'controller-1', step: 'wsrep-status' }], [f('ok', 'controller-1 Synced', [{ node: 'controller-1', step: 'wsrep-status', lines: ['Synced'] }])]);
    w.db.prepare("UPDATE runs SET params = json_object('check', ?), started_at = ? WHERE id = ?").run(sweepAt, sweepAt, galera);
    o = w.repos.health.clusterOverview(w.cluster(), stepInfo);
    const ctl1 = o.nodes.find((n) => n.name === 'controller-1');
    expect(ctl1?.health).toBe('ok');
    expect(ctl1?.problems).toMatchObject([{ title: 'tcp/22 to web-1 is dropped', stale: true, checkedAt: fiveMinAgo }]);
    expect(o.health).toBe('ok');
  });

  it('reads pod names from the commands the profile builds, and groups nodes by role', () => {
    expect(podOfCommand("kubectl -n 'openstack' exec mariadb-server-0 -c mariadb -- sh -c 'x'")).toBe('mariadb-server-0');
    expect(podOfCommand('kubectl -n openstack logs nova-compute-x1 -c nova-compute --previous --tail 200')).toBe('nova-compute-x1');
    expect(podOfCommand('ovs-vsctl show')).toBeNull();
    expect(nodeGroup(['compute', 'network'])).toBe('compute');
    expect(nodeGroup(['network', 'controller'])).toBe('controller');
  });
});

describe('open cases', () => {
  it('lists unresolved cases worst first with the problems of their latest runs', () => {
    const w = world();
    const minor = w.repos.cases.create('slow API', 'warning', w.clusterId);
    const major = w.repos.cases.create('galera down', 'critical', w.clusterId);
    const done = w.repos.cases.create('fixed already', 'critical', null);
    w.repos.cases.setStatus(done, 'resolved', 'bob');
    w.repos.cases.setStatus(minor, 'mitigated', 'bob');
    const ev = [{ node: 'controller-1', step: 'wsrep-status', lines: ['x'] }];
    runOn(w, major, 'galera-health', [{ nodeId: w.ids.ctl1, node: 'controller-1', step: 'wsrep-status' }], [f('critical', 'a', ev), f('critical', 'b', ev)]);
    runOn(w, major, 'galera-health', [{ nodeId: w.ids.ctl1, node: 'controller-1', step: 'wsrep-status' }], [f('critical', 'a', ev), f('warning', 'c', ev), f('ok', 'd', ev)]);
    w.db.prepare("UPDATE cases SET opened_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(minor);
    const list = w.repos.health.openCases();
    expect(list.map((c) => `${c.title}:${c.status}`)).toEqual(['galera down:open', 'slow API:mitigated']);
    expect(list[0]).toMatchObject({ clusterName: 'prod', critical: 1, warning: 1, runCount: 2 });
    expect(list[1]?.lastActivityAt.startsWith('2020')).toBe(false); // the status change counts as activity
  });
});
