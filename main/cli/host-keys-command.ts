import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { StackscopeError } from '../contract/errors.js';
import { connectionDefaults, connectionLimits, unknownHostKeyPolicies, type Cluster, type ClusterHostKeyProbe, type ConnectionSettings } from '../contract/types.js';
import { call, clusterNamed, withSecrets, type Client } from './client.js';
import { bold, dim, green, oneLine, red, table, yellow } from './format.js';
import { confirm } from './prompt.js';

/*
 * A cluster's connection settings as flags (cluster add/update), and `node trust CLUSTER --all`:
 * every node's key shown together, one confirmation for the unknown ones.
 *
 * The timeout flag is `--timeout`: the program's own `--connect-timeout` (this run's default) is
 * recognised after a subcommand too, so a subcommand option of that name would never be seen.
 */

export interface ConnectionFlags {
  timeout?: string;
  keepalive?: string;
  concurrency?: string;
  unknownKeys?: ConnectionSettings['unknownHostKeys'];
  knownHosts?: string;
}

/** The flags of cluster add and cluster update; numbers take `default` to go back to the app's default. */
export function connectionOptions(c: Command): Command {
  return c
    .option('--timeout <seconds>', `SSH connect timeout for this cluster's nodes (${connectionLimits.connectTimeoutSec.join('-')} s, or default: ${connectionDefaults.connectTimeoutSec})`)
    .option('--keepalive <seconds>', `SSH keepalive interval (${connectionLimits.keepaliveSec.join('-')} s, 0 = off, or default: ${connectionDefaults.keepaliveSec})`)
    .option('--concurrency <n>', `commands in flight at once on this cluster (${connectionLimits.concurrency.join('-')}, or default: ${connectionDefaults.concurrency})`)
    .addOption(new Option('--unknown-keys <policy>', 'host keys neither trusted nor in known_hosts: ask (offer them for confirmation) or refuse (fail until `node trust`)').choices(unknownHostKeyPolicies))
    .option('--known-hosts <file>', 'read this known_hosts instead of ~/.ssh/known_hosts (or default)');
}

function settingNumber(flag: string, value: string | undefined, [min, max]: readonly [number, number]): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'default') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new StackscopeError('INVALID_INPUT', `${flag} must be a whole number from ${min} to ${max} (or default), got "${value}"`);
  return n;
}

