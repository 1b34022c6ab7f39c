import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakFault, healFault } from '../faults.js';
import { controllers, nodeByName, nodePaths } from '../layout.js';
import { namespacePids } from '../network.js';
import { run, waitUntil } from '../proc.js';
import { labStatus } from '../status.js';
import { expectSweepNamesInjected, itFindsTheHealthyLabHealthy } from '../test-check.js';
import { startTestLab, type TestLab } from '../test-lab.js';
import { edgeApis, externalName, haproxySocket, internalUrl, labCaFile, memcachedStats, publicUrl, vipHolders } from './edge.js';

/**
 * The edge of the full control plane on one Kolla lab (every service a real container), after the
 * whole catalogue has found that lab healthy: keepalived holding the VIPs on one controller,
 * HAProxy answering on them (plain and TLS with the lab CA), memcached on every controller, and
 * the three edge faults, each seen in the service's own output (HAProxy's admin socket, `ip addr`
 * in the controllers, `openssl s_client`) over the lab's SSH, as an operator sees them.
 */
let t: TestLab;
let pids: number[] = [];

beforeAll(async () => {
  t = await startTestLab({ flavor: 'kolla', computes: 1, controlPlane: 'full', novaComputes: 1 });
}, 3_600_000); // up to 45 min waiting for another file's full lab (takeFullLabLock), then its own lab up

afterAll(async () => {
  const l = t?.lab.layout;
  await t?.close();
  if (!l) return;
  // Nothing left: no VIP anywhere on this machine, no namespace, no edge process (keepalived's VRRP child included).
  expect(await run(['ip', '-o', 'addr', 'show'])).not.toMatch(new RegExp(`inet (${l.vip}|${l.publicVip})/`));
  expect(existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`stackscope-${l.id}-`)) : []).toEqual([]);
  const left = pids.filter((p) => existsSync(`/proc/${p}`));
  expect(left).toEqual([]);
  const edge = (await run(['ps', '-eo', 'pid,args'])).split('\n').filter((x) => /haproxy|keepalived|memcached/.test(x) && x.includes(l.root));
  expect(edge).toEqual([]);
}, 180_000);

/** A shell command on a lab node over SSH, the way the app runs it. */
const onNode = (node: string, command: string): ReturnType<TestLab['onNode']> => t.onNode(node, command, 60);

