import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError, isAlive, run, runCommand, signal } from './proc.js';

/**
 * The lab's network: one Linux bridge in this namespace with the lab's gateway address, and one
 * network namespace per node joined to it by a veth pair, so every node has its own address,
 * its own port 22 and its own loopback. Addresses come from 198.18.0.0/15 (RFC 2544, set aside
 * for benchmarking), so nothing outside the machine is ever addressed.
 */
export interface LabNetworkPlan {
  bridge: string;
  /** Third octet of 198.18.X.0/24. */
  subnet: number;
  gateway: string;
  nodes: Array<{ netns: string; veth: string; ip: string }>;
}

export const subnetAddress = (subnet: number, host: number): string => `198.18.${subnet}.${host}`;

/** Subnets chosen but whose bridge does not exist yet: one file each, created exclusively. */
const claims = join(tmpdir(), 'stackscope-lab-subnets');
/** A claim older than this was left by a lab that died before making its bridge. */
const CLAIM_STALE_MS = 120_000;

/**
 * The lowest 198.18.X.0/24 not used by an interface here (another lab, a test run) nor claimed
 * by a lab starting at the same moment: two labs coming up together (the test files do) both saw
 * the same free subnet, their gateways collided and one lab's Placement seeded the other's
 * Galera. Call `release` once the bridge exists (or the lab failed).
 */
export async function claimSubnet(): Promise<{ subnet: number; release: () => void }> {
  const out = await run(['ip', '-o', '-4', 'addr', 'show']);
  const used = new Set([...out.matchAll(/inet 198\.18\.(\d+)\./g)].map((m) => Number(m[1])));
  mkdirSync(claims, { recursive: true, mode: 0o700 });
  for (let x = 1; x < 255; x++) {
    if (used.has(x)) continue;
    const file = join(claims, String(x));
    try {
      if (Date.now() - statSync(file).mtimeMs > CLAIM_STALE_MS) rmSync(file, { force: true });
    } catch {
      // no claim
    }
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    } catch {
      continue; // another lab is taking this one
    }
    return { subnet: x, release: () => rmSync(file, { force: true }) };
  }
  throw new LabError('no free 198.18.X.0/24 subnet left for a lab (254 labs are running?)');
}

/** `ip -batch` runs many link/netns changes in one process: 50 nodes in a fraction of a second. */
async function ipBatch(lines: string[], netns?: string): Promise<void> {
  if (lines.length) await run(['ip', ...(netns ? ['-n', netns] : []), '-force', '-batch', '-'], { input: `${lines.join('\n')}\n` });
}

export async function createNetwork(plan: LabNetworkPlan): Promise<void> {
  await ipBatch([
    `link add name ${plan.bridge} type bridge`,
    `addr add ${plan.gateway}/24 dev ${plan.bridge}`,
    `link set ${plan.bridge} up`,
    ...plan.nodes.map((n) => `netns add ${n.netns}`),
  ]);
  await ipBatch(
    plan.nodes.flatMap((n) => [
      `link add ${n.veth} type veth peer name eth0 netns ${n.netns}`,
      `link set ${n.veth} master ${plan.bridge}`,
      `link set ${n.veth} up`,
    ]),
  );
  // Inside each namespace: loopback (for epmd, local sockets) and the node's address.
  await Promise.all(
    plan.nodes.map((n) => ipBatch([`link set lo up`, `addr add ${n.ip}/24 dev eth0`, `link set eth0 up`], n.netns)),
  );
}

/** Every process inside a namespace (sshd sessions, daemons, their children). */
export async function namespacePids(netns: string): Promise<number[]> {
  const r = await runCommand(['ip', 'netns', 'pids', netns]);
  return r.code === 0 ? r.stdout.split(/\s+/).filter(Boolean).map(Number) : [];
}

/**
 * Stop everything the lab started and remove its namespaces and bridge. Processes are found by
 * namespace, not only by recorded pid, so a daemon that forked (epmd, rsync of an SST) goes too.
 */
export async function destroyNetwork(plan: LabNetworkPlan): Promise<void> {
  const present = new Set(existsSync('/run/netns') ? readdirSync('/run/netns') : []);
  const spaces = plan.nodes.map((n) => n.netns).filter((ns) => present.has(ns));
  for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
    const pids = (await Promise.all(spaces.map(namespacePids))).flat();
    if (!pids.length) break;
    for (const pid of pids) signal(pid, sig);
    if (sig === 'SIGTERM') await waitGone(pids, 5000);
  }
  await waitGone((await Promise.all(spaces.map(namespacePids))).flat(), 5000);
  await ipBatch(spaces.map((ns) => `netns delete ${ns}`));
  const links = await run(['ip', '-o', 'link', 'show']);
  if (links.includes(` ${plan.bridge}:`)) await run(['ip', 'link', 'delete', plan.bridge]);
}

async function waitGone(pids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