/** The settings the flags give; absent flags are left out (unchanged). */
export function connectionFrom(o: ConnectionFlags): Partial<ConnectionSettings> {
  const out: Partial<ConnectionSettings> = {
    connectTimeoutSec: settingNumber('--timeout', o.timeout, connectionLimits.connectTimeoutSec),
    keepaliveSec: settingNumber('--keepalive', o.keepalive, connectionLimits.keepaliveSec),
    concurrency: settingNumber('--concurrency', o.concurrency, connectionLimits.concurrency),
    unknownHostKeys: o.unknownKeys,
    knownHostsFile: o.knownHosts === undefined ? undefined : o.knownHosts === 'default' ? null : resolve(o.knownHosts),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** One line: what is set, and the defaults for what is not. */
export function describeConnection(c: Pick<Cluster, 'connection'>): string {
  const s = c.connection;
  const d = connectionDefaults;
  return oneLine(
    [
      `connect timeout ${s.connectTimeoutSec ?? d.connectTimeoutSec} s`,
      s.keepaliveSec === 0 ? 'no keepalive' : `keepalive ${s.keepaliveSec ?? d.keepaliveSec} s`,
      `concurrency ${s.concurrency ?? d.concurrency}`,
      `unknown host keys: ${s.unknownHostKeys}`,
      `known_hosts: ${s.knownHostsFile ?? '~/.ssh/known_hosts'}`,
    ].join(', '),
  );
}

const address = (p: { host: string; port: number }): string => oneLine(`${p.host}:${p.port}`);

/**
 * `node trust CLUSTER --all`: probe every node, show the unknown keys together, ask once (or take
 * --yes), then trust exactly those fingerprints. Keys known_hosts lists need nothing; changed,
 * revoked and unreachable nodes are named and make the command fail after the rest is done.
 * Nodes behind a jump host whose key was unknown cannot be probed before it is trusted (we never
 * connect through an unverified host): once it is, they are shown in a next round, one confirmation
 * each, as deep as the longest jump chain.
 */
export async function trustAll(client: Client, clusterName: string, o: { yes?: boolean }): Promise<void> {
  const cluster = await clusterNamed(client, clusterName);
  if (cluster.nodes.length === 0) throw new StackscopeError('INVALID_INPUT', `cluster ${cluster.name} has no nodes yet (stackscope node add ${cluster.name} NAME …)`);
  let problems: string[] = [];
  for (let round = 0; round <= 8; round++) {
    const r = await trustRound(client, cluster, o, round === 0);
    problems = r.problems;
    if (!r.trusted || !r.behindUntrustedJump) break;
    console.log(dim('Nodes behind a jump host trusted just now can be probed now:'));
  }
  if (problems.length) {
    throw new StackscopeError('UNAVAILABLE', oneLine(`not every node of ${cluster.name} is trusted: ${problems.join(', ')}`), { node: cluster.name });
  }
}

async function trustRound(client: Client, cluster: Cluster, o: { yes?: boolean }, first: boolean): Promise<{ problems: string[]; trusted: number; behindUntrustedJump: boolean }> {
  // A jump host's password or passphrase is asked for when the probe needs it.
  const probes = await withSecrets(client, () => call(client, 'hostKeys.probeCluster', { clusterId: cluster.id }));
  if (first) for (const note of probes.knownHostsNotes) console.log(dim(oneLine(note)));
  const of = (status: ClusterHostKeyProbe['status']): ClusterHostKeyProbe[] => probes.nodes.filter((p) => p.status === status);
  const unknown = of('unknown').filter((p): p is Extract<ClusterHostKeyProbe, { reachable: true }> => p.reachable);
  const settled = [...of('trusted'), ...of('known_hosts')];
  if (settled.length) console.log(green(`${settled.length} of ${probes.nodes.length} node(s) already trusted (${of('trusted').length} by Stackscope, ${of('known_hosts').length} from known_hosts).`));
  const problems: string[] = [];
  for (const p of [...of('changed'), ...of('revoked')]) {
    if (!p.reachable) continue;
    const where = p.knownHosts ? ` (${p.knownHosts.file}:${p.knownHosts.line})` : '';
    console.log(red(oneLine(`${p.nodeName} ${address(p)}: host key ${p.status.toUpperCase()}${where}: presents ${p.fingerprint}${p.knownFingerprint ? `, known ${p.knownFingerprint}` : ''}; not trusted`)));
    problems.push(`${p.nodeName} ${p.status}`);
  }
  // An unknown key on the way (a jump host's) shows as this node's HOST_KEY_UNKNOWN.
  let behindUntrustedJump = false;
  for (const p of of('unreachable')) {
    if (p.reachable) continue;
    if (p.error.code === 'HOST_KEY_UNKNOWN') behindUntrustedJump = true;
    console.log(yellow(oneLine(`${p.nodeName} ${address(p)}: not reached: ${p.error.message}`)));
    problems.push(`${p.nodeName} unreachable`);
  }
  if (!unknown.length) {
    console.log('No unknown host keys to confirm.');
    return { problems, trusted: 0, behindUntrustedJump };
  }
  console.log(`\n${bold(`${unknown.length} unknown host key(s) on ${oneLine(cluster.name)}`)} — compare with ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on each node:`);
  console.log(table([['NODE', 'ADDRESS', 'KEY TYPE', 'FINGERPRINT'], ...unknown.map((p) => [oneLine(p.nodeName), address(p), oneLine(p.keyType), p.fingerprint])]));
  if (!o.yes) {
    if (!process.stdin.isTTY) {
      throw new StackscopeError('CANCELLED', `${unknown.length} unknown host key(s) not trusted: there is no terminal to ask; check the fingerprints above and run again with --yes`);
    }
    if (!(await confirm(`Trust these ${unknown.length} key(s)?`))) throw new StackscopeError('CANCELLED', 'nothing trusted');
  }
  const result = await withSecrets(client, () => call(client, 'hostKeys.trustCluster', { clusterId: cluster.id, confirmed: unknown.map((p) => ({ nodeId: p.nodeId, fingerprint: p.fingerprint })) }));
  console.log(green(`Trusted ${result.trusted.length} key(s).`));
  for (const r of result.refused) {
    console.log(red(oneLine(`${r.nodeName}: ${r.reason}`)));
    problems.push(`${r.nodeName} refused`);
  }
  return { problems, trusted: result.trusted.length, behindUntrustedJump };
}
