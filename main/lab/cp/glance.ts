import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlPlaneContext } from '../controlplane.js';
import { serviceDatabase } from '../controlplane.js';
import { launch } from '../launch.js';
import { controllers, nodePaths, type LabLayout, type LabNode } from '../layout.js';
import { run, waitUntil } from '../proc.js';
import { saveState, type LabComponent } from '../state.js';
import { internalUrl, memcacheServers } from './edge.js';
import { KEYSTONE_PORT, osApi, schemaOnce } from './os-http.js';

/**
 * Glance as a packaged install runs it: `glance-api` (its own eventlet server, workers = 0: one
 * process) on the first controller at n.ip:9292, the file store in the node's glance folder, and
 * one tiny image the lab makes itself (1 MiB of zeros, raw), uploaded through the API.
 */

export const GLANCE_PORT = 9292;
export const LAB_IMAGE = 'cirros-lab';
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const glanceNode = (l: LabLayout): LabNode => controllers(l)[0] as LabNode;
export const glanceConf = (n: LabNode): string => join(nodePaths(n).glance, 'glance-api.conf');
export const glanceEndpoint = (l: LabLayout): string => `http://${glanceNode(l).ip}:${GLANCE_PORT}`;

export function glanceComponent(l: LabLayout): LabComponent {
  const n = glanceNode(l);
  const p = nodePaths(n);
  return {
    name: `glance-api@${n.name}`,
    kind: 'glance-api',
    node: n.name,
    netns: n.netns,
    pidFile: join(p.glance, 'glance-api.pid'),
    logFile: join(p.log, 'glance-api.log'),
    dataDir: p.glance,
    endpoints: [`${glanceEndpoint(l)}/versions`],
    argv: ['/usr/bin/glance-api', '--config-file', glanceConf(n)],
    env: { PATH: SYSTEM_PATH },
    pod: {
      name: 'glance-api-6b9f8c7d5d-x2lqp',
      labels: { application: 'glance', component: 'api' },
      container: 'glance-api',
      image: 'docker.io/openstackhelm/glance:2024.1-ubuntu_jammy',
    },
    container: { name: 'glance_api', image: 'quay.io/openstack.kolla/glance-api:zed-debian-bookworm', service: 'glance' },
  };
}

function conf(ctx: ControlPlaneContext, n: LabNode): string {
  const l = ctx.layout;
  const p = nodePaths(n);
  const db = controllers(l)[0] as LabNode;
  const keystone = internalUrl(l, KEYSTONE_PORT, '/v3');
  return `[DEFAULT]
bind_host = ${n.ip}
bind_port = ${GLANCE_PORT}
# 0: serve from the one process (the default forks one worker per CPU)
workers = 0
log_file = ${join(p.log, 'glance-api.log')}
debug = false
enabled_backends = fs:file

[database]
connection = mysql+pymysql://glance:${ctx.secret('db:glance')}@${db.ip}/glance?charset=utf8

[glance_store]
default_backend = fs

[fs]
filesystem_store_datadir = ${join(p.glance, 'images')}/

[os_glance_staging_store]
filesystem_store_datadir = ${join(p.glance, 'staging')}/

[os_glance_tasks_store]
filesystem_store_datadir = ${join(p.glance, 'tasks')}/

[keystone_authtoken]
www_authenticate_uri = ${keystone}
auth_url = ${keystone}
memcached_servers = ${memcacheServers(l)}
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = glance
password = ${ctx.secret('keystone:glance')}
region_name = RegionOne
service_token_roles_required = true

[paste_deploy]
flavor = keystone
config_file = ${join(p.glance, 'glance-api-paste.ini')}

[oslo_concurrency]
lock_path = ${join(p.glance, 'lock')}
`;
}

/** glance-api with the file store and one tiny image the lab makes itself. */
export async function startGlance(ctx: ControlPlaneContext, keystone?: Promise<unknown>): Promise<void> {
  const l = ctx.layout;
  const n = glanceNode(l);
  const p = nodePaths(n);
  for (const d of ['images', 'staging', 'tasks', 'lock']) mkdirSync(join(p.glance, d), { recursive: true });
  writeFileSync(glanceConf(n), conf(ctx, n), { mode: 0o640 });
  copyFileSync('/etc/glance/glance-api-paste.ini', join(p.glance, 'glance-api-paste.ini'));
  await serviceDatabase(l, ['glance'], 'glance', ctx.secret('db:glance'));
  await schemaOnce(ctx, 'glance', ['glance'], ['glance-api', 'glance-common', 'python3-glance'], async () => {
    await run(['glance-manage', '--config-file', glanceConf(n), 'db_sync'], { netns: n.netns, env: { PATH: SYSTEM_PATH }, timeoutMs: 300_000 });
  });
  const c = glanceComponent(l);
  launch(c);
  ctx.add([c]);
  // GET / answers 300 (multiple choices); /versions 200.
  await waitUntil('glance-api to answer', async () => (await fetch(`${glanceEndpoint(l)}/versions`)).ok, 120_000, c.logFile);
  // The upload goes with the admin's token and Glance checks it as its service user: both Keystone's.
  await keystone;
  await uploadImage(ctx);
}

/** The lab's image: 1 MiB of zeros, raw, public; made once per lab. Its id goes to state.cloud.image. */
async function uploadImage(ctx: ControlPlaneContext): Promise<void> {
  const url = glanceEndpoint(ctx.layout);
  const found = (await osApi(ctx, `${url}/v2/images?name=${LAB_IMAGE}`)) as { images: Array<{ id: string; status: string }> };
  let image = found.images[0];
  if (!image) {
    image = (await osApi(ctx, `${url}/v2/images`, 'POST', {
      name: LAB_IMAGE,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'public',
      min_disk: 0,
      min_ram: 0,
    })) as { id: string; status: string };
  }
  if (image.status !== 'active') await osApi(ctx, `${url}/v2/images/${image.id}/file`, 'PUT', new Blob([new Uint8Array(1024 * 1024)]));
  const id = image.id;
  await waitUntil(`image ${LAB_IMAGE} to become active`, async () => ((await osApi(ctx, `${url}/v2/images/${id}`)) as { status: string }).status === 'active', 60_000);
  ctx.state.cloud = { ...ctx.state.cloud, image: { name: LAB_IMAGE, id } };
  saveState(ctx.state);
  ctx.log(`    image ${LAB_IMAGE} ${id} active in Glance`);
}
