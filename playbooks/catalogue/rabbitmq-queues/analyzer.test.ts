import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { consumerOf, parseQueues, whyNoSamples } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const run = (scenario: string): Finding[] => analyze(loadFixture(join(dir, scenario)));
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (scenario: string, fs: Finding[]): void => expect(evidenceNotInOutput(loadFixture(join(dir, scenario)), fs), scenario).toEqual([]);

/** queues.sh's two-sample output for rows [name, ready, unacked, consumers] in sample 1 and 2. */
function samples(rows: Array<[string, [number, number, number], [number, number, number]]>): string {
  const line = (s: number, name: string, [r, u, c]: [number, number, number]): string => `sample ${s} vhost=/ queue=${name} ready=${r} unacked=${u} consumers=${c}`;
  return [...rows.map(([n, a]) => line(1, n, a)), 'sample 2 after 3004 ms', ...rows.map(([n, , b]) => line(2, n, b)), 'stackscope: samples done', ''].join('\n');
}
const input = (stdout: string): AnalyzerInput => ({
  deployment: 'packages',
  params: {},
  nodes: [{ name: 'controller-1', roles: ['controller'] }],
  outputs: [{ step: 'queues', node: 'controller-1', state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: 'queues.sh' }],
});

describe('rabbitmq-queues', () => {
  it('a stopped nova-compute and notifications nobody reads (RabbitMQ 3.6, one list_queues): two warnings naming the queues and who should read them', () => {
    const fs = run('public-compute-down-notifications');
    expect(sev(fs)).toEqual([
      ['rabbitmq.queue-no-consumer', 'warning'],
      ['rabbitmq.notifications-unread', 'warning'],
      ['rabbitmq.leftover-queues', 'info'],
    ]);
    expect(fs[0]?.title).toBe('RabbitMQ queue compute.cmp-07: 37 messages and no consumer (nova-compute)');
    expect(fs[0]?.explanation).toContain('nova-compute is not reading them on cmp-07');
    expect(fs[0]?.nextStep).toMatch(/^On cmp-07: /);
    expect(fs[0]?.evidence[0]?.lines).toEqual(['compute.cmp-07\t37\t0\t0']);
    expect(fs[1]?.title).toBe('RabbitMQ: 48325 notifications in notifications.info, notifications.error and no consumer');
    expect(fs[2]?.title).toBe('1 reply or fanout queue(s) without consumer (2 messages)');
    verbatim('public-compute-down-notifications', fs);
  });

  it('the lab: a consumer that never acknowledges and a compute queue nobody reads, each named with its service', () => {
    const fs = run('lab-hung-consumer');
    expect(sev(fs)).toEqual([
      ['rabbitmq.queue-no-consumer', 'warning'],
      ['rabbitmq.unacked-stuck', 'warning'],
    ]);
    expect(fs[0]?.title).toBe('RabbitMQ queue compute.compute-1: 5 messages and no consumer (nova-compute)');
    expect(fs[0]?.nextStep).toMatch(/^On compute-1: check that nova-compute runs/);
    expect(fs[1]?.title).toBe('RabbitMQ queue conductor: 5941 messages unacknowledged and not going down');
    expect(fs[1]?.evidence[0]?.lines).toContain('sample 2 after 3039 ms');
    verbatim('lab-hung-consumer', fs);
  });

  it('the light lab: a broker with no queue at all is ok, read twice 3 s apart', () => {
    const fs = run('lab-light-no-queues');
    expect(sev(fs)).toEqual([['rabbitmq.queues', 'ok']]);
    expect(fs[0]?.title).toBe('RabbitMQ queues: none waits without a consumer (0 queues, 0 messages ready)');
    verbatim('lab-light-no-queues', fs);
  });

  it('a queue whose consumer reconnects between the samples is not flagged; one empty without consumer neither', () => {
    const fs = analyze(input(samples([['conductor', [4, 0, 0], [0, 0, 1]], ['scheduler', [0, 0, 0], [0, 0, 0]]])));
    expect(sev(fs)).toEqual([['rabbitmq.queues', 'ok']]);
    expect(fs[0]?.title).toBe('RabbitMQ queues: none waits without a consumer (2 queues, 0 messages ready)');
    expect(fs[0]?.explanation).toContain('read twice 3 s apart on controller-1');
  });

  it('messages held unacknowledged through both samples, growing: a hung consumer, named with its service', () => {
    const fs = analyze(input(samples([['conductor', [0, 5, 2], [3, 9, 2]], ['q-plugin', [0, 2, 1], [0, 0, 1]]])));
    expect(sev(fs)).toEqual([['rabbitmq.unacked-stuck', 'warning']]);
    expect(fs[0]?.title).toBe('RabbitMQ queue conductor: 9 messages unacknowledged and not going down');
    expect(fs[0]?.explanation).toContain('had 5 unacknowledged messages, then 9 3 s later');
    expect(fs[0]?.likelyCause).toContain('A nova-conductor worker hangs');
    expect(fs[0]?.evidence[0]?.lines).toEqual(['sample 1 vhost=/ queue=conductor ready=0 unacked=5 consumers=2', 'sample 2 vhost=/ queue=conductor ready=3 unacked=9 consumers=2', 'sample 2 after 3004 ms']);
  });

  it('compute queues of several hosts without consumer are one finding for nova-compute; a backlog in served queues warns over backlog_warn', () => {
    const rows: Array<[string, [number, number, number], [number, number, number]]> = [
      ['compute.cmp-1', [3, 0, 0], [4, 0, 0]],
      ['compute.cmp-2', [1, 0, 0], [1, 0, 0]],
      ['scheduler', [12000, 0, 3], [12500, 0, 3]],
    ];
    const fs = analyze({ ...input(samples(rows)), params: { backlog_warn: 10000 } });
    expect(sev(fs)).toEqual([
      ['rabbitmq.queue-no-consumer', 'warning'],
      ['rabbitmq.backlog', 'warning'],
    ]);
    expect(fs[0]?.title).toBe('RabbitMQ queue compute.cmp-1, compute.cmp-2: 5 messages and no consumer (nova-compute)');
    expect(fs[0]?.nextStep).toMatch(/^On cmp-1, cmp-2: /);
    expect(fs[1]?.title).toBe('RabbitMQ: 12500 messages waiting in queues that have consumers');
    expect(sev(analyze({ ...input(samples(rows)), params: { backlog_warn: 20000 } }))).toEqual([['rabbitmq.queue-no-consumer', 'warning']]);
  });

  it('no broker on the node asked: info, never ok; a broker that does not answer: not checked', () => {
    const failed = (stderr: string, exitCode: number): AnalyzerInput => ({ ...input(''), outputs: [{ step: 'queues', node: 'controller-1', state: 'failed', exitCode, stdout: '', stderr, error: null, command: 'queues.sh' }] });
    const none = analyze(failed('stackscope: no RabbitMQ data in /var/lib/rabbitmq/mnesia: no broker has run on this node\n', 69));
    expect(sev(none)).toEqual([['rabbitmq.queues-not-here', 'info']]);
    expect(none[0]?.status).toBe('INFO');
    const down = analyze(failed("Error: unable to perform an operation on node 'rabbit@controller-1'. Please see diagnostics information and suggestions below.\n", 69));
    expect(down.map((f) => [f.check, f.status])).toEqual([['rabbitmq.queues', 'SKIPPED']]);
    expect(down[0]?.explanation).toContain('could not reach its broker (exit 69)');
    expect(analyze({ ...input(''), outputs: [] }).map((f) => f.status)).toEqual(['SKIPPED']);
  });

  it('reads both forms and names the consumer of oslo.messaging queues', () => {
    expect(parseQueues('sample 1 vhost=nova queue=conductor ready=1 unacked=0 consumers=\'\'\nsample 2 after 3001 ms\nstackscope: samples done\n')).toEqual({
      first: [{ vhost: 'nova', name: 'conductor', ready: 1, unacked: 0, consumers: null, line: "sample 1 vhost=nova queue=conductor ready=1 unacked=0 consumers=''" }],
      second: [],
      gapMs: 3001,
      gapLine: 'sample 2 after 3001 ms',
    });
    expect(parseQueues('Error: oops')).toBeNull();
    expect(consumerOf('compute.cmp-07')).toEqual({ kind: 'topic', topic: 'compute', host: 'cmp-07', service: 'nova-compute' });
    expect(consumerOf('q-reports-plugin')).toMatchObject({ kind: 'topic', service: 'neutron-server', host: null });
    expect(consumerOf('cinder-volume.ctl-1@lvm')).toMatchObject({ kind: 'topic', service: 'cinder-volume', host: 'ctl-1@lvm' });
    expect(consumerOf('scheduler_fanout_3c9f7a2d1e4b4c8a9f0e1d2c3b4a5f6e')).toMatchObject({ kind: 'fanout', service: 'nova-scheduler' });
    expect(consumerOf('reply_9d2f6b1c0a8e4f3d8c7b6a5e4d3c2b1a').kind).toBe('reply');
    expect(consumerOf('versioned_notifications.info').kind).toBe('notifications');
    expect(whyNoSamples('Error response from daemon: No such container: rabbitmq', 1)).toBe('no-container');
    expect(whyNoSamples('Error: timed out while waiting for a response', 75)).toBe('timeout');
  });
});
