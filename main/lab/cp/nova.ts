import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlPlaneContext } from '../controlplane.js';
import { serviceDatabase } from '../controlplane.js';
import { sql } from '../galera.js';
import { labScript, launch } from '../launch.js';
import { controllers, nodePaths, novaComputeNodes, type LabLayout, type LabNode } from '../layout.js';
import { providerUuid } from '../placement.js';
import { LabError, run, waitUntil } from '../proc.js';
import { rabbitNodes, rabbitUser, transportUrl } from '../rabbitmq.js';
import { saveState, type LabComponent, type LabState } from '../state.js';
import { timed } from '../timing.js';
import { computeInventory, flavors } from '../tenant.js';
import { internalUrl, memcacheServers } from './edge.js';
import { SYSTEM_PATH } from './glance.js';
import { KEYSTONE_PORT, keystoneDirect, osApi, schemaOnce } from './os-http.js';
import { uwsgiIni } from './uwsgi.js';

/**
 * Nova as a packaged install runs it (Zed, Debian's packages), one process per service:
 * nova-api (uwsgi, n.ip:8774) and the metadata API (uwsgi, n.ip:8775) on the first controller,
 * nova-conductor on the second, nova-scheduler on the third, cells v2 (cell0 + cell1, URL
 * templates so a cached schema fits any lab), and a real nova-compute on each Nova compute with
 * the lab's fake driver (scripts/nova_virt/labfake.py, started by scripts/nova-compute), sized as the light lab's computes and
 * registering the resource provider UUID the lab gives that compute.
 */

export const NOVA_API_PORT = 8774;
export const NOVA_METADATA_PORT = 8775;
export const PLACEMENT_PORT = 8778;
/** Compute API microversion the lab's own calls use (2.37+ for `networks: none`, 2.47 flavor details). */
export const COMPUTE_MICROVERSION = '2.60';

const NOVA_PACKAGES = ['nova-common', 'python3-nova'];
const HELM_IMAGE = 'docker.io/openstackhelm/nova:2024.1-ubuntu_jammy';
const kollaImage = (name: string): string => `quay.io/openstack.kolla/${name}:zed-debian-bookworm`;

const controllerAt = (l: LabLayout, i: number): LabNode => {
  const cs = controllers(l);
  return cs[Math.min(i, cs.length - 1)] as LabNode;
};
/** Where each control service runs: the APIs on the first controller (HAProxy's nova_api backend), conductor on the second, scheduler on the third. */
export const novaApiNode = (l: LabLayout): LabNode => controllerAt(l, 0);
export const conductorNode = (l: LabLayout): LabNode => controllerAt(l, 1);
export const schedulerNode = (l: LabLayout): LabNode => controllerAt(l, 2);

export const novaEndpoint = (l: LabLayout): string => `http://${novaApiNode(l).ip}:${NOVA_API_PORT}`;
/** A Nova node's nova.conf (what an operator edits as /etc/nova/nova.conf on a packages install, /etc/kolla/nova-compute/nova.conf on Kolla). */
export const novaConf = (n: LabNode): string => join(nodePaths(n).nova, 'nova.conf');
const novaDbConf = (n: LabNode): string => join(nodePaths(n).nova, 'nova-db.conf');
const computeConf = (n: LabNode): string => join(nodePaths(n).nova, 'nova-compute.conf');
export const novaLog = (n: LabNode, binary: string): string => join(nodePaths(n).log, `${binary}.log`);

/** What Nova leaves in state.cloud.nova: flavors and servers by name (ids Nova picked). */
export interface NovaCloud {
  flavors: Record<string, string>;
  servers: Record<string, { id: string; host: string; port: string }>;
}

export function novaCloud(s: LabState): NovaCloud | undefined {
  return s.cloud?.nova as NovaCloud | undefined;
}

// ---------------------------------------------------------------------------------------------
// Configuration

