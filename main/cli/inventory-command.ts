import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { StackscopeError } from '../contract/errors.js';
import { becomeDefaults, containerEngines, deployments, nodeRoles, type Become, type ContainerEngine, type Deployment, type NodeAuth } from '../contract/types.js';
import { collect, positiveInt, rolesOf } from './args.js';
import { call, clusterNamed, nodeNamed, withSecrets, type Client } from './client.js';
import { bold, clusterKind, formatClusters, oneLine, red, toJson } from './format.js';
import { connectionFrom, connectionOptions, describeConnection, trustAll, type ConnectionFlags } from './host-keys-command.js';
import { confirm } from './prompt.js';
import { describeServiceAccess, serviceAccessFrom, serviceAccessKeys, serviceAccessOptions, type ServiceAccessFlags } from './service-access-flags.js';

interface ClusterFlags extends ConnectionFlags {
  deployment?: Deployment;
  containerEngine?: ContainerEngine;
  namespace?: string;
}

interface BecomeFlags {
  become?: boolean;
  becomeUser?: string;
  becomePassword?: boolean;
}

/** --become, --no-become, --become-user, --become-password: sudo for the steps that need root. */
function becomeOptions(c: Command): Command {
  return c
    .option('--become', 'run the steps that need root through sudo when the login user is not root')
    .option('--no-become', 'do not use sudo (steps that need root then fail saying so)')
    .option('--become-user <user>', 'who sudo runs those steps as (default root; implies --become)')
    .option('--become-password', 'sudo there asks for a password: ask for it once per session (kept in memory only, never stored; implies --become)')
    .option('--no-become-password', 'sudo there needs no password (NOPASSWD)');
}

/** The sudo setting the flags ask for on top of `current`; undefined when no flag was given. */
function becomeFrom(o: BecomeFlags, current: Become): Become | undefined {
  if (o.become === undefined && o.becomeUser === undefined && o.becomePassword === undefined) return undefined;
  const implied = o.becomeUser !== undefined || o.becomePassword === true;
  return { enabled: o.become ?? (implied ? true : current.enabled), user: o.becomeUser ?? current.user, password: o.becomePassword ?? current.password };
}

const describeBecome = (b: Become): string => (b.enabled ? `steps that need root run through sudo as ${b.user}${b.password ? ' (sudo password asked once per session)' : ''}` : 'no sudo');

