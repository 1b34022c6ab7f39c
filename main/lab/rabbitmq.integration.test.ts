import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakFault, healFault } from './faults.js';
import { currentLab } from './lab.js';
import { waitUntil } from './proc.js';
import { rabbitUser, startAmqpClient, type AmqpClient } from './rabbitmq.js';
import { startTestLab, type TestLab } from './test-lab.js';
import { expectSweepNamesInjected } from './test-check.js';

/**
 * A 3-node RabbitMQ cluster (light control plane, `--rabbitmq-nodes 3`) and its two faults, each
 * seen in RabbitMQ's own CLI over real SSH and healed; and the lab's `journalctl`, which playbooks
 * use for the logs of a packages install.
 */
let t: TestLab;
const ip = (name: string): string => {
  const n = t.lab.layout.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name}`);
  return n.ip;
};
const rabbitName = (name: string): string => `rabbit@${ip(name)}`;
const CONTROLLERS = ['controller-1', 'controller-2', 'controller-3'];

beforeAll(async () => {
  t = await startTestLab({ flavor: 'packages', computes: 1, controlPlane: 'none', rabbitmqNodes: 3 });
}, 600_000);

afterAll(async () => {
  await t?.close();
}, 180_000);

/** Run a shell command on one lab node over SSH through Stackscope's exec path. */
const onNode = (node: string, command: string, timeoutSec = 120): ReturnType<TestLab['onNode']> => t.onNode(node, command, timeoutSec);

interface ClusterStatus {
  running_nodes: string[];
  partitions: Record<string, string[]>;
  alarms: unknown[];
}
async function clusterStatus(node: string): Promise<ClusterStatus> {
  const r = await onNode(node, 'rabbitmqctl -q cluster_status --formatter json');
  expect(r.exitCode, `${node}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as ClusterStatus;
}

/** The text of one section of `rabbitmqctl cluster_status` (ANSI bold headings stripped). */
function section(text: string, heading: string): string {
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  const m = new RegExp(`(?:^|\\n)${heading}\\n\\n([\\s\\S]*?)(?=\\n\\n[A-Z][A-Za-z ]+\\n\\n|\\n*$)`).exec(plain);
  return m?.[1]?.trim() ?? '';
}

/** The rabbitmq-cluster playbook's findings on the lab, as [check, severity, title]. */
async function rabbitPlaybook(): Promise<Array<[string, string, string]>> {
  const r = await t.runPlaybook('rabbitmq-cluster');
  if (!r.run) throw new Error(String(r.error));
  return r.run.findings.map((f) => [f.check, f.severity, f.title]);
}
const problems = (fs: Array<[string, string, string]>): Array<[string, string, string]> => fs.filter(([, s]) => s === 'critical' || s === 'warning');

