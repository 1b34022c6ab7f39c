import { copyFileSync } from 'node:fs';
import type { Fault } from '../faults.js';
import { controllers, nodeByName, type LabLayout, type LabNode } from '../layout.js';
import { halt, isRunning, launch } from '../launch.js';
import { LabError, run, runCommand, waitUntil } from '../proc.js';
import type { LabComponent, LabState } from '../state.js';
import { edgeApis, haproxyPem, haproxyStat, installPublicCert, publicCertDaysLeft, reloadHaproxy, vipHolders, type EdgeApi } from './edge.js';

/** Faults of the edge: haproxy-backend-down, vip-split-brain, cert-expiring. (keystone-fernet-mismatch: the keystone part.) */

const haproxies = (s: LabState): LabComponent[] => s.components.filter((c) => c.kind === 'haproxy');

/**
 * The backend the fault stops: Keystone on controller-2 (the API stays up through the other two,
 * as in real life); on a lab whose Keystone is not there, the first API backend that runs.
 */
function victim(s: LabState): { api: EdgeApi; c: LabComponent } {
  const keystone = s.components.find((c) => c.kind === 'keystone' && c.node === 'controller-2');
  const ks = edgeApis[0] as EdgeApi;
  if (keystone) return { api: ks, c: keystone };
  for (const api of edgeApis) {
    const nodes = api.backends(s.layout).map((n) => n.name);
    const c = s.components.find((x) => x.kind === api.kind && nodes.includes(x.node));
    if (c) return { api, c };
  }
  throw new LabError('the lab runs no API behind HAProxy yet');
}

/** The status HAProxy on the VIP holder (or controller-1) gives one server of one proxy, e.g. "UP", "DOWN", "UP 1/2". */
async function serverStatus(l: LabLayout, proxy: string, server: string): Promise<string | undefined> {
  return (await serverStatuses(l, [proxy], server))[0];
}

/** `show stat` of HAProxy on the VIP holder (or controller-1). */
async function holderStat(l: LabLayout): Promise<Awaited<ReturnType<typeof haproxyStat>>> {
  const holder = (await vipHolders(l))[0] ?? (controllers(l)[0] as LabNode).name;
  return haproxyStat(nodeByName(l, holder));
}

/** The server's status in each of these proxies, as the VIP holder's HAProxy shows them. */
async function serverStatuses(l: LabLayout, proxies: string[], server: string): Promise<Array<string | undefined>> {
  const rows = await holderStat(l);
  return proxies.map((proxy) => rows.find((r) => r.pxname === proxy && r.svname === server)?.status);
}

/** The API's proxies that have this server: the internal one and, where the API has one, the public (external) one. */
async function proxiesOf(l: LabLayout, internal: string, server: string): Promise<string[]> {
  const external = internal.replace(/_internal$/, '_external');
  const rows = await holderStat(l);
  return external !== internal && rows.some((r) => r.pxname === external && r.svname === server) ? [internal, external] : [internal];
}

const NFT_TABLE = 'stackscope_vrrp';
/** The controller that stops hearing VRRP and takes the VIPs too. */
const SPLIT_NODE = 'controller-2';

async function hasNftTable(n: LabNode): Promise<boolean> {
  const r = await runCommand(['nft', 'list', 'table', 'inet', NFT_TABLE], { netns: n.netns });
  return r.code === 0;
}

