import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { controllers, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { launch } from './launch.js';
import { LabError, runCommand, waitUntil } from './proc.js';
import type { LabComponent } from './state.js';

/**
 * RabbitMQ: one broker on the first controller, or with `--rabbitmq-nodes 3` one per controller
 * joined into a cluster. Everything a broker writes lives under its node's folder; `rabbitmqctl`
 * on that node finds it through the node's HOME (the Erlang cookie) and RABBITMQ_NODENAME.
 *
 * The lab's namespaces share one hostname and /etc/hosts, so a cluster cannot use
 * `rabbit@<hostname>`: its nodes are named by address (`rabbit@198.18.X.11`, long names), which
 * resolves the same in every namespace. Each namespace has its own loopback, so every broker has
 * its own epmd on 4369. A single broker keeps `rabbit@localhost`.
 */
export const RABBIT_NODENAME = 'rabbit@localhost';

const clustered = (l: LabLayout | undefined): boolean => (l?.rabbitmqNodes ?? 1) > 1;

/** The Erlang node name of the broker on `n`. */
export const rabbitNodeName = (n: LabNode, l?: LabLayout): string => (clustered(l) ? `rabbit@${n.ip}` : RABBIT_NODENAME);

/** What `rabbitmqctl` on a broker's node needs to reach it without flags (besides HOME). */
export function rabbitCliEnv(n: LabNode, l?: LabLayout): Record<string, string> {
  return { RABBITMQ_NODENAME: rabbitNodeName(n, l), ...(clustered(l) ? { RABBITMQ_USE_LONGNAME: 'true' } : {}) };
}

/** The broker's environment (and rabbitmqctl's, run from the lab). Without a layout: the single broker's. */
export function rabbitEnv(n: LabNode, l?: LabLayout): Record<string, string> {
  const p = nodePaths(n);
  return {
    HOME: p.home,
    ...rabbitCliEnv(n, l),
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

/** The RabbitMQ nodes of the lab (the first controller, or all three with --rabbitmq-nodes 3). */
export const rabbitNodes = (l: LabLayout): LabNode[] => controllers(l).slice(0, l.rabbitmqNodes ?? 1);

/** The broker on one node, presented as openstack-helm's StatefulSet pod and Kolla's container. */
export function rabbitComponentOn(l: LabLayout, n: LabNode): LabComponent {
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
    env: rabbitEnv(n, l),
    pod: { name: `rabbitmq-rabbitmq-${n.index - 1}`, labels: { application: 'rabbitmq', component: 'server' }, container: 'rabbitmq', image: 'docker.io/library/rabbitmq:3.10' },
    container: { name: 'rabbitmq', image: 'quay.io/openstack.kolla/rabbitmq:zed-debian-bookworm', service: 'rabbitmq' },
  };
}

/** The single broker on the first controller (what a lab without --rabbitmq-nodes runs). */
export const rabbitComponent = (l: LabLayout): LabComponent => rabbitComponentOn(l, controllers(l)[0] as LabNode);

/** `rabbitmqctl ARGS` (or another CLI tool) against the broker on `n`, from the lab. */
export function rabbitCtl(l: LabLayout, n: LabNode, args: string[], opts: { tool?: 'rabbitmqctl' | 'rabbitmq-diagnostics'; timeoutMs?: number } = {}) {
  return runCommand([`/usr/lib/rabbitmq/bin/${opts.tool ?? 'rabbitmqctl'}`, ...args], { netns: n.netns, env: rabbitEnv(n, l), timeoutMs: opts.timeoutMs ?? 60_000 });
}

/** A user the broker has from its first start (definitions file), with every permission on vhost /. */
export interface RabbitBootUser {
  name: string;
  password: string;
}

/** RabbitMQ's own password hash (rabbit_password_hashing_sha256): base64(salt ‖ SHA-256(salt ‖ password)), 4 bytes of salt. */
export function rabbitPasswordHash(password: string): string {
  const salt = randomBytes(4);
  return Buffer.concat([salt, createHash('sha256').update(Buffer.concat([salt, Buffer.from(password, 'utf8')])).digest()]).toString('base64');
}

/** A definitions file as Kolla's rabbitmq container loads at boot (`load_definitions`): the users, vhost / and their permissions. */
function definitions(users: RabbitBootUser[]): string {
  return `${JSON.stringify(
    {
      users: users.map((u) => ({ name: u.name, password_hash: rabbitPasswordHash(u.password), hashing_algorithm: 'rabbit_password_hashing_sha256', tags: '' })),
      vhosts: [{ name: '/' }],
      permissions: users.map((u) => ({ user: u.name, vhost: '/', configure: '.*', write: '.*', read: '.*' })),
    },
    null,
    2,
  )}\n`;
}

/**
 * Start the broker(s). `users` (the OpenStack services' user, on the full control plane) are in the
 * broker's definitions from its first start, as Kolla deploys RabbitMQ, instead of `rabbitmqctl
 * add_user` afterwards (each rabbitmqctl call boots an Erlang VM: seconds of CPU on a shared 2-core box).
 */
export async function startRabbit(l: LabLayout, users: RabbitBootUser[] = []): Promise<LabComponent[]> {
  // A cluster's nodes authenticate each other with one Erlang cookie (a lone broker makes its own).
  const cookie = clustered(l) ? randomBytes(20).toString('hex').toUpperCase() : undefined;
  return rabbitNodes(l).map((n) => {
    const c = rabbitComponentOn(l, n);
    const p = nodePaths(n);
    mkdirSync(p.rabbitmq, { recursive: true });
    writeFileSync(join(p.rabbitmq, 'enabled_plugins'), '[].\n');
    // A small broker: stop accepting publishes at 200 MB rather than 40 % of this machine's RAM.
    const conf = ['vm_memory_high_watermark.absolute = 200MB', 'disk_free_limit.absolute = 50MB'];
    // A cluster notices a lost peer within ~10 s (default 60) and, as many operators run it, keeps
    // both sides of a partition running (`cluster_status` lists it) until someone restarts the minority.
    if (cookie) conf.push('net_ticktime = 10', 'cluster_partition_handling = ignore', 'cluster_name = stackscope-lab');
    if (users.length) {
      const defs = join(p.rabbitmq, 'definitions.json');
      writeFileSync(defs, definitions(users), { mode: 0o600 });
      conf.push(`load_definitions = ${defs}`);
    }
    writeFileSync(join(p.rabbitmq, 'rabbitmq.conf'), `${conf.join('\n')}\n`);
    if (cookie) {
      mkdirSync(p.home, { recursive: true });
      writeFileSync(join(p.home, '.erlang.cookie'), cookie, { mode: 0o400 });
    }
    launch(c);
    return c;
  });
}

/** Whether a broker answers the AMQP 0-9-1 protocol header (with its connection.start frame). */
export function amqpAnswers(host: string, port = 5672, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => s.write(Buffer.from('AMQP\x00\x00\x09\x01', 'latin1')));
    // A method frame (type 1) comes back: connection.start.
    s.once('data', (d: Buffer) => done(d[0] === 1));
    s.once('error', () => done(false));
    s.once('end', () => done(false));
  });
}

