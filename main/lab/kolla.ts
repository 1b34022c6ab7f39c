import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapBounded } from '../../playbooks/engine/bounded.js';
import { BASE_IMAGE, DOCKER, DOCKERD, dockerAsync, dockerHostOf, dockerSocket } from './containers.js';
import { sql } from './galera.js';
import { launch } from './launch.js';
import { computes, controllers, gatewayNode, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { nodeEnv } from './nodes.js';
import { LabError, isAlive, readPid, run, signal, waitUntil } from './proc.js';
import { saveState, type LabComponent, type LabState } from './state.js';

/**
 * The kolla flavour's hosts: one dockerd per lab node (in the node's network namespace, with the
 * node's host name), the base image every container runs from, Kolla's `kolla_toolbox`, and what
 * a Kolla deploy leaves on the deploy node: /etc/kolla/passwords.yml, /etc/kolla/admin-openrc.sh
 * and the multinode inventory (here in the lab's folder: `<root>/multinode`).
 */

/** The node's dockerd: its data root, exec root, socket and pid file live in nodePaths(n).docker. */
export function dockerdComponent(n: LabNode): LabComponent {
  const d = nodePaths(n).docker;
  return {
    name: `dockerd@${n.name}`,
    kind: 'dockerd',
    node: n.name,
    netns: n.netns,
    pidFile: join(d, 'lab.pid'),
    logFile: join(nodePaths(n).log, 'dockerd.log'),
    dataDir: d,
    endpoints: [dockerHostOf(d)],
    argv: [
      'nsenter',
      `--net=/run/netns/${n.netns}`,
      // Its own UTS namespace: containers run with --network host, so they show the node's host name.
      'unshare',
      '--uts',
      'sh',
      '-c',
      'hostname "$0" && exec "$@"',
      n.name,
      DOCKERD,
      '--data-root',
      join(d, 'root'),
      '--exec-root',
      join(d, 'exec'),
      '--pidfile',
      join(d, 'dockerd.pid'),
      '-H',
      dockerHostOf(d),
      '--iptables=false',
      '--ip-forward=false',
      '--ip-masq=false',
      '--bridge=none',
      '--exec-opt',
      'native.cgroupdriver=cgroupfs',
      '--log-level',
      'warn',
    ],
    env: {},
  };
}

/** bin/kolla_start: what every lab container runs first (Kolla's images have one by that name). */
function writeKollaStart(root: string): void {
  mkdirSync(join(root, 'bin'), { recursive: true });
  writeFileSync(
    join(root, 'bin', 'kolla_start'),
    `#!/bin/bash
# Kolla's entrypoint as the lab has it: record the daemon's host pid (the container runs with
# --pid host) in the lab component's pid file, say what runs as Kolla's kolla_start does, then
# exec the daemon with its output in the component's log file and in \`docker logs\`.
echo $$ > "$KOLLA_PIDFILE"
echo "INFO:__main__:Loading config file at /var/lib/kolla/config_files/config.json"
echo "INFO:__main__:Validating config file"
echo "INFO:__main__:Kolla config strategy set to: COPY_ALWAYS"
echo "INFO:__main__:Writing out command to execute"
echo "++ cat /run_command"
echo "+ CMD='$*'"
echo "Running command: '$*'"
if [ -n "$KOLLA_LOGFILE" ]; then exec "$@" > >(exec tee -a "$KOLLA_LOGFILE") 2>&1; fi
exec "$@"
`,
    { mode: 0o755 },
  );
}

/** A tiny root file system (busybox and the mount points); the host's binaries are mounted over it. */
function writeBaseRootfs(root: string): string {
  const fs = join(root, 'kolla-base');
  for (const d of ['bin', 'etc', 'usr', 'lib', 'lib64', 'sbin', 'var', 'tmp', 'run', 'proc', 'sys', 'dev', 'root']) mkdirSync(join(fs, d), { recursive: true });
  if (existsSync('/bin/busybox')) writeFileSync(join(fs, 'bin', 'busybox'), readFileSync('/bin/busybox'), { mode: 0o755 });
  return fs;
}

/** The environment a node's containers get (what `docker exec` gives a command): the node's session env. */
function writeEnvFile(l: LabLayout, n: LabNode): void {
  const env = nodeEnv(l, n);
  writeFileSync(join(nodePaths(n).docker, 'env'), `${Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n')}\n`, { mode: 0o600 });
}

/** Start a dockerd on every node and load the base image into each; returns their components. */
export async function startDockers(l: LabLayout): Promise<LabComponent[]> {
  if (!existsSync(DOCKERD) || !existsSync(DOCKER)) throw new LabError(`the kolla flavour needs Docker (${DOCKERD}, ${DOCKER}): apt-get install docker.io`);
  writeKollaStart(l.root);
  const rootfs = writeBaseRootfs(l.root);
  const out: LabComponent[] = [];
  await mapBounded(l.nodes, 8, async (n) => {
    const c = dockerdComponent(n);
    mkdirSync(join(c.dataDir as string, 'root'), { recursive: true });
    writeEnvFile(l, n);
    launch(c);
    const d = c.dataDir as string;
    await waitUntil(`${c.name} to answer`, async () => existsSync(dockerSocket(d)) && (await dockerAsync(d, ['version', '--format', '{{.Server.Version}}'], 10_000)).code === 0, 60_000, c.logFile);
    await run(['sh', '-c', `tar -C "$1" -c . | ${DOCKER} -H "$2" import -c 'CMD ["/bin/sh"]' - "$3" >/dev/null`, 'import', rootfs, dockerHostOf(d), BASE_IMAGE]);
    out.push(c);
  });
  return l.nodes.map((n) => out.find((c) => c.node === n.name) as LabComponent);
}

/**
 * Stop every node's dockerd (it stops its containers first), then unmount what it leaves under
 * its folder (the exec root's netns/default, and anything else) so the lab's folder can go.
 */
export async function stopDockers(l: Pick<LabLayout, 'nodes'>): Promise<void> {
  await Promise.all(
    l.nodes.map(async (n) => {
      const d = join(n.dir, 'docker');
      const pid = readPid(join(d, 'lab.pid')) ?? readPid(join(d, 'dockerd.pid'));
      if (isAlive(pid)) {
        signal(pid, 'SIGTERM');
        await waitUntil(`dockerd of ${n.name} to stop its containers and exit`, () => !isAlive(pid), 90_000).catch(() => signal(pid, 'SIGKILL'));
      }
      // containerd and the shims of a dockerd that was killed.
      for (const p of dockerLeftovers(d)) signal(p, 'SIGKILL');
      await unmountUnder(d);
    }),
  );
}

/** Processes whose command line names the node's docker folder (containerd, containerd-shim). */
function dockerLeftovers(dir: string): number[] {
  const out: number[] = [];
  for (const pid of readdirNumeric('/proc')) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`${dir}/`)) out.push(pid);
    } catch {
      // gone
    }
  }
  return out;
}

