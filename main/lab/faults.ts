import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, waitSynced, wsrepStatus } from './galera.js';
import { containerRunning, noRestart } from './containers.js';
import { appctl, halt, isRunning, launch, supervisorPid, supervisorState, componentPid } from './launch.js';
import { computes, controllers, gatewayNode, labUuid, nodeByName, novaComputeNodes, type LabFlavor, type LabLayout, type LabNode } from './layout.js';
import { namespacePids } from './network.js';
import { waitForSshd } from './nodes.js';
import { aclAddCommand, nbctl, sbctl } from './ovn.js';
import { plugArgs, vsctl } from './ovs.js';
import { allocate, placement, placementConf, providerUuid, setInventories } from './placement.js';
import { LabError, signal, waitUntil } from './proc.js';
import { component, saveState, type LabState } from './state.js';
import { computeInventory, type LabInstance } from './tenant.js';
import { edgeFaults } from './cp/edge-faults.js';
import { keystoneFaults } from './cp/keystone-faults.js';
import { novaFaults, placementMemory, setComputeMemory, type ComputeMemory } from './cp/nova-faults.js';
import { deleteSshRule, neutronFaults, restoreSshRule } from './cp/neutron-faults.js';
import { copyChassisOptions } from './cp/neutron.js';
import { rabbitFaults } from './rabbitmq-faults.js';
import { retryUndo, startSshRetry, stopSshRetry } from './ssh-retry.js';

/**
 * Faults a trainee (or a test) can inject into the lab and undo. Each one is made the way it
 * happens on a real cloud (a process dies, a rule is deleted, a setting is changed), so the
 * components report it themselves.
 */
export interface Fault {
  id: string;
  description: string;
  /** Only for these flavours (default: all). */
  flavors?: LabFlavor[];
  /** Needs the full control plane (Keystone, Nova, Neutron, HAProxy…); default: any lab. */
  controlPlane?: 'full';
  /** Needs this many RabbitMQ nodes or more. */
  rabbitmqNodes?: number;
  /** The nodes it breaks something on (for `lab faults --json` and the trainee's view). */
  affects?: (l: LabLayout) => string[];
  /** The command that shows it, and what it prints when healthy and when broken. */
  shows?: { command: string; healthy: string; broken: string };
  /** Inject; returns what heal needs and a one-line summary. */
  inject(s: LabState): Promise<{ undo: Record<string, unknown>; summary: string }>;
  heal(s: LabState, undo: Record<string, unknown>): Promise<string>;
  /**
   * Whether the fault still holds: a trainee may repair it by hand (a runbook's own steps), and
   * breaking it again must then work without `lab heal` first. Faults without it count as holding.
   */
  holds?(s: LabState): Promise<boolean>;
}

const first = (l: LabLayout): LabNode => controllers(l)[0] as LabNode;
const lastCompute = (l: LabLayout): LabNode => computes(l).at(-1) as LabNode;

/** The flavor the capacity fault makes impossible to place; it fits on a healthy lab. */
export const LARGE_FLAVOR = { name: 'm1.large', resources: { VCPU: 4, MEMORY_MB: 8192, DISK_GB: 80 } } as const;

/** The capacity fault's RAM settings: half of a compute's 16 GiB kept for the host, no overcommit. */
const NO_CAPACITY: ComputeMemory = { reserved: 8192, ratio: 1.0 };

/**
 * Every compute's RAM settings: in nova.conf (restarting nova-compute, which reports them) where a
 * real nova-compute runs, in the Placement inventory for the computes whose provider the lab seeds.
 */
async function setMemory(s: LabState, m: ComputeMemory): Promise<void> {
  const real = s.layout.controlPlane === 'full' ? novaComputeNodes(s.layout) : [];
  const names = new Set(real.map((n) => n.name));
  for (const c of computes(s.layout).filter((x) => !names.has(x.name))) {
    await setInventories(s.layout, providerUuid(c.name), { ...computeInventory, MEMORY_MB: { total: computeInventory.MEMORY_MB.total, reserved: m.reserved, allocation_ratio: m.ratio } });
  }
  await Promise.all(real.map((n) => setComputeMemory(s, n, m)));
}

async function restartMysqld(s: LabState, name: string): Promise<void> {
  const c = component(s, 'mysqld', name);
  if (isRunning(c)) return;
  launch(c);
  await waitSynced(nodeByName(s.layout, name), c, 180_000);
}

const ORPHAN: LabInstance['name'] = 'old-worker';

