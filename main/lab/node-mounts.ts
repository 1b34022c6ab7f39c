import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { nodeByName, nodePaths, type LabLayout, type LabNode } from './layout.js';
import type { ComponentKind, LabComponent, LabState } from './state.js';

/**
 * The paths a real node has for its services' configuration and logs, on each lab node as an SSH
 * session there sees them. Each node's sshd runs in its own mount namespace where the lab binds a
 * folder of the node over the real path: kolla `/etc/kolla` and `/var/log/kolla`, packages
 * `/var/log/nova`, `/var/log/neutron`… and `/etc/nova`, `/etc/neutron`… (the services' own
 * config folders, bound directly so an operator's edit is what the service reads). The other
 * folders hold symlinks to the components' own config folders and log files, written at the end of `lab up` (nodePathLinks) once every component
 * exists; the host's own /etc/kolla or /var/log/nova are never touched (only an empty directory
 * is made where a mount point is missing).
 */

/** Where each flavour's services log on a packages install (Debian's paths). */
const packagesLogDirs = ['nova', 'neutron', 'keystone', 'glance', 'placement', 'openvswitch', 'ovn', 'rabbitmq'];
/** The OpenStack services whose node folder is their /etc/<service> on a packages install (nova.conf is /etc/nova/nova.conf). */
const packagesConfDirs = ['nova', 'neutron', 'keystone', 'glance', 'placement'] as const;

/** The node folder bound over each real path: [folder, path]. */
export function nodeMounts(l: LabLayout, n: LabNode): Array<[string, string]> {
  const dir = join(n.dir, 'paths');
  if (l.flavor === 'kolla') return [[join(dir, 'etc-kolla'), '/etc/kolla'], [join(dir, 'log-kolla'), '/var/log/kolla']];
  if (l.flavor === 'packages') {
    // The service's own folder (its config files, written by the lab) is bound as it is: an edit
    // there (sed -i, an operator's editor) changes what the service reads at its next restart.
    const p = nodePaths(n);
    return [...packagesLogDirs.map((d): [string, string] => [join(dir, `log-${d}`), `/var/log/${d}`]), ...packagesConfDirs.map((d): [string, string] => [p[d], `/etc/${d}`])];
  }
  return [];
}

/** sshd's command, run in a private mount namespace with the node's paths bound in place. */
export function withNodeMounts(l: LabLayout, n: LabNode, argv: string[]): string[] {
  const mounts = nodeMounts(l, n);
  if (!mounts.length) return argv;
  for (const [from, to] of mounts) {
    mkdirSync(from, { recursive: true });
    if (!existsSync(to)) mkdirSync(to, { recursive: true });
  }
  // ${N}: positional parameters past $9 need braces ($10 is ${1}0).
  const binds = mounts.map((_, i) => `mount --bind "\${${2 * i + 1}}" "\${${2 * i + 2}}"`).join(' && ');
  return ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', `${binds} && shift ${2 * mounts.length} && exec "$@"`, 'node-mounts', ...mounts.flat(), ...argv];
}

/** Kolla's log file name for a component in /var/log/kolla/<service>/, and the file it is. */
function kollaLogs(c: LabComponent): Array<[string, string]> {
  const names: Partial<Record<ComponentKind, string>> = {
    mysqld: 'mariadb.log',
    'ovn-nb': 'ovn-nb-db.log',
    'ovn-sb': 'ovn-sb-db.log',
    'ovn-northd': 'ovn-northd.log',
    'ovn-controller': 'ovn-controller.log',
    'ovs-db': 'ovsdb-server.log',
    'ovs-vswitchd': 'ovs-vswitchd.log',
    'placement-api': 'placement-api.log',
  };
  if (c.kind === 'rabbitmq' && c.env.RABBITMQ_NODENAME && c.env.RABBITMQ_LOG_BASE) {
    const file = `${c.env.RABBITMQ_NODENAME}.log`;
    return [[file, join(c.env.RABBITMQ_LOG_BASE, file)], ['rabbitmq-server.log', c.logFile]];
  }
  return [[names[c.kind] ?? basename(c.logFile), c.logFile]];
}

