import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceDatabase, type ControlPlaneContext } from '../controlplane.js';
import { componentPid, launch } from '../launch.js';
import { controllers, nodePaths, type LabLayout, type LabNode } from '../layout.js';
import { startPlacement } from '../placement.js';
import { run, signal, waitUntil } from '../proc.js';
import type { LabComponent, LabState } from '../state.js';
import { timed } from '../timing.js';
import { internalUrl, MEMCACHED_PORT, memcacheServers, publicUrl } from './edge.js';
import { KEYSTONE_PORT, keystoneApi, keystoneNodeUrl, keystoneToken } from './keystone-client.js';
import { cachedSchema, noteSchemaStart } from './schema-cache.js';
import { uwsgiIni } from './uwsgi.js';

/**
 * Keystone on every controller, as Kolla and openstack-helm run it: one uwsgi (1 worker) per
 * controller on its own address, port 5000, all on the same database (the lab's Galera) and the
 * same Fernet key repository (made once on the first controller and copied to the others, as
 * Kolla's keystone-fernet containers distribute it), so any of them validates a token another
 * issued. HAProxy (cp/edge.ts) balances the VIP over them. Bootstrapped with the lab's admin,
 * then the service project, the service users and the catalog are made through Keystone's REST
 * API from this machine (one `openstack` call costs ≈ 1.1 s of Python start-up; the API ≈ 20 ms).
 */

export const REGION = 'RegionOne';

/** The services the catalog names besides identity, with Kolla's ports. */
export const catalogServices = [
  { name: 'placement', type: 'placement', port: 8778, path: '', description: 'Placement API' },
  { name: 'nova', type: 'compute', port: 8774, path: '/v2.1', description: 'OpenStack Compute Service' },
  { name: 'glance', type: 'image', port: 9292, path: '', description: 'OpenStack Image Service' },
  { name: 'neutron', type: 'network', port: 9696, path: '', description: 'OpenStack Networking Service' },
] as const;

/** Service users, in project `service` with role `admin` (password: ctx.secret('keystone:<user>')). */
export const serviceUsers = ['placement', 'nova', 'glance', 'neutron'] as const;

/** The identity URL services and clients use: the internal VIP (HAProxy), as in every deployment. */
export const keystoneAuthUrl = (l: LabLayout): string => internalUrl(l, KEYSTONE_PORT, '/v3');

/** memcached on the controllers when the edge part started it (oslo.cache / keystonemiddleware memcache_servers). */
export function memcachedServersOf(state: LabState): string | undefined {
  return state.components.some((c) => c.kind === 'memcached') ? memcacheServers(state.layout) : undefined;
}

const dirOf = (n: LabNode): string => nodePaths(n).keystone;
export const keystoneConf = (n: LabNode): string => join(dirOf(n), 'keystone.conf');
export const fernetRepo = (n: LabNode): string => join(dirOf(n), 'fernet-keys');
export const credentialRepo = (n: LabNode): string => join(dirOf(n), 'credential-keys');
export const keystoneLog = (n: LabNode): string => join(nodePaths(n).log, 'keystone.log');

function conf(n: LabNode, dbPassword: string, memcache: boolean): string {
  return `[DEFAULT]
log_file = ${keystoneLog(n)}
debug = false

[database]
connection = mysql+pymysql://keystone:${dbPassword}@${n.ip}/keystone?charset=utf8

[token]
provider = fernet

[fernet_tokens]
key_repository = ${fernetRepo(n)}
max_active_keys = 3

[fernet_receipts]
key_repository = ${fernetRepo(n)}

[credential]
key_repository = ${credentialRepo(n)}

[identity]
# bcrypt's minimum: each password check costs ~1 ms instead of ~250 ms of a shared core (a lab, not a cloud).
password_hash_rounds = 4
# bcrypt reads 72 bytes at most; the default (4096) logs "Truncating password" at every check.
max_password_length = 72

[cache]
${memcache ? `enabled = true\nbackend = dogpile.cache.pymemcache\nmemcache_servers = ${n.ip}:${MEMCACHED_PORT}` : 'enabled = false'}
`;
}

