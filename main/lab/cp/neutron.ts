import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapBounded } from '../../../playbooks/engine/bounded.js';
import type { ControlPlaneContext } from '../controlplane.js';
import { serviceDatabase } from '../controlplane.js';
import { halt, launch } from '../launch.js';
import { sql } from '../galera.js';
import { controllers, gatewayNode, labUuid, nodeByName, nodePaths, novaComputeNodes, type LabLayout, type LabNode } from '../layout.js';
import { nbRemote, sbRemote } from '../nodes.js';
import { nbctl, sbctl } from '../ovn.js';
import { plugArgs, vsctl } from '../ovs.js';
import { isAlive, LabError, readPid, run, signal, tail, waitUntil } from '../proc.js';
import { rabbitUser, transportUrl } from '../rabbitmq.js';
import { saveState, type LabComponent, type LabState } from '../state.js';
import { timed } from '../timing.js';
import { internalUrl, memcacheServers } from './edge.js';
import { adminSession } from './keystone-client.js';
import { cachedSchema, noteSchemaStart } from './schema-cache.js';
import type { LabTenant } from '../tenant.js';

/**
 * Neutron with the in-tree ML2/OVN driver on the lab's NB/SB raft clusters (Zed, Debian 12).
 * Shaped by ../../../shared/lab-notes/neutron-ovn-metadata.md (first run by hand here):
 * - plain `neutron-server` (eventlet): Debian's uwsgi `neutron-api` hangs on OVN writes in Zed;
 * - a unique `[DEFAULT] host`: namespaces share the hostname and a duplicate wipes the OVN hash ring;
 * - OVN 23.03 publishes bridge mappings and `enable-chassis-as-gw` in SB Chassis.other_config
 *   while Zed reads external_ids: the lab copies them (else flat ports fail to bind, no gateway);
 * - one metadata agent per compute, each in its own mount namespace with a tmpfs /run/netns
 *   (`ovnmeta-<network>` names are global otherwise), metadata_workers = 1 (0 hangs in Zed);
 * - agent liveness is only refreshed when someone lists the agents (GET /v2.0/agents).
 */
export const NEUTRON_PORT = 9696;
const OSH_IMAGE = 'docker.io/openstackhelm/neutron:zed-ubuntu_jammy';
const PHYSNET = 'physnet1';
/** A physnet Neutron accepts (flat_networks) but no compute has a bridge mapping for: fault instance-error-port-binding. */
export const UNMAPPED_PHYSNET = 'physnet2';

/** neutron-server runs on the first controller (one server: the OVN hash ring and maintenance live in it). */
const serverNode = (l: LabLayout): LabNode => controllers(l)[0] as LabNode;
/** Neutron's API on its node's own address (HAProxy fronts it on the VIP). */
export const neutronEndpoint = (l: LabLayout): string => `http://${serverNode(l).ip}:${NEUTRON_PORT}`;

/** What the lab keeps about the Neutron objects it created (ids Neutron picked), in state.cloud.neutron. */
export interface NeutronCloud {
  /** `noauth` until Keystone is part of the lab, then `keystone`. */
  auth: 'noauth' | 'keystone';
  projectId: string;
  network: string;
  subnet: string;
  publicNetwork: string;
  publicSubnet: string;
  router: string;
  securityGroups: Record<string, string>;
}

/**
 * The instances' ports Neutron created, by instance name: the Nova part boots each server on its
 * port (`openstack server create --port ID --availability-zone nova:HOST`), so it finds them here.
 */
export interface CloudPort {
  id: string;
  mac: string;
  ip: string;
  host: string;
  /** The tap the lab plugged on the host's br-int (iface-id = the port id). */
  tap: string;
}

export function neutronCloud(s: LabState): NeutronCloud | undefined {
  return s.cloud?.neutron as NeutronCloud | undefined;
}

export function cloudPorts(s: LabState): Record<string, CloudPort> {
  return (s.cloud?.ports as Record<string, CloudPort> | undefined) ?? {};
}

// ---------------------------------------------------------------------------------------------
// neutron-server

const confDir = (n: LabNode): string => nodePaths(n).neutron;