function dbUrl(ctx: ControlPlaneContext, database: string): string {
  const db = controllers(ctx.layout)[0] as LabNode;
  return `mysql+pymysql://nova:${ctx.secret('db:nova')}@${db.ip}:3306/${database}?charset=utf8`;
}

/** The part every Nova service reads, computes included (no database in it). */
function commonConf(ctx: ControlPlaneContext, n: LabNode): string {
  const l = ctx.layout;
  const p = nodePaths(n);
  const keystone = internalUrl(l, KEYSTONE_PORT, '/v3');
  const auth = (user: string): string => `auth_type = password
auth_url = ${keystone}
project_domain_name = Default
user_domain_name = Default
project_name = service
username = ${user}
password = ${ctx.secret(`keystone:${user}`)}
region_name = RegionOne
valid_interfaces = internal`;
  return `[DEFAULT]
host = ${n.name}
my_ip = ${n.ip}
state_path = ${p.nova}
transport_url = ${transportUrl(l, 'openstack', ctx.secret('rabbitmq:openstack'))}
debug = false
# fast liveness for the lab (defaults 10 / 60)
report_interval = 5
service_down_time = 20
# what the light lab's seeded inventories say (tenant.ts computeInventory)
cpu_allocation_ratio = ${computeInventory.VCPU.allocation_ratio}
ram_allocation_ratio = ${computeInventory.MEMORY_MB.allocation_ratio}
disk_allocation_ratio = ${computeInventory.DISK_GB.allocation_ratio}
reserved_host_cpus = ${computeInventory.VCPU.reserved}
reserved_host_memory_mb = ${computeInventory.MEMORY_MB.reserved}
reserved_host_disk_mb = ${computeInventory.DISK_GB.reserved * 1024}

[keystone_authtoken]
www_authenticate_uri = ${keystone}
memcached_servers = ${memcacheServers(l)}
service_token_roles_required = true
${auth('nova')}

[placement]
${auth('placement')}

[glance]
region_name = RegionOne
valid_interfaces = internal

[neutron]
${auth('neutron')}
service_metadata_proxy = true
metadata_proxy_shared_secret = ${ctx.secret('metadata:proxy')}

[scheduler]
workers = 1
# discover_hosts runs when the lab's computes have registered (cp/nova.ts)
discover_hosts_in_cells_interval = -1

[conductor]
workers = 1

[api]
dhcp_domain =

[oslo_concurrency]
lock_path = ${join(p.nova, 'lock')}

[vnc]
enabled = false

[oslo_messaging_notifications]
driver = noop
`;
}

function dbConf(ctx: ControlPlaneContext): string {
  return `[api_database]
connection = ${dbUrl(ctx, 'nova_api')}

[database]
connection = ${dbUrl(ctx, 'nova')}
`;
}

function computeOnlyConf(n: LabNode): string {
  return `[DEFAULT]
compute_driver = labfake.LabFakeDriver

[labfake]
vcpus = ${computeInventory.VCPU.total}
memory_mb = ${computeInventory.MEMORY_MB.total}
disk_gb = ${computeInventory.DISK_GB.total}
node_uuid = ${providerUuid(n.name)}
`;
}

function novaUwsgiIni(n: LabNode, what: 'api' | 'metadata'): string {
  const dir = nodePaths(n).nova;
  const env = [`OS_NOVA_CONFIG_DIR=${dir}`, `OS_NOVA_CONFIG_FILES=api-paste.ini;nova.conf;nova-db.conf;nova-${what}.conf`];
  // Two nova-api workers, as Kolla gives a 2-core host (one per core): with one, every request of a
  // whole-cluster check queued behind the others (each validates its token with Keystone), and the
  // API root took over 5 s to answer on the Kolla lab in CI (catalog-endpoints: slow).
  return uwsgiIni({ name: `nova-${what}`, host: n.ip, port: what === 'api' ? NOVA_API_PORT : NOVA_METADATA_PORT, wsgiFile: `/usr/bin/nova-${what}-wsgi`, env, chdir: dir, processes: what === 'api' ? 2 : 1 });
}

