import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../contract/imports.js';
import type { Cluster } from '../contract/types.js';
import { sshWorld, type SshWorld } from '../core/testing/fixtures.js';

/**
 * `stackscope cluster import` through the built bin: the preview, --dry-run --json, the refusal
 * without a terminal, --yes, the empty re-import, errors with file:line, and OpenStack-Helm through
 * a real sshd whose `kubectl` (a stand-in on its PATH) prints a node list.
 */
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
let w: SshWorld;
let dataDir: string;
let inventory: string;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const clusters = (): Cluster[] => JSON.parse(cli(['cluster', 'list', '--json']).stdout) as Cluster[];

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  w = await sshWorld();
  dataDir = join(w.dir, 'cli-data');
  inventory = join(w.dir, 'multinode');
  const text = readFileSync(join(root, 'main', 'core', 'import', 'testdata', 'multinode'), 'utf8').replace('KEYFILE', w.clientKey);
  writeFileSync(inventory, text.replace('[monitoring]', '[monitoring]\n# a password left in the inventory\nctl01 ansible_password=inv-pass-0451'));
}, 60_000);

afterAll(async () => {
  await w?.close();
});

describe('stackscope cluster import', () => {
  it('--dry-run --json prints the plan and stores nothing', () => {
    const r = cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as ImportPlan;
    expect(plan.counts).toEqual({ add: 67, change: 0, same: 0, remove: 0 });
    expect(plan.nodes.find((n) => n.name === 'ctl01')?.auth).toEqual({ method: 'key', keyPath: w.clientKey, passphrase: false });
    expect(plan.warnings.map((x) => x.message)).toContain('password in inventory ignored; you will be asked (ctl01)');
    expect(r.stdout + r.stderr).not.toContain('inv-pass-0451');
    expect(clusters()).toEqual([]);
  });

  it('without a terminal it shows the preview and refuses to apply unless --yes', () => {
    const r = cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^add\s+compute17\s+compute17:22\s+stack\s+compute\s+key \S+\s+bastion\.example\.com\s+root$/m);
    expect(r.stdout).toMatch(/^add\s+bastion\.example\.com\s+bastion\.example\.com:2200\s+jump\s+-\s+agent\s+-\s+-$/m);
    expect(r.stdout).toContain('67 to add, 0 to change, 0 to remove, 0 unchanged.');
    expect(r.stderr).toMatch(/not applied: no terminal to ask; pass --yes/);
    expect(clusters()).toEqual([]);
  });

  it('--yes applies; the same file again has nothing to change', () => {
    const r = cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported into prod (created): 67 added, 0 changed, 0 removed.');
    const prod = clusters().find((c) => c.name === 'prod');
    expect(prod?.deployment).toBe('kolla');
    expect(prod?.nodes).toHaveLength(67);
    const again = cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nothing to change\.$/m);
    for (const f of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
      if (statSync(join(dataDir, f)).isFile()) expect(readFileSync(join(dataDir, f)).includes('inv-pass-0451'), f).toBe(false);
    }
  });

  it('an error names file:line and host, exits 2 and changes nothing', () => {
    const broken = join(w.dir, 'broken.ini');
    writeFileSync(broken, '[compute]\ncmp01 ansible_host=10.0.0.1\ncmp02 ansible_host=$(reboot)\ncmp03 ansible_host=-oProxyCommand=touch\n');
    const r = cli(['cluster', 'import', 'prod', '--from', 'kolla', broken, '--yes', '--prune']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${broken}:3: shell operator "(" is not allowed here`);
    expect(r.stdout).toContain(`${broken}:4: cmp03: host: must be a hostname or IP address`);
    expect(r.stdout).toMatch(/^remove \(not in the source; --prune\): bastion\.example\.com, compute01, .*, storage-c$/m);
    expect(r.stderr).toMatch(/2 error\(s\) in .*broken\.ini; nothing was changed/);
    expect(clusters().find((c) => c.name === 'prod')?.nodes).toHaveLength(67);
  });

  it('openstack-helm: kubectl get nodes on the --via node over SSH, the others reached through it', async () => {
    const path = join(w.dir, 'kube-bin');
    mkdirSync(path, { recursive: true });
    const nodes = { kind: 'List', items: ['10.2.0.1', '10.2.0.2'].map((ip, i) => ({ metadata: { name: `k8s-${i + 1}`, labels: i === 0 ? { 'openstack-control-plane': 'enabled' } : { 'openstack-compute-node': 'enabled', openvswitch: 'enabled' } }, status: { addresses: [{ type: 'InternalIP', address: ip }] } })) };
    writeFileSync(join(path, 'nodes.json'), JSON.stringify(nodes, null, 2));
    // Stands in for kubectl: answers exactly the read-only call an import makes, refuses anything else.
    writeFileSync(join(path, 'kubectl'), `#!/bin/sh\n[ "$*" = "get nodes -o json" ] || exit 64\nexec cat ${join(path, 'nodes.json')}\n`);
    chmodSync(join(path, 'kubectl'), 0o755);
    const sshd = await w.startServer('kube', { extraConfig: [`SetEnv PATH=${path}:/usr/bin:/bin`] });
    expect(cli(['cluster', 'add', 'helm', '--deployment', 'openstack-helm']).code).toBe(0);
    expect(cli(['node', 'add', 'helm', 'kube', '--host', sshd.host, '--port', String(sshd.port), '--user', process.env.USER ?? 'root', '--role', 'controller', '--key', w.clientKey]).code).toBe(0);
    expect(cli(['node', 'trust', 'helm', 'kube', '--yes']).code).toBe(0);
    const r = cli(['cluster', 'import', 'helm', '--from', 'k8s', '--via', 'kube', '--yes']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const helm = clusters().find((c) => c.name === 'helm') as Cluster;
    const kube = helm.nodes.find((n) => n.name === 'kube');
    expect(helm.nodes.map((n) => [n.name, n.host, n.roles.join(','), n.jumpNodeId === kube?.id ? 'via kube' : '-'])).toEqual([
      ['k8s-1', '10.2.0.1', 'controller', 'via kube'],
      ['k8s-2', '10.2.0.2', 'compute,network', 'via kube'],
      ['kube', '127.0.0.1', 'controller', '-'],
    ]);
  }, 60_000);
});
