import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportApplied, ImportPlan } from '../contract/imports.js';
import type { Run } from '../contract/runs.js';
import type { Cluster, ClusterHostKeyProbes, ClusterHostKeyTrust } from '../contract/types.js';
import { createCore } from '../core/core.js';
import { tempDir } from '../core/testing/fixtures.js';
import { breakFault, healFault } from './faults.js';
import { computes, controllers, gatewayNode, nodeByName, nodePaths } from './layout.js';
import { namespacePids } from './network.js';
import { hostKeyFingerprint } from './nodes.js';
import { waitUntil } from './proc.js';
import { loadState } from './state.js';
import { startTestLab, type TestLab } from './test-lab.js';

/**
 * The kolla flavour of the light lab: each component is a real Docker container of its node's
 * own dockerd, named as Kolla names it, and a session on a node sees Kolla's /etc/kolla and
 * /var/log/kolla. Everything is read over real SSH through Stackscope's exec path.
 */
let t: TestLab;
const state = () => loadState(t.lab.layout.root);

beforeAll(async () => {
  t = await startTestLab({ flavor: 'kolla', controlPlane: 'none', computes: 1 });
}, 600_000);

afterAll(async () => {
  const layout = t?.lab.layout;
  await t?.close();
  if (layout) {
    // Nothing left: no namespace, no process of the lab (dockerd, containerd, shims, daemons), no mount under its folder.
    const spaces = existsSync('/run/netns') ? readdirSync('/run/netns').filter((n) => n.startsWith(`stackscope-${layout.id}-`)) : [];
    expect(spaces).toEqual([]);
    expect((await Promise.all(layout.nodes.map((n) => namespacePids(n.netns)))).flat()).toEqual([]);
    const left = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(layout.root);
        } catch {
          return false;
        }
      });
    expect(left).toEqual([]);
    expect(readFileSync('/proc/mounts', 'utf8')).not.toContain(layout.root);
    expect(existsSync(layout.root)).toBe(false);
  }
}, 180_000);

const onNode = (node: string, command: string): ReturnType<TestLab['onNode']> => t.onNode(node, command, 90);

/** `docker ps` on a node as NAME → STATUS. */
async function dockerPs(node: string, all = false): Promise<Record<string, string>> {
  const r = await onNode(node, `docker ps ${all ? '-a ' : ''}--format '{{.Names}}|{{.Status}}'`);
  if (r.exitCode !== 0) throw new Error(`docker ps on ${node}: ${r.stderr}`);
  return Object.fromEntries(r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split('|') as [string, string]));
}

const expected: Record<string, string[]> = {
  'controller-1': ['mariadb', 'rabbitmq', 'ovn_nb_db', 'ovn_sb_db', 'ovn_northd', 'placement_api', 'kolla_toolbox'],
  'controller-2': ['mariadb', 'ovn_nb_db', 'ovn_sb_db', 'kolla_toolbox'],
  'controller-3': ['mariadb', 'ovn_nb_db', 'ovn_sb_db', 'kolla_toolbox'],
  'compute-1': ['openvswitch_db', 'openvswitch_vswitchd', 'ovn_controller', 'kolla_toolbox'],
};

