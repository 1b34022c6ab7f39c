import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { namesNode, parseClusterStatus, parseStatus, splitBroker, STATUS_MARK, whyNoReport } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const run = (scenario: string): Finding[] => analyze(loadFixture(join(dir, scenario)));
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (scenario: string, fs: Finding[]): void => expect(evidenceNotInOutput(loadFixture(join(dir, scenario)), fs), scenario).toEqual([]);

describe('rabbitmq-cluster', () => {
  it('the healthy 3-node lab cluster: one ok finding, every node running as each sees it', () => {
    const fs = run('lab-healthy');
    expect(sev(fs)).toEqual([['rabbitmq.cluster', 'ok']]);
    expect(fs[0]?.title).toBe('RabbitMQ: 3 of 3 nodes running, no partition, no alarm');
    expect(fs[0]?.explanation).toContain('File descriptors in use (used/limit): controller-1 38/20000, controller-2 38/20000');
    expect(fs[0]?.evidence).toHaveLength(3);
    verbatim('lab-healthy', fs);
  });

  it('the lab fault rabbitmq-memory-alarm: critical, naming controller-1\'s broker, its watermark quoted', () => {
    const fs = run('lab-memory-alarm');
    expect(sev(fs)).toEqual([['rabbitmq.alarm-memory', 'critical']]);
    expect(fs[0]?.title).toBe('RabbitMQ memory alarm on rabbit@198.18.5.11: publishers are blocked');
    expect(fs[0]?.evidence.map((e) => `${e.node}/${e.step}`)).toEqual(['controller-1/broker', 'controller-2/broker', 'controller-3/broker', 'controller-1/broker']);
    expect(fs[0]?.evidence[3]?.lines).toContain('Memory high watermark setting: 0.01 gb, computed to: 0.01 gb');
    expect(fs[0]?.nextStep).toMatch(/^on controller-1: /);
    verbatim('lab-memory-alarm', fs);
  });

  it('the lab fault rabbitmq-partition: critical, each side\'s view quoted, restart the node that runs alone', () => {
    const fs = run('lab-partition');
    expect(sev(fs)).toEqual([['rabbitmq.partition', 'critical']]);
    expect(fs[0]?.title).toBe('RabbitMQ network partition between rabbit@198.18.5.11, rabbit@198.18.5.12, rabbit@198.18.5.13');
    expect(fs[0]?.explanation).toContain('controller-3 sees running: rabbit@198.18.5.13.');
    expect(fs[0]?.nextStep).toContain('on controller-3: rabbitmqctl stop_app && rabbitmqctl start_app (node rabbit@198.18.5.13)');
    expect(fs[0]?.evidence.find((e) => e.node === 'controller-3')?.lines).toEqual(['Node rabbit@198.18.5.13 cannot communicate with rabbit@198.18.5.11, rabbit@198.18.5.12']);
    verbatim('lab-partition', fs);
  });

  it('a partition in the Erlang-term output of RabbitMQ 3.6: critical, naming both nodes, quoting each view that lists it', () => {
    const fs = run('public-partition-legacy');
    expect(sev(fs)).toEqual([
      ['rabbitmq.partition', 'critical'],
      ['rabbitmq.status', 'info'],
    ]);
    expect(fs[0]?.title).toBe('RabbitMQ network partition between rabbit@node-1, rabbit@node-2');
    expect(fs[0]?.evidence.map((e) => e.node)).toEqual(['node-1', 'node-1', 'node-3', 'node-3']);
    expect(fs[0]?.evidence[0]?.lines).toEqual([" {partitions,[{'rabbit@node-1',['rabbit@node-2']}]}]"]);
    // The status step is not in the paste: not read, never claimed fine.
    expect(fs[1]?.status).toBe('SKIPPED');
    verbatim('public-partition-legacy', fs);
  });

  it('a member that runs nowhere: a warning while the rest keep a majority, quoting its own rabbitmqctl error', () => {
    const fs = run('public-node-down');
    expect(sev(fs)).toEqual([['rabbitmq.node-down', 'warning']]);
    const f = fs[0] as Finding;
    expect(f.title).toBe('RabbitMQ node rabbit@mq-02 is a cluster member but not running');
    expect(f.explanation).toContain('2 of 3 members run');
    expect(f.evidence.map((e) => [e.node, e.step])).toEqual([
      ['mq-01', 'broker'],
      ['mq-01', 'broker'],
      ['mq-02', 'broker'],
    ]);
    expect(f.evidence[0]?.lines).toEqual(['rabbit@mq-02']);
    expect(f.nextStep).toContain('on mq-02');
    verbatim('public-node-down', fs);
  });

  it('two members down of three: critical (no majority)', () => {
    const input = loadFixture(join(dir, 'public-node-down'));
    const one = (o: AnalyzerInput['outputs'][number]) => (o.node === 'mq-03' ? { ...o, stdout: o.stdout.replace('rabbit@mq-01\nrabbit@mq-03\n\nVersions', 'rabbit@mq-03\n\nVersions') } : o);
    const fs = analyze({ ...input, outputs: input.outputs.filter((o) => o.node !== 'mq-01').map(one) });
    expect(sev(fs)).toEqual([
      ['rabbitmq.node-down', 'critical'],
      ['rabbitmq.node-down', 'critical'],
    ]);
    expect(fs.map((f) => f.title)).toEqual(['RabbitMQ node rabbit@mq-01 is a cluster member but not running', 'RabbitMQ node rabbit@mq-02 is a cluster member but not running']);
  });

  it('a memory alarm: critical, naming the node and quoting every view and its status; descriptors near the limit warn', () => {
    const fs = run('public-memory-alarm-fd');
    expect(sev(fs)).toEqual([
      ['rabbitmq.alarm-memory', 'critical'],
      ['rabbitmq.fd', 'warning'],
    ]);
    expect(fs[0]?.title).toBe('RabbitMQ memory alarm on rabbit@ctl-2: publishers are blocked');
    expect(fs[0]?.explanation).toContain('blocks every connection that publishes');
    expect(fs[0]?.evidence.at(-1)).toEqual({ node: 'ctl-2', step: 'broker', lines: ['Total memory used: 3.4712 gb', 'Memory high watermark setting: 0.4 of available memory, computed to: 3.2939 gb'] });
    expect(fs[0]?.nextStep).toMatch(/^on ctl-2: rabbitmq-diagnostics memory_breakdown/);
    // ctl-3 has no alarm: its count is the process's, from /proc.
    expect(fs[1]?.title).toBe('RabbitMQ on rabbit@ctl-3 uses 85 % of its file descriptors');
    expect(fs[1]?.evidence[0]?.lines).toEqual(['stackscope: file descriptors of rabbit@ctl-3 (pid 805): 870 open, 780 sockets, limit 1024']);
    verbatim('public-memory-alarm-fd', fs);
  });

  it('reads the text sections with or without ANSI headings, and tells failures apart', () => {
    const text = 'Cluster status of node rabbit@a ...\n\x1b[1mBasics\x1b[0m\n\nCluster name: rabbit@a\n\n\x1b[1mDisk Nodes\x1b[0m\n\nrabbit@a\nrabbit@b\n\n\x1b[1mRunning Nodes\x1b[0m\n\nrabbit@a\n\n\x1b[1mAlarms\x1b[0m\n\nFree disk space alarm on node rabbit@a\n\n\x1b[1mNetwork Partitions\x1b[0m\n\n(none)\n';
    const v = parseClusterStatus(text);
    expect(v).toMatchObject({ self: 'rabbit@a', disk: ['rabbit@a', 'rabbit@b'], running: ['rabbit@a'], partitions: [] });
    expect(v?.alarms).toEqual([{ line: 'Free disk space alarm on node rabbit@a', node: 'rabbit@a', resource: 'disk' }]);
    expect(parseClusterStatus('Error: unable to perform an operation on node')).toBeNull();
    expect(splitBroker(`${text}${STATUS_MARK}\nStatus of node rabbit@a ...\nstackscope: file descriptors of rabbit@a (pid 9): 50 open, 3 sockets, limit 1024\n`)).toEqual({
      cluster: text.trimEnd(),
      status: 'Status of node rabbit@a ...',
      fds: { used: 50, sockets: 3, limit: 1024, line: 'stackscope: file descriptors of rabbit@a (pid 9): 50 open, 3 sockets, limit 1024' },
    });
    expect(splitBroker(`${text}stackscope: file descriptors of rabbit@a not read: no readable broker process\n`)).toMatchObject({ status: null, fds: null });
    expect(parseStatus('Status of node rabbit@a ...\nFile Descriptors\n\nTotal: 5, limit: 100\nSockets: 1, limit: 90\n')?.fd).toEqual({ used: 5, limit: 100, line: 'Total: 5, limit: 100' });
    expect(whyNoReport('sh: 1: rabbitmqctl: not found', 127)).toBe('no-cli');
    expect(whyNoReport('Error response from daemon: No such container: rabbitmq', 1)).toBe('no-container');
    expect(whyNoReport("Error: unable to perform an operation on node 'rabbit@x'.", 69)).toBe('not-running');
    expect(whyNoReport('Error: timed out while waiting for a response from rabbit@x.', 70)).toBe('timeout');
    expect(namesNode('rabbit@controller-1', { name: 'controller-1' })).toBe(true);
    expect(namesNode('rabbit@ctl-1.example.com', { name: 'ctl-1' })).toBe(true);
    expect(namesNode('rabbit@198.18.1.11', { name: 'controller-1', host: '198.18.1.11' })).toBe(true);
    expect(namesNode('rabbit@198.18.1.11', { name: '198.18.1.12' })).toBe(false);
    expect(namesNode('rabbit@localhost', { name: 'controller-2', host: '198.18.1.12' })).toBe(false);
  });

  it('no rabbitmqctl and no rabbitmq container anywhere: "no RabbitMQ here" (info); a broker that answers nowhere: critical', () => {
    const input = loadFixture(join(dir, 'public-node-down'));
    const fail = (stderr: string, exitCode: number): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode, stdout: '', stderr })) });
    const none = analyze(fail('Error response from daemon: No such container: rabbitmq\n', 1));
    expect(sev(none)).toEqual([['rabbitmq.not-here', 'info']]);
    expect(none[0]?.status).toBe('INFO');
    const down = analyze(fail("Error: unable to perform an operation on node 'rabbit@mq-01'. Please see diagnostics information and suggestions below.\n", 69));
    expect(sev(down)).toEqual([['rabbitmq.unreachable', 'critical']]);
    expect(down[0]?.title).toBe('RabbitMQ does not answer on mq-01, mq-02, mq-03');
    // rabbitmqctl there, but no broker ever kept data on any controller: not a RabbitMQ cluster (the package came as a dependency).
    const never = analyze(fail("Error: unable to perform an operation on node 'rabbit@mq-01'.\nstackscope: no RabbitMQ data in /var/lib/rabbitmq/mnesia: no broker has run on this node\n", 69));
    expect(sev(never)).toEqual([['rabbitmq.not-here', 'info']]);
    expect(never[0]?.evidence[0]?.lines).toEqual(['stackscope: no RabbitMQ data in /var/lib/rabbitmq/mnesia: no broker has run on this node']);
    // A Kolla container that exists but is stopped is a broker down, not an absent one.
    expect(sev(analyze(fail('Error response from daemon: Container 3f2a is not running\n', 1)))).toEqual([['rabbitmq.unreachable', 'critical']]);
  });
});