describe('a 3-node RabbitMQ cluster', () => {
  it('runs one broker per controller, clustered, each reached by rabbitmqctl without flags', async () => {
    const brokers = t.lab.components.filter((c) => c.kind === 'rabbitmq');
    expect(brokers.map((c) => [c.node, c.pod?.name, c.container?.name])).toEqual([
      ['controller-1', 'rabbitmq-rabbitmq-0', 'rabbitmq'],
      ['controller-2', 'rabbitmq-rabbitmq-1', 'rabbitmq'],
      ['controller-3', 'rabbitmq-rabbitmq-2', 'rabbitmq'],
    ]);
    const all = CONTROLLERS.map(rabbitName).sort();
    for (const node of CONTROLLERS) {
      const st = await clusterStatus(node);
      expect(st.running_nodes.sort(), node).toEqual(all);
      expect(st.partitions, node).toEqual({});
      expect((st as ClusterStatus & { disk_nodes: string[] }).disk_nodes.sort(), node).toEqual(all);
      // The local node answers: `rabbitmqctl status` names it.
      const status = await onNode(node, 'rabbitmqctl status');
      expect(status.stdout, node).toContain(`Status of node ${rabbitName(node)}`);
    }
  }, 300_000);

  it('rabbitmq-cluster finds the healthy cluster healthy: 3 of 3 nodes running, no partition, no alarm', async () => {
    const fs = await rabbitPlaybook();
    expect(fs).toEqual([['rabbitmq.cluster', 'ok', 'RabbitMQ: 3 of 3 nodes running, no partition, no alarm']]);
  }, 300_000);

  it('rabbitmq-memory-alarm: the alarm fires, a publisher is blocked, heal clears it', async () => {
    // A publisher from outside (the lab host), as a service would be: it publishes every 200 ms.
    const user = 'stackscope-test';
    const password = randomBytes(12).toString('hex');
    await rabbitUser(t.lab.layout, user, password);
    let publisher: AmqpClient | undefined;
    try {
      publisher = await startAmqpClient({ host: ip('controller-1'), user, password, queue: 'stackscope-test' });
      const connections = async (): Promise<string> => (await onNode('controller-1', `rabbitmqctl -q list_connections user state | grep ${user} || true`)).stdout;
      expect(await connections()).toMatch(/running/);

      expect(await breakFault(currentLab(t.dataDir), 'rabbitmq-memory-alarm')).toMatch(/memory alarm/);
      const alarm = await onNode('controller-1', 'rabbitmq-diagnostics check_local_alarms');
      expect(alarm.exitCode).toBe(69);
      expect(alarm.stdout + alarm.stderr).toContain(`Memory alarm on node ${rabbitName('controller-1')}`);
      const status = await onNode('controller-1', 'rabbitmqctl status');
      expect(section(status.stdout, 'Alarms')).toBe(`Memory alarm on node ${rabbitName('controller-1')}`);
      // A memory alarm blocks publishers on every node of the cluster.
      expect((await onNode('controller-2', 'rabbitmq-diagnostics check_alarms')).exitCode).toBe(69);
      await waitUntil('the publisher to be blocked', async () => /\bblocked\b/.test(await connections()), 60_000);
      // The playbook names the alarm and the node it is on (every node's cluster_status lists it).
      const seen = await rabbitPlaybook();
      expect(problems(seen)).toEqual([['rabbitmq.alarm-memory', 'critical', `RabbitMQ memory alarm on ${rabbitName('controller-1')}: publishers are blocked`]]);
      await expectSweepNamesInjected(t, () => currentLab(t.dataDir), 'rabbitmq-memory-alarm', { names: /memory alarm/, node: 'controller-1' });

      // Repaired by hand (the watermark set back), the fault can be made again without lab heal.
      expect((await onNode('controller-1', 'rabbitmqctl set_vm_memory_high_watermark absolute 200MB')).exitCode).toBe(0);
      await waitUntil('the alarm to clear after the hand repair', async () => (await onNode('controller-1', 'rabbitmq-diagnostics -q check_local_alarms')).exitCode === 0, 60_000);
      await breakFault(currentLab(t.dataDir), 'rabbitmq-memory-alarm');
      await expect(breakFault(currentLab(t.dataDir), 'rabbitmq-memory-alarm')).rejects.toThrow(/already in force/);

      expect(await healFault(currentLab(t.dataDir), 'rabbitmq-memory-alarm')).toMatch(/alarm cleared/);
      const ok = await onNode('controller-1', 'rabbitmq-diagnostics check_local_alarms');
      expect(ok.exitCode).toBe(0);
      expect(ok.stdout).toContain(`Node ${rabbitName('controller-1')} reported no local alarms`);
      expect(section((await onNode('controller-1', 'rabbitmqctl status')).stdout, 'Alarms')).toBe('(none)');
      await waitUntil('rabbitmq-cluster to find the cluster healthy again', async () => problems(await rabbitPlaybook()).length === 0, 120_000);
      await waitUntil('the publisher to run again', async () => /\brunning\b/.test(await connections()), 60_000);
    } finally {
      publisher?.stop();
    }
  }, 600_000);

  it('rabbitmq-partition: cluster_status lists the partition on both sides, heal restarts the minority and clears it', async () => {
    const started = Date.now();
    expect(await breakFault(currentLab(t.dataDir), 'rabbitmq-partition')).toMatch(/network partition/);
    const injectSecs = (Date.now() - started) / 1000;
    const [c1, c3] = [rabbitName('controller-1'), rabbitName('controller-3')];
    const majority = (await onNode('controller-1', 'rabbitmqctl cluster_status')).stdout;
    expect(section(majority, 'Network Partitions')).toContain(`Node ${c1} cannot communicate with ${c3}`);
    expect(section(majority, 'Running Nodes').split('\n').sort()).toEqual([c1, rabbitName('controller-2')].sort());
    const minority = (await onNode('controller-3', 'rabbitmqctl cluster_status')).stdout;
    // The minority names the majority node(s) it noticed first: either of them.
    const esc = (x: string): string => x.replace(/\./g, '\\.');
    expect(section(minority, 'Network Partitions')).toMatch(new RegExp(`Node ${esc(c3)} cannot communicate with .*(${esc(c1)}|${esc(rabbitName('controller-2'))})`));
    expect(section(minority, 'Running Nodes')).toBe(c3);
    await expect(breakFault(currentLab(t.dataDir), 'rabbitmq-partition')).rejects.toThrow(/already in force/);
    // The playbook names the partition, the nodes on both sides, and the side to restart (controller-3 ran alone).
    const r = await t.runPlaybook('rabbitmq-cluster');
    const part = r.run?.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning') ?? [];
    expect(part.map((f) => [f.check, f.severity])).toEqual([['rabbitmq.partition', 'critical']]);
    expect(part[0]?.title).toContain(c1);
    expect(part[0]?.title).toContain(c3);
    expect(part[0]?.nextStep).toContain(`on controller-3: rabbitmqctl stop_app && rabbitmqctl start_app (node ${c3})`);
    expect(part[0]?.evidence.some((e) => e.node === 'controller-1' && e.lines.includes(`Node ${c1} cannot communicate with ${c3}`))).toBe(true);
    await expectSweepNamesInjected(t, () => currentLab(t.dataDir), 'rabbitmq-partition', { names: /partition/i, node: 'controller-3' });

    expect(await healFault(currentLab(t.dataDir), 'rabbitmq-partition')).toMatch(/3 running nodes, no partitions/);
    for (const node of CONTROLLERS) {
      const st = await clusterStatus(node);
      expect(st.partitions, node).toEqual({});
      expect(st.running_nodes.length, node).toBe(3);
    }
    expect(section((await onNode('controller-3', 'rabbitmqctl cluster_status')).stdout, 'Network Partitions')).toBe('(none)');
    await waitUntil('rabbitmq-cluster to find the cluster healthy again', async () => problems(await rabbitPlaybook()).length === 0, 120_000);
    // Measured for the report: net_ticktime 10 s bounds it.
    expect(injectSecs).toBeLessThan(120);
  }, 600_000);
});