/** Debian's log path of a component on a packages install: [dir under /var/log, file name, the file]. */
function packagesLogs(c: LabComponent): Array<[string, string, string]> {
  const file = basename(c.logFile);
  switch (c.kind) {
    case 'nova-api':
    case 'nova-conductor':
    case 'nova-scheduler':
    case 'nova-compute':
      return [['nova', file, c.logFile]];
    case 'neutron-server':
      return [['neutron', 'neutron-server.log', c.logFile]];
    case 'ovn-metadata-agent':
      return [['neutron', 'neutron-ovn-metadata-agent.log', c.logFile]];
    case 'keystone':
      return [['keystone', 'keystone.log', c.logFile]];
    case 'glance-api':
      return [['glance', 'glance-api.log', c.logFile]];
    case 'placement-api':
      return [['placement', 'placement-api.log', c.logFile]];
    case 'ovs-db':
      return [['openvswitch', 'ovsdb-server.log', c.logFile]];
    case 'ovs-vswitchd':
      return [['openvswitch', 'ovs-vswitchd.log', c.logFile]];
    case 'ovn-controller':
      return [['ovn', 'ovn-controller.log', c.logFile]];
    case 'ovn-northd':
      return [['ovn', 'ovn-northd.log', c.logFile]];
    case 'ovn-nb':
      return [['ovn', 'ovsdb-server-nb.log', c.logFile]];
    case 'ovn-sb':
      return [['ovn', 'ovsdb-server-sb.log', c.logFile]];
    case 'rabbitmq':
      return c.env.RABBITMQ_NODENAME && c.env.RABBITMQ_LOG_BASE ? [['rabbitmq', `${c.env.RABBITMQ_NODENAME}.log`, join(c.env.RABBITMQ_LOG_BASE, `${c.env.RABBITMQ_NODENAME}.log`)]] : [];
    default:
      return [];
  }
}

/** A component's configuration folder on its node (what Kolla keeps in /etc/kolla/<container>/). */
function configDir(n: LabNode, c: LabComponent): string | undefined {
  const p = nodePaths(n);
  const byKind: Partial<Record<ComponentKind, string>> = {
    mysqld: p.mysql,
    'ovn-nb': p.ovn,
    'ovn-sb': p.ovn,
    'ovn-northd': p.ovn,
    'ovs-db': p.ovs,
    'ovs-vswitchd': p.ovs,
    'ovn-controller': p.ovs,
    'placement-api': p.placement,
    rabbitmq: p.rabbitmq,
    keystone: p.keystone,
    'glance-api': p.glance,
    'nova-api': p.nova,
    'nova-conductor': p.nova,
    'nova-scheduler': p.nova,
    'nova-compute': p.nova,
    'neutron-server': p.neutron,
    'ovn-metadata-agent': p.neutron,
    haproxy: p.haproxy,
    keepalived: p.keepalived,
    memcached: p.memcached,
  };
  const dir = byKind[c.kind] ?? (c.container ? (p as Record<string, string>)[c.container.service] : undefined);
  return dir && existsSync(dir) ? dir : undefined;
}

function link(target: string, path: string): void {
  rmSync(path, { force: true, recursive: false });
  symlinkSync(target, path);
}

/**
 * Fill each node's path folders from the components: kolla `/etc/kolla/<container, dashed>` →
 * the component's config folder and `/var/log/kolla/<service>/<Kolla's file name>` → its log
 * file; packages `/var/log/<service>/<Debian's file name>` → its log file. Call again after
 * adding components (it rewrites the links, keeps other files such as passwords.yml).
 */
export function writeNodePaths(state: LabState): void {
  const l = state.layout;
  for (const n of l.nodes) {
    const mounts = nodeMounts(l, n);
    if (!mounts.length) continue;
    for (const [from] of mounts) mkdirSync(from, { recursive: true });
    const here = state.components.filter((c) => c.node === n.name);
    if (l.flavor === 'kolla') {
      const [[etc], [log]] = mounts as [[string, string], [string, string]];
      for (const c of here) {
        if (!c.container) continue;
        const conf = configDir(n, c);
        if (conf) link(conf, join(etc, c.container.name.replaceAll('_', '-')));
        const dir = join(log, c.container.service);
        mkdirSync(dir, { recursive: true });
        for (const [name, file] of kollaLogs(c)) link(file, join(dir, name));
      }
    } else {
      for (const c of here) {
        for (const [sub, name, file] of packagesLogs(c)) {
          const dir = mounts.find(([, to]) => to === `/var/log/${sub}`)?.[0];
          if (dir) link(file, join(dir, name));
        }
      }
    }
  }
}

/** The real paths a node's sessions see, as [path, what is there] (for tests and `lab status`). */
export function nodePathListing(l: LabLayout, node: string): Record<string, string[]> {
  const n = nodeByName(l, node);
  return Object.fromEntries(nodeMounts(l, n).map(([from, to]) => [to, existsSync(from) ? readdirSync(from) : []]));
}
