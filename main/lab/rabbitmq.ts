import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { controllers, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { launch } from './launch.js';
import { runCommand, waitUntil } from './proc.js';
import type { LabComponent } from './state.js';

/**
 * RabbitMQ on the first controller (one broker; the lab's memory budget has no room for three).
 * Everything it writes lives under the node's folder; `rabbitmqctl` on that node finds it
 * through the node's HOME (same Erlang cookie) and RABBITMQ_NODENAME.
 */
export const RABBIT_NODENAME = 'rabbit@localhost';

export function rabbitEnv(n: LabNode): Record<string, string> {
  const p = nodePaths(n);
  return {
    HOME: p.home,
    RABBITMQ_NODENAME: RABBIT_NODENAME,
    RABBITMQ_NODE_IP_ADDRESS: n.ip,
    RABBITMQ_NODE_PORT: '5672',
    RABBITMQ_DIST_PORT: '25672',
    RABBITMQ_MNESIA_BASE: join(p.rabbitmq, 'mnesia'),
    RABBITMQ_LOG_BASE: p.log,
    RABBITMQ_PID_FILE: join(p.rabbitmq, 'rabbitmq.pid'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(p.rabbitmq, 'enabled_plugins'),
    RABBITMQ_CONFIG_FILE: join(p.rabbitmq, 'rabbitmq'),
  };
}

export function rabbitComponent(l: LabLayout): LabComponent {
  const n = controllers(l)[0] as LabNode;
  const p = nodePaths(n);
  return {
    name: `rabbitmq@${n.name}`,
    kind: 'rabbitmq',
    node: n.name,
    netns: n.netns,
    pidFile: join(p.rabbitmq, 'lab.pid'),
    logFile: join(p.log, 'rabbitmq-server.log'),
    dataDir: join(p.rabbitmq, 'mnesia'),
    endpoints: [`amqp://${n.ip}:5672`, `epmd 127.0.0.1:4369`],
    argv: ['/usr/lib/rabbitmq/bin/rabbitmq-server'],
    env: rabbitEnv(n),
    pod: { name: 'rabbitmq-rabbitmq-0', labels: { application: 'rabbitmq', component: 'server' }, container: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.10' },
  };
}

export async function startRabbit(l: LabLayout): Promise<LabComponent> {
  const c = rabbitComponent(l);
  const n = controllers(l)[0] as LabNode;
  const p = nodePaths(n);
  mkdirSync(p.rabbitmq, { recursive: true });
  writeFileSync(join(p.rabbitmq, 'enabled_plugins'), '[].\n');
  // A small broker: stop accepting publishes at 200 MB rather than 40 % of this machine's RAM.
  writeFileSync(join(p.rabbitmq, 'rabbitmq.conf'), 'vm_memory_high_watermark.absolute = 200MB\ndisk_free_limit.absolute = 50MB\n');
  launch(c);
  return c;
}

export async function rabbitReady(l: LabLayout, c: LabComponent): Promise<void> {
  const n = controllers(l)[0] as LabNode;
  await waitUntil(
    'rabbitmq to start',
    async () => existsSync(c.env.RABBITMQ_PID_FILE as string) && (await runCommand(['/usr/lib/rabbitmq/bin/rabbitmqctl', '-q', 'await_startup', '--timeout', '5'], { netns: n.netns, env: c.env, timeoutMs: 15_000 })).code === 0,
    120_000,
    c.logFile,
  );
}

/** The RabbitMQ nodes of the lab (the first controller, or all three with --rabbitmq-nodes 3). */
export const rabbitNodes = (l: LabLayout): LabNode[] => controllers(l).slice(0, l.rabbitmqNodes ?? 1);

/** oslo.messaging's transport_url for a service user, listing every RabbitMQ node. */
export function transportUrl(l: LabLayout, user: string, password: string): string {
  return `rabbit://${rabbitNodes(l).map((n) => `${user}:${password}@${n.ip}:5672`).join(',')}/`;
}

/** A RabbitMQ user with every permission on vhost / (as Kolla and openstack-helm make `openstack`). */
export async function rabbitUser(l: LabLayout, user: string, password: string): Promise<void> {
  const n = controllers(l)[0] as LabNode;
  const ctl = (args: string[]) => runCommand(['/usr/lib/rabbitmq/bin/rabbitmqctl', ...args], { netns: n.netns, env: rabbitEnv(n), timeoutMs: 60_000 });
  const added = await ctl(['add_user', user, password]);
  if (added.code !== 0 && !/already exists/.test(added.stderr + added.stdout)) throw new Error(`rabbitmqctl add_user ${user}: ${added.stderr.trim()}`);
  if (added.code !== 0) await ctl(['change_password', user, password]);
  const perms = await ctl(['set_permissions', '-p', '/', user, '.*', '.*', '.*']);
  if (perms.code !== 0) throw new Error(`rabbitmqctl set_permissions ${user}: ${perms.stderr.trim()}`);
}