// Never write an empty [oslo_policy] policy_dirs: keystone then parses keystone.conf as a policy (HTTP 500).
function keystoneUwsgiIni(n: LabNode): string {
  return uwsgiIni({ name: 'keystone-api', host: n.ip, port: KEYSTONE_PORT, wsgiFile: '/usr/bin/keystone-wsgi-public', env: [`OS_KEYSTONE_CONFIG_DIR=${dirOf(n)}`], chdir: dirOf(n), logto: join(nodePaths(n).log, 'keystone-uwsgi.log') });
}

export function keystoneComponent(l: LabLayout, n: LabNode): LabComponent {
  return {
    name: `keystone@${n.name}`,
    kind: 'keystone',
    node: n.name,
    netns: n.netns,
    pidFile: join(dirOf(n), 'lab.pid'),
    logFile: keystoneLog(n),
    dataDir: dirOf(n),
    endpoints: [keystoneNodeUrl(n, '/v3')],
    argv: ['uwsgi', '--ini', join(dirOf(n), 'keystone-uwsgi.ini')],
    env: { OS_KEYSTONE_CONFIG_DIR: dirOf(n) },
    pod: {
      name: `keystone-api-7c9d6b5f8-${['x4kqp', 'm2wzt', 'r7hjn'][n.index - 1] ?? `n${n.index}`}`,
      labels: { application: 'keystone', component: 'api' },
      container: 'keystone-api',
      image: 'docker.io/openstackhelm/keystone:2024.1-ubuntu_jammy',
    },
    container: { name: 'keystone', image: 'quay.io/openstack.kolla/keystone:zed-debian-bookworm', service: 'keystone' },
  };
}

/** A Fernet key as `keystone-manage fernet_setup` writes it: 32 random bytes, URL-safe base64 with padding. */
const fernetKey = (): string => `${randomBytes(32).toString('base64url')}=`;

/** A key repository as fernet_setup / credential_setup leave it: 0 (staged) and 1 (primary), root-only. */
function makeKeyRepo(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of ['0', '1']) writeFileSync(join(dir, name), fernetKey(), { mode: 0o600 });
}

/** Copy one controller's key repository over another's (what Kolla's fernet sync does). */
export function copyKeyRepo(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, preserveTimestamps: true });
  chmodSync(to, 0o700);
}

/** Reload a controller's Keystone: SIGHUP to the uwsgi master re-forks its worker (pid stays). */
export function reloadKeystone(c: LabComponent): void {
  signal(componentPid(c), 'SIGHUP');
}

export async function waitKeystone(n: LabNode, timeoutMs = 120_000): Promise<void> {
  await waitUntil(`keystone on ${n.name} to answer`, async () => (await fetch(keystoneNodeUrl(n, '/v3'), { signal: AbortSignal.timeout(30_000) })).status === 200, timeoutMs, keystoneLog(n));
}

/** Keystone on every controller (Fernet), bootstrapped, with the catalog behind the VIP; then Placement behind it. */
export async function startKeystone(ctx: ControlPlaneContext, allDb?: Promise<unknown>): Promise<void> {
  const l = ctx.layout;
  const started = Date.now();
  const dbPassword = ctx.secret('db:keystone');
  const memcache = memcachedServersOf(ctx.state);
  // Each Keystone caches in its own node's memcached: tokens are cached when issued, so one cache
  // shared by all would hide a controller whose keys differ (keystone-fernet-mismatch).
  const localCache = memcache !== undefined;
  // Placement starts alongside (its schema, its Python start-up) and waits for the registration
  // (its service user) before its first authenticated call.
  let registered: (v: void) => void = () => undefined;
  let failed: (e: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => ((registered = resolve), (failed = reject)));
  ready.catch(() => undefined);
  const placement = timed(ctx.state, 'placement', () => startPlacement(l, ctx.state.tenant, {
    authUrl: keystoneAuthUrl(l),
    password: ctx.secret('keystone:placement'),
    dbPassword: ctx.secret('db:placement'),
    memcacheServers: memcache,
    log: ctx.log,
    noteSchema: (h) => noteSchemaStart(ctx.state, h),
    ready,
  }));
  placement.catch(() => undefined);
  try {
    await startKeystoneItself(ctx, started, dbPassword, localCache, allDb);
    registered();
  } catch (e) {
    failed(e);
    await placement.catch(() => undefined);
    throw e;
  }
  ctx.add([await placement]);
  ctx.log(`    placement behind keystone (${secs(started)})`);
}

