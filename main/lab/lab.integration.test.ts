import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core.js';
import { tempDir } from '../core/testing/fixtures.js';
import { breakFault, healFault, faults, LARGE_FLAVOR } from './faults.js';
import { currentLab, labDown, labUp } from './lab.js';
import { labUuid, nodeByName } from './layout.js';
import { namespacePids } from './network.js';
import { hostKeyFingerprint } from './nodes.js';
import { LAB_CLUSTER, registerLab } from './register.js';
import { run } from './proc.js';
import { labStatus } from './status.js';
import type { LabState } from './state.js';
import { expectSweepNamesFirst, type FaultNamed } from './test-check.js';

/**
 * The practice lab, brought up once (openstack-helm flavour: the components are reachable
 * directly as with packages, and through the kubectl facade). Every check reads the component's
 * own tools over real SSH through Stackscope's exec path: ovn-nbctl, ovn-trace, ovs-vsctl,
 * mysql, the openstack CLI against Placement, rabbitmqctl, kubectl.
 */
const tmp = tempDir();
const dataDir = join(tmp.path, 'data');
/** The faults a light lab (no control plane, one RabbitMQ node) can have: the ones this file breaks. */
const lightFaults = faults.filter((f) => !f.controlPlane && (f.rabbitmqNodes ?? 1) <= 1);
let core: Core;
let lab: LabState;

beforeAll(async () => {
  lab = await labUp({ dataDir, flavor: 'openstack-helm', computes: 2 });
  core = createCore({ dataDir, mode: 'cli' });
  await registerLab(core, lab, async (name) => hostKeyFingerprint(nodeByName(lab.layout, name)));
}, 300_000);

afterAll(async () => {
  await core?.close();
  const layout = lab?.layout;
  await labDown(dataDir);
  if (layout) {
    // Nothing left behind: no namespace (so no /run/netns mount), no process, no bridge, no folder.
    const spaces = existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`stackscope-${layout.id}-`)) : [];
    expect(spaces).toEqual([]);
    expect((await Promise.all(layout.nodes.map((n) => namespacePids(n.netns)))).flat()).toEqual([]);
    expect(await run(['ip', '-o', 'link', 'show'])).not.toContain(layout.bridge);
    expect(existsSync(layout.root)).toBe(false);
    expect(await run(['cat', '/proc/mounts'])).not.toContain(layout.root);
  }
  tmp.remove();
}, 120_000);

/** Run a shell command on one lab node over SSH, the way the app does, and return its result. */
async function onNode(node: string, command: string): Promise<{ exitCode: number | null; stdout: string; stderr: string; state: string; error: string | null }> {
  const cluster = core.inventory.clusterByName(LAB_CLUSTER);
  const n = core.inventory.nodeByName(cluster, node);
  const caseId = core.repos.cases.create(`lab test: ${command}`.slice(0, 200), 'info', cluster.id);
  const r = core.exec.start({ caseId, clusterId: cluster.id, nodes: [n], command, timeoutSec: 60 });
  await core.runs.wait(r.id);
  const step = core.repos.runs.get(r.id)?.steps[0];
  if (!step) throw new Error('no step recorded');
  return { exitCode: step.exitCode, stdout: step.stdout, stderr: step.stderr, state: step.state, error: step.error };
}

const tcpRefused = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ host, port });
    s.once('connect', () => (s.destroy(), resolve(false)));
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });

const instance = (name: string) => {
  const i = lab.tenant.instances.find((x) => x.name === name);
  if (!i) throw new Error(`no instance ${name}`);
  return i;
};

/** ovn-trace of TCP from one VM port to another, as an operator would type it on a controller. */
function traceSsh(from: string, to: string): string {
  const a = instance(from).port;
  const b = instance(to).port;
  const flow = `inport == "${a.id}" && eth.src == ${a.mac} && eth.dst == ${b.mac} && ip4.src == ${a.ip} && ip4.dst == ${b.ip} && ip.ttl == 64 && tcp && tcp.dst == 22`;
  return `ovn-trace --ct=new --ct=new --ct=new neutron-${lab.tenant.network.id} '${flow}'`;
}