// ---------------------------------------------------------------------------------------------
// Components

function component(
  l: LabLayout,
  n: LabNode,
  binary: string,
  argv: string[],
  endpoints: string[],
  helm: { name: string; component: string; container: string },
  kolla: string,
  logName = binary,
): LabComponent {
  const p = nodePaths(n);
  return {
    name: `${binary}@${n.name}`,
    kind: (binary === 'nova-api-metadata' ? 'nova-api' : binary) as LabComponent['kind'],
    node: n.name,
    netns: n.netns,
    pidFile: join(p.nova, `${binary}.pid`),
    logFile: join(p.log, `${logName}.log`),
    dataDir: p.nova,
    endpoints,
    argv,
    env: { PATH: SYSTEM_PATH },
    pod: { name: helm.name, labels: { application: 'nova', component: helm.component }, container: helm.container, image: HELM_IMAGE },
    container: { name: kolla, image: kollaImage(kolla.replaceAll('_', '-')), service: 'nova' },
  };
}

export function novaApiComponent(l: LabLayout): LabComponent {
  const n = novaApiNode(l);
  return component(l, n, 'nova-api', ['uwsgi', '--ini', join(nodePaths(n).nova, 'uwsgi-api.ini')], [`${novaEndpoint(l)}/`], { name: 'nova-api-osapi-7c9d8b6f5b-qv4lz', component: 'os-api', container: 'nova-osapi' }, 'nova_api');
}

export function novaMetadataComponent(l: LabLayout): LabComponent {
  const n = novaApiNode(l);
  return component(
    l,
    n,
    'nova-api-metadata',
    ['uwsgi', '--ini', join(nodePaths(n).nova, 'uwsgi-metadata.ini')],
    [`http://${n.ip}:${NOVA_METADATA_PORT}/`],
    { name: 'nova-api-metadata-5f7d9c8b4d-h8kzr', component: 'metadata', container: 'nova-api' },
    'nova_metadata',
  );
}

/** nova-conductor or nova-scheduler: the plain service with the DB settings' file (nova-compute never gets it). */
function novaServiceComponent(l: LabLayout, n: LabNode, binary: 'nova-conductor' | 'nova-scheduler', podName: string): LabComponent {
  const short = binary.slice('nova-'.length);
  return component(
    l,
    n,
    binary,
    [`/usr/bin/${binary}`, '--config-file', novaConf(n), '--config-file', novaDbConf(n), '--log-file', novaLog(n, binary)],
    [],
    { name: podName, component: short, container: binary },
    `nova_${short}`,
  );
}

export const conductorComponent = (l: LabLayout): LabComponent => novaServiceComponent(l, conductorNode(l), 'nova-conductor', 'nova-conductor-6d5b8f7c9d-p2mxw');

export const schedulerComponent = (l: LabLayout): LabComponent => novaServiceComponent(l, schedulerNode(l), 'nova-scheduler', 'nova-scheduler-8b6c7d9f5c-t4nwj');

export function computeComponent(l: LabLayout, n: LabNode): LabComponent {
  return component(
    l,
    n,
    'nova-compute',
    [labScript('nova-compute'), '--config-file', novaConf(n), '--config-file', computeConf(n), '--log-file', novaLog(n, 'nova-compute')],
    [],
    { name: `nova-compute-default-${n.name.replace('compute-', '')}${'xkqzv'.slice(0, 4)}`, component: 'compute', container: 'nova-compute' },
    'nova_compute',
  );
}

// ---------------------------------------------------------------------------------------------
// Start

const nova = (n: LabNode, args: string[]): Promise<string> =>
  run(['nova-manage', '--config-file', novaConf(n), '--config-file', novaDbConf(n), ...args], { netns: n.netns, env: { PATH: SYSTEM_PATH }, timeoutMs: 300_000 });