async function startKeystoneItself(ctx: ControlPlaneContext, started: number, dbPassword: string, localCache: boolean, allDb?: Promise<unknown>): Promise<void> {
  const l = ctx.layout;
  const nodes = controllers(l);
  const first = nodes[0] as LabNode;
  await serviceDatabase(l, ['keystone'], 'keystone', dbPassword);
  for (const n of nodes) {
    mkdirSync(dirOf(n), { recursive: true, mode: 0o750 });
    writeFileSync(keystoneConf(n), conf(n, dbPassword, localCache), { mode: 0o640 });
    writeFileSync(join(dirOf(n), 'keystone-uwsgi.ini'), keystoneUwsgiIni(n), { mode: 0o640 });
  }
  const how = await timed(ctx.state, 'keystone: schema', () => cachedSchema({
    key: 'keystone',
    databases: ['keystone'],
    packages: ['keystone', 'python3-keystone'],
    node: first,
    sync: async () => void (await run(['keystone-manage', '--config-file', keystoneConf(first), 'db_sync'], { netns: first.netns, timeoutMs: 180_000 })),
    log: ctx.log,
  }));
  noteSchemaStart(ctx.state, how);
  ctx.log(`    keystone schema ${how === 'warm' ? 'restored from the cache' : 'made (db_sync) and cached'} (${secs(started)})`);
  // One key set for all controllers, or a token issued by one is refused by the others.
  makeKeyRepo(fernetRepo(first));
  makeKeyRepo(credentialRepo(first));
  for (const n of nodes.slice(1)) {
    copyKeyRepo(fernetRepo(first), fernetRepo(n));
    copyKeyRepo(credentialRepo(first), credentialRepo(n));
  }
  const comps = nodes.map((n) => keystoneComponent(l, n));
  // bootstrap (≈ 2 s of Python) runs while the uwsgi workers load Keystone.
  const bootstrap = run(
    [
      'keystone-manage',
      '--config-file',
      keystoneConf(first),
      'bootstrap',
      '--bootstrap-admin-url',
      keystoneAuthUrl(l),
      '--bootstrap-internal-url',
      keystoneAuthUrl(l),
      '--bootstrap-public-url',
      publicUrl(l, KEYSTONE_PORT, '/v3'),
      '--bootstrap-region-id',
      REGION,
    ],
    // The password goes by environment: never on a command line (ps, error messages).
    { netns: first.netns, env: { OS_BOOTSTRAP_PASSWORD: ctx.secret('keystone:admin') }, timeoutMs: 180_000 },
  );
  for (const c of comps) launch(c);
  ctx.add(comps);
  await Promise.all([timed(ctx.state, 'keystone: bootstrap', () => bootstrap), ...nodes.map((n) => timed(ctx.state, `keystone: answers on ${n.name}`, () => waitKeystone(n)))]);
  ctx.log(`    keystone bootstrapped, answering on ${nodes.length} controllers (${secs(started)})`);
  // Each controller's Keystone uses its own node's mysqld: every Galera node Synced before anyone asks them for tokens.
  await allDb;
  await timed(ctx.state, 'keystone: register', () => register(ctx, first));
  writeClientCredentials(ctx);
  ctx.log(`    keystone: service project, users and catalog registered (${secs(started)})`);
}