export interface AmqpClient {
  child: ChildProcess;
  /** What the client printed so far (stdout and stderr). */
  output: () => string;
  stop: () => void;
}

/**
 * A service's client on a broker, from this machine, with py-amqp as oslo.messaging uses it: its
 * own auto-delete queue, a message published every 200 ms and, with `consume`, a consumer on that
 * queue (so a blocked publisher or a queue without its consumer shows as it would for Nova).
 * Resolves once connected.
 */
export async function startAmqpClient(opts: { host: string; user: string; password: string; queue: string; consume?: boolean }): Promise<AmqpClient> {
  const script = [
    'import amqp, os, socket, sys, time',
    "c = amqp.Connection(host=os.environ['H'] + ':5672', userid=os.environ['U'], password=os.environ['P'], connect_timeout=10)",
    'c.connect()',
    'ch = c.channel()',
    "q = os.environ['Q']",
    'ch.queue_declare(q, auto_delete=True)',
    "consume = os.environ.get('CONSUME') == '1'",
    'if consume:',
    '    ch.basic_consume(q, callback=lambda m: None, no_ack=True)',
    "print('connected', flush=True)",
    'while True:',
    "    ch.basic_publish(amqp.Message('x'), routing_key=q)",
    '    if consume:',
    '        try:',
    '            c.drain_events(timeout=0.2)',
    '        except socket.timeout:',
    '            pass',
    '    time.sleep(0.2)',
  ].join('\n');
  let said = '';
  // The password goes in the environment, never in argv (ps shows argv to every user).
  const child = spawn('/usr/bin/python3', ['-c', script], {
    env: { ...process.env, H: opts.host, U: opts.user, P: opts.password, Q: opts.queue, CONSUME: opts.consume ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (said += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (said += d.toString()));
  const stop = (): void => {
    child.kill('SIGKILL');
  };
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new LabError(`the AMQP client of ${opts.user} exited (${code}): ${said.trim().slice(-500)}`))));
  exited.catch(() => undefined);
  try {
    await Promise.race([waitUntil(`an AMQP client of ${opts.user} to connect to ${opts.host}`, () => said.includes('connected'), 60_000), exited]);
  } catch (e) {
    stop();
    throw e;
  }
  return { child, output: () => said, stop };
}