export const edgeFaults: Fault[] = [
  {
    id: 'haproxy-backend-down',
    controlPlane: 'full',
    description: 'Keystone on controller-2 stopped: HAProxy marks that backend DOWN (show stat on its admin socket), the API answers through the other two',
    affects: (l) => [controllers(l)[1]?.name ?? 'controller-2'],
    shows: {
      command: `echo 'show stat' | socat - UNIX-CONNECT:<controller>/haproxy/haproxy.sock | cut -d, -f1,2,18 (the lab's folder; /var/lib/kolla/haproxy/haproxy.sock on kolla)`,
      healthy: 'keystone_internal,controller-2,UP',
      broken: 'keystone_internal,controller-2,DOWN; haproxy.log: Server keystone_internal/controller-2 is DOWN, reason: Layer4 connection problem',
    },
    async inject(s) {
      const { api, c } = victim(s);
      const proxies = await proxiesOf(s.layout, api.name, c.node);
      await halt(c);
      // Every proxy of the API that has the server (the internal and the public VIP), each by its own health checks.
      await waitUntil(`HAProxy to mark ${c.node} DOWN in ${proxies.join(' and ')}`, async () => (await serverStatuses(s.layout, proxies, c.node)).every((x) => x === 'DOWN'), 30_000);
      return { undo: { component: c.name, proxy: api.name }, summary: `${c.name} stopped: HAProxy shows ${api.name}/${c.node} DOWN` };
    },
    async heal(s, undo) {
      const c = s.components.find((x) => x.name === undo.component);
      if (!c) return 'nothing to heal';
      if (!isRunning(c)) launch(c);
      const proxy = String(undo.proxy);
      await waitUntil(`HAProxy to mark ${proxy}/${c.node} UP`, async () => (await serverStatus(s.layout, proxy, c.node)) === 'UP', 120_000, c.logFile);
      return `${c.name} started again: ${proxy}/${c.node} UP`;
    },
    async holds(s) {
      const { c } = victim(s);
      return !isRunning(c);
    },
  },
  {
    id: 'vip-split-brain',
    controlPlane: 'full',
    description: `an nftables rule on ${SPLIT_NODE} drops incoming VRRP (IP protocol 112): it stops hearing the MASTER, becomes MASTER too, and two controllers hold the VIP`,
    affects: () => ['controller-1', SPLIT_NODE],
    shows: {
      command: 'ip -br addr show dev eth0 (on every controller); keepalived.log',
      healthy: 'the VIP on one controller only',
      broken: `the VIP on controller-1 and ${SPLIT_NODE}; keepalived.log on controller-1: "Received advert from ... with lower priority ..., forcing new election"`,
    },
    async inject(s) {
      const n = nodeByName(s.layout, SPLIT_NODE);
      await run(['nft', '-f', '-'], {
        netns: n.netns,
        input: `table inet ${NFT_TABLE} {\n  chain input {\n    type filter hook input priority 0; policy accept;\n    ip protocol vrrp counter drop\n  }\n}\n`,
      });
      await waitUntil('the VIP to be held by two controllers', async () => (await vipHolders(s.layout)).length >= 2, 30_000);
      return { undo: { node: SPLIT_NODE }, summary: `VRRP dropped on ${SPLIT_NODE}: the VIP is on ${(await vipHolders(s.layout)).join(' and ')}` };
    },
    async heal(s, undo) {
      const n = nodeByName(s.layout, String(undo.node ?? SPLIT_NODE));
      if (await hasNftTable(n)) await run(['nft', 'delete', 'table', 'inet', NFT_TABLE], { netns: n.netns });
      await waitUntil('the VIP to be held by one controller again', async () => (await vipHolders(s.layout)).length === 1, 30_000);
      return `VRRP flows again: the VIP is on ${(await vipHolders(s.layout)).join(', ')} only`;
    },
    async holds(s) {
      return hasNftTable(nodeByName(s.layout, SPLIT_NODE));
    },
  },
  {
    id: 'cert-expiring',
    controlPlane: 'full',
    description: "the public VIP's certificate is replaced by one of the lab CA that expires in 5 days; HAProxy reloaded",
    affects: (l) => controllers(l).map((n) => n.name),
    shows: {
      command: 'echo | openssl s_client -connect <public VIP>:5000 -CAfile <lab>/tls/ca.crt 2>/dev/null | openssl x509 -noout -enddate',
      healthy: 'notAfter about a year from the lab start',
      broken: 'notAfter in 5 days',
    },
    async inject(s) {
      await installPublicCert(s.layout, haproxies(s), 5);
      await waitUntil('HAProxy to serve the 5-day certificate', async () => (await publicCertDaysLeft(s.layout)) < 6, 30_000);
      return { undo: {}, summary: `the public VIP ${s.layout.publicVip} serves a certificate that expires in 5 days` };
    },
    async heal(s) {
      for (const n of controllers(s.layout)) copyFileSync(`${haproxyPem(n)}.good`, haproxyPem(n));
      for (const c of haproxies(s)) reloadHaproxy(c);
      await waitUntil('HAProxy to serve the 1-year certificate again', async () => (await publicCertDaysLeft(s.layout)) > 30, 30_000);
      return `the public VIP serves its 1-year certificate again (${Math.floor(await publicCertDaysLeft(s.layout))} days left)`;
    },
    async holds(s) {
      return (await publicCertDaysLeft(s.layout)) < 30;
    },
  },
];