describe('practice lab', () => {
  it('registers every node with its host key trusted and its own hostname', async () => {
    const cluster = core.inventory.clusterByName(LAB_CLUSTER);
    expect(cluster.deployment).toBe('openstack-helm');
    expect(cluster.nodes.map((n) => n.name).sort()).toEqual(['compute-1', 'compute-2', 'controller-1', 'controller-2', 'controller-3']);
    expect(cluster.nodes.every((n) => n.hostKey !== null)).toBe(true);
    expect((await onNode('compute-2', 'hostname')).stdout.trim()).toBe('compute-2');
  });

  it('reports every component healthy, each by asking the component itself', async () => {
    const s = await labStatus(lab);
    const bad = s.nodes.flatMap((n) => n.components).filter((c) => c.health !== 'ok');
    expect(bad).toEqual([]);
    const kinds = new Set(s.nodes.flatMap((n) => n.components.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['mysqld', 'ovn-controller', 'ovn-nb', 'ovn-northd', 'ovn-sb', 'ovs-db', 'ovs-vswitchd', 'placement-api', 'rabbitmq', 'sshd']);
    expect(s.memory.processes).toBeGreaterThan(20);
  });

  it('OVN: NB raft with a leader, the tenant topology, and a chassis per compute', async () => {
    const nb = await onNode('controller-2', 'ovn-nbctl show; ovn-appctl -t $OVN_RUNDIR/ovnnb_db.ctl cluster/status OVN_Northbound');
    expect(nb.exitCode).toBe(0);
    expect(nb.stdout).toContain('(aka web-1-port)');
    expect(nb.stdout).toContain('(aka router1)');
    expect(nb.stdout).toMatch(/Role: (leader|follower)/);
    expect(nb.stdout).toMatch(/Leader: [0-9a-f]{4}/);
    const sb = await onNode('controller-3', 'ovn-sbctl show');
    expect(sb.stdout).toContain('Chassis compute-1');
    expect(sb.stdout).toContain('Chassis compute-2');
    const trace = await onNode('controller-1', traceSsh('web-1', 'db-1'));
    expect(trace.stdout).toContain('name=sg-default-ingress-ssh');
    expect(trace.stdout).toContain('output to "db-1-port"');
  });

  it('OVS: br-int and br-ex, geneve tunnels and the VM taps on a compute', async () => {
    const r = await onNode('compute-1', 'ovs-vsctl show');
    expect(r.stdout).toContain('Bridge br-int');
    expect(r.stdout).toContain('Bridge br-ex');
    expect(r.stdout).toContain('type: geneve');
    expect(r.stdout).toContain(`Port ${instance('web-1').port.tap}`);
    expect(r.stdout).not.toContain('error:');
  });

  it('Galera, Placement, RabbitMQ and kubectl answer through their own CLIs', async () => {
    const g = await onNode('controller-3', `mysql -N -e "SHOW GLOBAL STATUS LIKE 'wsrep_%'"`);
    expect(g.stdout).toMatch(/wsrep_cluster_size\t3/);
    expect(g.stdout).toMatch(/wsrep_cluster_status\tPrimary/);
    const p = await onNode('controller-1', 'openstack resource provider list -f json');
    expect(JSON.parse(p.stdout).map((x: { name: string }) => x.name).sort()).toEqual(['compute-1', 'compute-2']);
    const rq = await onNode('controller-1', 'rabbitmqctl -q status');
    expect(rq.exitCode).toBe(0);
    expect(rq.stdout).toContain('RabbitMQ version');
    const k = await onNode('controller-2', 'kubectl -n openstack get pods -o json');
    const pods = JSON.parse(k.stdout).items as Array<{ metadata: { name: string }; status: { containerStatuses: Array<{ ready: boolean }> } }>;
    expect(pods.map((x) => x.metadata.name)).toEqual(expect.arrayContaining(['mariadb-server-0', 'mariadb-server-2', 'ovn-ovsdb-nb-0', 'placement-api-5d8c7b9f6c-m4kqz']));
    expect(pods.every((x) => x.status.containerStatuses.every((c) => c.ready))).toBe(true);
    const ex = await onNode('controller-1', `kubectl -n openstack exec mariadb-server-1 -- mysql -N -e "SELECT @@wsrep_node_name"`);
    expect(ex.stdout.trim()).toBe('controller-2');
  });

  it('imports as an openstack-helm cluster from kubectl get nodes on one node, whose nodes then answer through it', async () => {
    const lab1 = core.inventory.nodeByName(core.inventory.clusterByName(LAB_CLUSTER), 'controller-1');
    const cluster = core.inventory.addCluster({ name: 'helm-import', deployment: 'openstack-helm' });
    core.inventory.addNode({ clusterId: cluster.id, name: 'controller-1', host: lab1.host, port: lab1.port, user: lab1.user, roles: ['controller'], auth: lab1.auth, jumpNodeId: null });
    const input = { cluster: 'helm-import', source: { kind: 'k8s' as const, via: 'controller-1' }, hosts: [], roles: [], prune: false };
    const plan = await core.handlers['clusters.importPlan'](input);
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toMatchObject({ add: 4, remove: 0 });
    const byName = new Map(plan.nodes.map((n) => [n.name, n]));
    for (const n of lab.layout.nodes) {
      expect(byName.get(n.name), n.name).toMatchObject({ host: n.ip, roles: n.role === 'controller' ? ['controller'] : ['compute', 'network'], jump: n.name === 'controller-1' ? null : 'controller-1' });
    }
    const applied = await core.handlers['clusters.importApply']({ ...input, digest: plan.digest });
    expect(applied.added.sort()).toEqual(['compute-1', 'compute-2', 'controller-2', 'controller-3']);
    // Host keys are trusted per address; the lab's were, so the imported nodes connect at once, each through controller-1.
    const imported = core.inventory.clusterByName('helm-import');
    const caseId = core.repos.cases.create('helm import', 'info', imported.id);
    const r = core.exec.start({ caseId, clusterId: imported.id, nodes: imported.nodes.filter((n) => n.roles.includes('compute')), command: 'hostname', timeoutSec: 60 });
    await core.runs.wait(r.id);
    expect(core.repos.runs.get(r.id)?.steps.map((s) => `${s.nodeName}:${s.state}:${s.stdout.trim()}`).sort()).toEqual(['compute-1:succeeded:compute-1', 'compute-2:succeeded:compute-2']);
    expect((await core.handlers['clusters.importPlan'](input)).counts).toMatchObject({ add: 0, change: 0, same: 5 });
  });

  it('lists the faults it can inject: this light lab the ones below, the control plane and a 3-node RabbitMQ theirs', () => {
    expect(lightFaults.map((f) => f.id)).toEqual([
      'galera-node-down',
      'galera-quorum-lost',
      'ovn-acl-drop',
      'ovn-chassis-missing',
      'ovn-gateway-bfd-down',
      'ovs-port-missing-device',
      'placement-no-capacity',
      'placement-orphan-allocation',
      'pod-crashloop',
      'node-unreachable',
      'rabbitmq-memory-alarm',
    ]);
    // Each tested on a lab that has what it breaks: main/lab/cp/*.integration.test.ts, rabbitmq.integration.test.ts.
    expect(faults.filter((f) => !lightFaults.includes(f)).map((f) => f.id).sort()).toEqual([
      'cert-expiring',
      'haproxy-backend-down',
      'instance-error-port-binding',
      'keystone-fernet-mismatch',
      'metadata-agent-down',
      'nova-compute-down',
      'novalidhost-real',
      'rabbitmq-partition',
      'vip-split-brain',
    ]);
  });
});

/** Each fault of the light lab: inject, see it in the component's own output, heal, see it gone. */
const checks: Record<string, (broken: boolean) => Promise<void>> = {
  'rabbitmq-memory-alarm': async (broken) => {
    // RabbitMQ's own health check: exit 69 and the alarm named while it holds, exit 0 after.
    const r = await onNode('controller-1', 'rabbitmq-diagnostics check_local_alarms');
    if (broken) {
      expect(r.exitCode).toBe(69);
      expect(r.stdout + r.stderr).toMatch(/Memory alarm on node rabbit@/);
    } else expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  },
  'galera-node-down': async (broken) => {
    const r = await onNode('controller-1', `mysql -N -e "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'"`);
    expect(r.stdout).toMatch(broken ? /\t2$/m : /\t3$/m);
  },
  'galera-quorum-lost': async (broken) => {
    const r = await onNode('controller-1', `mysql -N -e "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_status'"; mysql -N -e "SELECT COUNT(*) FROM nova.instances"`);
    if (broken) {
      expect(r.stdout).toContain('non-Primary');
      expect(r.stderr).toContain('ERROR 1047');
    } else {
      expect(r.stdout).toMatch(/wsrep_cluster_status\tPrimary/);
      expect(r.exitCode).toBe(0);
    }
  },
  'ovn-acl-drop': async (broken) => {
    const r = await onNode('controller-2', traceSsh('bastion', 'db-1'));
    if (broken) {
      expect(r.stdout).toMatch(/name=neutron-pg-drop-ingress.*verdict=drop/);
      expect(r.stdout).not.toContain('output to "db-1-port"');
    } else expect(r.stdout).toContain('output to "db-1-port"');
  },
  'ovn-chassis-missing': async (broken) => {
    const r = await onNode('controller-1', 'ovn-sbctl --columns=name --bare list chassis');
    expect(r.stdout.split('\n').includes('compute-2')).toBe(!broken);
  },
  'ovn-gateway-bfd-down': async (broken) => {
    // The router's gateway: bound to compute-1's chassis, or to none while BFD between the two gateway chassis is down.
    const bound = (await onNode('controller-1', 'ovn-sbctl --bare --columns=chassis find port_binding type=chassisredirect')).stdout.trim();
    const compute1 = (await onNode('controller-1', 'ovn-sbctl --bare --columns=_uuid find chassis name=compute-1')).stdout.trim();
    expect(compute1).not.toBe('');
    expect(bound).toBe(broken ? '' : compute1);
    const bfd = await onNode('compute-1', 'ovs-vsctl --bare --columns=bfd_status find Interface bfd:enable=true');
    if (broken) expect(bfd.stdout).toMatch(/state=down/);
    else expect(bfd.stdout.trim()).toBe('');
  },
  'ovs-port-missing-device': async (broken) => {
    const tap = `tap${labUuid('port:old-worker').slice(0, 11)}`;
    const r = await onNode('compute-1', 'ovs-vsctl show');
    if (broken) expect(r.stdout).toContain(`error: "could not open network device ${tap} (No such device)"`);
    else expect(r.stdout).not.toContain('error:');
  },
  'placement-no-capacity': async (broken) => {
    const res = Object.entries(LARGE_FLAVOR.resources).map(([k, v]) => `--resource ${k}=${v}`).join(' ');
    const r = await onNode('controller-1', `openstack allocation candidate list ${res} -f json`);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).length > 0).toBe(!broken);
  },
  'placement-orphan-allocation': async (broken) => {
    const uuid = labUuid('instance:old-worker');
    const alloc = await onNode('controller-1', `openstack resource provider allocation show ${uuid} -f json`);
    expect(JSON.parse(alloc.stdout).length > 0).toBe(broken);
    const nova = await onNode('controller-1', `mysql -N -e "SELECT deleted FROM nova.instances WHERE uuid='${uuid}'"`);
    // The consumer is an instance Nova deleted: its row says so, or is gone.
    if (broken) expect(Number(nova.stdout.trim())).toBeGreaterThan(0);
    else expect(nova.stdout.trim()).toBe('');
  },
  'pod-crashloop': async (broken) => {
    const pod = 'placement-api-5d8c7b9f6c-m4kqz';
    const r = await onNode('controller-3', `kubectl -n openstack get pod ${pod} -o json`);
    const cs = JSON.parse(r.stdout).status.containerStatuses[0];
    if (broken) {
      expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
      expect(cs.restartCount).toBeGreaterThan(0);
      const logs = await onNode('controller-3', `kubectl -n openstack logs ${pod} --previous`);
      expect(logs.stdout).toContain(`(1045, "Access denied for user 'placement'`);
    } else {
      expect(cs.ready).toBe(true);
      expect(cs.state.running).toBeDefined();
    }
  },
  'node-unreachable': async (broken) => {
    expect(await tcpRefused(nodeByName(lab.layout, 'compute-2').ip, 22)).toBe(broken);
    const r = await onNode('compute-2', 'true');
    if (broken) expect(r.error ?? '').toMatch(/compute-2/);
    else expect(r, 'a command on the healed node').toMatchObject({ exitCode: 0 });
  },
};

