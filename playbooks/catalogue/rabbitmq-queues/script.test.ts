import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseQueues } from './parse.js';

/**
 * queues.sh itself, run with sh: one rabbitmqctl eval for both samples; one list_queues instead
 * only where the broker lacks the functions (undef); nothing where no broker ever ran; a broker
 * that does not answer is its exit code, not a second call. rabbitmqctl and epmd are stand-ins.
 */
const script = join(import.meta.dirname, 'queues.sh');
const withTools = standIns('queues-sh-');
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const samples = ['sample 1 vhost=/ queue=conductor ready=0 unacked=0 consumers=1', 'sample 2 after 3001 ms', 'sample 2 vhost=/ queue=conductor ready=0 unacked=0 consumers=1', 'stackscope: samples done', 'ok'].join('\\n');

function run(evalBody: string, data = true): { stdout: string; stderr: string; status: number | null; calls: string[] } {
  const home = mkdtempSync(join(tmpdir(), 'queues-sh-home-'));
  dirs.push(home);
  const base = join(home, 'mnesia');
  if (data) mkdirSync(join(base, 'rabbit@ctl-1'), { recursive: true });
  const log = join(home, 'calls');
  const bin = withTools({
    rabbitmqctl: `echo "$2" >> '${log}'\ncase "$2" in eval) ${evalBody};; list_queues) printf 'conductor\\t0\\t0\\t1\\n';; esac`,
    epmd: "echo 'epmd: Cannot connect to local epmd'; exit 1",
  });
  const r = spawnSync('sh', [script, '10000'], { encoding: 'utf8', env: { PATH: `${bin}:/bin:/usr/bin`, RABBITMQ_MNESIA_BASE: base } });
  let calls: string[] = [];
  try {
    calls = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    calls = [];
  }
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, calls };
}

describe('queues.sh', () => {
  it('one eval prints both samples (its return value left out)', () => {
    const r = run(`printf '${samples}\\n'`);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual(['eval']);
    expect(r.stdout.split('\n')).not.toContain('ok');
    expect(parseQueues(r.stdout)).toMatchObject({ gapMs: 3001, first: [{ name: 'conductor', consumers: 1 }], second: [{ name: 'conductor' }] });
  });

  it('a broker without the functions eval uses (undef): one list_queues of the default vhost, said on stderr', () => {
    const r = run(`echo 'Error: {undef,[{rabbit_vhost,list_names,[],[]}]}'; exit 70`);
    expect(r.status).toBe(0);
    expect(r.calls).toEqual(['eval', 'list_queues']);
    expect(r.stderr).toContain('stackscope: eval gave no samples (exit 70); one list_queues of the default vhost instead');
    expect(parseQueues(r.stdout)).toMatchObject({ second: null, first: [{ name: 'conductor', ready: 0, unacked: 0, consumers: 1 }] });
  });

  it('a broker that does not answer: its exit code and error, no second call', () => {
    const r = run(`echo "Error: unable to perform an operation on node 'rabbit@ctl-1'." >&2; exit 69`);
    expect(r.status).toBe(69);
    expect(r.calls).toEqual(['eval']);
    expect(r.stderr).toContain("unable to perform an operation on node 'rabbit@ctl-1'");
    expect(r.stdout).toBe('');
  });

  it('no broker ever kept data here and epmd knows none: asks nothing', () => {
    const r = run('exit 0', false);
    expect(r.calls).toEqual([]);
    expect(r.status).toBe(69);
    expect(r.stderr).toMatch(/^stackscope: no RabbitMQ data in .*: no broker has run on this node$/m);
  });
});