const coreFaults: Fault[] = [
  {
    id: 'galera-node-down',
    affects: () => ['controller-3'],
    shows: { command: "mysql -e \"SHOW STATUS LIKE 'wsrep_cluster_size'\" (on controller-1)", healthy: "wsrep_cluster_size 3", broken: "wsrep_cluster_size 2; mysqld on controller-3 not running" },
    description: 'mysqld on controller-3 stopped: Galera runs with 2 of 3 nodes',
    async inject(s) {
      await halt(component(s, 'mysqld', 'controller-3'));
      return { undo: {}, summary: 'mysqld stopped on controller-3; the others report wsrep_cluster_size 2' };
    },
    async heal(s) {
      await restartMysqld(s, 'controller-3');
      return 'mysqld on controller-3 started and Synced again';
    },
    async holds(s) {
      return !isRunning(component(s, 'mysqld', 'controller-3'));
    },
  },
  {
    id: 'galera-quorum-lost',
    affects: () => ['controller-1', 'controller-2', 'controller-3'],
    shows: { command: "mysql -e \"SHOW STATUS LIKE 'wsrep_cluster_status'\" (on controller-1)", healthy: "Primary", broken: "non-Primary; queries fail with ERROR 1047 (08S01) WSREP has not yet prepared node" },
    description: 'mysqld on controller-2 and controller-3 killed: the survivor on controller-1 is non-Primary (ERROR 1047)',
    async inject(s) {
      const killed: string[] = [];
      for (const name of ['controller-2', 'controller-3']) {
        const c = component(s, 'mysqld', name);
        if (!isRunning(c)) continue;
        await halt(c, 'SIGKILL');
        killed.push(name);
      }
      await waitUntil('controller-1 to lose quorum', async () => (await wsrepStatus(first(s.layout)))?.wsrep_cluster_status === 'non-Primary', 60_000);
      return { undo: { killed }, summary: `mysqld killed on ${killed.join(', ')}; controller-1 is non-Primary` };
    },
    async heal(s) {
      const n = first(s.layout);
      // The documented recovery: bootstrap a new Primary component from the survivor.
      if ((await wsrepStatus(n))?.wsrep_cluster_status !== 'Primary') await sql(n, "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'");
      await waitUntil('controller-1 to become Primary', async () => (await wsrepStatus(n))?.wsrep_cluster_status === 'Primary', 60_000);
      for (const name of ['controller-2', 'controller-3']) if (!s.faults['galera-node-down'] || name !== 'controller-3') await restartMysqld(s, name);
      return 'controller-1 bootstrapped as Primary; the other nodes rejoined';
    },
    async holds(s) {
      const down = ['controller-2', 'controller-3'].some((name) => !isRunning(component(s, 'mysqld', name)));
      return down || (await wsrepStatus(first(s.layout)))?.wsrep_cluster_status !== 'Primary';
    },
  },
  {
    id: 'ovn-acl-drop',
    affects: (l) => computes(l).map((n) => n.name),
    shows: { command: "the dropped-traffic playbook (the sweep), then ovn-trace of tcp/22 from web-1-port to db-1", healthy: "nothing dropped between instances; ovn-trace: allowed by the default group's tcp/22 rule", broken: "web-1 → db-1 TCP dropped on compute-1; ovn-trace: dropped by neutron_pg_drop (no allow rule for tcp/22)" },
    description:
      'security group "default" loses its tcp/22 ingress rule: SSH between the VMs is dropped by neutron_pg_drop; a user keeps retrying (a SYN a second from web-1 to db-1 where they share a compute), so the drops show in that compute\'s datapath',
    async inject(s) {
      const removed = await (async () => {
        // Full control plane: the rule is deleted through Neutron, which removes its ACL from the port group.
        if (s.layout.controlPlane === 'full') return deleteSshRule(s);
        const sg = s.tenant.securityGroups.find((g) => g.name === 'default');
        const rule = sg?.rules.find((r) => r.port === 22);
        if (!sg || !rule) throw new LabError('the lab tenant has no ssh rule in security group default');
        const add = aclAddCommand(sg, rule);
        // acl-del PG DIRECTION PRIORITY MATCH, from the same words acl-add used.
        const [, , , , , pg, direction, priority, match] = add;
        await nbctl(s.layout, ['--type=port-group', 'acl-del', pg as string, direction as string, priority as string, match as string]);
        return { undo: {}, summary: `ACL ${rule.aclName} removed from port group ${sg.portGroup}` };
      })();
      const retry = await startSshRetry(s);
      if (!retry) return { ...removed, summary: `${removed.summary}; no two instances share a compute, so no one retries SSH where a drop could be seen` };
      return { undo: { ...removed.undo, ...retryUndo(retry) }, summary: `${removed.summary}; ${retry.from} retries SSH to ${retry.to} on ${retry.node} every second` };
    },
    async heal(s, undo) {
      await stopSshRetry(s, undo);
      if (s.layout.controlPlane === 'full') return restoreSshRule(s);
      const sg = s.tenant.securityGroups.find((g) => g.name === 'default');
      const rule = sg?.rules.find((r) => r.port === 22);
      if (!sg || !rule) throw new LabError('the lab tenant has no ssh rule in security group default');
      const existing = await nbctl(s.layout, ['--format=csv', '--no-headings', '--columns=name', 'find', 'acl', `name=${rule.aclName}`]);
      if (!existing.trim()) await nbctl(s.layout, aclAddCommand(sg, rule));
      return `ACL ${rule.aclName} restored`;
    },
  },
  {
    id: 'ovn-chassis-missing',
    affects: (l) => [lastCompute(l).name],
    shows: { command: "ovn-sbctl show", healthy: "one Chassis per compute", broken: "the last compute's Chassis is missing; its ports are unbound" },
    description: 'ovn-controller on the last compute exits: its chassis disappears from the OVN southbound DB',
    async inject(s) {
      const n = lastCompute(s.layout);
      const c = component(s, 'ovn-controller', n.name);
      // `exit` (without --restart) makes ovn-controller remove its own Chassis record. kolla: Docker
      // would start the container again (unless-stopped), as on a real host; it stays down here.
      await noRestart(c);
      await appctl(c, 'ovn-controller', ['exit'], 10_000);
      // A Kolla container counts as exited when Docker says so, not only its pid file.
      await waitUntil(`${c.name} to exit`, async () => !isRunning(c) && (await containerRunning(c)) !== true, 30_000, c.logFile);
      await waitUntil(`chassis ${n.name} to leave the SB`, async () => !(await chassisNames(s.layout)).includes(n.name), 30_000);
      return { undo: {}, summary: `chassis ${n.name} gone from the SB (ovn-controller stopped)` };
    },
    async heal(s) {
      const n = lastCompute(s.layout);
      const c = component(s, 'ovn-controller', n.name);
      if (!isRunning(c)) launch(c);
      await waitUntil(`chassis ${n.name} to register`, async () => (await chassisNames(s.layout)).includes(n.name), 60_000, c.logFile);
      // A new Chassis row: Zed's Neutron needs its bridge mappings in external_ids again (cp/neutron.ts).
      if (s.layout.controlPlane === 'full') await copyChassisOptions(s.layout, [n.name]);
      return `ovn-controller on ${n.name} running, chassis registered`;
    },
  },
  {
    id: 'ovn-gateway-bfd-down',
    // The gateway chassis and the compute it gets as a second one (none on a one-compute lab: the fault needs two).
    affects: (l) => computes(l).slice(0, 2).map((n) => n.name),
    shows: {
      command: 'ovn-sbctl --columns=logical_port,chassis find Port_Binding type=chassisredirect; ovs-vsctl --columns=name,bfd_status find Interface bfd:enable=true (on the gateway chassis)',
      healthy: "cr-lrp-… bound to compute-1's chassis; no BFD (one gateway chassis)",
      broken: 'cr-lrp-… bound to no chassis; BFD state=down on the tunnel between compute-1 and compute-2',
    },
    description:
      "the router's external port gets a second gateway chassis (compute-2, priority 2) and BFD between the two never comes up (the lab's tunnels carry no packets, as when a firewall drops geneve between network nodes): neither chassis claims the gateway, so SNAT and floating IPs stop",
    async inject(s) {
      const second = secondGateway(s.layout);
      const ports = await gatewayPorts(s.layout);
      if (!ports.length) throw new LabError('the lab router has no port with a gateway chassis');
      for (const lrp of ports) await nbctl(s.layout, ['lrp-set-gateway-chassis', lrp, second.name, '2']);
      await waitUntil('the router gateway to be bound to no chassis', async () => (await gatewayBindings(s.layout)).every((b) => !b.chassis), 60_000);
      return { undo: {}, summary: `${second.name} added as gateway chassis (priority 2) of ${ports.join(', ')}; BFD between it and ${gatewayNode(s.layout).name} is down, the gateway is bound nowhere` };
    },
    async heal(s) {
      const second = secondGateway(s.layout);
      // lrp-del-gateway-chassis has no --if-exists: only the ports whose gateway_chassis still hold one of its rows.
      const rows = await gatewayChassisRows(s.layout, second.name);
      for (const lrp of await gatewayPorts(s.layout)) {
        const held = await nbctl(s.layout, ['--bare', '--columns=gateway_chassis', 'list', 'logical_router_port', lrp]);
        if (rows.some((r) => held.includes(r))) await nbctl(s.layout, ['lrp-del-gateway-chassis', lrp, second.name]);
      }
      await waitUntil('the router gateway to be bound again', async () => (await gatewayBindings(s.layout)).every((b) => b.chassis), 60_000);
      return `${second.name} removed from the gateway chassis; the gateway is bound to ${gatewayNode(s.layout).name} again`;
    },
    async holds(s) {
      return (await gatewayChassisRows(s.layout, secondGateway(s.layout).name)).length > 0;
    },
  },
  {
    id: 'ovs-port-missing-device',
    affects: (l) => [(computes(l)[0] as LabNode).name],
    shows: { command: "ovs-vsctl show (on compute-1)", healthy: "no error lines", broken: "error: \\\"could not open network device tap\u2026 (No such device)\\\"" },
    description: 'compute-1 gets a tap port of a deleted VM whose device does not exist: ovs-vsctl show reports the error',
    async inject(s) {
      const n = computes(s.layout)[0] as LabNode;
      const ghost = ghostInstance(n.name);
      await vsctl(n, plugArgs(ghost, 'system'));
      return { undo: {}, summary: `port ${ghost.port.tap} added to br-int on ${n.name} without a device` };
    },
    async heal(s) {
      const n = computes(s.layout)[0] as LabNode;
      await vsctl(n, ['--if-exists', 'del-port', 'br-int', ghostInstance(n.name).port.tap]);
      return 'stale port removed';
    },
  },
  {
    id: 'placement-no-capacity',
    affects: (l) => computes(l).map((n) => n.name),
    shows: { command: "openstack allocation candidate list --resource VCPU=4 --resource MEMORY_MB=8192 --resource DISK_GB=80", healthy: "one candidate per compute", broken: "no candidates (NoValidHost for m1.large)" },
    description: `every compute keeps 8 GiB of RAM for itself with no overcommit (reserved_host_memory_mb = ${NO_CAPACITY.reserved}, ram_allocation_ratio = ${NO_CAPACITY.ratio}: nova.conf and a nova-compute restart where Nova runs, the Placement inventory elsewhere): flavor ${LARGE_FLAVOR.name} (4 VCPU, 8 GiB, 80 GB) fits nowhere (NoValidHost)`,
    async inject(s) {
      await setMemory(s, NO_CAPACITY);
      return { undo: {}, summary: 'MEMORY_MB capacity per compute is now 8192 MB minus what instances use' };
    },
    async heal(s) {
      await setMemory(s, { reserved: computeInventory.MEMORY_MB.reserved, ratio: computeInventory.MEMORY_MB.allocation_ratio });
      return `RAM settings restored (reserved ${computeInventory.MEMORY_MB.reserved} MB, ratio ${computeInventory.MEMORY_MB.allocation_ratio})`;
    },
    async holds(s) {
      const m = await placementMemory(s, (computes(s.layout)[0] as LabNode).name);
      return m?.reserved === NO_CAPACITY.reserved && m.ratio === NO_CAPACITY.ratio;
    },
  },
  {
    id: 'placement-orphan-allocation',
    affects: (l) => [(computes(l)[0] as LabNode).name],
    shows: { command: "openstack resource provider allocation / consumer list vs. Nova's instances", healthy: "every consumer is a live instance", broken: "a consumer that Nova deleted still holds VCPU/MEMORY_MB/DISK_GB" },
    description: `an allocation on compute-1 for instance "${ORPHAN}", deleted in Nova long ago: a consumer that no longer exists`,
    async inject(s) {
      const ghost = ghostInstance((computes(s.layout)[0] as LabNode).name);
      // The light lab keeps the deleted instance's row in its slice of nova.instances; in the full
      // control plane the real Nova never had it: a consumer Nova does not know at all.
      // (nova-compute then logs "has allocations against this compute host but is not found in the database").
      if (s.layout.controlPlane !== 'full') {
        await sql(
          first(s.layout),
          `REPLACE INTO instances (id, uuid, hostname, host, node, vm_state, project_id, user_id, instance_type, created_at, deleted_at, deleted)
           VALUES (9999, '${ghost.uuid}', '${ORPHAN}', '${ghost.host}', '${ghost.host}', 'deleted', '${s.tenant.projectId}', '${s.tenant.userId}', 'm1.small', NOW() - INTERVAL 30 DAY, NOW() - INTERVAL 7 DAY, 9999)`,
          'nova',
        );
      }
      await allocate(s.layout, s.tenant, ghost.uuid, providerUuid(ghost.host), { VCPU: 1, MEMORY_MB: 2048, DISK_GB: 20 });
      return { undo: {}, summary: `allocation for consumer ${ghost.uuid} (${ORPHAN}, deleted) on ${ghost.host}` };
    },
    async heal(s) {
      const ghost = ghostInstance((computes(s.layout)[0] as LabNode).name);
      await placement(s.layout, 'DELETE', `/allocations/${ghost.uuid}`).catch(() => undefined);
      if (s.layout.controlPlane !== 'full') {
        await sql(first(s.layout), `DELETE FROM instances WHERE uuid = '${ghost.uuid}'`, 'nova');
      }
      return 'orphan allocation deleted';
    },
  },
  {
    id: 'pod-crashloop',
    affects: (l) => [first(l).name],
    shows: { command: "kubectl -n openstack get pods; kubectl logs --previous", healthy: "placement-api Running", broken: "placement-api CrashLoopBackOff; previous log: Access denied for user 'placement'" },
    description: 'placement-api gets a wrong database password: the pod restarts with "Access denied" in its previous log (CrashLoopBackOff)',
    flavors: ['openstack-helm'],
    async inject(s) {
      const n = first(s.layout);
      const c = component(s, 'placement-api', n.name);
      const file = placementConf(n);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/(mysql\+pymysql:\/\/placement:)[^@]+@/, '$1wrong-password@'));
      signal(componentPid(c), 'SIGTERM');
      await waitUntil(
        'placement-api to crash with the wrong password',
        () => {
          const st = supervisorState(c);
          return st?.state === 'waiting' && /Access denied/.test(readFileSync(join(c.supervised?.dir as string, 'previous.log'), 'utf8'));
        },
        120_000,
        c.logFile,
      );
      return { undo: {}, summary: 'placement-api crash-loops: (1045, "Access denied for user \'placement\'")' };
    },
    async heal(s) {
      const n = first(s.layout);
      const c = component(s, 'placement-api', n.name);
      copyFileSync(`${placementConf(n)}.good`, placementConf(n));
      signal(supervisorPid(c), 'SIGUSR1');
      await waitUntil('placement-api to answer again', async () => supervisorState(c)?.state === 'running' && (await placement(s.layout, 'GET', '/').then(() => true, () => false)), 120_000, c.logFile);
      return 'placement.conf restored; placement-api running';
    },
  },
  {
    id: 'node-unreachable',
    affects: (l) => [lastCompute(l).name],
    shows: { command: "ssh root@<last compute>", healthy: "a shell", broken: "Connection refused" },
    description: 'sshd on the last compute stopped: the node refuses SSH connections',
    async inject(s) {
      const n = lastCompute(s.layout);
      await halt(component(s, 'sshd', n.name));
      // A node that goes away drops its open sessions too, not only the listener.
      for (const pid of await namespacePids(n.netns)) {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sshd') signal(pid, 'SIGKILL');
      }
      return { undo: {}, summary: `sshd stopped on ${n.name} (${n.ip}:22 refuses connections)` };
    },
    async heal(s) {
      const n = lastCompute(s.layout);
      const c = component(s, 'sshd', n.name);
      if (!isRunning(c)) launch(c);
      await waitForSshd(n);
      return `sshd on ${n.name} accepts connections again`;
    },
  },
];