/** HTTPS GET verified against the given CA (none: the system's). */
function httpsGet(url: string, ca?: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, timeout: 10_000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const showStat = (node: string): Promise<{ exitCode: number | null; stdout: string; stderr: string }> =>
  onNode(node, `echo 'show stat' | socat - UNIX-CONNECT:${haproxySocket(nodeByName(t.lab.layout, node))} | cut -d, -f1,2,18`);

describe('the catalogue on a healthy Kolla lab', () => {
  // Kolla-Ansible keeps passwords.yml on the deploy node (controller-1 here); Stackscope never
  // copies a secret to another node, so the per-node SQL of galera-health runs there only and
  // says it could not on the other two (the cluster as controller-1 sees it is still checked).
  itFindsTheHealthyLabHealthy('kolla', () => t, [
    { title: /^Could not check "[^"]+" on controller-[23]: the database password is in \/etc\/kolla\/passwords\.yml on controller-1$/, why: 'passwords.yml only on the deploy node' },
  ]);
});

describe('edge: keepalived, HAProxy, TLS and memcached', () => {
  it('keepalived: one controller (controller-1, MASTER) holds both VIPs, and the others are BACKUP', async () => {
    const l = t.lab.layout;
    expect(await vipHolders(l)).toEqual(['controller-1']);
    expect(await vipHolders(l, l.publicVip)).toEqual(['controller-1']);
    for (const n of controllers(l)) {
      const r = await onNode(n.name, 'ip -br addr show dev eth0');
      expect(r.stdout.includes(`${l.vip}/24`)).toBe(n.index === 1);
    }
    const s = await labStatus(t.lab);
    const ka = s.nodes.flatMap((n) => n.components).filter((c) => c.kind === 'keepalived');
    expect(ka.map((c) => [c.name, c.health, c.detail.split(';')[0]])).toEqual([
      ['keepalived@controller-1', 'ok', 'MASTER (holds the VIPs)'],
      ['keepalived@controller-2', 'ok', 'BACKUP'],
      ['keepalived@controller-3', 'ok', 'BACKUP'],
    ]);
    expect(readFileSync(`${nodePaths(nodeByName(l, 'controller-1')).log}/keepalived.log`, 'utf8')).toContain('Entering MASTER STATE');
    // Kolla: each is a container, and docker says whether it runs (there is no unit to ask).
    expect((await onNode('controller-2', "docker inspect -f '{{.Name}} {{.State.Status}}' keepalived haproxy memcached")).stdout.trim().split('\n')).toEqual(['/keepalived running', '/haproxy running', '/memcached running']);
  });

  it('the VIP answers from this machine: Placement through HAProxy on the internal VIP', async () => {
    const r = await fetch(internalUrl(t.lab.layout, 8778, '/'));
    expect(r.status).toBe(200);
    expect(((await r.json()) as { versions: unknown[] }).versions.length).toBeGreaterThan(0);
  });

  it('HAProxy show stat on the admin socket lists every API on the VIPs with its backends', async () => {
    const r = await showStat('controller-2');
    expect(r.exitCode).toBe(0);
    const rows = r.stdout.split('\n');
    for (const a of edgeApis) {
      expect(rows).toContain(`${a.name},FRONTEND,OPEN`);
      if (a.external) expect(rows).toContain(`${externalName(a)},FRONTEND,OPEN`);
      for (const b of a.backends(t.lab.layout)) expect(rows.some((x) => x.startsWith(`${a.name},${b.name},`))).toBe(true);
    }
    expect(rows).toContain('placement_api,controller-1,UP');
    const stats = await fetch(`http://${nodeByName(t.lab.layout, 'controller-3').ip}:1984/;csv`);
    expect(await stats.text()).toContain('keystone_internal,FRONTEND');
  });

  it('TLS on the public VIP verifies with the lab CA, and only with it', async () => {
    const l = t.lab.layout;
    const ca = readFileSync(labCaFile(l));
    const ok = await httpsGet(publicUrl(l, 8778, '/'), ca);
    expect(ok.status).toBe(200);
    await expect(httpsGet(publicUrl(l, 8778, '/'))).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
    const r = await onNode('controller-3', `echo | openssl s_client -connect ${l.publicVip}:5000 -CAfile ${labCaFile(l)} 2>/dev/null | openssl x509 -noout -enddate -ext subjectAltName; echo | openssl s_client -connect ${l.publicVip}:5000 -CAfile ${labCaFile(l)} 2>&1 | grep 'Verify return code'`);
    expect(r.stdout).toContain(`IP Address:${l.publicVip}`);
    expect(r.stdout).toContain('Verify return code: 0 (ok)');
    const notAfter = new Date(/notAfter=(.*)/.exec(r.stdout)?.[1] ?? '');
    expect((notAfter.getTime() - Date.now()) / 86_400_000).toBeGreaterThan(360);
  });

  it('memcached answers on every controller', async () => {
    for (const n of controllers(t.lab.layout)) expect(Number((await memcachedStats(n)).pid)).toBeGreaterThan(0);
    const s = await labStatus(t.lab);
    const mc = s.nodes.flatMap((n) => n.components).filter((c) => c.kind === 'memcached');
    expect(mc.map((c) => c.health)).toEqual(['ok', 'ok', 'ok']);
    // For the report: every edge process and its memory.
    pids = s.nodes.flatMap((n) => n.components).filter((c) => ['haproxy', 'keepalived', 'memcached'].includes(c.kind)).map((c) => c.pid ?? 0);
    for (const n of controllers(t.lab.layout)) pids.push(...(await namespacePids(n.netns)).filter((p) => /haproxy|keepalived|memcached/.test(readFileSync(`/proc/${p}/cmdline`, 'utf8'))));
    const rss = (await run(['ps', '-o', 'pid=,rss=,args=', '-p', [...new Set(pids)].join(',')])).trim();
    console.log(`edge processes (pid, RSS KiB, command):\n${rss}`);
  });
});

/** The haproxy-backends playbook's critical and warning findings on the lab, as [check, severity, title]. */
async function haproxyProblems(): Promise<Array<[string, string, string]>> {
  const r = await t.runPlaybook('haproxy-backends');
  if (!r.run) throw new Error(String(r.error));
  return r.run.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning').map((f) => [f.check, f.severity, f.title]);
}

describe('edge faults: injected, seen in the service output, healed, gone', () => {
  it('haproxy-backend-down: show stat marks the stopped backend DOWN, then UP again', async () => {
    await breakFault(t.lab, 'haproxy-backend-down');
    const { component, proxy } = t.lab.faults['haproxy-backend-down']?.undo as { component: string; proxy: string };
    const node = component.split('@')[1] as string;
    const broken = await showStat('controller-1');
    expect(broken.stdout.split('\n')).toContain(`${proxy},${node},DOWN`);
    expect(readFileSync(`${nodePaths(nodeByName(t.lab.layout, 'controller-1')).log}/haproxy.log`, 'utf8')).toMatch(new RegExp(`Server ${proxy}/${node} is DOWN`));
    // The playbook names the server and the proxies it is down in (the API still answers through the others: a warning).
    expect(await haproxyProblems()).toEqual([['haproxy.server-down', 'warning', `HAProxy: server ${node} is DOWN in ${proxy}, keystone_external`]]);
    // First comes the cause when the backend is a container that stopped (Kolla: "Container keystone is not running … on controller-2"), else the DOWN server.
    await expectSweepNamesInjected(t, () => t.lab, 'haproxy-backend-down', { names: new RegExp(`${component.split('@')[0]}|server ${node} is DOWN`), node });
    await healFault(t.lab, 'haproxy-backend-down');
    expect((await showStat('controller-1')).stdout.split('\n')).toContain(`${proxy},${node},UP`);
    // The other controllers' HAProxies see it UP within their own rise (2 checks, 2 s apart).
    await waitUntil('haproxy-backends to find every server UP again', async () => (await haproxyProblems()).length === 0, 60_000);
  }, 240_000);

  it('vip-split-brain: two controllers hold the VIP, then one', async () => {
    const l = t.lab.layout;
    await breakFault(t.lab, 'vip-split-brain');
    const held = await Promise.all(controllers(l).map(async (n) => (await onNode(n.name, 'ip -br addr show dev eth0')).stdout.includes(`${l.vip}/24`)));
    expect(held).toEqual([true, true, false]);
    expect((await onNode('controller-2', 'nft list ruleset')).stdout).toMatch(/ip protocol vrrp counter packets [1-9]\d* bytes \d+ drop/);
    const s = await labStatus(t.lab);
    expect(s.nodes.flatMap((n) => n.components).find((c) => c.name === 'keepalived@controller-1')?.detail).toContain('held by controller-1 and controller-2');
    await waitUntil('controller-1 to log the lower-priority adverts', () => /Received advert from \S+ with lower priority/.test(readFileSync(`${nodePaths(nodeByName(l, 'controller-1')).log}/keepalived.log`, 'utf8')), 10_000);
    // The playbook names both VIPs and the two controllers holding them.
    expect(await haproxyProblems()).toEqual([['haproxy.vip-split-brain', 'critical', `VIP split brain: ${l.vip}, ${l.publicVip} is on controller-1, controller-2`]]);
    await expectSweepNamesInjected(t, () => t.lab, 'vip-split-brain', { names: /VIP split brain/, node: 'controller-2' });
    await healFault(t.lab, 'vip-split-brain');
    expect(await vipHolders(l)).toEqual(['controller-1']);
    expect((await onNode('controller-2', 'ip -br addr show dev eth0')).stdout).not.toContain(`${l.vip}/24`);
    expect(await fetch(internalUrl(l, 8778, '/')).then((r) => r.status)).toBe(200);
    await waitUntil('haproxy-backends to find the VIP on one controller again', async () => (await haproxyProblems()).length === 0, 60_000);
  }, 240_000);

  it('cert-expiring: openssl s_client shows notAfter in 5 days, then a year again', async () => {
    const l = t.lab.layout;
    const notAfter = async (): Promise<number> => {
      const r = await onNode('controller-2', `echo | openssl s_client -connect ${l.publicVip}:9292 -CAfile ${labCaFile(l)} 2>/dev/null | openssl x509 -noout -enddate`);
      return (new Date(/notAfter=(.*)/.exec(r.stdout)?.[1] ?? '').getTime() - Date.now()) / 86_400_000;
    };
    await breakFault(t.lab, 'cert-expiring');
    const left = await notAfter();
    expect(left).toBeGreaterThan(4);
    expect(left).toBeLessThanOrEqual(5);
    // Still valid and from the lab CA: clients verify it (and warn), they do not fail yet.
    expect((await httpsGet(publicUrl(l, 8778, '/'), readFileSync(labCaFile(l)))).status).toBe(200);
    await expectSweepNamesInjected(t, () => t.lab, 'cert-expiring', { names: /expire/i });
    await healFault(t.lab, 'cert-expiring');
    expect(await notAfter()).toBeGreaterThan(360);
  }, 300_000);
});
