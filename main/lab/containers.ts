import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LabError, isAlive, readPid, runCommand, startDaemon, waitUntil } from './proc.js';
import type { ComponentKind, LabComponent } from './state.js';
import { labScript } from './launch.js';

/**
 * The kolla flavour's containers: each lab component that has a `container` (Kolla's name, image
 * and service folder) runs as a real Docker container of its node's own dockerd, as Kolla-Ansible
 * runs it: `--network host` (the node's namespace), `--restart unless-stopped`, a health check
 * where Kolla has one. The container runs the host's Debian binaries (the host's /usr, /lib, /bin,
 * /sbin and /etc mounted read-only into a tiny imported base image) and the lab's folders, so it
 * starts in well under a second and needs no registry.
 *
 * `--pid host` keeps the pid files the lab reads (isRunning, halt, lab status) true: the lab's
 * entrypoint (bin/kolla_start, Kolla's name for it) writes its own host pid to the component's pid
 * file and execs the daemon, so a restart by Docker writes the new pid. The daemon's output goes to
 * the component's log file, as startDaemon's does, and to `docker logs`.
 */

/** Debian's docker.io client (another `docker` may come first on PATH, e.g. /usr/local/bin's v28). */
export const DOCKER = '/usr/bin/docker';
export const DOCKERD = '/usr/sbin/dockerd';
/** The base every lab container runs from; tagged with each Kolla image name it stands for. */
export const BASE_IMAGE = 'stackscope/kolla-base:lab';

/** The folder of the node a component belongs to (every component's files live under it). */
function nodeDirOf(c: LabComponent): string | undefined {
  const marker = `/${c.node}/`;
  const i = c.pidFile.lastIndexOf(marker);
  return i < 0 ? undefined : c.pidFile.slice(0, i + marker.length - 1);
}

/** The node's dockerd folder (nodePaths(n).docker), whether or not it runs. */
export const dockerDirOf = (nodeDir: string): string => join(nodeDir, 'docker');
export const dockerSocket = (dockerDir: string): string => join(dockerDir, 'docker.sock');
export const dockerHostOf = (dockerDir: string): string => `unix://${dockerSocket(dockerDir)}`;

/**
 * Where the component's container runs: its node's dockerd, if the lab gave the node one (the
 * kolla flavour does, at `lab up`; the data root it makes stays for the lab's life). Undefined:
 * not a container (no `container` field, or another flavour) — started as a plain process.
 */
export function containerHost(c: LabComponent): { dir: string; root: string } | undefined {
  if (!c.container) return undefined;
  const nodeDir = nodeDirOf(c);
  if (!nodeDir) return undefined;
  const dir = dockerDirOf(nodeDir);
  return existsSync(join(dir, 'root')) ? { dir, root: dirname(nodeDir) } : undefined;
}