/** Every fault the lab knows: the light lab's above, the control plane's from main/lab/cp/. */
export const faults: Fault[] = [...coreFaults, ...edgeFaults, ...keystoneFaults, ...novaFaults, ...neutronFaults, ...rabbitFaults];

/** An instance Nova deleted but that left traces (a tap port, an allocation). */
function ghostInstance(host: string): LabInstance {
  const id = labUuid(`port:${ORPHAN}`);
  return {
    name: ORPHAN,
    uuid: labUuid(`instance:${ORPHAN}`),
    host,
    flavor: 'm1.small',
    port: { id, name: `${ORPHAN}-port`, tap: `tap${id.slice(0, 11)}`, mac: 'fa:16:3e:de:ad:01', ip: '10.0.0.250', securityGroups: ['default'] },
  };
}

/** The compute the gateway fault adds as a second gateway chassis. */
function secondGateway(l: LabLayout): LabNode {
  const n = computes(l).find((c) => c.name !== gatewayNode(l).name);
  if (!n) throw new LabError('ovn-gateway-bfd-down needs two computes; this lab has one (stackscope lab up --computes 2)');
  return n;
}

/** The router ports that have gateway chassis (Neutron's, or the light lab's own). */
async function gatewayPorts(l: LabLayout): Promise<string[]> {
  const out = await nbctl(l, ['--bare', '--columns=name', 'find', 'logical_router_port', 'gateway_chassis!=[]']);
  return out.split('\n').map((x) => x.trim()).filter(Boolean);
}