/**
 * Issue 17: with the fault in force, the whole catalogue's sweep (as `stackscope check lab`) puts it
 * first, with its node and object. A string says why no playbook of the sweep names it yet.
 */
const sweepNames: Record<string, FaultNamed | string> = {
  'rabbitmq-memory-alarm': 'rabbitmq-cluster names it (main/lab/rabbitmq.integration.test.ts); not swept here yet',
  'galera-node-down': { names: /controller-3/, node: 'controller-3' },
  'galera-quorum-lost': { names: /Primary/i, node: 'controller-1' },
  // The lab's user keeps retrying SSH from web-1 to db-1 (both on compute-1): dropped-traffic names the pair; ovn-trace then names the ACL.
  'ovn-acl-drop': { names: /from web-1-port \(10\.0\.0\.10\) to db-1-port \(10\.0\.0\.12\)/, node: 'compute-1' },
  'ovn-chassis-missing': { names: /compute-2/, node: 'compute-2' },
  // BFD down first, the router's gateway bound nowhere under it.
  'ovn-gateway-bfd-down': { names: /BFD is down on 1 tunnel\(s\): compute-[12] ↔ compute-[12]/, node: 'compute-1' },
  'ovs-port-missing-device': { names: /device does not exist|could not open network device/i, node: 'compute-1' },
  'placement-no-capacity': 'the light lab has no Nova, so no flavor to measure: on a full lab the sweep names the flavor that no longer fits (nova.integration), here only placement-capacity with a flavor\'s size does (the NoValidHost runbook\'s step)',
  'placement-orphan-allocation': { names: /old-worker|orphan/i },
  // Between two crashes the pod runs: the sweep may catch it restarting rather than in CrashLoopBackOff.
  'pod-crashloop': { names: /placement-api/, node: 'controller-1' },
  'node-unreachable': { in: 'notChecked', names: /compute-2/, node: 'compute-2' },
};

