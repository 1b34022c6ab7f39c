import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/fixtures.js';

/**
 * The lab as a user drives it: `stackscope lab …` from the built CLI, packages flavour, the
 * smallest size. (The openstack-helm flavour and every fault are in lab.integration.test.ts.)
 */
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
const tmp = tempDir();
const dataDir = join(tmp.path, 'data');

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
});

afterAll(() => {
  cli(['lab', 'down']);
  tmp.remove();
});

describe('stackscope lab (CLI)', () => {
  it('up registers cluster lab; status, exec, faults, flavour checks; down leaves nothing', () => {
    const up = cli(['lab', 'up', '--computes', '1', '--flavor', 'packages', '--no-rabbitmq']);
    expect(up.stderr + up.stdout).toMatch(/Lab up in [\d.]+ s: cluster lab \(packages\) with 4 nodes, host keys trusted/);
    expect(up.code).toBe(0);
    // What it suggests works from a clone, where stackscope is not on PATH.
    expect(up.stdout).toContain('Try: npx stackscope check lab');

    const status = cli(['lab', 'status', '--json']);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { id: string; healthy: boolean; nodes: Array<{ name: string; components: Array<{ kind: string; health: string; pid: number; endpoints: string[] }> }> };
    expect(s.healthy).toBe(true);
    expect(s.nodes.map((n) => n.name)).toEqual(['controller-1', 'controller-2', 'controller-3', 'compute-1']);
    const mysqld = s.nodes[0]?.components.find((c) => c.kind === 'mysqld');
    expect(mysqld?.pid).toBeGreaterThan(0);
    expect(mysqld?.endpoints.join(' ')).toMatch(/mysql:\/\/198\.18\.\d+\.11:3306/);

    const ovs = cli(['exec', 'lab', '--role', 'compute', '--', 'ovs-vsctl', 'show']);
    expect(ovs.code).toBe(0);
    expect(ovs.stdout).toContain('compute-1 |     Bridge br-int');
    // packages flavour: binaries on the host, not the lab's kubectl (the machine may have its own).
    const k = cli(['exec', 'lab', '--node', 'controller-1', '--', 'echo $PATH; command -v kubectl || echo none']);
    expect(k.stdout).toMatch(/controller-1 \| \S+\/bin:/);
    expect(k.stdout).not.toContain('bin-helm');

    const list = cli(['lab', 'faults']);
    expect(list.stdout).toMatch(/pod-crashloop\s+openstack-helm\s+placement-api gets a wrong database password/);
    const refused = cli(['lab', 'break', 'pod-crashloop']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/pod-crashloop needs a lab of flavour openstack-helm; this one is packages/);
    const unknown = cli(['lab', 'break', 'nope']);
    expect(unknown.stderr).toMatch(/no fault "nope"; the lab knows: galera-node-down/);

    const broken = cli(['lab', 'break', 'galera-node-down']);
    expect(broken.code).toBe(0);
    const degraded = cli(['lab', 'status']);
    expect(degraded.code).toBe(1);
    expect(degraded.stdout).toMatch(/faults in force: galera-node-down/);
    expect(degraded.stdout).toMatch(/mysqld\s+degraded.*Primary, Synced, cluster size 2/);
    expect(cli(['lab', 'heal', 'galera-node-down']).code).toBe(0);

    const down = cli(['lab', 'down']);
    expect(down.stdout).toMatch(/Lab stopped; removed /);
    const left = existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`stackscope-${s.id}-`)) : [];
    expect(left).toEqual([]);
    expect(cli(['lab', 'status']).stderr).toMatch(/no lab is up for .*; start one with: stackscope lab up/);
    // The cluster stays, so its cases keep it; its nodes are what the next lab up updates.
    expect(cli(['cluster', 'list']).stdout).toContain('lab');
    // Used while down: the lab is named as the reason, not a missing key file.
    const gone = cli(['exec', 'lab', '--role', 'compute', '--', 'true']);
    expect(gone.code).toBe(1);
    expect(gone.stdout + gone.stderr).toMatch(/compute-1 .*the practice lab is down \(its key \S+ went with it\); start it with: stackscope lab up/);
  }, 400_000);
});
