import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayNode, labUuid, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { launch } from './launch.js';
import { ovsEnv, sbRemote } from './nodes.js';
import { run, waitUntil, type RunOptions } from './proc.js';
import type { LabComponent } from './state.js';
import type { LabInstance, LabTenant } from './tenant.js';

/**
 * A compute node's Open vSwitch (ovsdb-server + ovs-vswitchd on the userspace datapath, since
 * the kernel module is absent) and `ovn-controller`, which registers the node as a chassis,
 * creates the geneve tunnels to the other computes and binds the instances' ports.
 */
/** DaemonSet pods end in 5 random characters; the lab's are stable per node. */
const suffix = (n: LabNode): string =>
  [...labUuid(`pod:${n.name}`).replaceAll('-', '').slice(0, 5)].map((h) => 'bcdfghjklmnpqrstvwxz2456789'[parseInt(h, 16)]).join('');

/** ovs-vsctl on a compute, from this machine (inside the node's namespace). */
export function vsctl(n: LabNode, args: string[], opts: RunOptions = {}): Promise<string> {
  return run(['ovs-vsctl', '--timeout=20', ...args], { netns: n.netns, env: ovsEnv(n), ...opts });
}

export function computeComponents(l: LabLayout, n: LabNode): LabComponent[] {
  const p = nodePaths(n);
  const env = ovsEnv(n);
  const image = 'docker.io/openstackhelm/openvswitch:ubuntu_jammy';
  return [
    {
      name: `ovsdb-server@${n.name}`,
      kind: 'ovs-db',
      node: n.name,
      netns: n.netns,
      pidFile: join(p.ovs, 'ovsdb-server.pid'),
      logFile: join(p.log, 'ovsdb-server.log'),
      dataDir: join(p.ovs, 'conf.db'),
      endpoints: [`unix:${join(p.ovs, 'db.sock')}`],
      argv: [
        'ovsdb-server',
        join(p.ovs, 'conf.db'),
        `--remote=punix:${join(p.ovs, 'db.sock')}`,
        '--remote=db:Open_vSwitch,Open_vSwitch,manager_options',
        `--pidfile=${join(p.ovs, 'ovsdb-server.pid')}`,
        `--log-file=${join(p.log, 'ovsdb-server.log')}`,
        '-vconsole:off',
      ],
      env,
      pod: { name: `openvswitch-${suffix(n)}`, labels: { application: 'openvswitch', component: 'openvswitch-db' }, container: 'openvswitch-db', image },
      container: { name: 'openvswitch_db', image: 'quay.io/openstack.kolla/openvswitch-db-server:zed-debian-bookworm', service: 'openvswitch' },
    },
    {
      name: `ovs-vswitchd@${n.name}`,
      kind: 'ovs-vswitchd',
      node: n.name,
      netns: n.netns,
      pidFile: join(p.ovs, 'ovs-vswitchd.pid'),
      logFile: join(p.log, 'ovs-vswitchd.log'),
      endpoints: [],
      argv: ['ovs-vswitchd', `unix:${join(p.ovs, 'db.sock')}`, `--pidfile=${join(p.ovs, 'ovs-vswitchd.pid')}`, `--log-file=${join(p.log, 'ovs-vswitchd.log')}`, '-vconsole:off'],
      env,
      pod: { name: `openvswitch-${suffix(n)}`, labels: { application: 'openvswitch', component: 'openvswitch-vswitchd' }, container: 'openvswitch-vswitchd', image },
      container: { name: 'openvswitch_vswitchd', image: 'quay.io/openstack.kolla/openvswitch-vswitchd:zed-debian-bookworm', service: 'openvswitch' },
    },
    {
      name: `ovn-controller@${n.name}`,
      kind: 'ovn-controller',
      node: n.name,
      netns: n.netns,
      pidFile: join(p.ovs, 'ovn-controller.pid'),
      logFile: join(p.log, 'ovn-controller.log'),
      endpoints: [`sb ${sbRemote(l)}`],
      argv: ['ovn-controller', `unix:${join(p.ovs, 'db.sock')}`, `--pidfile=${join(p.ovs, 'ovn-controller.pid')}`, `--log-file=${join(p.log, 'ovn-controller.log')}`, '-vconsole:off'],
      env,
      pod: { name: `ovn-controller-${suffix(n)}`, labels: { application: 'ovn', component: 'ovn-controller' }, container: 'controller', image: 'docker.io/openstackhelm/ovn:ubuntu_jammy' },
      container: { name: 'ovn_controller', image: 'quay.io/openstack.kolla/ovn-controller:zed-debian-bookworm', service: 'openvswitch' },
    },
  ];
}