/** Wait until every broker runs; with three, join the others to the first and wait for a 3-node cluster. */
export async function rabbitReady(l: LabLayout, cs: LabComponent[]): Promise<void> {
  const nodes = rabbitNodes(l);
  await Promise.all(
    nodes.map((n, i) => {
      const c = cs[i] as LabComponent;
      return waitUntil(
        `rabbitmq on ${n.name} to start`,
        // The AMQP listener opens at the end of the boot: only then ask rabbitmqctl (an Erlang VM per call).
        async () => existsSync(c.env.RABBITMQ_PID_FILE as string) && (await amqpAnswers(n.ip)) && (await rabbitCtl(l, n, ['-q', 'await_startup', '--timeout', '5'], { timeoutMs: 15_000 })).code === 0,
        120_000,
        c.logFile,
      );
    }),
  );
  const [seed, ...others] = nodes as [LabNode, ...LabNode[]];
  for (const n of others) {
    for (const args of [['stop_app'], ['join_cluster', rabbitNodeName(seed, l)], ['start_app']]) {
      const r = await rabbitCtl(l, n, ['-q', ...args]);
      if (r.code !== 0) throw new LabError(`rabbitmqctl ${args.join(' ')} on ${n.name}: ${(r.stderr || r.stdout).trim()}`);
    }
  }
  if (others.length) {
    const want = nodes.map((n) => rabbitNodeName(n, l)).sort();
    await waitUntil('a RabbitMQ cluster of every node', async () => JSON.stringify((await rabbitClusterStatus(l, seed))?.running_nodes.sort()) === JSON.stringify(want), 60_000);
  }
}

export interface RabbitClusterStatus {
  running_nodes: string[];
  disk_nodes: string[];
  /** Node → the nodes it cannot communicate with. */
  partitions: Record<string, string[]>;
  alarms: unknown[];
}

/** `rabbitmqctl cluster_status --formatter json` on `n`; undefined when the node does not answer. */
export async function rabbitClusterStatus(l: LabLayout, n: LabNode, timeoutMs = 30_000): Promise<RabbitClusterStatus | undefined> {
  const r = await rabbitCtl(l, n, ['-q', 'cluster_status', '--formatter', 'json'], { timeoutMs }).catch(() => undefined);
  if (r?.code !== 0) return undefined;
  try {
    return JSON.parse(r.stdout) as RabbitClusterStatus;
  } catch {
    return undefined;
  }
}

/** oslo.messaging's transport_url for a service user, listing every RabbitMQ node. */
export function transportUrl(l: LabLayout, user: string, password: string): string {
  return `rabbit://${rabbitNodes(l).map((n) => `${user}:${encodeURIComponent(password)}@${n.ip}:5672`).join(',')}/`;
}

/** A RabbitMQ user with every permission on vhost / (as Kolla and openstack-helm make `openstack`); a cluster shares it. */
export async function rabbitUser(l: LabLayout, user: string, password: string): Promise<void> {
  const n = controllers(l)[0] as LabNode;
  const ctl = (args: string[]) => rabbitCtl(l, n, args);
  const added = await ctl(['add_user', user, password]);
  if (added.code !== 0 && !/already exists/.test(added.stderr + added.stdout)) throw new LabError(`rabbitmqctl add_user ${user}: ${added.stderr.trim()}`);
  if (added.code !== 0) await ctl(['change_password', user, password]);
  const perms = await ctl(['set_permissions', '-p', '/', user, '.*', '.*', '.*']);
  if (perms.code !== 0) throw new LabError(`rabbitmqctl set_permissions ${user}: ${perms.stderr.trim()}`);
}