const secs = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The service project, service users, the demo tenant and the catalog, through Keystone's API. */
async function register(ctx: ControlPlaneContext, via: LabNode): Promise<void> {
  const l = ctx.layout;
  const { token } = await keystoneToken(l, { via, password: ctx.secret('keystone:admin') });
  const api = (method: string, path: string, body?: unknown): Promise<Record<string, unknown> | null> => keystoneApi(via, token, method, path, body);
  const idOf = (r: Record<string, unknown> | null, kind: string): string => (r?.[kind] as { id: string }).id;
  const [service, demo, roles] = await Promise.all([
    api('POST', '/v3/projects', { project: { name: 'service', domain_id: 'default', description: 'Service Project' } }),
    api('POST', '/v3/projects', { project: { name: 'demo', domain_id: 'default', description: 'The lab tenant' } }),
    api('GET', '/v3/roles'),
  ]);
  const roleId = (name: string): string => {
    const r = (roles?.roles as Array<{ id: string; name: string }>).find((x) => x.name === name);
    if (!r) throw new Error(`keystone bootstrap made no role ${name}`);
    return r.id;
  };
  const serviceId = idOf(service, 'project');
  const demoId = idOf(demo, 'project');
  const user = async (name: string, project: string, role: string): Promise<string> => {
    const u = idOf(await api('POST', '/v3/users', { user: { name, domain_id: 'default', default_project_id: project, password: ctx.secret(`keystone:${name}`) } }), 'user');
    await api('PUT', `/v3/projects/${project}/users/${u}/roles/${roleId(role)}`);
    return u;
  };
  const endpoints = async (s: (typeof catalogServices)[number]): Promise<void> => {
    const id = idOf(await api('POST', '/v3/services', { service: { name: s.name, type: s.type, description: s.description, enabled: true } }), 'service');
    const urls = { internal: internalUrl(l, s.port, s.path), admin: internalUrl(l, s.port, s.path), public: publicUrl(l, s.port, s.path) };
    for (const [iface, url] of Object.entries(urls)) await api('POST', '/v3/endpoints', { endpoint: { service_id: id, interface: iface, url, region_id: REGION, enabled: true } });
  };
  const [demoUser] = await Promise.all([user('demo', demoId, 'member'), ...serviceUsers.map((u) => user(u, serviceId, 'admin')), ...catalogServices.map(endpoints)]);
  ctx.state.cloud = { ...ctx.state.cloud, keystone: { serviceProjectId: serviceId, demoProjectId: demoId, demoUserId: demoUser } };
}

/**
 * The admin's credentials on every controller, where an operator keeps them: ~/admin-openrc
 * (what `client: openstack` steps source when the session has no OS_* variables) and
 * ~/.config/openstack/clouds.yaml, cloud `admin` (the node's sshd sets OS_CLOUD=admin, so a
 * plain `openstack …` works in an SSH session). Internal interface, no TLS. 0600, in the lab folder.
 */
export function writeClientCredentials(ctx: ControlPlaneContext): void {
  const l = ctx.layout;
  const password = ctx.secret('keystone:admin');
  for (const n of controllers(l)) {
    const home = nodePaths(n).home;
    writeFileSync(
      join(home, 'admin-openrc'),
      [
        '# The lab admin (Keystone, internal endpoints through the VIP).',
        'export OS_USERNAME=admin',
        `export OS_PASSWORD='${password}'`,
        'export OS_PROJECT_NAME=admin',
        'export OS_USER_DOMAIN_NAME=Default',
        'export OS_PROJECT_DOMAIN_NAME=Default',
        `export OS_AUTH_URL=${keystoneAuthUrl(l)}`,
        'export OS_INTERFACE=internal',
        'export OS_ENDPOINT_TYPE=internalURL',
        'export OS_IDENTITY_API_VERSION=3',
        `export OS_REGION_NAME=${REGION}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const dir = join(home, '.config', 'openstack');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(
      join(dir, 'clouds.yaml'),
      `clouds:
  admin:
    auth:
      auth_url: ${keystoneAuthUrl(l)}
      username: admin
      password: '${password}'
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: ${REGION}
    interface: internal
    identity_api_version: 3
`,
      { mode: 0o600 },
    );
  }
}
