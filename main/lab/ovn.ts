import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { controllers, gatewayNode, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { appctl, launch } from './launch.js';
import { nbRemote, sbRemote } from './nodes.js';
import { LabError, run, waitUntil } from './proc.js';
import type { LabComponent } from './state.js';
import type { LabTenant } from './tenant.js';

/**
 * OVN central: the northbound and southbound databases as 3-member raft clusters (one member
 * per controller, as OpenStack-Helm and Kolla run them) and `ovn-northd` on the first
 * controller, with a Neutron-like logical topology in the NB.
 */
const dbs = [
  { kind: 'ovn-nb', file: 'ovnnb_db', schema: '/usr/share/ovn/ovn-nb.ovsschema', model: 'OVN_Northbound', global: 'NB_Global', ctl: 'ovn-nbctl', port: 6641, raft: 6643, pod: 'ovn-ovsdb-nb', kolla: 'ovn_nb_db' },
  { kind: 'ovn-sb', file: 'ovnsb_db', schema: '/usr/share/ovn/ovn-sb.ovsschema', model: 'OVN_Southbound', global: 'SB_Global', ctl: 'ovn-sbctl', port: 6642, raft: 6644, pod: 'ovn-ovsdb-sb', kolla: 'ovn_sb_db' },
] as const;

/**
 * The clients' TCP remote, as deployment tooling commonly sets it (puppet-ovn's
 * ovn_nb_db_inactivity_probe, `set-connection … inactivity_probe=60000` in install scripts): a
 * Connection row with a 60 s inactivity probe, not a command-line remote's 5 s default. With 5 s, a client
 * that runs its IDL seldom loses its connection before it is usable: Zed neutron-server's parent
 * makes neutron_pg_drop over a short-lived connection whose TRY_AGAIN loop runs the IDL only every
 * 1-8 s, so when it first reached a follower it was dropped again and again, and stalled ~88 s or
 * for good (seen with a stack dump of the parent, at load 15+ and in CI).
 */
const INACTIVITY_PROBE_MS = 60_000;

function dbComponent(l: LabLayout, n: LabNode, db: (typeof dbs)[number]): LabComponent {
  const p = nodePaths(n);
  const file = join(p.ovn, `${db.file}.db`);
  const ctl = join(p.ovn, `${db.file}.ctl`);
  return {
    name: `${db.kind}@${n.name}`,
    kind: db.kind,
    node: n.name,
    netns: n.netns,
    pidFile: join(p.ovn, `${db.file}.pid`),
    logFile: join(p.log, `${db.file}.log`),
    dataDir: file,
    ctl,
    endpoints: [`tcp:${n.ip}:${db.port}`, `unix:${join(p.ovn, `${db.file}.sock`)}`, `raft tcp:${n.ip}:${db.raft}`],
    argv: [
      'ovsdb-server',
      `--remote=punix:${join(p.ovn, `${db.file}.sock`)}`,
      `--remote=db:${db.model},${db.global},connections`,
      `--pidfile=${join(p.ovn, `${db.file}.pid`)}`,
      `--unixctl=${ctl}`,
      `--log-file=${join(p.log, `${db.file}.log`)}`,
      '-vconsole:off',
      file,
    ],
    env: { OVS_RUNDIR: p.ovn, OVN_RUNDIR: p.ovn },
    pod: {
      name: `${db.pod}-${n.index - 1}`,
      labels: { application: 'ovn', component: db.pod },
      container: 'ovsdb',
      image: 'docker.io/openstackhelm/ovn:ubuntu_jammy',
    },
    // Kolla's OVN containers log to /var/log/kolla/openvswitch/.
    container: { name: db.kolla, image: `quay.io/openstack.kolla/${db.kolla.replaceAll('_', '-')}:zed-debian-bookworm`, service: 'openvswitch' },
  };
}

export async function startOvnCentral(l: LabLayout): Promise<LabComponent[]> {
  const ctls = controllers(l);
  const first = ctls[0] as LabNode;
  const out: LabComponent[] = [];
  for (const db of dbs) {
    const members = ctls.map((n) => dbComponent(l, n, db));
    // The first member creates the cluster; the others join it by its raft address.
    for (const [i, c] of members.entries()) {
      const n = ctls[i] as LabNode;
      if (existsSync(c.dataDir as string)) continue;
      if (i === 0) await run(['ovsdb-tool', 'create-cluster', c.dataDir as string, db.schema, `tcp:${n.ip}:${db.raft}`]);
      else await run(['ovsdb-tool', 'join-cluster', c.dataDir as string, db.model, `tcp:${n.ip}:${db.raft}`, `tcp:${first.ip}:${db.raft}`]);
    }
    for (const c of members) launch(c);
    out.push(...members);
  }
  for (const c of out) {
    const model = c.kind === 'ovn-nb' ? 'OVN_Northbound' : 'OVN_Southbound';
    await waitUntil(`${c.name} to join its raft cluster`, async () => /Status: cluster member/.test((await clusterStatus(c, model)) ?? ''), 60_000, c.logFile);
  }
  // The TCP remote, over the members' unix sockets (the client finds the leader); then every member listens.
  for (const db of dbs) {
    const sockets = ctls.map((n) => `unix:${join(nodePaths(n).ovn, `${db.file}.sock`)}`).join(',');
    await run([db.ctl, `--db=${sockets}`, '--timeout=30', 'init', '--', `--inactivity-probe=${INACTIVITY_PROBE_MS}`, 'set-connection', `ptcp:${db.port}:0.0.0.0`]);
  }
  for (const c of out) {
    const db = dbs.find((x) => x.kind === c.kind) as (typeof dbs)[number];
    const n = ctls.find((x) => x.name === c.node) as LabNode;
    await waitUntil(`${c.name} to listen on tcp:${n.ip}:${db.port}`, async () => (await run(['ss', '-Hltn', `sport = :${db.port}`], { netns: n.netns })).trim() !== '', 30_000, c.logFile);
  }
  const p = nodePaths(first);
  const northd: LabComponent = {
    name: `ovn-northd@${first.name}`,
    kind: 'ovn-northd',
    node: first.name,
    netns: first.netns,
    pidFile: join(p.ovn, 'ovn-northd.pid'),
    logFile: join(p.log, 'ovn-northd.log'),
    ctl: join(p.ovn, 'ovn-northd.ctl'),
    endpoints: [`nb ${nbRemote(l)}`, `sb ${sbRemote(l)}`],
    argv: [
      'ovn-northd',
      `--ovnnb-db=${nbRemote(l)}`,
      `--ovnsb-db=${sbRemote(l)}`,
      `--pidfile=${join(p.ovn, 'ovn-northd.pid')}`,
      `--unixctl=${join(p.ovn, 'ovn-northd.ctl')}`,
      `--log-file=${join(p.log, 'ovn-northd.log')}`,
      '-vconsole:off',
    ],
    env: { OVS_RUNDIR: p.ovn, OVN_RUNDIR: p.ovn },
    pod: { name: 'ovn-northd-6f9d8b7c5d-q2x7k', labels: { application: 'ovn', component: 'ovn-northd' }, container: 'northd', image: 'docker.io/openstackhelm/ovn:ubuntu_jammy' },
    container: { name: 'ovn_northd', image: 'quay.io/openstack.kolla/ovn-northd:zed-debian-bookworm', service: 'openvswitch' },
  };
  launch(northd);
  out.push(northd);
  return out;
}

/** `cluster/status` of a raft member as the server itself reports it, or undefined if it does not answer. */
export async function clusterStatus(c: LabComponent, model: string): Promise<string | undefined> {
  return appctl(c, c.ctl as string, ['cluster/status', model]);
}

/** ovn-nbctl / ovn-sbctl against the lab's databases, from this machine. */
export const nbctl = (l: LabLayout, args: string[]): Promise<string> => run(['ovn-nbctl', `--db=${nbRemote(l)}`, '--timeout=20', ...args]);
export const sbctl = (l: LabLayout, args: string[]): Promise<string> => run(['ovn-sbctl', `--db=${sbRemote(l)}`, '--timeout=20', ...args]);

/** The Neutron-like topology, as the Neutron OVN driver would write it (names, external_ids). */
export function topologyCommands(l: LabLayout, t: LabTenant): string[][] {
  const cmds: string[][] = [];
  const net = `neutron-${t.network.id}`;
  const pub = `neutron-${t.publicNetwork.id}`;
  const router = `neutron-${t.router.id}`;
  cmds.push(['ls-add', net], ['set', 'logical_switch', net, `external_ids:"neutron:network_name"=${t.network.name}`]);
  cmds.push(['ls-add', pub], ['set', 'logical_switch', pub, `external_ids:"neutron:network_name"=${t.publicNetwork.name}`]);
  cmds.push(['lsp-add', pub, `provnet-${t.publicNetwork.id}`], ['lsp-set-type', `provnet-${t.publicNetwork.id}`, 'localnet']);
  cmds.push(['lsp-set-addresses', `provnet-${t.publicNetwork.id}`, 'unknown']);
  cmds.push(['lsp-set-options', `provnet-${t.publicNetwork.id}`, `network_name=${t.publicNetwork.physnet}`]);
  for (const i of t.instances) {
    const p = i.port;
    cmds.push(['lsp-add', net, p.id], ['lsp-set-addresses', p.id, `${p.mac} ${p.ip}`], ['lsp-set-port-security', p.id, `${p.mac} ${p.ip}`]);
    cmds.push([
      'set',
      'logical_switch_port',
      p.id,
      `external_ids:"neutron:device_id"=${i.uuid}`,
      `external_ids:"neutron:device_owner"="compute:nova"`,
      `external_ids:"neutron:port_name"=${p.name}`,
      `external_ids:"neutron:host_id"=${i.host}`,
      `external_ids:"neutron:security_group_ids"="${p.securityGroups.map((n) => t.securityGroups.find((s) => s.name === n)?.id).join(' ')}"`,
    ]);
  }
  // Router with an interface on the private network and a gateway on the public one (SNAT).
  const lrpPriv = `lrp-${labPortId(t, 'router-private')}`;
  const lrpPub = `lrp-${labPortId(t, 'router-gateway')}`;
  cmds.push(['lr-add', router], ['set', 'logical_router', router, `external_ids:"neutron:router_name"=${t.router.name}`]);
  cmds.push(['lrp-add', router, lrpPriv, t.router.privateMac, `${t.network.gateway}/24`]);
  cmds.push(['lrp-add', router, lrpPub, t.router.publicMac, `${t.publicNetwork.routerIp}/24`]);
  cmds.push(['lrp-set-gateway-chassis', lrpPub, gatewayNode(l).name, '1']);
  for (const [ls, lrp, name] of [
    [net, lrpPriv, 'router-private'],
    [pub, lrpPub, 'router-gateway'],
  ] as const) {
    const lsp = labPortId(t, name);
    cmds.push(['lsp-add', ls, lsp], ['lsp-set-type', lsp, 'router'], ['lsp-set-addresses', lsp, 'router'], ['lsp-set-options', lsp, `router-port=${lrp}`]);
  }
  cmds.push(['lr-nat-add', router, 'snat', t.publicNetwork.routerIp, t.network.cidr]);
  cmds.push(['lr-route-add', router, '0.0.0.0/0', '172.24.4.1']);
  // Security groups: a port group per group, ACLs per rule, and Neutron's default drop group.
  const allPorts = t.instances.map((i) => i.port.id);
  cmds.push(['pg-add', 'neutron_pg_drop', ...allPorts]);
  cmds.push(['--type=port-group', '--log', '--name=neutron-pg-drop-ingress', '--severity=info', 'acl-add', 'neutron_pg_drop', 'to-lport', '1001', 'outport == @neutron_pg_drop && ip', 'drop']);
  cmds.push(['--type=port-group', '--log', '--name=neutron-pg-drop-egress', '--severity=info', 'acl-add', 'neutron_pg_drop', 'from-lport', '1001', 'inport == @neutron_pg_drop && ip', 'drop']);
  for (const sg of t.securityGroups) {
    const members = t.instances.filter((i) => i.port.securityGroups.includes(sg.name)).map((i) => i.port.id);
    cmds.push(['pg-add', sg.portGroup, ...members]);
    cmds.push(['set', 'port_group', sg.portGroup, `external_ids:"neutron:security_group_id"=${sg.id}`, `external_ids:"neutron:security_group_name"=${sg.name}`]);
    for (const r of sg.rules) cmds.push(aclAddCommand(sg, r));
  }
  return cmds;
}

/** `acl-add` for one security-group rule, as the Neutron OVN driver writes it. */
export function aclAddCommand(sg: LabTenant['securityGroups'][number], r: LabTenant['securityGroups'][number]['rules'][number]): string[] {
  const ingress = r.direction === 'ingress';
  const match = [
    ingress ? `outport == @${sg.portGroup}` : `inport == @${sg.portGroup}`,
    'ip4',
    ...(ingress ? ['ip4.src == 0.0.0.0/0'] : []),
    ...(r.protocol === 'icmp' ? ['icmp4'] : r.protocol === 'tcp' ? ['tcp', `tcp.dst == ${r.port}`] : []),
  ].join(' && ');
  return ['--type=port-group', '--log', `--name=${r.aclName}`, '--severity=info', 'acl-add', sg.portGroup, ingress ? 'to-lport' : 'from-lport', '1002', match, 'allow-related'];
}

const labPortId = (t: LabTenant, name: string): string => {
  // Router ports get stable ids derived from the router's.
  const base = t.router.id.slice(0, 24);
  return `${base}${name === 'router-private' ? '000000000001' : '000000000002'}`;
};

/**
 * Run many ovn-nbctl commands as one transaction, on a fresh NB. When the raft leader changes
 * during the commit, ovn-nbctl reconnects and runs the transaction again; if the first attempt
 * had in fact committed, the retry fails with "… already exists" (seen under load with several
 * labs up). A transaction is atomic, so that message means all of it is in: success.
 */
export async function nbctlBatch(l: LabLayout, cmds: string[][]): Promise<void> {
  const args: string[] = [];
  for (const c of cmds) args.push('--', ...c);
  try {
    await nbctl(l, args);
  } catch (err) {
    const firstName = cmds[0]?.[1];
    if (!(err instanceof LabError && firstName && err.message.includes(`${firstName}: a switch with this name already exists`))) throw err;
  }
}