/** Cell mappings as URL templates: each service fills them from its own config, so a cached nova_api fits any lab. */
function transportTemplate(l: LabLayout): string {
  const hosts = rabbitNodes(l).length;
  if (hosts === 1) return '{scheme}://{username}:{password}@{hostname}:{port}/{path}';
  return `{scheme}://${Array.from({ length: hosts }, (_, i) => `{username${i + 1}}:{password${i + 1}}@{hostname${i + 1}}:{port${i + 1}}`).join(',')}/{path}`;
}
const DB_TEMPLATE = '{scheme}://{username}:{password}@{hostname}:{port}/{path}';

async function waitHttp(what: string, url: string, ok: (status: number) => boolean, timeoutMs: number, logFile?: string): Promise<void> {
  await waitUntil(what, async () => ok((await fetch(url, { signal: AbortSignal.timeout(5000) })).status), timeoutMs, logFile);
}

/** nova-api (+ metadata), nova-conductor, nova-scheduler; cells v2. `keystone`: settles once Keystone's catalog and users are made. */
export async function startNovaControl(ctx: ControlPlaneContext, keystone?: Promise<unknown>): Promise<void> {
  const l = ctx.layout;
  const api = novaApiNode(l);
  await (ctx.messaging ?? rabbitUser(l, 'openstack', ctx.secret('rabbitmq:openstack')));
  for (const n of controllers(l)) {
    const p = nodePaths(n);
    mkdirSync(join(p.nova, 'lock'), { recursive: true });
    writeFileSync(novaConf(n), commonConf(ctx, n), { mode: 0o640 });
    writeFileSync(novaDbConf(n), dbConf(ctx), { mode: 0o640 });
  }
  const ap = nodePaths(api);
  copyFileSync('/etc/nova/api-paste.ini', join(ap.nova, 'api-paste.ini'));
  writeFileSync(join(ap.nova, 'nova-api.conf'), `[DEFAULT]\nlog_file = ${novaLog(api, 'nova-api')}\n`);
  writeFileSync(join(ap.nova, 'nova-metadata.conf'), `[DEFAULT]\nlog_file = ${novaLog(api, 'nova-api-metadata')}\n`);
  writeFileSync(join(ap.nova, 'uwsgi-api.ini'), novaUwsgiIni(api, 'api'));
  writeFileSync(join(ap.nova, 'uwsgi-metadata.ini'), novaUwsgiIni(api, 'metadata'));

  await serviceDatabase(l, ['nova_api', 'nova', 'nova_cell0'], 'nova', ctx.secret('db:nova'));
  await timed(ctx.state, 'nova: schema', () => schemaOnce(ctx, 'nova', ['nova_api', 'nova', 'nova_cell0'], NOVA_PACKAGES, async () => {
    await nova(api, ['api_db', 'sync']);
    await nova(api, ['cell_v2', 'map_cell0', '--database_connection', `${DB_TEMPLATE}_cell0?{query}`]);
    await nova(api, ['cell_v2', 'create_cell', '--name', 'cell1', '--transport-url', '{scheme}://{username}:{password}@{hostname}:{port}/{path}', '--database_connection', `${DB_TEMPLATE}?{query}`]);
    await nova(api, ['db', 'sync']);
  }));
  // The transport template of this lab's RabbitMQ (one node or three).
  await sql(controllers(l)[0] as LabNode, `UPDATE cell_mappings SET transport_url = '${transportTemplate(l)}' WHERE name = 'cell1'`, 'nova_api');

  // The APIs authenticate only when asked: they load beside Keystone.
  const cs = [novaApiComponent(l), novaMetadataComponent(l)];
  for (const c of cs) launch(c);
  ctx.add(cs);
  // nova-conductor and nova-scheduler take a token and the catalog at start (their Placement client),
  // and each Keystone caches the catalog in its own node's memcached: asked while the catalog was
  // still being made, one keeps serving it without Placement (nova-compute then exits: EndpointNotFound).
  await keystone;
  // nova-scheduler exits at start when Keystone or Placement do not answer yet.
  await timed(ctx.state, 'nova: wait keystone+placement', () => waitKeystoneAndPlacement(ctx));
  const cond = conductorComponent(l);
  const sched = schedulerComponent(l);
  launch(cond);
  launch(sched);
  ctx.add([cond, sched]);
  await timed(ctx.state, 'nova: api answers', () => waitHttp('nova-api to answer', `${novaEndpoint(l)}/`, (s) => s === 200, 180_000, (cs[0] as LabComponent).logFile));
  await waitHttp('nova metadata API to answer', `http://${api.ip}:${NOVA_METADATA_PORT}/`, (s) => s > 0 && s < 500, 180_000, (cs[1] as LabComponent).logFile);
  await timed(ctx.state, 'nova: conductor+scheduler up', () => waitUntil('nova-conductor and nova-scheduler to report up', async () => {
    const up = await services(ctx);
    return ['nova-conductor', 'nova-scheduler'].every((b) => up.some((s) => s.binary === b && s.state === 'up'));
  }, 180_000, sched.logFile));
}

