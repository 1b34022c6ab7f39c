import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakFault, healFault } from '../faults.js';
import { controllers, nodePaths, novaComputeNodes, type LabNode } from '../layout.js';
import { providerUuid } from '../placement.js';
import { runCommand, waitUntil } from '../proc.js';
import { loadState } from '../state.js';
import { expectSweepNamesInjected, itFindsTheHealthyLabHealthy } from '../test-check.js';
import { startTestLab, type TestLab } from '../test-lab.js';
import { computeInventory } from '../tenant.js';
import { SYSTEM_PATH } from './glance.js';
import { HUGE_FLAVOR, NOVALIDHOST_SERVER } from './nova-faults.js';
import { novaLog, schedulerNode, type NovaCloud } from './nova.js';

/**
 * Glance and Nova of the full control plane, checked with the openstack CLI as the admin of
 * controller-1 (its clouds.yaml), and the two Nova faults injected, seen (by the nova-services
 * playbook for the stopped compute), healed and gone. First of all, the whole catalogue finds this
 * packages lab (the default full lab: 2 computes, both with nova-compute) healthy.
 */
let t: TestLab;

beforeAll(async () => {
  t = await startTestLab({ flavor: 'packages', computes: 2, controlPlane: 'full', novaComputes: 2 });
}, 3_600_000); // up to 45 min waiting for another file's full lab (takeFullLabLock), then its own lab up

afterAll(async () => {
  await t?.close();
}, 300_000);

const state = () => loadState(t.lab.layout.root);
const c1 = (): LabNode => controllers(t.lab.layout)[0] as LabNode;