describe('faults', () => {
  for (const f of lightFaults) {
    it(`${f.id}: inject, seen by the component${typeof sweepNames[f.id] === 'object' ? ' and first in the sweep' : ''}, heal`, async () => {
      const check = checks[f.id];
      if (!check) throw new Error(`no check for fault ${f.id}`);
      const named = sweepNames[f.id];
      if (named === undefined) throw new Error(`say whether the sweep names fault ${f.id}`);
      await check(false);
      await breakFault(currentLab(dataDir), f.id);
      try {
        await check(true);
        if (typeof named === 'object') {
          // A case of its own per sweep, so the summary is this sweep's alone.
          const sweepCase = core.repos.cases.create(`sweep with ${f.id}`, 'warning', core.inventory.clusterByName(LAB_CLUSTER).id);
          await expectSweepNamesFirst({ core, caseId: sweepCase }, f.id, named);
        }
      } finally {
        // Healed whatever failed above, so one fault's failure is not every later test's.
        await healFault(currentLab(dataDir), f.id);
      }
      await check(false);
      expect(currentLab(dataDir).faults).toEqual({});
    }, 420_000);
  }

  it('refuses an unknown fault naming the known ones, and a fault already in force', async () => {
    await expect(breakFault(currentLab(dataDir), 'disk-full')).rejects.toThrow(/no fault "disk-full"; the lab knows: galera-node-down, /);
    await breakFault(currentLab(dataDir), 'ovn-acl-drop');
    await expect(breakFault(currentLab(dataDir), 'ovn-acl-drop')).rejects.toThrow(/already in force/);
    await healFault(currentLab(dataDir), 'ovn-acl-drop');
  });

  it('refuses a fault this lab cannot have, saying which lab can', async () => {
    await expect(breakFault(currentLab(dataDir), 'nova-compute-down')).rejects.toThrow(/needs the full control plane; .*stackscope lab up --control-plane full/);
    await expect(breakFault(currentLab(dataDir), 'rabbitmq-partition')).rejects.toThrow(/needs 3 RabbitMQ nodes; this lab has 1 .*--rabbitmq-nodes 3/);
    expect(currentLab(dataDir).faults).toEqual({});
  });

  it('lab up refuses a second lab for the same data dir', async () => {
    await expect(labUp({ dataDir, flavor: 'packages', computes: 1 })).rejects.toThrow(/a lab is already up .*stackscope lab down/);
  });
});
