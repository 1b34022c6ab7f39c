import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakFault, faultById, healFault } from '../faults.js';
import { componentPid } from '../launch.js';
import { controllers, nodePaths, type LabNode } from '../layout.js';
import { component } from '../state.js';
import { startTestLab, type TestLab } from '../test-lab.js';
import { expectSweepNamesInjected } from '../test-check.js';
import { keystoneNodeUrl, keystoneToken } from './keystone-client.js';

/**
 * Keystone of the full control plane on three controllers, over real SSH through the app's exec
 * path: the stock `openstack` CLI on each controller (clouds.yaml, OS_CLOUD from sshd), tokens
 * of one controller accepted by another, the catalog, Placement behind Keystone; and the
 * Fernet fault: keys rotated on one controller only break validation across controllers.
 */
let t: TestLab;
const lines: string[] = [];

beforeAll(async () => {
  t = await startTestLab({ flavor: 'packages', computes: 1, controlPlane: 'full', novaComputes: 0, log: (l) => lines.push(l) });
  // What the report quotes: the lab's own timings and Keystone's memory.
  const rss = controllers(t.lab.layout).map((n) => `${n.name} ${keystoneRssMb(n)} MB`);
  console.log(`${lines.join('\n')}\nlab up ${t.lab.upSeconds} s (${t.lab.start}); keystone uwsgi RSS (master + worker): ${rss.join(', ')}`);
}, 3_600_000); // up to 45 min waiting for another file's full lab (takeFullLabLock), then its own lab up

afterAll(async () => {
  await t?.close();
}, 180_000);

/** RSS of a controller's uwsgi master and its worker, in MB. */
function keystoneRssMb(n: LabNode): number {
  const master = componentPid(component(t.lab, 'keystone', n.name));
  const kids = readFileSync(`/proc/${master}/task/${master}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  const rss = (pid: string | number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round((rss(master as number) + kids.reduce((a, k) => a + rss(k), 0)) / 1024);
}

const onNode = (node: string, command: string): ReturnType<TestLab['onNode']> => t.onNode(node, command, 120);

/** Whether `validator`'s Keystone accepts a token `issuer`'s Keystone issued (the token checks itself). */
async function accepts(issuer: LabNode, validator: LabNode): Promise<number> {
  const { token } = await keystoneToken(t.lab.layout, { via: issuer });
  const res = await fetch(keystoneNodeUrl(validator, '/v3/auth/tokens'), { headers: { 'x-auth-token': token, 'x-subject-token': token } });
  await res.text();
  return res.status;
}

const ctl = (i: number): LabNode => controllers(t.lab.layout)[i] as LabNode;

describe('keystone on the full control plane', () => {
  it('issues tokens with the plain openstack CLI on every controller (clouds.yaml) and from the admin openrc', async () => {
    for (const n of controllers(t.lab.layout)) {
      // The app redacts whole tokens in what it records: the Fernet prefix and length say enough.
      const r = await onNode(n.name, 'openstack token issue -f value -c id | awk \'{ print substr($0, 1, 6), length($0) }\'');
      expect(r.stderr).toBe('');
      const [prefix, length] = r.stdout.trim().split(' ');
      expect(prefix).toBe('gAAAAA');
      expect(Number(length)).toBeGreaterThan(150);
    }
    const rc = await onNode('controller-2', 'env -u OS_CLOUD sh -c \'. "$HOME/admin-openrc" && openstack token issue -f value -c project_id\'');
    expect(rc.exitCode).toBe(0);
    expect(rc.stdout.trim()).toMatch(/^[0-9a-f]{32}$/);
    // Credentials stay private to root in the lab folder.
    const home = nodePaths(ctl(0)).home;
    expect(statSync(join(home, 'admin-openrc')).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.config', 'openstack', 'clouds.yaml')).mode & 0o777).toBe(0o600);
  });

  it("accepts a token issued by one controller's Keystone on the others (one Fernet key set)", async () => {
    expect(await accepts(ctl(0), ctl(1))).toBe(200);
    expect(await accepts(ctl(1), ctl(2))).toBe(200);
    expect(await accepts(ctl(2), ctl(0))).toBe(200);
  });

  it('lists the catalog behind the VIP: identity, placement, compute, image, network', async () => {
    const r = await onNode('controller-1', 'openstack endpoint list -f value -c "Service Type" -c Interface -c URL');
    expect(r.exitCode).toBe(0);
    const vip = t.lab.layout.vip;
    for (const [type, url] of [
      ['identity', `http://${vip}:5000/v3`],
      ['placement', `http://${vip}:8778`],
      ['compute', `http://${vip}:8774/v2.1`],
      ['image', `http://${vip}:9292`],
      ['network', `http://${vip}:9696`],
    ]) {
      expect(r.stdout).toContain(`${type} internal ${url}`);
      expect(r.stdout).toContain(`${type} admin ${url}`);
      expect(r.stdout).toMatch(new RegExp(`${type} public https://${t.lab.layout.publicVip.replaceAll('.', '\\.')}:`));
    }
  });

  it('serves Placement behind Keystone: the CLI lists the seeded provider, a request without a token gets 401', async () => {
    const r = await onNode('controller-3', 'openstack resource provider list -f value -c name');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['compute-1']);
    const anon = await fetch(`http://${ctl(0).ip}:8778/resource_providers`);
    await anon.text();
    expect(anon.status).toBe(401);
  });

  it('keystone-fernet-mismatch: keys rotated on one controller break validation across controllers; heal restores it', async () => {
    const fault = faultById('keystone-fernet-mismatch');
    expect(await fault.holds?.(t.lab)).toBe(false);
    await breakFault(t.lab, 'keystone-fernet-mismatch');
    expect(await fault.holds?.(t.lab)).toBe(true);
    // The rogue controller (2) and the others refuse each other's tokens; 1 and 3 still agree.
    expect(await accepts(ctl(1), ctl(0))).toBe(401);
    expect(await accepts(ctl(0), ctl(1))).toBe(401);
    expect(await accepts(ctl(0), ctl(2))).toBe(200);
    expect(readFileSync(join(nodePaths(ctl(0)).log, 'keystone.log'), 'utf8')).toMatch(/WARNING keystone\.server\.flask\.application .* Authorization failed\. The request you have made requires authentication\./);
    await expectSweepNamesInjected(t, () => t.lab, 'keystone-fernet-mismatch', { names: /Fernet/i, node: 'controller-2' });
    await healFault(t.lab, 'keystone-fernet-mismatch');
    expect(await fault.holds?.(t.lab)).toBe(false);
    expect(await accepts(ctl(1), ctl(0))).toBe(200);
    expect(await accepts(ctl(0), ctl(1))).toBe(200);
    // Two fernet_rotate runs and three reloads: Python start-ups on a shared machine.
  }, 300_000);
});