/** `openstack …` on controller-1 as its operator would type it (cloud `admin` of ~/.config/openstack/clouds.yaml). */
async function openstack(args: string[]): Promise<unknown> {
  const n = c1();
  const r = await runCommand(['openstack', ...args, '-f', 'json'], { netns: n.netns, env: { PATH: SYSTEM_PATH, HOME: nodePaths(n).home, OS_CLOUD: 'admin' }, timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`openstack ${args.join(' ')}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout) as unknown;
}

type Service = { Binary: string; Host: string; State: string; Status: string };
const computeState = async (host: string): Promise<string | undefined> =>
  ((await openstack(['compute', 'service', 'list', '--service', 'nova-compute'])) as Service[]).find((s) => s.Host === host)?.State;

describe('the catalogue on a healthy packages lab', () => {
  itFindsTheHealthyLabHealthy('packages', () => t);
});

describe('Nova and Glance (full control plane)', () => {
  it('compute service list shows conductor, scheduler and every Nova compute up', async () => {
    const list = (await openstack(['compute', 'service', 'list'])) as Service[];
    const up = list.filter((s) => s.State === 'up' && s.Status === 'enabled').map((s) => `${s.Binary}@${s.Host}`);
    expect(up).toEqual(expect.arrayContaining(['nova-conductor@controller-2', 'nova-scheduler@controller-3', 'nova-compute@compute-1', 'nova-compute@compute-2']));
  });

  it('each nova-compute reports the light lab inventory on the lab provider of its compute', async () => {
    for (const n of novaComputeNodes(t.lab.layout)) {
      const inv = (await openstack(['resource', 'provider', 'inventory', 'list', providerUuid(n.name)])) as Array<{ resource_class: string; total: number; reserved: number; allocation_ratio: number }>;
      const got = Object.fromEntries(inv.map((i) => [i.resource_class, { total: i.total, reserved: i.reserved, allocation_ratio: i.allocation_ratio }]));
      expect(got, n.name).toEqual(computeInventory);
    }
  });

  it('the lab image is active in Glance and the tenant servers on the Nova computes are ACTIVE there', async () => {
    const images = (await openstack(['image', 'list'])) as Array<{ Name: string; Status: string }>;
    expect(images).toContainEqual(expect.objectContaining({ Name: 'cirros-lab', Status: 'active' }));
    const cloud = state().cloud?.nova as NovaCloud;
    const novaHosts = novaComputeNodes(t.lab.layout).map((n) => n.name);
    const expected = state().tenant.instances.filter((i) => novaHosts.includes(i.host));
    expect(Object.keys(cloud.servers).sort()).toEqual(expected.map((i) => i.name).sort());
    const servers = (await openstack(['server', 'list', '--all-projects', '--long'])) as Array<{ ID: string; Name: string; Status: string; Host: string; Networks: Record<string, string[]> }>;
    for (const i of expected) {
      const s = servers.find((x) => x.ID === cloud.servers[i.name]?.id);
      expect(s, i.name).toMatchObject({ Name: i.name, Status: 'ACTIVE', Host: i.host });
      expect(JSON.stringify(s?.Networks), i.name).toContain(i.port.ip);
    }
  });

  it('nova-compute-down: the stopped compute is down, nova-services names it with its log lines, heal brings it up', async () => {
    const summary = await breakFault(state(), 'nova-compute-down');
    expect(summary).toContain('compute-1');
    expect(await computeState('compute-1')).toBe('down');
    expect(await computeState('compute-2')).toBe('up');

    const r = await t.runPlaybook('nova-services');
    if (!r.run) throw new Error(String(r.error));
    const down = r.run.findings.filter((f) => f.check === 'nova.service-down');
    expect(down.map((f) => [f.severity, f.title])).toEqual([['critical', 'nova-compute on compute-1 is down']]);
    expect(down[0]?.evidence.find((e) => e.step === 'compute-services')?.lines).toContain('    "State": "down",');
    // A stopped nova-compute goes quiet: the finding quotes the last lines of its log (/var/log/nova/nova-compute.log on the node).
    const log = down[0]?.evidence.find((e) => e.step === 'compute-log');
    expect(log?.node).toBe('compute-1');
    expect(log?.lines.length).toBeGreaterThan(0);
    const written = readFileSync(novaLog(novaComputeNodes(t.lab.layout)[0] as LabNode, 'nova-compute'), 'utf8').split('\n');
    expect(log?.lines.filter((l) => !written.includes(l))).toEqual([]);
    expect(down[0]?.explanation).toContain('the process is probably stopped or hung');
    // The whole sweep puts it first: the stopped service, on its compute.
    await expectSweepNamesInjected(t, state, 'nova-compute-down', { names: /nova-compute on compute-1/, node: 'compute-1' });

    await healFault(state(), 'nova-compute-down');
    expect(await computeState('compute-1')).toBe('up');
    const again = await t.runPlaybook('nova-services');
    expect(again.run?.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning').map((f) => f.title)).toEqual([]);
    expect(again.run?.findings.map((f) => f.check)).toContain('nova.services');
  }, 600_000);

  it('novalidhost-real: the server ends in ERROR "No valid host was found", the scheduler says why, heal deletes it', async () => {
    const log = novaLog(schedulerNode(t.lab.layout), 'nova-scheduler');
    const before = readFileSync(log, 'utf8').length;
    await breakFault(state(), 'novalidhost-real');
    const shown = (await openstack(['server', 'show', NOVALIDHOST_SERVER])) as { status: string; fault?: { message: string }; flavor: unknown };
    expect(shown.status).toBe('ERROR');
    expect(shown.fault?.message).toContain('No valid host was found');
    expect(JSON.stringify(shown.flavor)).toContain(HUGE_FLAVOR.name);
    expect(readFileSync(log, 'utf8').slice(before)).toContain('Got no allocation candidates from the Placement API');
    await expectSweepNamesInjected(t, state, 'novalidhost-real', { names: new RegExp(`${NOVALIDHOST_SERVER}|No valid host`) });

    await healFault(state(), 'novalidhost-real');
    await waitUntil('the server to be gone from server list', async () => !((await openstack(['server', 'list', '--all-projects'])) as Array<{ Name: string }>).some((s) => s.Name === NOVALIDHOST_SERVER), 60_000);
    // Its flavor is gone too: a flavor that fits nowhere would warn in every later sweep.
    expect(((await openstack(['flavor', 'list', '--all'])) as Array<{ Name: string }>).map((f) => f.Name)).not.toContain(HUGE_FLAVOR.name);
  }, 600_000);

  it('placement-no-capacity: with no flavor asked, the sweep names the lab flavor that no longer fits anywhere', async () => {
    await breakFault(state(), 'placement-no-capacity');
    await expectSweepNamesInjected(t, state, 'placement-no-capacity', { names: /Flavor m1\.large .*fits on no compute/ });
    await healFault(state(), 'placement-no-capacity');
    const again = await t.runPlaybook('placement-capacity');
    expect(again.run?.findings.find((f) => f.check === 'placement.flavors')?.severity).toBe('ok');
  }, 600_000);
});
