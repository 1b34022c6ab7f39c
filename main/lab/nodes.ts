import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintOf } from '../core/ssh/host-key.js';
import { controllers, nodePaths, type LabLayout, type LabNode } from './layout.js';
import { labScript } from './launch.js';
import { rabbitCliEnv, rabbitNodes } from './rabbitmq.js';
import { withNodeMounts } from './node-mounts.js';
import { Sshd, waitForPort } from './sshd.js';
import type { LabComponent } from './state.js';

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const nbRemote = (l: LabLayout): string => controllers(l).map((c) => `tcp:${c.ip}:6641`).join(',');
export const sbRemote = (l: LabLayout): string => controllers(l).map((c) => `tcp:${c.ip}:6642`).join(',');
export const placementEndpoint = (l: LabLayout): string => `http://${controllers(l)[0]?.ip}:8778`;
export const PLACEMENT_MICROVERSION = '1.39';

/** A compute's OVS and ovn-controller run and log dirs (what /var/run/openvswitch is on a real node). */
export function ovsEnv(n: LabNode): Record<string, string> {
  const p = nodePaths(n);
  return { OVS_RUNDIR: p.ovs, OVS_LOGDIR: p.log, OVS_DBDIR: p.ovs, OVN_RUNDIR: p.ovs, OVN_LOGDIR: p.log };
}

/**
 * What a session on the node sees, set by its sshd (`SetEnv`): the node's own run directories
 * take the place of /var/run/openvswitch, /var/run/ovn and the MySQL socket, so the stock
 * commands (`ovs-vsctl show`, `ovn-nbctl show`, `mysql`, `openstack resource provider list`)
 * work without flags, as on a real node.
 */
export function nodeEnv(l: LabLayout, n: LabNode): Record<string, string> {
  const p = nodePaths(n);
  const bins = [join(l.root, 'bin'), ...(l.flavor === 'openstack-helm' ? [join(l.root, 'bin-helm')] : []), ...(l.flavor === 'kolla' ? [join(l.root, 'bin-kolla')] : [])];
  const env: Record<string, string> = {
    PATH: `${bins.join(':')}:${SYSTEM_PATH}`,
    HOME: p.home,
    STACKSCOPE_LAB: l.root,
    STACKSCOPE_LAB_NODE: n.name,
    OVN_NB_DB: nbRemote(l),
    OVN_SB_DB: sbRemote(l),
    // kolla: `docker` on the node talks to the node's own dockerd (main/lab/kolla.ts).
    ...(l.flavor === 'kolla' ? { DOCKER_HOST: `unix://${join(p.docker, 'docker.sock')}` } : {}),
  };
  if (n.role === 'controller') {
    Object.assign(env, {
      OVN_RUNDIR: p.ovn,
      MYSQL_UNIX_PORT: join(p.mysql, 'mysqld.sock'),
      // Light lab: noauth2 Placement's token. Full control plane: Keystone, cloud `admin` of the
      // node's ~/.config/openstack/clouds.yaml (written by cp/keystone.ts, with ~/admin-openrc).
      ...(l.controlPlane === 'full' ? { OS_CLOUD: 'admin' } : { OS_AUTH_TYPE: 'admin_token', OS_TOKEN: 'admin', OS_ENDPOINT: placementEndpoint(l) }),
      OS_PLACEMENT_API_VERSION: PLACEMENT_MICROVERSION,
      // RabbitMQ runs on the first controller (or each, clustered); rabbitmqctl finds it by name and HOME's cookie.
      ...(rabbitNodes(l).some((r) => r.name === n.name) ? rabbitCliEnv(n, l) : {}),
      // Where the broker keeps its data (a real node's /var/lib/rabbitmq/mnesia): playbooks tell a stopped broker from none.
      ...(rabbitNodes(l).some((r) => r.name === n.name) ? { RABBITMQ_MNESIA_BASE: join(p.rabbitmq, 'mnesia') } : {}),
    });
  } else {
    Object.assign(env, ovsEnv(n));
  }
  return env;
}

/**
 * Scripts every node has on its PATH: `systemctl` (the lab has no systemd; it starts and stops
 * the node's lab components, see scripts/systemctl.mjs), and `kubectl` for the openstack-helm flavour.
 */
