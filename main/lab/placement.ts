import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computes, controllers, labUuid, nodePaths, novaComputeNodes, type LabLayout, type LabNode } from './layout.js';
import { launch } from './launch.js';
import { sql } from './galera.js';
import { PLACEMENT_MICROVERSION, placementEndpoint } from './nodes.js';
import { LabError, run, waitUntil } from './proc.js';
import type { LabComponent } from './state.js';
import { computeInventory, flavors, type LabTenant } from './tenant.js';
import { adminSession, forgetSession } from './cp/keystone-client.js';
import { cachedSchema } from './cp/schema-cache.js';

/**
 * The real OpenStack Placement API (Debian's placement-api) on the first controller, with its
 * database in the lab's Galera cluster and `auth_strategy = noauth2` (the token `admin`).
 * Seeded as nova-compute and the scheduler would leave it: one resource provider per compute
 * with VCPU / MEMORY_MB / DISK_GB inventories, and an allocation per instance.
 */

export const placementConf = (n: LabNode): string => join(nodePaths(n).placement, 'placement.conf');
export const providerUuid = (compute: string): string => labUuid(`rp:${compute}`);

export function placementComponent(l: LabLayout): LabComponent {
  const n = controllers(l)[0] as LabNode;
  const p = nodePaths(n);
  const dir = join(p.pods, 'placement-api');
  return {
    name: `placement-api@${n.name}`,
    kind: 'placement-api',
    node: n.name,
    netns: n.netns,
    pidFile: join(dir, 'pid'),
    logFile: join(dir, 'current.log'),
    endpoints: [placementEndpoint(l)],
    argv: ['placement-api', '--host', n.ip, '--port', '8778'],
    env: { OS_PLACEMENT_CONFIG_DIR: p.placement },
    supervised: { dir },
    pod: {
      name: 'placement-api-5d8c7b9f6c-m4kqz',
      labels: { application: 'placement', component: 'api' },
      container: 'placement-api',
      image: 'docker.io/openstackhelm/placement:2024.1-ubuntu_jammy',
    },
    container: { name: 'placement_api', image: 'quay.io/openstack.kolla/placement-api:zed-debian-bookworm', service: 'placement' },
  };
}

/** Full control plane: Placement checks tokens with Keystone (keystonemiddleware) instead of noauth2. */
export interface PlacementKeystone {
  authUrl: string;
  /** The `placement` service user's password. */
  password: string;
  dbPassword: string;
  memcacheServers?: string;
  log?: (line: string) => void;
  /** Told whether the schema came from the cache. */
  noteSchema?: (how: 'warm' | 'cold') => void;
  /**
   * Awaited before the first authenticated call (the seeding): Placement's keystonemiddleware
   * needs its `placement` user in Keystone. Until then Placement can start alongside Keystone.
   */
  ready?: Promise<unknown>;
}

function conf(l: LabLayout, password: string, keystone?: PlacementKeystone): string {
  const db = controllers(l)[0] as LabNode;
  const auth = keystone
    ? `[api]
auth_strategy = keystone

[keystone_authtoken]
www_authenticate_uri = ${keystone.authUrl}
auth_url = ${keystone.authUrl}
${keystone.memcacheServers ? `memcached_servers = ${keystone.memcacheServers}\n` : ''}auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = placement
password = ${keystone.password}
region_name = RegionOne
service_token_roles_required = true
`
    : `[api]
auth_strategy = noauth2
`;
  return `[DEFAULT]
debug = false

${auth}
[placement_database]
connection = mysql+pymysql://placement:${password}@${db.ip}/placement?charset=utf8
`;
}

/**
 * Create the databases (placement, and the slice of nova the lab's instances live in) and start Placement.
 * With `keystone` (full control plane): Keystone auth, the schema from the cache, no seeded Nova
 * (the real Nova owns its databases) and providers only for computes that run no nova-compute.
 */
