import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeByName, nodePaths } from './layout.js';
import { appctl, labScript } from './launch.js';
import { vsctl } from './ovs.js';
import { isAlive, run, signal, startDaemon, waitUntil } from './proc.js';
import { component, type LabState } from './state.js';
import type { LabInstance } from './tenant.js';

/**
 * The practice lab's user who keeps trying SSH while fault ovn-acl-drop is in force: one instance
 * sends a TCP SYN to another's port 22 every second (scripts/ssh-retry.py), from its tap into the
 * compute's datapath, as an ssh client retrying would. Lab instances carry no traffic of their own
 * and the lab's tunnels carry none between computes, so both ends are on one compute; the drop
 * is then in that compute's datapath flows, as on a real compute.
 */
export interface SshRetry {
  pid: number;
  node: string;
  from: string;
  to: string;
  taps: string[];
}

/** web-1 → db-1 when they share a compute (two computes or one), else the first pair that does. */
export function sshRetryPair(s: LabState): { client: LabInstance; target: LabInstance } | null {
  const all = s.tenant.instances;
  const pairs = all.flatMap((target) => all.filter((client) => client !== target && client.host === target.host && target.port.securityGroups.includes('default')).map((client) => ({ client, target })));
  return pairs.find((p) => p.client.name === 'web-1' && p.target.name === 'db-1') ?? pairs[0] ?? null;
}

/** The tap of the port with this MAC on `node` (the light lab names it; Neutron's ports are named after their ids). */
async function tapOf(s: LabState, node: string, mac: string): Promise<string> {
  const n = nodeByName(s.layout, node);
  const name = (await vsctl(n, ['--bare', '--columns=name', 'find', 'Interface', `external_ids:attached-mac="${mac}"`])).trim().split('\n')[0] ?? '';
  if (!/^[\w.-]{1,15}$/.test(name)) throw new Error(`no tap with MAC ${mac} on ${node}`);
  return name;
}

export async function startSshRetry(s: LabState): Promise<SshRetry | null> {
  const pair = sshRetryPair(s);
  if (!pair) return null;
  const node = nodeByName(s.layout, pair.target.host);
  const [from, to] = await Promise.all([tapOf(s, node.name, pair.client.port.mac), tapOf(s, node.name, pair.target.port.mac)]);
  // A guest's link is up; the lab's taps stay down until something sends on them.
  for (const tap of [from, to]) await run(['ip', 'link', 'set', tap, 'up'], { netns: node.netns });
  const logFile = join(nodePaths(node).log, 'ssh-retry.log');
  const pid = startDaemon(['python3', labScript('ssh-retry.py'), from, pair.client.port.mac, pair.target.port.mac, pair.client.port.ip, pair.target.port.ip, '22'], { netns: node.netns, logFile });
  // Returned once the user has been retrying for a few seconds: the datapath has counted that many
  // of its SYNs (dropped there, or handed to ovn-controller where the drop ACL logs).
  const seen = new RegExp(`^recirc_id\\(0\\),.*eth\\(src=${pair.client.port.mac},dst=${pair.target.port.mac}\\).* packets:(\\d+), `, 'm');
  const retry = { pid, node: node.name, from: pair.client.name, to: pair.target.name, taps: [from, to] };
  await waitUntil(`the datapath of ${node.name} to see ${RETRIES_SEEN} SYNs from ${pair.client.name}`, async () => Number(seen.exec(await datapathFlows(s, node.name))?.[1] ?? 0) >= RETRIES_SEEN, 30_000, logFile).catch(
    async (e: unknown) => {
      // No user left retrying behind a fault that did not take.
      await stopSshRetry(s, retryUndo(retry));
      throw e;
    },
  );
  return retry;
}

/** The node's datapath flows as ovs-vswitchd lists them ('' when it does not answer). */
async function datapathFlows(s: LabState, node: string): Promise<string> {
  return (await appctl(component(s, 'ovs-vswitchd', node), 'ovs-vswitchd', ['dpctl/dump-flows'])) ?? '';
}

/** As many as dropped-traffic needs to call it a warning (WARN_PACKETS), and one more. */
const RETRIES_SEEN = 6;

/** What heal needs to undo it: kept in the fault's undo record. */
export const retryUndo = (r: SshRetry): Record<string, unknown> => ({ sshRetryPid: r.pid, sshRetryNode: r.node, sshRetryTaps: r.taps });

/** Stops the retrying client a fault started (only that process: its pid may have been reused) and sets its taps down again. */
export async function stopSshRetry(s: LabState, undo: Record<string, unknown>): Promise<void> {
  const pid = typeof undo.sshRetryPid === 'number' ? undo.sshRetryPid : undefined;
  let cmdline = '';
  try {
    cmdline = pid && isAlive(pid) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  } catch {
    cmdline = '';
  }
  if (pid && cmdline.includes('ssh-retry.py')) signal(pid, 'SIGTERM');
  const node = typeof undo.sshRetryNode === 'string' ? s.layout.nodes.find((n) => n.name === undo.sshRetryNode) : undefined;
  const taps = Array.isArray(undo.sshRetryTaps) ? undo.sshRetryTaps.filter((t): t is string => typeof t === 'string' && /^[\w.-]{1,15}$/.test(t)) : [];
  if (!node) return;
  for (const tap of taps) await run(['ip', 'link', 'set', tap, 'down'], { netns: node.netns }).catch(() => undefined);
  // Healed once the user's last SYN is gone from the datapath (10 s idle): a check right after sees
  // nothing dropped now, as after a real fix once the client gave up or got through.
  const pair = sshRetryPair(s);
  if (!pair) return;
  const from = new RegExp(`eth\\(src=${pair.client.port.mac}[,)]`);
  await waitUntil(`the datapath of ${node.name} to forget the SYNs from ${pair.client.name}`, async () => !from.test(await datapathFlows(s, node.name)), 30_000);
}