async function waitKeystoneAndPlacement(ctx: ControlPlaneContext): Promise<void> {
  const l = ctx.layout;
  await waitHttp('Keystone to answer on the VIP', internalUrl(l, KEYSTONE_PORT, '/v3'), (s) => s === 200, 180_000);
  await waitHttp('Placement to answer on the VIP', internalUrl(l, PLACEMENT_PORT, '/'), (s) => s === 200, 180_000);
}

export interface NovaService {
  id: string | number;
  binary: string;
  host: string;
  state: 'up' | 'down';
  status: 'enabled' | 'disabled';
}

/** GET /os-services: what `openstack compute service list` shows. */
export async function services(ctx: ControlPlaneContext, query = ''): Promise<NovaService[]> {
  const r = (await osApi(ctx, `${novaEndpoint(ctx.layout)}/v2.1/os-services${query}`, 'GET', undefined, computeVersion)) as { services: NovaService[] };
  return r.services;
}

const computeVersion = { 'openstack-api-version': `compute ${COMPUTE_MICROVERSION}`, 'x-openstack-nova-api-version': COMPUTE_MICROVERSION };

/** nova-compute (fake driver, per-compute sizes) on the Nova computes; discover_hosts. */
export async function startNovaComputes(ctx: ControlPlaneContext): Promise<void> {
  const l = ctx.layout;
  const nodes = novaComputeNodes(l);
  if (nodes.length === 0) return;
  for (const n of nodes) {
    mkdirSync(join(nodePaths(n).nova, 'lock'), { recursive: true });
    writeFileSync(novaConf(n), commonConf(ctx, n), { mode: 0o640 });
    writeFileSync(computeConf(n), computeOnlyConf(n), { mode: 0o640 });
  }
  await waitKeystoneAndPlacement(ctx);
  const cs = nodes.map((n) => computeComponent(l, n));
  for (const c of cs) launch(c);
  ctx.add(cs);
  await timed(ctx.state, 'nova: computes report up', () => waitUntil(
    `nova-compute on ${nodes.map((n) => n.name).join(', ')} to report up`,
    async () => {
      const up = await services(ctx, '?binary=nova-compute');
      return nodes.every((n) => up.some((s) => s.host === n.name && s.state === 'up'));
    },
    180_000,
    (cs[0] as LabComponent).logFile,
  ));
  await timed(ctx.state, 'nova: discover hosts', () => discoverHosts(ctx));
}

/** Map newly registered computes to cell1 (`nova-manage cell_v2 discover_hosts`), until each is a hypervisor the API lists. */
export async function discoverHosts(ctx: ControlPlaneContext): Promise<void> {
  const l = ctx.layout;
  const nodes = novaComputeNodes(l);
  await waitUntil(
    'the Nova computes to be mapped to cell1',
    async () => {
      await nova(novaApiNode(l), ['cell_v2', 'discover_hosts', '--verbose']);
      const hv = (await osApi(ctx, `${novaEndpoint(l)}/v2.1/os-hypervisors`, 'GET', undefined, computeVersion)) as { hypervisors: Array<{ hypervisor_hostname: string }> };
      return nodes.every((n) => hv.hypervisors.some((h) => h.hypervisor_hostname === n.name));
    },
    120_000,
  );
}