function readdirNumeric(dir: string): number[] {
  try {
    return readdirSync(dir).filter((x) => /^\d+$/.test(x)).map(Number);
  } catch {
    return [];
  }
}

/** Unmount every mount under `dir` (deepest first). */
export async function unmountUnder(dir: string): Promise<void> {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1]?.replace(/\\040/g, ' ') ?? '')
    .filter((m) => m === dir || m.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) {
    const r = await run(['umount', m]).then(() => true, () => false);
    if (!r) await run(['umount', '-l', m]).catch(() => undefined);
  }
}

/** Kolla's kolla_toolbox on every node: an idle container with the clients (openstack, mysql, ansible's tools). */
export function toolboxComponent(n: LabNode): LabComponent {
  const d = nodePaths(n).docker;
  return {
    name: `kolla-toolbox@${n.name}`,
    kind: 'kolla-toolbox',
    node: n.name,
    netns: n.netns,
    pidFile: join(d, 'kolla_toolbox.pid'),
    logFile: join(nodePaths(n).log, 'kolla-toolbox.log'),
    endpoints: [],
    argv: ['sleep', 'infinity'],
    env: {},
    container: { name: 'kolla_toolbox', image: 'quay.io/openstack.kolla/kolla-toolbox:zed-debian-bookworm', service: 'kolla-toolbox' },
  };
}

export function startToolboxes(l: LabLayout): LabComponent[] {
  return l.nodes.map((n) => {
    const c = toolboxComponent(n);
    launch(c);
    return c;
  });
}

/** Kolla's passwords.yml key for each secret the lab made (names as Kolla's etc/kolla/passwords.yml has them). */
function kollaPasswordKey(secret: string): string | undefined {
  const [kind, name] = secret.split(':') as [string, string | undefined];
  if (secret === 'db:root') return 'database_password';
  if (kind === 'db' && name) return `${name}_database_password`;
  if (secret === 'keystone:admin') return 'keystone_admin_password';
  if (kind === 'keystone' && name) return `${name}_keystone_password`;
  if (secret === 'rabbitmq:openstack') return 'rabbitmq_password';
  if (secret === 'metadata:proxy') return 'metadata_secret';
  if (secret === 'keepalived') return 'keepalived_password';
  return undefined;
}

/**
 * What a Kolla deploy leaves: MariaDB's root with `database_password` (as Kolla's mariadb role
 * makes it), /etc/kolla/passwords.yml and admin-openrc.sh on the deploy node (controller-1), and
 * the multinode inventory in the lab's folder.
 */