export async function startPlacement(l: LabLayout, t: LabTenant, keystone?: PlacementKeystone): Promise<LabComponent> {
  const n = controllers(l)[0] as LabNode;
  const password = keystone?.dbPassword ?? randomBytes(12).toString('hex');
  await sql(
    n,
    [
      'CREATE DATABASE IF NOT EXISTS placement',
      `CREATE USER IF NOT EXISTS 'placement'@'%' IDENTIFIED BY '${password}'`,
      `ALTER USER 'placement'@'%' IDENTIFIED BY '${password}'`,
      "GRANT ALL PRIVILEGES ON placement.* TO 'placement'@'%'",
    ].join('; '),
  );
  if (!keystone) await seedNova(n, t);
  mkdirSync(nodePaths(n).placement, { recursive: true });
  writeFileSync(placementConf(n), conf(l, password, keystone), { mode: 0o640 });
  // Kept so `lab heal pod-crashloop` can put the working configuration back.
  copyFileSync(placementConf(n), `${placementConf(n)}.good`);
  const sync = async (): Promise<void> => void (await run(['placement-manage', '--config-file', placementConf(n), 'db', 'sync'], { netns: n.netns, timeoutMs: 180_000 }));
  if (keystone) {
    const how = await cachedSchema({ key: 'placement', databases: ['placement'], packages: ['placement-api', 'python3-placement'], node: n, sync, log: keystone.log });
    keystone.noteSchema?.(how);
  } else {
    await sync();
  }
  const c = placementComponent(l);
  launch(c);
  await waitUntil('placement-api to answer', async () => (await fetch(`${placementEndpoint(l)}/`)).ok, 90_000, c.logFile);
  await keystone?.ready;
  await seedPlacement(l, t);
  return c;
}

/** The part of Nova's database the lab needs: which instances exist, and where. */
async function seedNova(n: LabNode, t: LabTenant): Promise<void> {
  const rows = t.instances
    .map((i, k) => `(${k + 1}, '${i.uuid}', '${i.name}', '${i.host}', '${i.host}', 'active', '${t.projectId}', '${t.userId}', '${i.flavor}', NOW(), 0)`)
    .join(', ');
  await sql(
    n,
    [
      'CREATE DATABASE IF NOT EXISTS nova',
      'USE nova',
      `CREATE TABLE IF NOT EXISTS instances (id INT PRIMARY KEY, uuid VARCHAR(36) NOT NULL UNIQUE, hostname VARCHAR(255), host VARCHAR(255), node VARCHAR(255),
        vm_state VARCHAR(255), project_id VARCHAR(255), user_id VARCHAR(255), instance_type VARCHAR(255), created_at DATETIME, deleted_at DATETIME, deleted INT NOT NULL DEFAULT 0)`,
      `REPLACE INTO instances (id, uuid, hostname, host, node, vm_state, project_id, user_id, instance_type, created_at, deleted) VALUES ${rows}`,
    ].join('; '),
  );
}

/**
 * A Placement API call from this machine, failing with the API's own error text. The light lab's
 * Placement takes noauth2's token `admin`; the full control plane's wants a Keystone token (the admin's).
 */
export async function placement(l: LabLayout, method: string, path: string, body?: unknown): Promise<unknown> {
  const token = l.controlPlane === 'full' ? (await adminSession(l)).token : 'admin';
  const res = await fetch(`${placementEndpoint(l)}${path}`, {
    method,
    headers: {
      'x-auth-token': token,
      'openstack-api-version': `placement ${PLACEMENT_MICROVERSION}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // A refused token (a Keystone fault, a rotated key) is not kept for the next call.
  if (res.status === 401 && l.controlPlane === 'full') forgetSession(l);
  if (!res.ok) throw new LabError(`placement ${method} ${path}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

export async function setInventories(l: LabLayout, rp: string, inventories: Record<string, { total: number; reserved: number; allocation_ratio: number }>): Promise<void> {
  const current = (await placement(l, 'GET', `/resource_providers/${rp}`)) as { generation: number };
  const full = Object.fromEntries(
    Object.entries(inventories).map(([rc, v]) => [rc, { ...v, min_unit: 1, max_unit: v.total, step_size: 1 }]),
  );
  await placement(l, 'PUT', `/resource_providers/${rp}/inventories`, { resource_provider_generation: current.generation, inventories: full });
}

export async function allocate(l: LabLayout, t: LabTenant, consumer: string, rp: string, resources: Record<string, number>): Promise<void> {
  await placement(l, 'PUT', `/allocations/${consumer}`, {
    allocations: { [rp]: { resources } },
    project_id: t.projectId,
    user_id: t.userId,
    consumer_generation: null,
    consumer_type: 'INSTANCE',
  });
}

/** Providers as nova-compute would report them, for the computes that run none (a real nova-compute makes its own). */
async function seedPlacement(l: LabLayout, t: LabTenant): Promise<void> {
  const real = new Set(novaComputeNodes(l).map((c) => c.name));
  for (const c of computes(l).filter((x) => !real.has(x.name))) {
    const rp = providerUuid(c.name);
    await placement(l, 'POST', '/resource_providers', { name: c.name, uuid: rp });
    await setInventories(l, rp, computeInventory);
  }
  for (const i of t.instances.filter((x) => !real.has(x.host))) await allocate(l, t, i.uuid, providerUuid(i.host), { ...flavors[i.flavor] });
}