export function serverComponent(l: LabLayout): LabComponent {
  const n = serverNode(l);
  const p = nodePaths(n);
  const dir = confDir(n);
  const log = join(p.log, 'neutron-server.log');
  return {
    name: `neutron-server@${n.name}`,
    kind: 'neutron-server',
    node: n.name,
    netns: n.netns,
    pidFile: join(dir, 'neutron-server.pid'),
    logFile: log,
    dataDir: join(dir, 'state'),
    endpoints: [`http://${n.ip}:${NEUTRON_PORT}/`],
    // Explicit config files always: without them oslo.config falls back to /etc/neutron (sqlite, OVS agent).
    argv: ['/usr/bin/neutron-server', '--config-file', join(dir, 'neutron.conf'), '--config-file', join(dir, 'ml2_conf.ini'), '--log-file', log],
    env: {},
    pod: { name: 'neutron-server-6d8f7b9c4d-w2k7m', labels: { application: 'neutron', component: 'server' }, container: 'neutron-server', image: OSH_IMAGE },
    container: { name: 'neutron_server', image: 'quay.io/openstack.kolla/neutron-server:zed-debian-bookworm', service: 'neutron' },
  };
}

/** The processes whose parent is `pid` (from /proc, so it also sees a containerised server with --pid host). */
function childrenOf(pid: number | undefined): number[] {
  if (!pid) return [];
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      // Fields after the command's closing parenthesis: state, ppid, ...
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * neutron-server answers as soon as its API worker runs, but starts its RPC, OVN maintenance and
 * periodic workers later (80 s later once, under load). The API worker's row in the OVN hash ring
 * expires after 60 s unless the maintenance worker heartbeats it; until then OVN's port-up events
 * are dropped ("HashRing is empty" in neutron-server.log) and a port plugged meanwhile stays DOWN.
 * So: all four workers running and a fresh hash-ring row, before any port is plugged.
 */
async function waitWorkers(l: LabLayout, c: LabComponent): Promise<void> {
  const db = controllers(l)[0] as LabNode;
  await waitUntil(
    'neutron-server to run its API, RPC, OVN maintenance and periodic workers and heartbeat the OVN hash ring',
    async () =>
      childrenOf(readPid(c.pidFile)).length >= 4 &&
      Number((await sql(db, 'SELECT COUNT(*) FROM ovn_hash_ring WHERE updated_at > UTC_TIMESTAMP() - INTERVAL 50 SECOND', 'neutron').catch(() => '0')).trim()) > 0,
    240_000,
    c.logFile,
  );
}

/** Keystone is part of this lab when its component was started (the keystone part runs before Neutron). */
const hasKeystone = (s: LabState): boolean => s.components.some((c) => c.kind === 'keystone');

function neutronConf(ctx: ControlPlaneContext, n: LabNode, keystone: boolean): string {
  const l = ctx.layout;
  const dir = confDir(n);
  const db = controllers(l)[0] as LabNode;
  const auth = keystone ? keystoneSections(ctx) : '';
  return `[DEFAULT]
core_plugin = ml2
service_plugins = ovn-router
auth_strategy = ${keystone ? 'keystone' : 'noauth'}
bind_host = ${n.ip}
bind_port = ${NEUTRON_PORT}
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 0
transport_url = ${transportUrl(l, 'openstack', ctx.secret('rabbitmq:openstack'))}
state_path = ${join(dir, 'state')}
notify_nova_on_port_status_changes = ${keystone}
notify_nova_on_port_data_changes = ${keystone}
allow_overlapping_ips = true
dhcp_agent_notification = false
# Liveness of the OVN agents (default 75 s): a stopped agent shows down within ~20 s of listing.
agent_down_time = 20
# Unique per server: every lab namespace shares this machine's hostname, and the OVN hash ring is keyed by it.
host = ${n.name}
api_paste_config = ${join(dir, 'api-paste.ini')}
debug = false

[database]
connection = mysql+pymysql://neutron:${ctx.secret('db:neutron')}@${db.ip}/neutron?charset=utf8

[oslo_concurrency]
lock_path = ${join(dir, 'lock')}

[agent]
root_helper =
${auth}`;
}

/** Keystone auth for the API and Neutron's notifications to Nova (once the keystone part is in). */
function keystoneSections(ctx: ControlPlaneContext): string {
  const url = keystoneUrl(ctx.layout);
  const service = (user: string, password: string): string => `auth_url = ${url}
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = ${user}
password = ${password}
region_name = RegionOne
`;
  return `
[keystone_authtoken]
www_authenticate_uri = ${url}
memcached_servers = ${memcacheServers(ctx.layout)}
${service('neutron', ctx.secret('keystone:neutron'))}
[nova]
${service('nova', ctx.secret('keystone:nova'))}endpoint_type = internal
`;
}

/** Keystone's internal URL: the API VIP (HAProxy) port 5000. */
const keystoneUrl = (l: LabLayout): string => internalUrl(l, 5000, '/v3');

function ml2Conf(l: LabLayout): string {
  return `[ml2]
type_drivers = geneve,flat
tenant_network_types = geneve
mechanism_drivers = ovn
extension_drivers = port_security
overlay_ip_version = 4

[ml2_type_geneve]
vni_ranges = 1:65536
max_header_size = 38

[ml2_type_flat]
flat_networks = ${PHYSNET},${UNMAPPED_PHYSNET}

[securitygroup]
enable_security_group = true

[ovn]
ovn_nb_connection = ${nbRemote(l)}
ovn_sb_connection = ${sbRemote(l)}
ovn_l3_scheduler = leastloaded
ovn_metadata_enabled = true
neutron_sync_mode = log
`;
}

/**
 * Copy each chassis' `ovn-bridge-mappings` and `ovn-cms-options` from SB Chassis.other_config
 * (where OVN 23.03 writes them) to external_ids (where Zed's Neutron reads them). Redo it
 * whenever a chassis row is made again (an ovn-controller that exited and came back).
 */
export async function copyChassisOptions(l: LabLayout, names?: string[]): Promise<void> {
  const out = await sbctl(l, ['--format=json', '--columns=name,other_config', 'list', 'Chassis']);
  const rows = (JSON.parse(out) as { data: Array<[string, ['map', Array<[string, string]>]]> }).data;
  const cmds: string[] = [];
  for (const [name, [, pairs]] of rows) {
    if (names && !names.includes(name)) continue;
    const other = Object.fromEntries(pairs);
    const set = ['ovn-bridge-mappings', 'ovn-cms-options'].filter((k) => other[k] !== undefined).map((k) => `external_ids:${k}="${other[k]}"`);
    if (set.length) cmds.push('--', 'set', 'Chassis', name, ...set);
  }
  if (cmds.length) await sbctl(l, cmds);
}

/** The neutron database, its schema, and neutron-server on the first controller. */
export async function startNeutron(ctx: ControlPlaneContext): Promise<void> {
  const l = ctx.layout;
  const n = serverNode(l);
  const dir = confDir(n);
  for (const d of [dir, join(dir, 'state'), join(dir, 'lock')]) mkdirSync(d, { recursive: true });
  // The full control plane's Keystone may still be starting: neutron-server needs it only for requests.
  const keystone = hasKeystone(ctx.state) || l.controlPlane === 'full';
  await Promise.all([serviceDatabase(l, ['neutron'], 'neutron', ctx.secret('db:neutron')), ctx.messaging ?? rabbitUser(l, 'openstack', ctx.secret('rabbitmq:openstack'))]);
  // The node's own copy: on a packages lab its folder is the node's /etc/neutron (node-mounts.ts).
  copyFileSync('/etc/neutron/api-paste.ini', join(dir, 'api-paste.ini'));
  writeFileSync(join(dir, 'neutron.conf'), neutronConf(ctx, n, keystone), { mode: 0o640 });
  writeFileSync(join(dir, 'ml2_conf.ini'), ml2Conf(l), { mode: 0o640 });
  const how = await timed(ctx.state, 'neutron: schema', () => cachedSchema({
    key: 'neutron',
    databases: ['neutron'],
    packages: ['python3-neutron', 'python3-neutron-lib'],
    node: controllers(l)[0] as LabNode,
    sync: async () => {
      await run(['/usr/bin/neutron-db-manage', '--config-file', join(dir, 'neutron.conf'), '--config-file', join(dir, 'ml2_conf.ini'), 'upgrade', 'heads'], {
        netns: n.netns,
        timeoutMs: 300_000,
      });
    },
    log: ctx.log,
  }));
  noteSchemaStart(ctx.state, how);
  ctx.log(`    neutron schema (${how === 'warm' ? 'restored from the cache' : 'neutron-db-manage upgrade heads'})`);
  const c = serverComponent(l);
  launch(c);
  ctx.add([c]);
  const computeNames = l.nodes.filter((x) => x.role === 'compute').map((x) => x.name);
  await waitUntil('a chassis per compute in the SB', async () => {
    const names = (await sbctl(l, ['--format=csv', '--no-headings', '--columns=name', 'list', 'Chassis'])).split('\n').map((x) => x.replace(/"/g, '').trim());
    return computeNames.every((x) => names.includes(x));
  }, 60_000);
  await copyChassisOptions(l);
  await timed(ctx.state, 'neutron: server answers', () => waitUntil(`neutron-server to answer on ${neutronEndpoint(l)}`, async () => (await fetch(`${neutronEndpoint(l)}/`, { signal: AbortSignal.timeout(5000) })).status === 200, 180_000, c.logFile));
  // Its RPC, maintenance and periodic workers come later (the tenant waits for them before plugging ports).
  ctx.state.cloud = { ...ctx.state.cloud, neutron: { auth: keystone ? 'keystone' : 'noauth' } };
  saveState(ctx.state);
}

const PG_DROP = 'neutron_pg_drop';

/** Whether the NB has neutron_pg_drop (any member: a follower's copy is enough to wait on). */
async function hasPgDrop(l: LabLayout): Promise<boolean> {
  return (await nbctl(l, ['--no-leader-only', '--bare', '--columns=name', 'find', 'Port_Group', `name=${PG_DROP}`])).trim() === PG_DROP;
}

// ---------------------------------------------------------------------------------------------
// The Neutron API from this machine

async function authHeaders(st: LabState): Promise<Record<string, string>> {
  return neutronCloud(st)?.auth === 'keystone' ? { 'x-auth-token': (await adminSession(st.layout)).token } : {};
}

/** One Neutron API call as the lab's admin; an error names the call and Neutron's answer. */
export async function neutronApi<T = Record<string, unknown>>(st: LabState, method: string, path: string, body?: unknown): Promise<T> {
  // 120 s: on a machine at load 20 one call was seen to take over 60 s; a timeout names the call.
  const r = await fetch(`${neutronEndpoint(st.layout)}/v2.0${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(await authHeaders(st)) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  }).catch((e: Error) => {
    const log = serverComponent(st.layout).logFile;
    throw new LabError(`Neutron ${method} /v2.0${path}: ${e.message}; last lines of ${log}:\n${tail(log, 25)}`);
  });
  const text = await r.text();
  if (!r.ok) throw new LabError(`Neutron ${method} /v2.0${path}: HTTP ${r.status} ${text.slice(0, 500)} (see ${serverComponent(st.layout).logFile})`);
  return (text ? JSON.parse(text) : {}) as T;
}

export interface NeutronAgent {
  id: string;
  agent_type: string;
  host: string;
  alive: boolean;
  binary: string;
}

/** GET /v2.0/agents: also what refreshes OVN agents' liveness (Neutron pings the chassis only when asked). */
export async function agents(st: LabState): Promise<NeutronAgent[]> {
  return (await neutronApi<{ agents: NeutronAgent[] }>(st, 'GET', '/agents')).agents;
}

interface Port {
  id: string;
  name: string;
  status: string;
  mac_address: string;
  fixed_ips: Array<{ ip_address: string; subnet_id: string }>;
  'binding:vif_type': string;
  'binding:host_id': string;
}

interface SgRule {
  id: string;
  direction: string;
  ethertype: string;
  protocol: string | null;
  port_range_min: number | null;
  remote_group_id: string | null;
  remote_ip_prefix: string | null;
}

// ---------------------------------------------------------------------------------------------
// The tenant

/**
 * The tenant of main/lab/tenant.ts made through the Neutron API, so the NB rows carry Neutron's
 * own names and external_ids (`neutron-<id>` switches, `pg_<id>` port groups, rule ids on the
 * ACLs). Neutron picks the ids: state.tenant is updated with them (so every user of s.tenant
 * keeps working) and state.cloud keeps them for the Nova part. The instances' ports are bound to
 * their host and plugged on its br-int (iface-id = port id), so ovn-controller claims them and
 * Neutron marks them ACTIVE.
 */
export async function startNeutronTenant(ctx: ControlPlaneContext): Promise<void> {
  const st = ctx.state;
  const t = st.tenant;
  const l = ctx.layout;
  const started = Date.now();
  const computeNames = l.nodes.filter((x) => x.role === 'compute').map((x) => x.name);
  // The OVN agents of every chassis, alive: ML2/OVN is connected to the SB and sees the gateway
  // option on the gateway chassis (its router gateway is scheduled there, so it must be seen first).
  const agentType = (host: string): string => (host === gatewayNode(l).name ? 'OVN Controller Gateway agent' : 'OVN Controller agent');
  await timed(st, 'tenant: gateway agents alive', () => waitUntil(
    `neutron-server to list an alive OVN Controller agent per compute (a Gateway agent on ${gatewayNode(l).name})`,
    async () => {
      const a = await agents(st);
      return computeNames.every((h) => a.some((x) => x.host === h && x.alive && x.agent_type === agentType(h)));
    },
    120_000,
    serverComponent(l).logFile,
  ));
  // The tenant's project: Keystone's demo project (the Nova part boots the servers there).
  // ML2/OVN makes its neutron_pg_drop port group once at start, in its parent before forking the RPC
  // and maintenance workers (pre_fork_initialize); a port made before it is there fails (HTTP 500).
  // That parent's short-lived NB connection sometimes stalls 87-88 s in eventlet's hub (seen in CI and
  // on quiet labs, whichever NB member it reached), then either goes on or dies with "do not call
  // blocking functions from the mainloop", leaving no group and no workers. Making the group first did
  // not help: the stall is in the connection. So the lab waits past the stall, and restarts
  // neutron-server (killing a stuck parent) when the group still has not come, as an operator would.
  const pgDrop = (): Promise<boolean> => hasPgDrop(l);
  try {
    await timed(st, 'tenant: neutron_pg_drop', () => waitUntil('Port_Group neutron_pg_drop in the OVN NB', pgDrop, 100_000, serverComponent(l).logFile));
  } catch {
    ctx.log('    no neutron_pg_drop in the NB 100 s after neutron-server started (its parent stalled or died before forking); restarting neutron-server, as an operator would');
    await restartServer(l);
    await timed(st, 'tenant: neutron_pg_drop after a restart', () => waitUntil('Port_Group neutron_pg_drop in the OVN NB after a neutron-server restart', pgDrop, 150_000, serverComponent(l).logFile));
  }
  const project = (st.cloud?.keystone as { demoProjectId?: string } | undefined)?.demoProjectId ?? t.projectId;
  const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> => neutronApi<T>(st, method, path, body);
  type Obj = { id: string };
  // Independent objects are made at once: the private network, the public one, the security groups.
  const netMade = api<{ network: Obj }>('POST', '/networks', { network: { name: t.network.name, project_id: project } });
  const privateNet = (async () => {
    const net = (await netMade).network;
    const subnet = (
      await api<{ subnet: Obj }>('POST', '/subnets', {
        subnet: { name: `${t.network.name}-subnet`, network_id: net.id, project_id: project, ip_version: 4, cidr: t.network.cidr, gateway_ip: t.network.gateway },
      })
    ).subnet;
    return { net, subnet };
  })();
  const [a, b, c] = t.publicNetwork.cidr.split('.');
  const publicNet = (async () => {
    const pub = (
      await api<{ network: Obj }>('POST', '/networks', {
        network: { name: t.publicNetwork.name, project_id: project, 'router:external': true, 'provider:network_type': 'flat', 'provider:physical_network': t.publicNetwork.physnet },
      })
    ).network;
    const pubSubnet = (
      await api<{ subnet: Obj }>('POST', '/subnets', {
        subnet: {
          name: `${t.publicNetwork.name}-subnet`,
          network_id: pub.id,
          project_id: project,
          ip_version: 4,
          cidr: t.publicNetwork.cidr,
          gateway_ip: `${a}.${b}.${c}.1`,
          enable_dhcp: false,
          allocation_pools: [{ start: `${a}.${b}.${c}.10`, end: `${a}.${b}.${c}.250` }],
        },
      })
    ).subnet;
    return { pub, pubSubnet };
  })();
  const routed = (async () => {
    const [{ subnet }, { pub, pubSubnet }] = await Promise.all([privateNet, publicNet]);
    const router = (
      await api<{ router: Obj }>('POST', '/routers', {
        router: {
          name: t.router.name,
          project_id: project,
          external_gateway_info: { network_id: pub.id, external_fixed_ips: [{ subnet_id: pubSubnet.id, ip_address: t.publicNetwork.routerIp }] },
        },
      })
    ).router;
    await api('PUT', `/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    ctx.log(`    networks ${t.network.name} and ${t.publicNetwork.name}, router ${t.router.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return router;
  })();

  // Security groups: the project's own "default" (made by Neutron on first sight of the project)
  // and "web", with exactly the rules of tenant.ts. Neutron's default also lets members of the
  // group reach each other on every port; the lab's does not (so a deleted rule shows).
  const secGroups = (async () => {
    // After the project's first network: Neutron has made the project's default group by then.
    await netMade;
    const sgIds: Record<string, string> = {};
    const listed = await api<{ security_groups: Array<Obj & { name: string; security_group_rules: SgRule[] }> }>('GET', `/security-groups?project_id=${project}&name=default`);
    const def = listed.security_groups[0];
    if (!def) throw new LabError(`Neutron made no default security group for project ${project}`);
    await Promise.all(def.security_group_rules.filter((x) => x.direction === 'ingress' && x.remote_group_id).map((r) => api('DELETE', `/security-group-rules/${r.id}`)));
    sgIds.default = def.id;
    for (const g of t.securityGroups.filter((x) => x.name !== 'default')) {
      sgIds[g.name] = (await api<{ security_group: Obj }>('POST', '/security-groups', { security_group: { name: g.name, project_id: project, description: `lab group ${g.name}` } })).security_group.id;
    }
    const groups = await Promise.all(
      t.securityGroups.map(async (g): Promise<LabTenant['securityGroups'][number]> => {
        const id = sgIds[g.name] as string;
        const existing = (await api<{ security_group_rules: SgRule[] }>('GET', `/security-group-rules?security_group_id=${id}`)).security_group_rules;
        const rules = await Promise.all(
          g.rules.map(async (r) => {
            // An egress rule "any IPv4" is one Neutron makes with every group: use it rather than a duplicate.
            const same = existing.find((x) => x.direction === r.direction && x.ethertype === 'IPv4' && (x.protocol ?? undefined) === r.protocol && (x.port_range_min ?? undefined) === r.port);
            return { ...r, id: same?.id ?? (await createRule(st, id, r)).id };
          }),
        );
        return { ...g, id, portGroup: portGroupOf(id), rules };
      }),
    );
    return { sgIds, groups };
  })();
  // Every branch is awaited below; none is left to fail unhandled meanwhile.
  for (const p of [netMade, privateNet, publicNet, routed, secGroups]) p.catch(() => undefined);
  const [{ net, subnet }, { pub, pubSubnet }, router, { sgIds, groups }] = await Promise.all([privateNet, publicNet, routed, secGroups]);

  // The instances' ports, bound to their host, in one bulk request.
  const body = {
    ports: t.instances.map((i) => ({
      name: i.port.name,
      network_id: net.id,
      project_id: project,
      mac_address: i.port.mac,
      fixed_ips: [{ subnet_id: subnet.id, ip_address: i.port.ip }],
      security_groups: i.port.securityGroups.map((g) => sgIds[g]),
      'binding:host_id': i.host,
    })),
  };
  const ports = (await api<{ ports: Port[] }>('POST', '/ports', body)).ports;
  const byName = new Map(ports.map((p) => [p.name, p]));
  const cloudPortsOut: Record<string, CloudPort> = {};
  const instances = t.instances.map((i) => {
    const p = byName.get(i.port.name);
    if (!p) throw new LabError(`Neutron did not return port ${i.port.name}`);
    const tap = `tap${p.id.slice(0, 11)}`;
    cloudPortsOut[i.name] = { id: p.id, mac: p.mac_address, ip: i.port.ip, host: i.host, tap };
    return { ...i, port: { ...i.port, id: p.id, tap, mac: p.mac_address } };
  });
  st.tenant = {
    ...t,
    projectId: project,
    network: { ...t.network, id: net.id },
    publicNetwork: { ...t.publicNetwork, id: pub.id },
    router: { ...t.router, id: router.id },
    securityGroups: groups,
    instances,
  };
  const cloud: NeutronCloud = {
    auth: neutronCloud(st)?.auth ?? 'noauth',
    projectId: project,
    network: net.id,
    subnet: subnet.id,
    publicNetwork: pub.id,
    publicSubnet: pubSubnet.id,
    router: router.id,
    securityGroups: sgIds,
  };
  st.cloud = { ...st.cloud, neutron: cloud, ports: cloudPortsOut };
  saveState(st);

  // Plug each port on its compute as os-vif would (an internal port named like Nova's tap), once
  // OVN's port-up events reach a live hash ring (see waitWorkers).
  await timed(st, 'neutron: workers + hash ring', () => waitWorkers(l, serverComponent(l)));
  const hosts = [...new Set(instances.map((i) => i.host))];
  await mapBounded(hosts, 8, async (h) => {
    const cmds: string[] = [];
    for (const i of instances.filter((x) => x.host === h)) cmds.push('--', ...plugArgs(i));
    await vsctl(nodeByName(l, h), cmds.slice(1), { timeoutMs: 40_000 });
  });
  const ids = new Set(instances.map((i) => i.port.id));
  const allActive = async (): Promise<boolean> => {
    const all = (await api<{ ports: Port[] }>('GET', `/ports?network_id=${net.id}`)).ports.filter((p) => ids.has(p.id));
    return all.length === ids.size && all.every((p) => p.status === 'ACTIVE');
  };
  const server = serverComponent(l);
  try {
    await timed(st, 'tenant: ports ACTIVE', () => waitUntil('the instance ports to become ACTIVE in Neutron', allActive, 60_000, server.logFile));
  } catch {
    // An OVN port-up event that came while the hash ring was empty is never replayed: the
    // operator's remedy is a neutron-server restart, which syncs port status from OVN at start.
    ctx.log('    ports still DOWN after 60 s (an OVN event lost by neutron-server); restarting neutron-server, as an operator would');
    await restartServer(l);
    await waitUntil('the instance ports to become ACTIVE in Neutron after the restart', allActive, 120_000, server.logFile);
  }
  ctx.log(`    security groups, ${instances.length} ports bound and ACTIVE (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Stop and start neutron-server, then wait for its API and its workers' hash ring, as after any start. */
async function restartServer(l: LabLayout): Promise<void> {
  const server = serverComponent(l);
  const workers = childrenOf(readPid(server.pidFile));
  try {
    await halt(server);
  } catch {
    // A parent stuck in eventlet's hub (the pre-fork NB stall above) never acts on SIGTERM: kill it
    // and the workers it forked, which would otherwise keep the API port.
    for (const pid of workers) signal(pid, 'SIGKILL');
    await halt(server, 'SIGKILL');
    await waitUntil('the killed neutron-server workers to be gone', () => !workers.some(isAlive), 30_000);
  }
  launch(server);
  await waitUntil(`neutron-server to answer again`, async () => (await fetch(`${neutronEndpoint(l)}/`, { signal: AbortSignal.timeout(5000) })).status === 200, 180_000, server.logFile);
  await waitWorkers(l, server);
}

const portGroupOf = (id: string): string => `pg_${id.replaceAll('-', '_')}`;

/** A security group rule as tenant.ts describes it (ingress from anywhere). */
export async function createRule(st: LabState, sgId: string, r: LabTenant['securityGroups'][number]['rules'][number]): Promise<{ id: string }> {
  const rule: Record<string, unknown> = { security_group_id: sgId, direction: r.direction, ethertype: 'IPv4' };
  if (r.direction === 'ingress') rule.remote_ip_prefix = '0.0.0.0/0';
  if (r.protocol) rule.protocol = r.protocol;
  if (r.port) Object.assign(rule, { port_range_min: r.port, port_range_max: r.port });
  return (await neutronApi<{ security_group_rule: { id: string } }>(st, 'POST', '/security-group-rules', { security_group_rule: rule })).security_group_rule;
}

// ---------------------------------------------------------------------------------------------
// OVN metadata agents

/** DaemonSet pods end in 5 random characters; the lab's are stable per node. */
const suffix = (n: LabNode): string =>
  [...labUuid(`pod:metadata:${n.name}`).replaceAll('-', '').slice(0, 5)].map((h) => 'bcdfghjklmnpqrstvwxz2456789'[parseInt(h, 16)]).join('');

const metadataDir = (n: LabNode): string => join(nodePaths(n).neutron, 'metadata');

export function metadataComponent(l: LabLayout, n: LabNode): LabComponent {
  const p = nodePaths(n);
  const dir = metadataDir(n);
  const conf = join(dir, 'neutron_ovn_metadata_agent.ini');
  const log = join(p.log, 'neutron-ovn-metadata-agent.log');
  // Its own mount namespace with a private /run/netns: the agent names its namespaces
  // ovnmeta-<network id>, the same on every compute, and they would collide on one machine.
  const script = `mkdir -p /run/netns && mount -t tmpfs ${n.name}-netns /run/netns && exec /usr/bin/neutron-ovn-metadata-agent --config-file ${conf} --log-file ${log}`;
  return {
    name: `ovn-metadata-agent@${n.name}`,
    kind: 'ovn-metadata-agent',
    node: n.name,
    netns: n.netns,
    pidFile: join(dir, 'agent.pid'),
    logFile: log,
    dataDir: join(dir, 'state'),
    endpoints: [`unix:${join(dir, 'state', 'metadata_proxy')}`, `sb ${sbRemote(l)}`],
    argv: ['/usr/bin/unshare', '--mount', '--propagation', 'private', '/bin/sh', '-c', script],
    env: {},
    pod: {
      name: `neutron-ovn-metadata-agent-default-${suffix(n)}`,
      labels: { application: 'neutron', component: 'ovn-metadata-agent' },
      container: 'neutron-ovn-metadata-agent',
      image: OSH_IMAGE,
    },
    container: { name: 'neutron_ovn_metadata_agent', image: 'quay.io/openstack.kolla/neutron-metadata-agent:zed-debian-bookworm', service: 'neutron' },
  };
}

function metadataConf(ctx: ControlPlaneContext, n: LabNode): string {
  const dir = metadataDir(n);
  return `[DEFAULT]
state_path = ${join(dir, 'state')}
nova_metadata_host = ${ctx.layout.vip}
nova_metadata_port = 8775
nova_metadata_protocol = http
metadata_proxy_shared_secret = ${ctx.secret('metadata:proxy')}
# 0 (no worker) hangs every metadata request in Zed.
metadata_workers = 1
metadata_proxy_socket = ${join(dir, 'state', 'metadata_proxy')}
debug = false

[agent]
root_helper =

[oslo_concurrency]
lock_path = ${join(dir, 'lock')}

[ovs]
# The default (/usr/local/var/run/openvswitch) is wrong on Debian; this compute's own OVS.
ovsdb_connection = unix:${join(nodePaths(n).ovs, 'db.sock')}

[ovn]
ovn_sb_connection = ${sbRemote(ctx.layout)}
`;
}

/** neutron-ovn-metadata-agent on every Nova compute; waits until Neutron lists each alive. */
export async function startMetadataAgents(ctx: ControlPlaneContext): Promise<void> {
  const l = ctx.layout;
  const nodes = novaComputeNodes(l);
  const cs = nodes.map((n) => {
    const dir = metadataDir(n);
    for (const d of [dir, join(dir, 'state'), join(dir, 'lock')]) mkdirSync(d, { recursive: true });
    writeFileSync(join(dir, 'neutron_ovn_metadata_agent.ini'), metadataConf(ctx, n), { mode: 0o640 });
    return metadataComponent(l, n);
  });
  for (const c of cs) launch(c);
  ctx.add(cs);
  await waitUntil(
    'an alive OVN Metadata agent on every Nova compute',
    async () => {
      const a = await agents(ctx.state);
      return nodes.every((n) => a.some((x) => x.host === n.name && x.agent_type === 'OVN Metadata agent' && x.alive));
    },
    120_000,
    cs[0]?.logFile,
  );
}

/**
 * The haproxy of each ovnmeta namespace outlives its agent (re-parented to pid 1, and it lives
 * in a namespace the lab's teardown does not list): stop them by their pid files. The privsep
 * daemons stay in the node's namespace and go with it.
 */
export function stopMetadataProxies(root: string): number[] {
  const killed: number[] = [];
  const nodes = existsSync(root) ? readdirSync(root) : [];
  for (const node of nodes) {
    const pids = join(root, node, 'neutron', 'metadata', 'state', 'external', 'pids');
    if (!existsSync(pids)) continue;
    for (const f of readdirSync(pids).filter((x) => x.endsWith('.pid.haproxy'))) {
      const pid = readPid(join(pids, f));
      if (!pid || !isAlive(pid)) continue;
      // Pid reuse: only a process whose command line names this lab's folder.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(root)) continue;
      signal(pid, 'SIGKILL');
      killed.push(pid);
    }
  }
  return killed;
}
