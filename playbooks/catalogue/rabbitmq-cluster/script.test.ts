import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseClusterStatus, parseStatus, splitBroker } from './parse.js';

/**
 * broker.sh itself, run with sh: one rabbitmqctl where a broker keeps data (status only when an
 * alarm names the node), none where no broker ever ran, and the descriptors of the broker process
 * from /proc (here: this test's own process, named by the pid file). rabbitmqctl and epmd are
 * stand-ins on PATH that count their calls.
 */
const script = join(import.meta.dirname, 'broker.sh');
const withTools = standIns('broker-sh-');
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const clusterStatus = (alarm: string): string =>
  ['Cluster status of node rabbit@ctl-1 ...', 'Disk Nodes', '', 'rabbit@ctl-1', 'rabbit@ctl-2', '', 'Running Nodes', '', 'rabbit@ctl-1', 'rabbit@ctl-2', '', 'Alarms', '', alarm, '', 'Network Partitions', '', '(none)', ''].join('\n');
const status = ['Status of node rabbit@ctl-1 ...', 'Alarms', '', 'Memory alarm on node rabbit@ctl-1', '', 'Memory', '', 'Total memory used: 0.2 gb', 'Memory high watermark setting: 0.01 gb, computed to: 0.01 gb', ''].join('\n');

function run(o: { data: boolean; cluster?: string; clusterExit?: number }): { stdout: string; stderr: string; status: number | null; calls: string[] } {
  const home = mkdtempSync(join(tmpdir(), 'broker-sh-home-'));
  dirs.push(home);
  const base = join(home, 'mnesia');
  if (o.data) mkdirSync(join(base, 'rabbit@ctl-1'), { recursive: true });
  writeFileSync(join(home, 'cluster.txt'), o.cluster ?? '');
  writeFileSync(join(home, 'status.txt'), status);
  writeFileSync(join(home, 'broker.pid'), `${process.pid}\n`);
  const log = join(home, 'calls');
  const bin = withTools({
    rabbitmqctl: `echo "$1" >> '${log}'\ncase "$1" in cluster_status) cat '${join(home, 'cluster.txt')}'; exit ${o.clusterExit ?? 0};; status) cat '${join(home, 'status.txt')}';; esac`,
    epmd: "echo 'epmd: Cannot connect to local epmd'; exit 1",
  });
  const r = spawnSync('sh', [script], { encoding: 'utf8', env: { PATH: `${bin}:/bin:/usr/bin`, RABBITMQ_MNESIA_BASE: base, RABBITMQ_PID_FILE: join(home, 'broker.pid') } });
  let calls: string[] = [];
  try {
    calls = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    calls = [];
  }
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, calls };
}

describe('broker.sh', () => {
  it('asks nothing where no broker ever kept data and epmd knows none: exit 69 with its reason', () => {
    const r = run({ data: false });
    expect(r.calls).toEqual([]);
    expect(r.status).toBe(69);
    expect(r.stderr).toMatch(/^stackscope: no RabbitMQ data in .*mnesia: no broker has run on this node$/m);
  });

  it('on a healthy broker: one cluster_status, then the descriptors of the broker process from /proc', () => {
    const r = run({ data: true, cluster: clusterStatus('(none)') });
    expect(r.status).toBe(0);
    expect(r.calls).toEqual(['cluster_status']);
    const parts = splitBroker(r.stdout);
    expect(parseClusterStatus(parts.cluster)?.running).toEqual(['rabbit@ctl-1', 'rabbit@ctl-2']);
    expect(parts.status).toBeNull();
    expect(parts.fds?.line).toMatch(new RegExp(`^stackscope: file descriptors of rabbit@ctl-1 \\(pid ${process.pid}\\): \\d+ open, \\d+ sockets, limit \\d+$`));
    expect(parts.fds?.used).toBeGreaterThan(0);
  });

  it('adds rabbitmqctl status only when an alarm names this node', () => {
    const own = run({ data: true, cluster: clusterStatus('Memory alarm on node rabbit@ctl-1') });
    expect(own.calls).toEqual(['cluster_status', 'status']);
    expect(parseStatus(splitBroker(own.stdout).status ?? '')?.memoryLines).toEqual(['Total memory used: 0.2 gb', 'Memory high watermark setting: 0.01 gb, computed to: 0.01 gb']);
    const other = run({ data: true, cluster: clusterStatus('Memory alarm on node rabbit@ctl-2') });
    expect(other.calls).toEqual(['cluster_status']);
  });

  it('a broker that kept data here and does not answer: rabbitmqctl’s exit code, and says a broker has run here', () => {
    const r = run({ data: true, cluster: '', clusterExit: 69 });
    expect(r.status).toBe(69);
    expect(r.calls).toEqual(['cluster_status']);
    expect(r.stderr).toMatch(/^stackscope: RabbitMQ data in .*: a broker has run on this node$/m);
  });
});
