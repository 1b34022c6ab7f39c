import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computes, controllers, labUuid, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { launch } from './launch.js';
import { sql } from './galera.js';
import { PLACEMENT_MICROVERSION, placementEndpoint } from './nodes.js';
import { LabError, run, waitUntil } from './proc.js';
import type { LabComponent } from './state.js';
import { computeInventory, flavors, type LabTenant } from './tenant.js';

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
  };
}

function conf(l: LabLayout, password: string): string {
  const db = controllers(l)[0] as LabNode;
  return `[DEFAULT]
debug = false

[api]
auth_strategy = noauth2

[placement_database]
connection = mysql+pymysql://placement:${password}@${db.ip}/placement?charset=utf8
`;
}

/** Create the databases (placement, and the slice of nova the lab's instances live in) and start Placement. */
export async function startPlacement(l: LabLayout, t: LabTenant): Promise<LabComponent> {
  const n = controllers(l)[0] as LabNode;
  const password = randomBytes(12).toString('hex');
  await sql(
    n,
    [
      'CREATE DATABASE IF NOT EXISTS placement',
      `CREATE USER IF NOT EXISTS 'placement'@'%' IDENTIFIED BY '${password}'`,
      `ALTER USER 'placement'@'%' IDENTIFIED BY '${password}'`,
      "GRANT ALL PRIVILEGES ON placement.* TO 'placement'@'%'",
    ].join('; '),
  );
  await seedNova(n, t);
  mkdirSync(nodePaths(n).placement, { recursive: true });
  writeFileSync(placementConf(n), conf(l, password), { mode: 0o640 });
  // Kept so `lab heal pod-crashloop` can put the working configuration back.
  copyFileSync(placementConf(n), `${placementConf(n)}.good`);
  await run(['placement-manage', '--config-file', placementConf(n), 'db', 'sync'], { netns: n.netns, timeoutMs: 180_000 });
  const c = placementComponent(l);
  launch(c);
  await waitUntil('placement-api to answer', async () => (await fetch(`${placementEndpoint(l)}/`)).ok, 90_000, c.logFile);
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

/** A Placement API call from this machine, failing with the API's own error text. */
export async function placement(l: LabLayout, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${placementEndpoint(l)}${path}`, {
    method,
    headers: {
      'x-auth-token': 'admin',
      'openstack-api-version': `placement ${PLACEMENT_MICROVERSION}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
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

async function seedPlacement(l: LabLayout, t: LabTenant): Promise<void> {
  for (const c of computes(l)) {
    const rp = providerUuid(c.name);
    await placement(l, 'POST', '/resource_providers', { name: c.name, uuid: rp });
    await setInventories(l, rp, computeInventory);
  }
  for (const i of t.instances) await allocate(l, t, i.uuid, providerUuid(i.host), { ...flavors[i.flavor] });
}
