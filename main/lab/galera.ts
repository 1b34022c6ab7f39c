import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { controllers, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { launch } from './launch.js';
import { run, runCommand, waitUntil } from './proc.js';
import type { LabComponent } from './state.js';

/**
 * MariaDB Galera: one mysqld per controller, each on its node's own address with the stock
 * ports (3306, gmcast 4567, IST 4568, SST 4444). The first node bootstraps the cluster
 * (`--wsrep-new-cluster`), the others join it and receive a state transfer (rsync).
 */
export const GALERA_EXPECTED_SIZE = 3;

async function mysqlIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run(['id', '-u', 'mysql'])).trim());
  const gid = Number((await run(['id', '-g', 'mysql'])).trim());
  return { uid, gid };
}

export function mysqlSocket(n: LabNode): string {
  return join(nodePaths(n).mysql, 'mysqld.sock');
}

export function galeraComponent(l: LabLayout, n: LabNode, bootstrap = false): LabComponent {
  const p = nodePaths(n);
  const cnf = join(p.mysql, 'my.cnf');
  return {
    name: `mysqld@${n.name}`,
    kind: 'mysqld',
    node: n.name,
    netns: n.netns,
    pidFile: join(p.mysql, 'lab.pid'),
    logFile: join(p.mysql, 'mysqld.err'),
    dataDir: join(p.mysql, 'data'),
    endpoints: [`mysql://${n.ip}:3306`, `unix:${mysqlSocket(n)}`, `gcomm ${n.ip}:4567`],
    argv: ['/usr/sbin/mariadbd', `--defaults-file=${cnf}`, ...(bootstrap ? ['--wsrep-new-cluster'] : [])],
    env: {},
    pod: {
      name: `mariadb-server-${n.index - 1}`,
      labels: { application: 'mariadb', component: 'server' },
      container: 'mariadb',
      image: 'docker.io/openstackhelm/mariadb:latest-ubuntu_focal',
    },
    container: { name: 'mariadb', image: 'quay.io/openstack.kolla/mariadb-server:zed-debian-bookworm', service: 'mariadb' },
  };
}

function myCnf(l: LabLayout, n: LabNode): string {
  const p = nodePaths(n);
  const members = controllers(l).map((c) => c.ip).join(',');
  return `[mysqld]
user = mysql
datadir = ${join(p.mysql, 'data')}
# A private tmpdir: mariadb-install-db of two labs at once collided in the shared /tmp
# ("Could not remove temporary table '/tmp/#sql-temptable-…'", then ERROR 1051).
tmpdir = ${join(p.mysql, 'tmp')}
socket = ${mysqlSocket(n)}
pid-file = ${join(p.mysql, 'mysqld.pid')}
log-error = ${join(p.mysql, 'mysqld.err')}
bind-address = ${n.ip}
port = 3306
skip-name-resolve
innodb_buffer_pool_size = 32M
innodb_log_file_size = 16M
performance_schema = OFF
max_connections = 200
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_cluster_name = stackscope-lab
wsrep_cluster_address = gcomm://${members}
wsrep_node_name = ${n.name}
wsrep_node_address = ${n.ip}
wsrep_node_incoming_address = ${n.ip}:3306
wsrep_sst_method = rsync
wsrep_provider_options = "gcache.size=32M"

[client]
socket = ${mysqlSocket(n)}
`;
}

/** Run SQL on one node through its socket, as root (unix_socket authentication). */
export async function sql(n: LabNode, query: string, database?: string): Promise<string> {
  return run(['mysql', `--socket=${mysqlSocket(n)}`, '--connect-timeout=5', '-N', '-B', ...(database ? [database] : []), '-e', query], {
    netns: n.netns,
    timeoutMs: 30_000,
  });
}

/** `SHOW GLOBAL STATUS LIKE 'wsrep_%'` as a map, or undefined when the server does not answer. */
export async function wsrepStatus(n: LabNode): Promise<Record<string, string> | undefined> {
  return wsrepStatusOrThrow(n).catch(() => undefined);
}

async function wsrepStatusOrThrow(n: LabNode): Promise<Record<string, string>> {
  const r = await runCommand(['mysql', `--socket=${mysqlSocket(n)}`, '--connect-timeout=3', '-N', '-B', '-e', "SHOW GLOBAL STATUS LIKE 'wsrep_%'"], {
    netns: n.netns,
    timeoutMs: 10_000,
  });
  if (r.code !== 0) throw new Error(r.stderr || `mysql exited with ${r.code}`);
  return Object.fromEntries(r.stdout.split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string]));
}

export async function waitSynced(n: LabNode, c: LabComponent, timeoutMs = 120_000): Promise<void> {
  await waitUntil(
    `${c.name} to join the Galera cluster (Synced)`,
    async () => {
      const s = await wsrepStatusOrThrow(n);
      return s.wsrep_local_state_comment === 'Synced' && s.wsrep_cluster_status === 'Primary';
    },
    timeoutMs,
    c.logFile,
  );
}

/**
 * `onPrimary`: called once the first node is Primary and Synced, before the others join: a database
 * restored then is written once, not replicated statement by statement (the joiners get it by SST).
 */
export async function startGalera(l: LabLayout, onPrimary?: () => void): Promise<LabComponent[]> {
  const { uid, gid } = await mysqlIds();
  const nodes = controllers(l);
  const comps: LabComponent[] = [];
  for (const [i, n] of nodes.entries()) {
    const p = nodePaths(n);
    mkdirSync(join(p.mysql, 'data'), { recursive: true });
    mkdirSync(join(p.mysql, 'tmp'), { recursive: true });
    writeFileSync(join(p.mysql, 'my.cnf'), myCnf(l, n));
    // Debian's /etc/mysql sets the client socket; the node's ~/.my.cnf (read later) points at this node's server.
    // Its [mysqld] datadir is what `my_print_defaults --mysqld` finds on a real host's my.cnf, so
    // tools (and galera-health) can read grastate.dat while mysqld is down.
    writeFileSync(join(p.home, '.my.cnf'), `[client]\nsocket = ${mysqlSocket(n)}\n\n[mysqld]\ndatadir = ${join(p.mysql, 'data')}\n`);
    for (const d of [p.mysql, join(p.mysql, 'data'), join(p.mysql, 'tmp')]) chownSync(d, uid, gid);
    if (i === 0 && !existsSync(join(p.mysql, 'data', 'mysql'))) {
      await run(['mariadb-install-db', `--defaults-file=${join(p.mysql, 'my.cnf')}`, '--user=mysql', '--auth-root-authentication-method=socket', '--skip-test-db'], {
        timeoutMs: 120_000,
      });
    }
    comps.push(galeraComponent(l, n, i === 0));
  }
  const [first, ...rest] = comps as [LabComponent, ...LabComponent[]];
  launch(first);
  await waitSynced(nodes[0] as LabNode, first);
  onPrimary?.();
  // Later restarts of the first node join the running cluster like any other member.
  first.argv = first.argv.filter((a) => a !== '--wsrep-new-cluster');
  for (const c of rest) launch(c);
  for (const [i, c] of rest.entries()) await waitSynced(nodes[i + 1] as LabNode, c);
  return comps;
}