export async function writeKollaDeploy(state: LabState): Promise<void> {
  const l = state.layout;
  const first = controllers(l)[0] as LabNode;
  state.secrets ??= {};
  state.secrets['db:root'] ??= randomBytes(12).toString('hex');
  saveState(state);
  const pw = state.secrets['db:root'];
  // Socket login as root keeps working (the lab's own SQL); a password login over TCP is Kolla's.
  await sql(
    first,
    [
      `ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('${pw}')`,
      `CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '${pw}'`,
      `GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION`,
    ].join('; '),
  );
  const etc = join(first.dir, 'paths', 'etc-kolla');
  mkdirSync(etc, { recursive: true });
  const lines = Object.entries(state.secrets)
    .map(([k, v]) => [kollaPasswordKey(k), v] as const)
    .filter((e): e is readonly [string, string] => Boolean(e[0]))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}: ${v}`);
  writeFileSync(join(etc, 'passwords.yml'), `---\n${lines.join('\n')}\n`, { mode: 0o640 });
  chmodSync(join(etc, 'passwords.yml'), 0o640);
  writeFileSync(join(etc, 'admin-openrc.sh'), adminOpenrc(state), { mode: 0o600 });
  writeFileSync(join(l.root, 'multinode'), multinodeInventory(l));
}

function adminOpenrc(state: LabState): string {
  const l = state.layout;
  const admin = state.secrets?.['keystone:admin'];
  if (l.controlPlane === 'full' && admin) {
    return `# Ansible managed (the lab's kolla-ansible post-deploy)
export OS_PROJECT_DOMAIN_NAME='Default'
export OS_USER_DOMAIN_NAME='Default'
export OS_PROJECT_NAME='admin'
export OS_TENANT_NAME='admin'
export OS_USERNAME='admin'
export OS_PASSWORD='${admin}'
export OS_AUTH_URL='http://${l.vip}:5000'
export OS_INTERFACE='internal'
export OS_ENDPOINT_TYPE='internalURL'
export OS_IDENTITY_API_VERSION='3'
export OS_REGION_NAME='RegionOne'
export OS_AUTH_PLUGIN='password'
`;
  }
  // The light lab has no Keystone: Placement runs with noauth2 and takes the token `admin`.
  return `# The light lab has no Keystone: Placement (noauth2) takes the admin token.
export OS_AUTH_TYPE='admin_token'
export OS_TOKEN='admin'
export OS_ENDPOINT='http://${(controllers(l)[0] as LabNode).ip}:8778'
export OS_PLACEMENT_API_VERSION='1.39'
`;
}

/**
 * Kolla-Ansible's multinode inventory for the lab's nodes, with the groups its playbooks use, saying
 * where things really run: the first compute is the lab's OVN gateway chassis (enable-chassis-as-gw,
 * ovs.ts, layout.ts gatewayNode), so it is its network node; HAProxy and keepalived are on the controllers; the lab
 * has no storage service, so [storage] is there (Kolla wants the group) but empty. An import gives
 * roles from these groups, and a playbook then looks for OVS on the network nodes.
 */
export function multinodeInventory(l: LabLayout): string {
  const host = (n: LabNode): string => `${n.name} ansible_host=${n.ip} ansible_user=root ansible_ssh_private_key_file=${l.keyFile}`;
  const ctl = controllers(l).map(host);
  const cmp = computes(l).map(host);
  const children = (group: string, ...of: string[]): string[] => [`[${group}:children]`, ...of, ''];
  return [
    '# Kolla-Ansible multinode inventory of the Stackscope practice lab',
    '[control]',
    ...ctl,
    '',
    '[network]',
    host(gatewayNode(l)),
    '',
    '[compute]',
    ...cmp,
    '',
    '[monitoring]',
    ...ctl.slice(0, 1),
    '',
    '[storage]',
    '',
    '[deployment]',
    'localhost ansible_connection=local',
    '',
    ...children('baremetal', 'control', 'network', 'compute', 'storage', 'monitoring'),
    ...children('loadbalancer', 'control'),
    ...children('mariadb', 'control'),
    ...children('rabbitmq', 'control'),
    ...children('ovn-controller', 'ovn-controller-compute', 'ovn-controller-network'),
    ...children('ovn-controller-compute', 'compute'),
    ...children('ovn-controller-network', 'network'),
    ...children('ovn-database', 'control'),
  ].join('\n');
}

/** The end of a kolla lab's `lab up`: kolla_toolbox on every node, then the deploy node's files. */
export async function finishKolla(state: LabState, add: (cs: LabComponent[]) => void): Promise<void> {
  add(startToolboxes(state.layout));
  await writeKollaDeploy(state);
}