/** The Gateway_Chassis rows (uuids) that name this chassis. */
async function gatewayChassisRows(l: LabLayout, chassis: string): Promise<string[]> {
  const out = await nbctl(l, ['--bare', '--columns=_uuid', 'find', 'gateway_chassis', `chassis_name=${chassis}`]);
  return out.split('\n').map((x) => x.trim()).filter(Boolean);
}

/** The chassisredirect (gateway) port bindings in the SB, with the chassis row each is bound to ('' when none). */
async function gatewayBindings(l: LabLayout): Promise<Array<{ port: string; chassis: string }>> {
  // chassis holds at most one row: no comma inside a CSV field.
  const out = await sbctl(l, ['--format=csv', '--no-headings', '--columns=logical_port,chassis', 'find', 'port_binding', 'type=chassisredirect']);
  const rows = out.split('\n').filter((x) => x.trim()).map((line) => {
    const [port, chassis] = line.split(',').map((x) => x.replace(/[[\]"]/g, '').trim());
    return { port: port ?? '', chassis: chassis ?? '' };
  });
  if (!rows.length) throw new LabError('the SB has no chassisredirect port: the lab router has no gateway');
  return rows;
}

export async function chassisNames(l: LabLayout): Promise<string[]> {
  const out = await sbctl(l, ['--format=csv', '--no-headings', '--columns=name', 'list', 'chassis']);
  return out.split('\n').map((x) => x.replace(/"/g, '').trim()).filter(Boolean);
}

export function faultById(id: string): Fault {
  const f = faults.find((x) => x.id === id);
  if (!f) throw new LabError(`no fault "${id}"; the lab knows: ${faults.map((x) => x.id).join(', ')}`);
  return f;
}

export async function breakFault(s: LabState, id: string): Promise<string> {
  const f = faultById(id);
  if (f.flavors && !f.flavors.includes(s.layout.flavor)) {
    throw new LabError(`${id} needs a lab of flavour ${f.flavors.join(' or ')}; this one is ${s.layout.flavor} (stackscope lab down; stackscope lab up --flavor ${f.flavors[0]})`);
  }
  if (f.controlPlane === 'full' && s.layout.controlPlane !== 'full') {
    throw new LabError(`${id} needs the full control plane; this lab is the light one (stackscope lab down; stackscope lab up --control-plane full)`);
  }
  if (f.rabbitmqNodes && (s.layout.rabbitmqNodes ?? 1) < f.rabbitmqNodes) {
    throw new LabError(`${id} needs ${f.rabbitmqNodes} RabbitMQ nodes; this lab has ${s.layout.rabbitmqNodes ?? 1} (stackscope lab up --rabbitmq-nodes ${f.rabbitmqNodes})`);
  }
  // Repaired by hand since (a runbook followed to its end): the record goes, the fault can be made again.
  if (s.faults[id] && f.holds && !(await f.holds(s))) delete s.faults[id];
  if (s.faults[id]) throw new LabError(`${id} is already in force (since ${s.faults[id]?.since}); heal it first: stackscope lab heal ${id}`);
  const { undo, summary } = await f.inject(s);
  s.faults[id] = { since: new Date().toISOString(), undo };
  saveState(s);
  return summary;
}

export async function healFault(s: LabState, id: string): Promise<string> {
  const f = faultById(id);
  const summary = await f.heal(s, s.faults[id]?.undo ?? {});
  delete s.faults[id];
  saveState(s);
  return summary;
}