export function docker(dir: string, args: string[], input?: string): string {
  try {
    return execFileSync(DOCKER, ['-H', dockerHostOf(dir), ...args], { encoding: 'utf8', input, timeout: 120_000, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new LabError(`docker ${args.slice(0, 2).join(' ')}… on ${dir}: ${(err.stderr || err.message).trim().slice(-1500)}`);
  }
}

export function dockerAsync(dir: string, args: string[], timeoutMs = 120_000) {
  return runCommand([DOCKER, '-H', dockerHostOf(dir), ...args], { timeoutMs });
}

/** Kolla's health checks (its healthcheck_* scripts do the same): a command run in the container. */
function healthCommand(c: LabComponent): string | undefined {
  const http = c.endpoints.find((e) => /^https?:\/\//.test(e));
  const unix = c.endpoints.find((e) => e.startsWith('unix:'))?.slice(5);
  const byKind: Partial<Record<ComponentKind, string>> = {
    mysqld: `mysql -N -B -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" | grep -q Synced`,
    rabbitmq: 'rabbitmq-diagnostics -q check_running',
    'ovn-nb': unix ? `ovsdb-client list-dbs unix:${unix}` : undefined,
    'ovn-sb': unix ? `ovsdb-client list-dbs unix:${unix}` : undefined,
    'ovs-db': unix ? `ovsdb-client list-dbs unix:${unix}` : undefined,
    'ovn-northd': c.ctl ? `ovs-appctl -t ${c.ctl} status` : undefined,
    'ovs-vswitchd': 'ovs-appctl -t ovs-vswitchd version',
    'ovn-controller': 'ovn-appctl -t ovn-controller version',
    memcached: `bash -c 'exec 3<>/dev/tcp/$(hostname -I | cut -d" " -f1)/11211'`,
  };
  if (c.container?.health) return c.container.health;
  if (c.kind in byKind) return byKind[c.kind];
  // healthcheck_curl: an API is healthy when it answers HTTP below 500.
  if (http) return `code=$(curl -g -k -s -o /dev/null -w '%{http_code}' --max-time 10 ${http}) && [ "$code" -gt 0 ] && [ "$code" -lt 500 ]`;
  return undefined;
}

/** Kolla runs these privileged (they make devices or change the node's network). */
const privilegedKinds: ComponentKind[] = ['ovs-vswitchd', 'ovn-controller', 'keepalived', 'ovn-metadata-agent', 'nova-compute', 'haproxy'];

const capNames = 'CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE'.split(' ');

/**
 * `--privileged`, or where this machine's capability bounding set lacks some capability (a VM or
 * container host may drop e.g. SYS_RESOURCE, and runc then fails with "unable to apply caps") the
 * same without those: every other capability, no seccomp/AppArmor confinement, /proc and /sys
 * unmasked and writable as --privileged leaves them (the OVN metadata agent sets sysctls in its
 * ovnmeta- namespaces: "sysctl: permission denied" otherwise), /dev/net/tun.
 */
function privilegedArgs(): string[] {
  const bnd = /^CapBnd:\s+([0-9a-f]+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  const mask = bnd ? BigInt(`0x${bnd}`) : undefined;
  const missing = mask === undefined ? [] : capNames.filter((_, bit) => (mask & (1n << BigInt(bit))) === 0n);
  if (!missing.length) return ['--privileged'];
  return ['--cap-add', 'ALL', ...missing.flatMap((cap) => ['--cap-drop', cap]), '--security-opt', 'seccomp=unconfined', '--security-opt', 'apparmor=unconfined', '--security-opt', 'systempaths=unconfined', '--device', '/dev/net/tun'];
}

/** The host paths every lab container sees read-only: the Debian binaries and their configuration. */
const hostMounts = ['/usr', '/lib', '/lib64', '/bin', '/sbin', '/etc'].filter((p) => existsSync(p));
/**
 * And read-write, as the lab's plain processes see them: /var (services' state and lock dirs such
 * as /var/lib/neutron), /tmp (the lab's folder is under it) and the lab's folder.
 */
const sharedMounts = (root: string): string[] => ['/var', '/tmp', ...(root.startsWith('/tmp/') ? [] : [root])];

/** `docker run` arguments for a component (everything but the docker binary and host). */
export function runArgs(c: LabComponent, host: { dir: string; root: string }, cwd?: string): string[] {
  const k = c.container as NonNullable<LabComponent['container']>;
  const health = healthCommand(c);
  const env = { ...c.env, KOLLA_PIDFILE: c.pidFile, KOLLA_LOGFILE: c.logFile, KOLLA_SERVICE_NAME: k.service, KOLLA_CONTAINER_NAME: k.name };
  return [
    'run',
    '-d',
    '--name',
    k.name,
    '--network',
    'host',
    '--pid',
    'host',
    '--restart',
    'unless-stopped',
    '--stop-timeout',
    '60',
    '--log-opt',
    'max-size=10m',
    '--label',
    `kolla_version=zed`,
    '--label',
    `stackscope.component=${c.name}`,
    ...(k.privileged ?? privilegedKinds.includes(c.kind) ? privilegedArgs() : []),
    ...hostMounts.flatMap((p) => ['-v', `${p}:${p}:ro`]),
    ...sharedMounts(host.root).flatMap((p) => ['-v', `${p}:${p}`]),
    // The lab's own launchers (nova-compute with its fake driver) live beside this code, not in the lab folder.
    ...[dirname(labScript('supervise.mjs'))].flatMap((p) => ['-v', `${p}:${p}:ro`]),
    '--tmpfs',
    '/run',
    ...(existsSync(join(host.dir, 'env')) ? ['--env-file', join(host.dir, 'env')] : []),
    ...Object.entries(env).flatMap(([key, v]) => ['-e', `${key}=${v}`]),
    ...(cwd ? ['-w', cwd] : []),
    ...(health ? ['--health-cmd', health, '--health-interval', '30s', '--health-timeout', '30s', '--health-retries', '3', '--health-start-period', '5s'] : []),
    k.image,
    join(host.root, 'bin', 'kolla_start'),
    ...c.argv,
  ];
}

const launcherPidFile = (host: { dir: string }, name: string): string => join(host.dir, 'launch', `${name}.pid`);

/**
 * Run the component's container (again): a container of that name is removed first, since its
 * command may have changed (the first Galera node drops --wsrep-new-cluster), as Kolla recreates
 * a container whose configuration changed. Like startDaemon, it does not wait: `docker run` goes
 * on in the background (Docker's errors land in the component's log file) and the entrypoint
 * writes the pid file, so the callers' readiness checks wait for it as for a plain process.
 */
export function runContainer(c: LabComponent, host: { dir: string; root: string }, cwd?: string): void {
  const k = c.container as NonNullable<LabComponent['container']>;
  for (const d of [join(host.dir, 'launch'), dirname(c.logFile), dirname(c.pidFile)]) mkdirSync(d, { recursive: true });
  const script = `"${DOCKER}" rm -f "$0" >/dev/null 2>&1; "${DOCKER}" tag ${BASE_IMAGE} "$1" && shift && exec "${DOCKER}" "$@" >/dev/null`;
  const pid = startDaemon(['sh', '-c', script, k.name, k.image, ...runArgs(c, host, cwd)], { env: { DOCKER_HOST: dockerHostOf(host.dir) }, logFile: c.logFile });
  writeFileSync(launcherPidFile(host, k.name), `${pid}\n`);
}

/**
 * Stop a component's container so Docker's restart policy leaves it stopped (`docker stop`; for
 * SIGKILL `docker kill`, which Docker also counts as a deliberate stop), and wait for its process.
 */
export async function stopContainer(c: LabComponent, host: { dir: string }, sig: NodeJS.Signals): Promise<void> {
  const name = (c.container as NonNullable<LabComponent['container']>).name;
  // A `docker run` still under way would start it after this stop.
  const launcher = readPid(launcherPidFile(host, name));
  await waitUntil(`docker run of ${name} to finish`, () => !isAlive(launcher), 60_000, c.logFile);
  const pid = readPid(c.pidFile);
  const r = sig === 'SIGKILL' ? await dockerAsync(host.dir, ['kill', name]) : await dockerAsync(host.dir, ['stop', '-t', '60', name], 90_000);
  if (r.code !== 0 && !/is not running|No such container/.test(r.stderr)) throw new LabError(`docker ${sig === 'SIGKILL' ? 'kill' : 'stop'} ${name}: ${r.stderr.trim()}`);
  await waitUntil(`${c.name} (container ${name}) to stop`, () => !isAlive(pid), 60_000, c.logFile);
}

/** Whether Docker runs the component's container (undefined: not a container, or Docker does not answer). */
export async function containerRunning(c: LabComponent): Promise<boolean | undefined> {
  const host = containerHost(c);
  if (!host) return undefined;
  const r = await dockerAsync(host.dir, ['inspect', '-f', '{{.State.Running}}', (c.container as NonNullable<LabComponent['container']>).name], 30_000);
  return r.code === 0 ? r.stdout.trim() === 'true' : undefined;
}

/**
 * Keep a container down when its process exits by itself next (e.g. `ovs-appctl exit`): Docker's
 * `unless-stopped` would start it again, as on a real Kolla host. `launch` puts the policy back.
 */
export async function noRestart(c: LabComponent): Promise<void> {
  const host = containerHost(c);
  if (!host) return;
  const r = await dockerAsync(host.dir, ['update', '--restart', 'no', (c.container as NonNullable<LabComponent['container']>).name]);
  if (r.code !== 0) throw new LabError(`docker update --restart no ${c.container?.name}: ${r.stderr.trim()}`);
}