/** Bring up OVS and ovn-controller on one compute; returns its components. */
export async function startCompute(l: LabLayout, n: LabNode, t: LabTenant): Promise<LabComponent[]> {
  const [db, vswitchd, controller] = computeComponents(l, n) as [LabComponent, LabComponent, LabComponent];
  const p = nodePaths(n);
  if (!existsSync(db.dataDir as string)) await run(['ovsdb-tool', 'create', db.dataDir as string, '/usr/share/openvswitch/vswitch.ovsschema']);
  launch(db);
  await waitUntil(`${db.name} socket`, () => existsSync(join(p.ovs, 'db.sock')), 20_000, db.logFile);
  await vsctl(n, ['--no-wait', 'init']);
  await vsctl(n, [
    '--no-wait',
    '--',
    'set',
    'open_vswitch',
    '.',
    `external_ids:system-id=${n.name}`,
    `external_ids:hostname=${n.name}`,
    `external_ids:ovn-remote="${sbRemote(l)}"`,
    'external_ids:ovn-encap-type=geneve',
    `external_ids:ovn-encap-ip=${n.ip}`,
    'external_ids:ovn-bridge=br-int',
    'external_ids:ovn-bridge-datapath-type=netdev',
    `external_ids:ovn-bridge-mappings=${t.publicNetwork.physnet}:br-ex`,
    ...(n.name === gatewayNode(l).name ? ['external_ids:ovn-cms-options=enable-chassis-as-gw'] : []),
    '--',
    '--may-exist',
    'add-br',
    'br-int',
    '--',
    'set',
    'bridge',
    'br-int',
    'datapath_type=netdev',
    'fail_mode=secure',
    'other_config:disable-in-band=true',
    '--',
    '--may-exist',
    'add-br',
    'br-ex',
    '--',
    'set',
    'bridge',
    'br-ex',
    'datapath_type=netdev',
  ]);
  launch(vswitchd);
  // The instances' tap devices, as nova/libvirt plug them: internal ports so the device exists.
  // Without --no-wait, ovs-vsctl returns once ovs-vswitchd has applied it: vswitchd is ready.
  const cmds: string[] = ['set', 'open_vswitch', '.', 'external_ids:stackscope-lab=ready'];
  for (const i of t.instances.filter((x) => x.host === n.name)) cmds.push('--', ...plugArgs(i));
  await vsctl(n, cmds, { timeoutMs: 40_000 }).catch((e: Error) => {
    throw new Error(`${vswitchd.name} did not apply its configuration: ${e.message}; see ${vswitchd.logFile}`);
  });
  launch(controller);
  return [db, vswitchd, controller];
}

/** `ovs-vsctl add-port` of an instance's tap with the external_ids os-vif sets. */
export function plugArgs(i: LabInstance, type = 'internal'): string[] {
  const p = i.port;
  return [
    '--may-exist',
    'add-port',
    'br-int',
    p.tap,
    '--',
    'set',
    'interface',
    p.tap,
    `type=${type}`,
    `external_ids:iface-id=${p.id}`,
    'external_ids:iface-status=active',
    `external_ids:attached-mac="${p.mac}"`,
    `external_ids:vm-uuid=${i.uuid}`,
  ];
}