// ---------------------------------------------------------------------------------------------
// Flavors and servers

/** The lab's flavors: tenant.ts's and the capacity fault's large one (faults.ts LARGE_FLAVOR), as Nova flavors. */
export const labFlavors: Record<string, { VCPU: number; MEMORY_MB: number; DISK_GB: number }> = { ...flavors, 'm1.large': { VCPU: 4, MEMORY_MB: 8192, DISK_GB: 80 } };

/** The ids of the flavors named `name` (public and private). */
async function flavorIds(ctx: ControlPlaneContext, name: string): Promise<string[]> {
  const list = (await osApi(ctx, `${novaEndpoint(ctx.layout)}/v2.1/flavors?is_public=None`, 'GET', undefined, computeVersion)) as { flavors: Array<{ id: string; name: string }> };
  return list.flavors.filter((f) => f.name === name).map((f) => f.id);
}

export async function ensureFlavor(ctx: ControlPlaneContext, name: string, r: { VCPU: number; MEMORY_MB: number; DISK_GB: number }): Promise<string> {
  const url = `${novaEndpoint(ctx.layout)}/v2.1/flavors`;
  const [found] = await flavorIds(ctx, name);
  if (found) return found;
  const made = (await osApi(ctx, url, 'POST', { flavor: { name, vcpus: r.VCPU, ram: r.MEMORY_MB, disk: r.DISK_GB } }, computeVersion)) as { flavor: { id: string } };
  return made.flavor.id;
}

/** Delete a flavor by name, if it is there (a fault that made one takes it away again). */
export async function deleteFlavor(ctx: ControlPlaneContext, name: string): Promise<void> {
  for (const id of await flavorIds(ctx, name)) {
    await osApi(ctx, `${novaEndpoint(ctx.layout)}/v2.1/flavors/${id}`, 'DELETE', undefined, computeVersion).catch((e: Error) => {
      if (!/HTTP 404/.test(e.message)) throw e;
    });
  }
}

export interface ServerView {
  id: string;
  name: string;
  status: string;
  'OS-EXT-SRV-ATTR:host'?: string | null;
  fault?: { message: string; code: number };
}

export async function server(ctx: ControlPlaneContext, id: string): Promise<ServerView | undefined> {
  try {
    return ((await osApi(ctx, `${novaEndpoint(ctx.layout)}/v2.1/servers/${id}`, 'GET', undefined, computeVersion)) as { server: ServerView }).server;
  } catch (e) {
    if (/HTTP 404/.test((e as Error).message)) return undefined;
    throw e;
  }
}

/** POST /servers; the id Nova gave it. */
export async function bootServer(
  ctx: ControlPlaneContext,
  opts: { name: string; flavor: string; host?: string; port?: string; projectId?: string },
): Promise<string> {
  const image = (ctx.state.cloud?.image as { id: string } | undefined)?.id;
  if (!image) throw new LabError('the lab has no Glance image (cp/glance.ts did not run)');
  const body = {
    server: {
      name: opts.name,
      flavorRef: opts.flavor,
      imageRef: image,
      networks: opts.port ? [{ port: opts.port }] : 'none',
      ...(opts.host ? { availability_zone: `nova:${opts.host}` } : {}),
    },
  };
  const r = (await osApi(ctx, `${novaEndpoint(ctx.layout)}/v2.1/servers`, 'POST', body, computeVersion, opts.projectId)) as { server: { id: string } };
  return r.server.id;
}

