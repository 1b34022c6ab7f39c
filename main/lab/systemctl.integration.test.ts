import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core.js';
import { tempDir } from '../core/testing/fixtures.js';
import { breakFault, healFault } from './faults.js';
import { wsrepStatus } from './galera.js';
import { currentLab, labDown, labUp } from './lab.js';
import { nodeByName } from './layout.js';
import { hostKeyFingerprint } from './nodes.js';
import { LAB_CLUSTER, registerLab } from './register.js';
import type { LabState } from './state.js';

/**
 * The lab's `systemctl` over real SSH (packages flavour): a trainee recovers Galera from lost
 * quorum by hand, as the runbook says (pc.bootstrap on the survivor, then `systemctl start
 * mariadb` on the others), without `lab heal`.
 */
const tmp = tempDir();
const dataDir = join(tmp.path, 'data');
let core: Core;
let lab: LabState;

beforeAll(async () => {
  lab = await labUp({ dataDir, flavor: 'packages', computes: 1 });
  core = createCore({ dataDir, mode: 'cli' });
  await registerLab(core, lab, async (name) => hostKeyFingerprint(nodeByName(lab.layout, name)));
}, 300_000);

afterAll(async () => {
  await core?.close();
  await labDown(dataDir);
  tmp.remove();
}, 120_000);

async function onNode(node: string, command: string, timeoutSec = 60): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  const cluster = core.inventory.clusterByName(LAB_CLUSTER);
  const n = core.inventory.nodeByName(cluster, node);
  const caseId = core.repos.cases.create(`systemctl test: ${command}`.slice(0, 200), 'info', cluster.id);
  const r = core.exec.start({ caseId, clusterId: cluster.id, nodes: [n], command, timeoutSec });
  await core.runs.wait(r.id);
  const step = core.repos.runs.get(r.id)?.steps[0];
  if (!step) throw new Error('no step recorded');
  return { exitCode: step.exitCode, stdout: step.stdout, stderr: step.stderr };
}

describe('the lab systemctl', () => {
  it('answers for the node it runs on, and refuses what it does not know as systemd does', async () => {
    const active = await onNode('controller-2', 'systemctl is-active mariadb');
    expect(active).toMatchObject({ exitCode: 0, stdout: 'active\n' });
    const status = await onNode('controller-2', 'systemctl status mariadb.service --no-pager');
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toMatch(/^● mariadb\.service - MariaDB database server/);
    expect(status.stdout).toContain('Active: active (running)');
    expect(status.stdout).toMatch(/Main PID: \d+ \(mariadbd\)/);
    // A compute has no database; a controller has no ovs-vswitchd in this lab.
    expect(await onNode('compute-1', 'systemctl status mariadb')).toMatchObject({ exitCode: 4, stderr: 'Unit mariadb.service could not be found.\n' });
    expect(await onNode('compute-1', 'systemctl is-active openvswitch-switch')).toMatchObject({ exitCode: 0, stdout: 'active\n' });
    // Hostile unit names are only names: nothing runs, nothing is found.
    for (const unit of ["'../../state'", "'mariadb;touch /tmp/x'", "'$(id)'", "'mariadb.service/../x'"]) {
      const r = await onNode('controller-1', `systemctl start ${unit}`);
      expect(r.exitCode, unit).toBe(5);
      expect(r.stderr).toMatch(/^Failed to start .*: Unit .* not found\.\n$/);
    }
    expect(await onNode('controller-1', 'systemctl reboot')).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('Unknown command verb reboot') });
    expect(await onNode('controller-1', 'systemctl')).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('Too few arguments') });
  }, 120_000);

  it('restarts ovn-controller on a compute: a new process, active again', async () => {
    const before = await onNode('compute-1', 'systemctl status ovn-controller');
    const restart = await onNode('compute-1', 'systemctl restart ovn-controller && systemctl is-active ovn-controller');
    expect(restart).toMatchObject({ exitCode: 0, stdout: 'active\n' });
    const after = await onNode('compute-1', 'systemctl status ovn-controller');
    const pid = (s: string): string | undefined => /Main PID: (\d+)/.exec(s)?.[1];
    expect(pid(after.stdout)).toBeDefined();
    expect(pid(after.stdout)).not.toBe(pid(before.stdout));
  }, 120_000);

  it('recovers lost quorum the runbook way: pc.bootstrap on the survivor, then systemctl start on the others', async () => {
    await breakFault(currentLab(dataDir), 'galera-quorum-lost');
    const dead = await onNode('controller-2', 'systemctl status mariadb');
    expect(dead.exitCode).toBe(3);
    expect(dead.stdout).toContain('Active: inactive (dead)');
    expect(await onNode('controller-3', 'systemctl is-active mariadb')).toMatchObject({ exitCode: 3, stdout: 'inactive\n' });

    expect((await onNode('controller-1', `mysql -e "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"`)).exitCode).toBe(0);
    for (const n of ['controller-2', 'controller-3']) {
      const r = await onNode(n, 'systemctl start mariadb', 300);
      expect(r, `systemctl start mariadb on ${n}`).toMatchObject({ exitCode: 0, stderr: '' });
    }
    for (const n of ['controller-1', 'controller-2', 'controller-3']) {
      const s = await wsrepStatus(nodeByName(lab.layout, n));
      expect(s, n).toMatchObject({ wsrep_cluster_status: 'Primary', wsrep_cluster_size: '3', wsrep_local_state_comment: 'Synced' });
    }
    // Starting a running unit changes nothing, as with systemd.
    expect(await onNode('controller-2', 'systemctl start mariadb')).toMatchObject({ exitCode: 0 });
    // Repaired by hand, so the trainee can break it again without lab heal; a fault that still holds is refused.
    expect(await breakFault(currentLab(dataDir), 'galera-quorum-lost')).toMatch(/controller-1 is non-Primary/);
    await expect(breakFault(currentLab(dataDir), 'galera-quorum-lost')).rejects.toThrow(/already in force/);
    await healFault(currentLab(dataDir), 'galera-quorum-lost');
  }, 600_000);
});