describe('the lab journalctl', () => {
  const short = (node: string, ident: string) => new RegExp(`^[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d:\\d\\d ${node} ${ident}\\[\\d+\\]: `);

  it("answers -u UNIT -n N --no-pager with the tail of the unit's log on that node, as playbooks read it", async () => {
    const r = await onNode('controller-2', 'journalctl -u rabbitmq-server -n 3 --no-pager');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(short('controller-2', 'rabbitmq-server'));
    expect(lines.at(-1)).toContain('Starting broker... completed');

    // mariadb's own timestamps place its lines; -o cat prints the messages only; .service is the same unit.
    const db = await onNode('controller-1', 'journalctl -u mariadb.service -n 5 -o cat');
    expect(db.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(db.stdout).toMatch(/^\d{4}-\d\d-\d\d\s+\d+:\d\d:\d\d \d+ \[\w+\]/m);
    // ovn-central is three daemons: their logs merge, ordered by time.
    const central = await onNode('controller-1', 'journalctl -u ovn-central -o short-iso --no-pager');
    const stamps = central.stdout.trimEnd().split('\n').map((l) => l.slice(0, 24));
    expect(stamps).toEqual([...stamps].sort());
    expect(central.stdout).toMatch(/ ovsdb-server\[\d+\]: /);
    expect(central.stdout).toMatch(/ ovn-northd\[\d+\]: /);
  }, 120_000);

  it('says -- No entries -- where the unit has nothing here, and refuses what it cannot parse as journalctl does', async () => {
    // A compute runs no database; an unknown unit has no entries either (the real journalctl does not check names).
    expect(await onNode('compute-1', 'journalctl -u mariadb -n 20 --no-pager')).toMatchObject({ exitCode: 0, stdout: '-- No entries --\n' });
    expect(await onNode('controller-1', 'journalctl -u no-such-unit --no-pager')).toMatchObject({ exitCode: 0, stdout: '-- No entries --\n' });
    expect(await onNode('controller-1', 'journalctl -u mariadb --since "+1h"')).toMatchObject({ exitCode: 0, stdout: '-- No entries --\n' });
    expect(await onNode('controller-1', 'journalctl -u mariadb --until "2000-01-01 00:00:00"')).toMatchObject({ exitCode: 0, stdout: '-- No entries --\n' });
    const recent = await onNode('controller-1', 'journalctl -u mariadb --since "-1h" -n 1');
    expect(recent.stdout).toMatch(short('controller-1', 'mariadbd'));
    // Hostile unit names are only names.
    for (const unit of ["'$(id)'", "'mariadb;touch /tmp/x'", "'../../state.json'"]) {
      expect(await onNode('controller-1', `journalctl -u ${unit}`), unit).toMatchObject({ exitCode: 0, stdout: '-- No entries --\n' });
    }
    expect(await onNode('controller-1', 'journalctl -u mariadb --since bogus')).toMatchObject({ exitCode: 1, stderr: 'Failed to parse timestamp: bogus\n' });
    expect(await onNode('controller-1', 'journalctl -u mariadb --lines=x')).toMatchObject({ exitCode: 1, stderr: "Failed to parse lines 'x'\n" });
    // The kernel's messages: no lab node's journal holds them (kernel-log then reads dmesg), with or without the wrapper's fast path.
    for (const cmd of ['journalctl -k --since "24 hours ago" -o short-iso --no-pager -q', 'journalctl --dmesg', 'journalctl -kq']) {
      expect(await onNode('compute-1', cmd), cmd).toMatchObject({ exitCode: 0, stdout: '-- No entries --\n' });
    }
    expect(await onNode('controller-1', 'journalctl -z')).toMatchObject({ exitCode: 1, stderr: "journalctl: invalid option -- 'z'\n" });
    expect(await onNode('controller-1', 'journalctl --bogus')).toMatchObject({ exitCode: 1, stderr: "journalctl: unrecognized option '--bogus'\n" });
  }, 120_000);
});