export function writeLabBin(l: LabLayout): void {
  const bin = join(l.root, 'bin');
  const helm = join(l.root, 'bin-helm');
  mkdirSync(bin, { recursive: true });
  mkdirSync(helm, { recursive: true });
  // Debian's /usr/sbin/rabbitmqctl switches to the rabbitmq user and its cookie; the lab's
  // broker runs with the node's HOME, so its tools are called directly.
  for (const tool of ['rabbitmqctl', 'rabbitmq-diagnostics']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\nexec /usr/lib/rabbitmq/bin/${tool} "$@"\n`, { mode: 0o755 });
  }
  // kolla: Debian's docker client (a newer one may come first on this machine's PATH), with DOCKER_HOST from the session.
  mkdirSync(join(l.root, 'bin-kolla'), { recursive: true });
  writeFileSync(join(l.root, 'bin-kolla', 'docker'), '#!/bin/sh\nexec /usr/bin/docker "$@"\n', { mode: 0o755 });
  const systemctl = join(bin, 'systemctl');
  writeFileSync(systemctl, `#!/bin/sh\nexec ${process.execPath} ${labScript('systemctl.mjs')} "$@"\n`);
  chmodSync(systemctl, 0o755);
  // `journalctl -u UNIT` reads the unit's components' logs (scripts/journalctl.mjs; the lab has no journal).
  // Fast paths, journalctl's answer without starting Node (40 ms of CPU a call; a sweep of the
  // 50-compute lab asks ~300 of them): the playbook engine's own form, `-u UNIT -n N --no-pager`, on
  // a node without that unit (journalctl.mjs writes the node's units once the lab is up), and the
  // kernel's messages (-k, --dmesg), which no lab node's journal holds.
  const journalctl = join(bin, 'journalctl');
  writeFileSync(
    journalctl,
    [
      '#!/bin/sh',
      'f="$STACKSCOPE_LAB/$STACKSCOPE_LAB_NODE/journal-units"',
      'if [ "$#" -eq 5 ] && [ "$1" = -u ] && [ "$3" = -n ] && [ "$5" = --no-pager ] && [ -r "$f" ] && ! grep -qxF -- "${2%.service}" "$f"; then',
      "  echo '-- No entries --'",
      '  exit 0',
      'fi',
      'for a; do case $a in -k | --dmesg) echo \'-- No entries --\'; exit 0 ;; esac; done',
      `exec ${process.execPath} ${labScript('journalctl.mjs')} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(journalctl, 0o755);
  const kubectl = join(helm, 'kubectl');
  writeFileSync(kubectl, `#!/bin/sh\nexec ${process.execPath} ${labScript('kubectl.mjs')} "$@"\n`);
  chmodSync(kubectl, 0o755);
}

export async function prepareNodeSshd(l: LabLayout, n: LabNode, clientPublicKey: string): Promise<LabComponent> {
  const p = nodePaths(n);
  for (const d of Object.values(p)) mkdirSync(d, { recursive: true });
  const env = nodeEnv(l, n);
  const sshd = new Sshd({
    dir: p.sshd,
    host: n.ip,
    port: 22,
    authorizedKeys: [clientPublicKey],
    netns: n.netns,
    hostname: n.name,
    // Each login is a line in the node's log/sshd.log: a trainee sees who came in, the bench counts connections per node.
    logLevel: 'INFO',
    extraConfig: [`SetEnv ${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')}`],
  });
  // Its own mount namespace, with the node's /etc/kolla and /var/log/kolla (or /var/log/nova…) bound in (node-mounts.ts).
  const argv = withNodeMounts(l, n, await sshd.prepare());
  return {
    name: `sshd@${n.name}`,
    kind: 'sshd',
    node: n.name,
    netns: n.netns,
    pidFile: join(p.sshd, 'lab.pid'),
    logFile: join(p.log, 'sshd.log'),
    endpoints: [`ssh://root@${n.ip}:22`],
    argv,
    env: {},

  };
}

export const waitForSshd = (n: LabNode): Promise<void> => waitForPort(n.ip, 22, 20_000);

/** The SHA256 fingerprint of the host key the lab generated for a node (from its .pub file). */
export function hostKeyFingerprint(n: LabNode): string {
  const [, blob] = readFileSync(join(nodePaths(n).sshd, 'ssh_host_key.pub'), 'utf8').trim().split(/\s+/);
  return fingerprintOf(Buffer.from(blob ?? '', 'base64'));
}