describe('kolla flavour', () => {
  it('docker ps on each node lists the Kolla containers, healthy where Kolla checks health', async () => {
    for (const [node, names] of Object.entries(expected)) {
      // Docker runs the first health check 30 s (Kolla's interval) after the start.
      await waitUntil(
        `${node}'s containers to be healthy`,
        async () => {
          const ps = await dockerPs(node);
          return names.every((n) => (n === 'kolla_toolbox' ? /^Up/.test(ps[n] ?? '') : /^Up .*\(healthy\)$/.test(ps[n] ?? '')));
        },
        150_000,
      );
      expect(Object.keys(await dockerPs(node)).sort()).toEqual([...names].sort());
    }
  }, 600_000);

  it('docker logs, docker inspect and docker exec answer as on a Kolla host', async () => {
    const logs = await onNode('controller-1', 'docker logs ovn_northd 2>&1 | head -n 20');
    expect(logs.stdout).toContain('INFO:__main__:Loading config file at /var/lib/kolla/config_files/config.json');
    expect(logs.stdout).toMatch(/Running command: 'ovn-northd /);
    const inspect = await onNode('controller-2', `docker inspect -f '{{.RestartCount}} {{.State.OOMKilled}} {{.State.Health.Status}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.NetworkMode}} {{.Config.Image}}' mariadb`);
    expect(inspect.stdout.trim()).toBe('0 false healthy unless-stopped host quay.io/openstack.kolla/mariadb-server:zed-debian-bookworm');
    const exec = await onNode('compute-1', 'docker exec openvswitch_vswitchd ovs-vsctl br-exists br-int && docker exec ovn_controller hostname');
    expect(exec).toMatchObject({ exitCode: 0, stdout: 'compute-1\n' });
    const wsrep = await onNode('controller-1', `docker exec mariadb mysql -N -B -e "SHOW STATUS LIKE 'wsrep_cluster_size'"`);
    expect(wsrep.stdout.trim()).toBe('wsrep_cluster_size\t3');
  }, 120_000);

  it("each node has Kolla's /etc/kolla and /var/log/kolla; the deploy node has passwords.yml and admin-openrc.sh", async () => {
    const c1 = await onNode('controller-1', 'ls /etc/kolla; ls /var/log/kolla; tail -n 3 /var/log/kolla/mariadb/mariadb.log | wc -l; grep -c "^database_password: " /etc/kolla/passwords.yml; stat -c %a /etc/kolla/passwords.yml');
    const [etc, log] = [c1.stdout.split('\n'), c1.stdout];
    for (const name of ['admin-openrc.sh', 'passwords.yml', 'mariadb', 'ovn-nb-db', 'ovn-sb-db', 'ovn-northd', 'placement-api', 'rabbitmq']) expect(etc).toContain(name);
    for (const dir of ['mariadb', 'openvswitch', 'placement', 'rabbitmq', 'kolla-toolbox']) expect(log).toContain(`${dir}\n`);
    expect(c1.stdout).toMatch(/\n3\n1\n640\n$/);
    const c3 = await onNode('controller-3', 'ls /etc/kolla; ls /var/log/kolla/openvswitch');
    expect(c3.stdout.split('\n')).not.toContain('passwords.yml');
    expect(c3.stdout).toContain('ovn-sb-db.log');
    const cmp = await onNode('compute-1', 'ls /etc/kolla; tail -n 2 /var/log/kolla/openvswitch/ovn-controller.log');
    expect(cmp.stdout).toContain('ovn-controller\n');
    expect(cmp.stdout).toMatch(/\|ovn-controller|\|(INFO|WARN)\|/);
    // The inventory the Kolla import reads.
    const inv = readFileSync(`${t.lab.layout.root}/multinode`, 'utf8');
    for (const n of [...controllers(t.lab.layout), ...computes(t.lab.layout)]) expect(inv).toContain(`${n.name} ansible_host=${n.ip} ansible_user=root ansible_ssh_private_key_file=${t.lab.layout.keyFile}`);
  }, 120_000);

  it('a killed process is started again by Docker (restart policy), as on a Kolla host', async () => {
    const pid = (await onNode('compute-1', "docker inspect -f '{{.State.Pid}}' kolla_toolbox")).stdout.trim();
    expect(Number(pid)).toBeGreaterThan(0);
    await onNode('compute-1', `kill -9 ${pid}`);
    await waitUntil('kolla_toolbox to be restarted by Docker', async () => /^1 running/.test((await onNode('compute-1', "docker inspect -f '{{.RestartCount}} {{.State.Status}}' kolla_toolbox")).stdout), 60_000);
  }, 120_000);

  it('ovn-health runs through docker exec and finds nothing wrong on the healthy lab', async () => {
    const r = await t.runPlaybook('ovn-health');
    if (!r.run) throw new Error(String(r.error));
    expect(r.run.steps.some((s) => s.commandSent.includes('docker exec ovn_'))).toBe(true);
    expect(r.run.findings.filter((f) => (f.severity === 'critical' || f.severity === 'warning') && f.status === 'FAILED').map((f) => f.title)).toEqual([]);
  }, 180_000);

  it("the lab's own multinode inventory imports as a new kolla cluster: roles from its groups, host keys from known_hosts or confirmed, then ovn-health and galera-health run on it through docker exec", async () => {
    // A Stackscope of its own, as on an operator's laptop: nothing trusted yet, no lab cluster.
    const dir = tempDir();
    const core = createCore({ dataDir: join(dir.path, 'data'), mode: 'cli' });
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };
    try {
      const l = t.lab.layout;
      const file = join(l.root, 'multinode');
      const input = { cluster: 'kolla-lab', source: { kind: 'kolla', path: file }, hosts: [], roles: [], prune: false };
      const plan = await call<ImportPlan>('clusters.importPlan', input);
      expect(plan.errors).toEqual([]);
      expect(plan.warnings.map((w) => w.message)).toEqual(['localhost skipped: ansible_connection=local is this machine, not a node reached by SSH']);
      expect(plan).toMatchObject({ clusterId: null, deployment: 'kolla', counts: { add: 4, change: 0, same: 0, remove: 0 } });
      const applied = await call<ImportApplied>('clusters.importApply', { ...input, digest: plan.digest });
      expect(applied).toMatchObject({ created: true, added: ['controller-1', 'controller-2', 'controller-3', 'compute-1'] });
      const cluster = applied.cluster;
      expect(cluster.deployment).toBe('kolla');
      // Roles from the groups: the controllers are [control]; the computes are [compute] and the lab's gateway chassis also [network].
      expect(cluster.nodes.map((n) => [n.name, n.host, n.port, n.user, [...n.roles].sort().join(','), n.auth.method === 'key' ? n.auth.keyPath : n.auth.method, n.jumpNodeId]).sort()).toEqual(
        l.nodes.map((n) => [n.name, n.ip, 22, 'root', n.role === 'compute' ? (n.name === gatewayNode(l).name ? 'compute,network' : 'compute') : 'controller', l.keyFile, null]).sort(),
      );

      // Nothing runs on a node whose key nobody accepted.
      const caseId = core.repos.cases.create('kolla import', 'info', null);
      const byName = (name: string) => cluster.nodes.find((n) => n.name === name) as Cluster['nodes'][number];
      const blind = core.exec.start({ caseId, clusterId: cluster.id, nodes: [byName('controller-2')], command: 'true', timeoutSec: 30 });
      await core.runs.wait(blind.id);
      expect(core.repos.runs.get(blind.id)?.steps[0]?.error).toMatch(/host key/i);

      // The operator has been on controller-1 before: its key is in their known_hosts, so it needs no question.
      const knownHosts = join(dir.path, 'known_hosts');
      const c1 = nodeByName(l, 'controller-1');
      const [keyType, blob] = readFileSync(join(nodePaths(c1).sshd, 'ssh_host_key.pub'), 'utf8').trim().split(/\s+/);
      writeFileSync(knownHosts, `${c1.ip} ${keyType} ${blob}\n`);
      await call<Cluster>('clusters.update', { id: cluster.id, knownHostsFile: knownHosts });
      const probes = await call<ClusterHostKeyProbes>('hostKeys.probeCluster', { clusterId: cluster.id });
      expect(probes.nodes.map((p) => [p.nodeName, p.status]).sort()).toEqual([
        ['compute-1', 'unknown'],
        ['controller-1', 'known_hosts'],
        ['controller-2', 'unknown'],
        ['controller-3', 'unknown'],
      ]);
      // The others are shown for one confirmation: confirm each only if it is the key the lab made for that node (ssh-keygen -lf on the node).
      const unknown = probes.nodes.filter((p) => p.status === 'unknown' && p.reachable) as Extract<ClusterHostKeyProbes['nodes'][number], { reachable: true }>[];
      for (const p of unknown) expect(p.fingerprint, p.nodeName).toBe(hostKeyFingerprint(nodeByName(l, p.nodeName)));
      const trusted = await call<ClusterHostKeyTrust>('hostKeys.trustCluster', { clusterId: cluster.id, confirmed: unknown.map((p) => ({ nodeId: p.nodeId, fingerprint: p.fingerprint })) });
      expect(trusted.refused).toEqual([]);
      expect(trusted.trusted).toHaveLength(3);

      const run = async (playbookId: string): Promise<Run> => {
        const r = await call<{ runId: number }>('playbooks.run', { caseId, clusterId: cluster.id, playbookId, params: {}, allowMutating: false });
        await core.runs.wait(r.runId);
        return core.repos.runs.get(r.runId) as Run;
      };
      const problems = (r: Run): string[] => r.findings.filter((f) => (f.severity === 'critical' || f.severity === 'warning') && f.status === 'FAILED').map((f) => f.title);
      const ovn = await run('ovn-health');
      expect(ovn.steps.filter((s) => s.error !== null).map((s) => `${s.nodeName} ${s.stepKey}: ${s.error}`)).toEqual([]);
      // Reached through the containers, on the nodes the inventory's groups name.
      expect(new Set(ovn.steps.filter((s) => s.commandSent.includes('docker exec ovn_controller')).map((s) => s.nodeName))).toEqual(new Set(['compute-1']));
      expect(ovn.steps.some((s) => s.nodeName.startsWith('controller-') && s.commandSent.includes('docker exec ovn_'))).toBe(true);
      expect(problems(ovn)).toEqual([]);
      expect(ovn.findings.some((f) => f.status === 'OK')).toBe(true);

      // Kolla's database password: passwords.yml is on the lab's deploy node (cluster update --kolla-passwords-node controller-1).
      await call<Cluster>('clusters.update', { id: cluster.id, kollaPasswords: { node: 'controller-1', path: '/etc/kolla/passwords.yml' } });
      const galera = await run('galera-health');
      expect(galera.steps.some((s) => s.commandSent.includes('docker exec') && s.commandSent.includes('mariadb'))).toBe(true);
      expect(problems(galera)).toEqual([]);
      expect(galera.findings.filter((f) => f.status === 'OK').map((f) => f.title).join('\n')).toMatch(/controller-1 Synced/);
    } finally {
      await core.close();
      dir.remove();
    }
  }, 300_000);

  it('stackscope cluster import --from kolla on the lab inventory: the preview, --yes, then node trust lists the keys the lab made', () => {
    const root = join(import.meta.dirname, '..', '..');
    if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
    const dir = tempDir();
    const knownHosts = join(dir.path, 'known_hosts');
    writeFileSync(knownHosts, '');
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'stackscope.js'), ...args], { encoding: 'utf8', input: '', env: { ...process.env, STACKSCOPE_HOME: join(dir.path, 'home'), NO_COLOR: '1' } });
    try {
      const l = t.lab.layout;
      const file = join(l.root, 'multinode');
      const preview = cli('cluster', 'import', 'kolla-lab', '--from', 'kolla', file);
      // No terminal to ask: the preview, then a refusal that says how to apply.
      expect(preview.status).toBe(2);
      expect(preview.stdout).toContain(`Import into kolla-lab (new kolla cluster) from ${file}`);
      for (const n of l.nodes) {
        expect(preview.stdout).toMatch(new RegExp(`^add\\s+${n.name}\\s+${n.ip.replaceAll('.', '\\.')}:22\\s+root\\s+${n.role === 'compute' ? (n.name === gatewayNode(l).name ? 'compute,network' : 'compute') : 'controller'}\\s+key ${l.keyFile}\\s+-\\s+-$`, 'm'));
      }
      expect(preview.stdout).toContain(`${file}:`);
      expect(preview.stdout).toContain('localhost skipped: ansible_connection=local');
      expect(preview.stderr).toMatch(/pass --yes to apply/);
      const yes = cli('cluster', 'import', 'kolla-lab', '--from', 'kolla', file, '--yes');
      expect(yes.stderr).toBe('');
      expect(yes.stdout).toContain('Imported into kolla-lab (created): 4 added, 0 changed, 0 removed.');
      expect(yes.stdout).toContain('Next: stackscope node trust kolla-lab --all');
      // The operator's known_hosts of their own (empty): every key is unknown, listed once with the fingerprint the lab made, and not trusted without a yes.
      expect(cli('cluster', 'update', 'kolla-lab', '--known-hosts', knownHosts).status).toBe(0);
      const trust = cli('node', 'trust', 'kolla-lab', '--all');
      expect(trust.status).not.toBe(0);
      expect(trust.stdout).toContain('4 unknown host key(s) on kolla-lab');
      for (const n of l.nodes) expect(trust.stdout).toMatch(new RegExp(`^${n.name}\\s+${n.ip.replaceAll('.', '\\.')}:22\\s+\\S+\\s+${hostKeyFingerprint(n).replace(/[+/]/g, '\\$&')}$`, 'm'));
      expect(trust.stderr).toMatch(/not trusted: there is no terminal to ask/);
    } finally {
      dir.remove();
    }
  }, 120_000);

  it('galera-node-down: mariadb on controller-3 stays stopped (docker stop), galera-health names it, heal starts it', async () => {
    await breakFault(state(), 'galera-node-down');
    expect((await dockerPs('controller-3', true)).mariadb).toMatch(/^Exited/);
    const r = await t.runPlaybook('galera-health');
    if (!r.run) throw new Error(String(r.error));
    const size = r.run.findings.find((f) => f.severity === 'warning' && /2 of 3 nodes/.test(f.title));
    expect(size?.evidence.flatMap((e) => e.lines).join('\n')).toMatch(/wsrep_cluster_size\s+2/);
    await healFault(state(), 'galera-node-down');
    expect((await dockerPs('controller-3')).mariadb).toMatch(/^Up/);
    const again = await t.runPlaybook('galera-health');
    // Checked from controller-1, where passwords.yml is (the other nodes' own steps are "not checked", never problems).
    expect(again.run?.findings.filter((f) => (f.severity === 'critical' || f.severity === 'warning') && f.status === 'FAILED').map((f) => f.title)).toEqual([]);
    expect(again.run?.findings.filter((f) => f.status === 'OK').map((f) => f.title).join('\n')).toMatch(/controller-1 Synced/);
  }, 420_000);

  it('ovn-chassis-missing: ovn_controller exits and stays down, ovn-health names it, heal runs it again', async () => {
    const summary = await breakFault(state(), 'ovn-chassis-missing');
    expect((await dockerPs('compute-1', true)).ovn_controller, `after the fault: ${summary}`).toMatch(/^Exited \(0\)/);
    const r = await t.runPlaybook('ovn-health');
    expect(r.run?.findings.filter((f) => f.severity === 'critical').map((f) => f.title)).toContain('compute-1 is not registered as a chassis in the OVN southbound database');
    await healFault(state(), 'ovn-chassis-missing');
    expect((await dockerPs('compute-1')).ovn_controller).toMatch(/^Up/);
    const policy = await onNode('compute-1', "docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' ovn_controller");
    expect(policy.stdout.trim()).toBe('unless-stopped');
  }, 300_000);
});