export async function deleteServer(ctx: ControlPlaneContext, id: string): Promise<void> {
  await osApi(ctx, `${novaEndpoint(ctx.layout)}/v2.1/servers/${id}`, 'DELETE', undefined, computeVersion).catch((e: Error) => {
    if (!/HTTP 404/.test(e.message)) throw e;
  });
  await waitUntil(`server ${id} to be deleted`, async () => (await server(ctx, id)) === undefined, 120_000);
}

/** The lab's admin gets role admin in a project (as an operator does to act in a tenant's project). */
async function grantAdmin(ctx: ControlPlaneContext, projectId: string): Promise<void> {
  const users = (await osApi(ctx, keystoneDirect(ctx, '/v3/users?name=admin'))) as { users: Array<{ id: string }> };
  const roles = (await osApi(ctx, keystoneDirect(ctx, '/v3/roles?name=admin'))) as { roles: Array<{ id: string }> };
  const user = users.users[0]?.id;
  const role = roles.roles[0]?.id;
  if (!user || !role) throw new LabError('Keystone has no user or role named admin');
  await osApi(ctx, keystoneDirect(ctx, `/v3/projects/${projectId}/users/${user}/roles/${role}`), 'PUT').catch((e: Error) => {
    throw new LabError(`the tenant's project ${projectId} (its Neutron ports' project) is not a Keystone project: ${e.message}`);
  });
}

/** The tenant's servers, created through the Nova API on the tenant's Neutron ports. */
export async function createServers(ctx: ControlPlaneContext): Promise<void> {
  const l = ctx.layout;
  const started = Date.now();
  const flavorIds: Record<string, string> = {};
  for (const [name, r] of Object.entries(labFlavors)) flavorIds[name] = await ensureFlavor(ctx, name, r);
  const cloud: NovaCloud = { flavors: flavorIds, servers: {} };
  ctx.state.cloud = { ...ctx.state.cloud, nova: cloud };
  saveState(ctx.state);
  const ports = (ctx.state.cloud?.ports ?? {}) as Record<string, { id: string; host: string }>;
  const novaHosts = new Set(novaComputeNodes(l).map((n) => n.name));
  const wanted = ctx.state.tenant.instances.filter((i) => novaHosts.has(i.host));
  const missing = wanted.filter((i) => !ports[i.name]);
  if (missing.length) {
    ctx.log(`    no Neutron port for ${missing.map((i) => i.name).join(', ')} (cp/neutron.ts made none): their servers are not created`);
  }
  const boot = wanted.filter((i) => ports[i.name]);
  // Nova boots a server on a port only in the port's own project: the admin works in the tenant's project.
  const projectId = ((ctx.state.cloud?.neutron as { projectId?: string } | undefined)?.projectId ?? ctx.state.tenant.projectId) as string;
  if (boot.length) await grantAdmin(ctx, projectId);
  const booted = Date.now();
  for (const i of boot) {
    const port = (ports[i.name] as { id: string }).id;
    const id = await bootServer(ctx, { name: i.name, flavor: flavorIds[i.flavor] as string, host: i.host, port, projectId });
    cloud.servers[i.name] = { id, host: i.host, port };
  }
  saveState(ctx.state);
  await waitUntil(
    `servers ${boot.map((i) => i.name).join(', ')} to become ACTIVE`,
    async () => {
      const views = await Promise.all(Object.values(cloud.servers).map((s) => server(ctx, s.id)));
      const failed = views.find((v) => v?.status === 'ERROR');
      if (failed) throw new LabError(`server ${failed.name} went to ERROR: ${failed.fault?.message ?? 'no fault message'}`);
      return views.every((v) => v?.status === 'ACTIVE');
    },
    180_000,
    novaLog(schedulerNode(l), 'nova-scheduler'),
  );
  if (boot.length) ctx.log(`    servers POSTed in ${((booted - started) / 1000).toFixed(1)} s`);
  if (boot.length) ctx.log(`    servers ${boot.map((i) => `${i.name}@${i.host}`).join(', ')} ACTIVE (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