/** `stackscope cluster …` and `stackscope node …`: the inventory, by names. */
export function inventoryCommands(program: Command, open: () => Client): void {
  const cluster = program.command('cluster').description('manage clusters');
  becomeOptions(
    cluster
      .command('add <name>')
      .description('add a cluster')
      .addOption(new Option('--deployment <flavour>', 'how OpenStack is deployed').choices(deployments).makeOptionMandatory())
      .addOption(new Option('--container-engine <engine>', 'kolla: how the hosts run containers (default docker)').choices(containerEngines))
      .option('--namespace <namespace>', 'openstack-helm: the Kubernetes namespace of the OpenStack pods (default openstack)'),
  ).action(async (name: string, o: ClusterFlags & BecomeFlags & { deployment: Deployment }) => {
    const become = becomeFrom(o, becomeDefaults);
    const c = await call(open(), 'clusters.add', { name, deployment: o.deployment, containerEngine: o.containerEngine, namespace: o.namespace, ...connectionFrom(o), ...(become ? { become } : {}) });
    console.log(`Added cluster ${oneLine(c.name)} (${clusterKind(c)}).`);
  });
  becomeOptions(
    cluster
      .command('update <name>')
      .description('change a cluster: stackscope cluster update prod --container-engine podman; stackscope cluster update prod --become')
      .option('--name <new-name>', 'rename it')
      .addOption(new Option('--deployment <flavour>', 'how OpenStack is deployed').choices(deployments))
      .addOption(new Option('--container-engine <engine>', 'kolla: how the hosts run containers').choices(containerEngines))
      .option('--namespace <namespace>', 'openstack-helm: the Kubernetes namespace of the OpenStack pods'),
  ).action(async (name: string, o: ClusterFlags & BecomeFlags & ServiceAccessFlags & { name?: string }) => {
    const { become: _b, becomeUser: _u, becomePassword: _p, timeout: _t, keepalive: _k, concurrency: _c, unknownKeys: _uk, knownHosts: _kh, ...others } = o;
    const rest = Object.fromEntries(Object.entries(others).filter(([k]) => !(serviceAccessKeys as string[]).includes(k)));
    const connection = connectionFrom(o);
    if (Object.values(o).every((v) => v === undefined)) throw new StackscopeError('INVALID_INPUT', 'nothing to change: give --name, --deployment, --container-engine, --namespace or a --become option');
    const client = open();
    const current = await clusterNamed(client, name);
    const become = becomeFrom(o, current.become);
    const access = serviceAccessFrom(o, current);
    const c = await call(client, 'clusters.update', { id: current.id, ...rest, ...connection, ...access, ...(become ? { become } : {}) });
    const said = [become ? describeBecome(c.become) : '', Object.keys(connection).length ? describeConnection(c) : '', Object.keys(access).length ? describeServiceAccess(c) : ''].filter(Boolean);
    console.log(oneLine(`Updated cluster ${c.name} (${[clusterKind(c), ...said].join('; ')}).`));
  });
  cluster
    .command('list')
    .description('list clusters and their nodes')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const clusters = await call(open(), 'clusters.list', {});
      console.log(o.json ? toJson(clusters) : formatClusters(clusters));
    });
  cluster
    .command('remove <name>')
    .description('remove a cluster and its nodes (cases keep their runs)')
    .action(async (name: string) => {
      const client = open();
      await call(client, 'clusters.remove', { id: (await clusterNamed(client, name)).id });
      console.log(`Removed cluster ${oneLine(name)}.`);
    });

  // Connect timeout, keepalive, concurrency and host-key policy (host-keys-command.ts).
  for (const sub of cluster.commands.filter((c) => c.name() === 'add' || c.name() === 'update')) connectionOptions(sub);
  // Where the service credentials live on the cluster (service-access-flags.ts): set once nodes exist.
  for (const sub of cluster.commands.filter((c) => c.name() === 'update')) serviceAccessOptions(sub);

  const node = program.command('node').description('manage nodes of a cluster');
  becomeOptions(
    node
      .command('update <cluster> <name>')
      .description("change a node's sudo setting: stackscope node update prod db-1 --become-password")
      .option('--cluster-become', "follow the cluster's sudo setting again"),
  ).action(async (clusterName: string, name: string, o: BecomeFlags & { clusterBecome?: boolean }) => {
    const client = open();
    const c = await clusterNamed(client, clusterName);
    const n = nodeNamed(c, name);
    const become = o.clusterBecome ? null : becomeFrom(o, n.become ?? c.become);
    if (become === undefined) throw new StackscopeError('INVALID_INPUT', 'nothing to change: give --become, --no-become, --become-user, --become-password or --cluster-become');
    const updated = await call(client, 'nodes.update', { id: n.id, become });
    console.log(oneLine(`Updated node ${updated.name} of ${c.name}: ${updated.become ? describeBecome(updated.become) : `follows the cluster (${describeBecome(c.become)})`}.`));
  });
  node
    .command('add <cluster> <name>')
    .description('add a node')
    .option('--become', 'this node: run the steps that need root through sudo (default: as its cluster says)')
    .option('--no-become', 'this node: no sudo, whatever its cluster says')
    .option('--become-user <user>', 'this node: who sudo runs those steps as (default root; implies --become)')
    .option('--become-password', "this node: sudo asks for a password, asked once per session (memory only; implies --become)")
    .requiredOption('--host <host>', 'address or host name')
    .option('--port <port>', 'SSH port', positiveInt('--port'), 22)
    .requiredOption('--user <user>', 'SSH user')
    .option('--role <role>', `role (repeatable): ${nodeRoles.join(', ')}`, collect)
    .option('--key <path>', 'private key file')
    .option('--passphrase', 'the key file is protected by a passphrase (asked when needed)')
    .option('--agent', 'authenticate with ssh-agent ($SSH_AUTH_SOCK)')
    .option('--password-prompt', 'authenticate with a password (asked when needed, never stored)')
    .option('--jump <node>', 'reach this node through another node of the cluster (ProxyJump)')
    .action(async (clusterName: string, name: string, o: BecomeFlags & { host: string; port: number; user: string; role?: string[]; key?: string; passphrase?: boolean; agent?: boolean; passwordPrompt?: boolean; jump?: string }) => {
      const methods = [o.key ? 'key' : null, o.agent ? 'agent' : null, o.passwordPrompt ? 'password' : null].filter(Boolean);
      if (methods.length !== 1) throw new StackscopeError('INVALID_INPUT', 'choose exactly one of --key PATH, --agent or --password-prompt');
      if (o.passphrase && !o.key) throw new StackscopeError('INVALID_INPUT', '--passphrase goes with --key');
      const auth: NodeAuth = o.key ? { method: 'key', keyPath: resolve(o.key), passphrase: Boolean(o.passphrase) } : o.agent ? { method: 'agent' } : { method: 'password' };
      const client = open();
      const c = await clusterNamed(client, clusterName);
      const jumpNodeId = o.jump ? nodeNamed(c, o.jump).id : null;
      const become = becomeFrom(o, c.become);
      const n = await call(client, 'nodes.add', { clusterId: c.id, name, host: o.host, port: o.port, user: o.user, roles: rolesOf(o.role), auth, jumpNodeId, ...(become ? { become } : {}) });
      console.log(oneLine(`Added node ${n.name} (${n.user}@${n.host}:${n.port}, ${n.roles.join(', ')}) to ${c.name}. Next: stackscope node trust ${c.name} ${n.name}`));
    });
  node
    .command('remove <cluster> <name>')
    .description('remove a node')
    .action(async (clusterName: string, name: string) => {
      const client = open();
      await call(client, 'nodes.remove', { id: nodeNamed(await clusterNamed(client, clusterName), name).id });
      console.log(oneLine(`Removed node ${name} from ${clusterName}.`));
    });
  node
    .command('trust <cluster> [name]')
    .description("show a node's SSH host key fingerprint and trust it; --all: every node's unknown key, shown together and confirmed once")
    .option('--all', 'every node of the cluster (keys in known_hosts need no confirmation)')
    .option('--yes', 'trust the presented key(s) without asking')
    .option('--replace', 'replace a different key trusted before (only after you checked why it changed; one node at a time)')
    .action(async (clusterName: string, name: string | undefined, o: { all?: boolean; yes?: boolean; replace?: boolean }) => {
      const client = open();
      if (o.all) {
        if (name !== undefined) throw new StackscopeError('INVALID_INPUT', `give a node name or --all, not both (${name})`);
        if (o.replace) throw new StackscopeError('INVALID_INPUT', '--replace goes with one node: stackscope node trust CLUSTER NODE --replace');
        return trustAll(client, clusterName, o);
      }
      if (name === undefined) throw new StackscopeError('INVALID_INPUT', 'which node? stackscope node trust CLUSTER NODE, or every node: stackscope node trust CLUSTER --all');
      const n = nodeNamed(await clusterNamed(client, clusterName), name);
      // A jump host's password or passphrase is asked for when the probe needs it.
      const probe = await withSecrets(client, () => call(client, 'hostKeys.probe', { nodeId: n.id }));
      console.log(`${oneLine(`${probe.nodeName} (${probe.host}:${probe.port}) presents ${probe.keyType} key`)} ${bold(probe.fingerprint)}`);
      if (probe.status === 'trusted' || probe.status === 'known_hosts') {
        console.log(probe.knownHosts ? oneLine(`This key is already trusted: ${probe.knownHosts.file}:${probe.knownHosts.line} lists it.`) : 'This key is already trusted.');
        return;
      }
      if (probe.status === 'revoked') {
        throw new StackscopeError('HOST_KEY_REVOKED', oneLine(`${name} presents ${probe.fingerprint}, which ${probe.knownHosts?.file}:${probe.knownHosts?.line} revokes; nothing trusted`), {
          nodeId: probe.nodeId,
          node: probe.nodeName,
          host: probe.host,
          port: probe.port,
          fingerprint: probe.fingerprint,
          keyType: probe.keyType,
          knownHosts: probe.knownHosts ?? { file: '', line: 0 },
        });
      }
      if (probe.status === 'changed') {
        console.log(red(oneLine(`WARNING: this differs from the key ${probe.knownHosts ? `${probe.knownHosts.file}:${probe.knownHosts.line} lists` : 'trusted'}, ${probe.knownFingerprint}.`)));
        if (!o.replace) throw new StackscopeError('HOST_KEY_CHANGED', `host key of ${name} changed; nothing trusted (use --replace once you know why it changed)`);
      }
      const ok = o.yes || (await confirm('Trust this key?'));
      if (!ok) throw new StackscopeError('CANCELLED', `host key of ${name} not trusted${process.stdin.isTTY ? '' : ' (no terminal to ask: add --yes)'}`);
      await call(client, 'hostKeys.trust', { nodeId: n.id, fingerprint: probe.fingerprint });
      console.log(oneLine(`Trusted ${probe.fingerprint} for ${probe.host}:${probe.port}.`));
    });
}
