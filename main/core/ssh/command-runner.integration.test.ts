import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterNode, Run } from '../../contract/types.js';
import type { Sshd } from '../../lab/sshd.js';
import { sshWorld, type SshWorld } from '../testing/fixtures.js';
import { MarkerSplitter } from './command-runner.js';

// Commands over runner channels (command-runner.ts) against a real sshd: each command sees what
// a channel of its own would have given it, and hostile output cannot cross into another one.

let w: SshWorld;
let clusterId: number;
let server: Sshd;
let node: ClusterNode;

async function run(nodes: ClusterNode[], command: string, timeoutSec = 30): Promise<Run> {
  const caseId = w.core.repos.cases.create('runner', 'info', clusterId);
  const started = w.core.exec.start({ caseId, clusterId, nodes: nodes.map((n) => w.core.inventory.node(n.id)), command, timeoutSec });
  await w.core.runs.wait(started.id);
  const done = w.core.repos.runs.get(started.id);
  if (!done) throw new Error('run missing');
  return done;
}

async function addTrusted(name: string, s: Sshd): Promise<ClusterNode> {
  const n = w.core.inventory.addNode({ clusterId, name, host: s.host, port: s.port, user: 'root', roles: ['compute'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
  const probe = await w.core.hostKeys.probe(n.id);
  await w.core.hostKeys.trust(n.id, probe.fingerprint);
  return n;
}

beforeAll(async () => {
  w = await sshWorld({ connectTimeoutMs: 3000 });
  server = await w.startServer('runner');
  clusterId = w.core.inventory.addCluster({ name: 'runner', deployment: 'packages' }).id;
  node = await addTrusted('r1', server);
});

afterAll(async () => {
  await w?.close();
});

describe('commands over runner channels, on a real sshd', () => {
  it('run on a runner, one after another, with their own stdout, stderr and exit status', async () => {
    // The wrapper's parent is the runner loop (it runs setsid), not sshd: the channel was reused.
    const parents = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = await run([node], `echo "out ${i}"; echo "err ${i}" >&2; ps -o pid=,args= -p $PPID; exit ${i % 4}`);
      const s = r.steps[0];
      expect(s).toMatchObject({ exitCode: i % 4, stderr: `err ${i}\n`, state: i % 4 ? 'failed' : 'succeeded' });
      const [out, parent] = (s?.stdout ?? '').split('\n');
      expect(out).toBe(`out ${i}`);
      expect(parent).toMatch(/\/bin\/sh -c n=[0-9a-f]{32}/);
      parents.add((parent ?? '').trim().split(/\s+/)[0] ?? '');
    }
    // One runner serves them all (sequential commands on one pooled connection).
    expect(parents.size).toBe(1);
  });

  it('give each command a fresh shell: no directory, variable or stdin carries over', async () => {
    const a = await run([node], 'cd /tmp && export LEAK=1 && pwd; cat; echo "stdin done"');
    expect(a.steps[0]?.stdout).toBe('/tmp\nstdin done\n');
    const b = await run([node], 'pwd; echo "LEAK=${LEAK:-unset}"');
    expect(b.steps[0]?.stdout).not.toMatch(/^\/tmp\n/);
    expect(b.steps[0]?.stdout).toMatch(/LEAK=unset\n$/);
  });

  it('keep output without a final newline, a forged end marker and binary bytes inside the command that printed them', async () => {
    const forged = "printf 'a\\036deadbeefdeadbeefdeadbeefdeadbeef-end 0\\nb'; printf '\\036stackscope-pid 1\\n' >&2; printf 'tail'";
    const r = await run([node], forged);
    expect(r.steps[0]?.stdout).toBe('a\u001edeadbeefdeadbeefdeadbeefdeadbeef-end 0\nbtail');
    expect(r.steps[0]?.stderr).toBe('\u001estackscope-pid 1\n');
    expect(r.steps[0]?.exitCode).toBe(0);
    const next = await run([node], 'echo next');
    expect(next.steps[0]?.stdout).toBe('next\n');
  });

  it('end a timed-out command and its children, then keep using the runner', async () => {
    const r = await run([node], 'sleep 300 & sleep 301; echo never', 1);
    expect(r.steps[0]?.state).toBe('timeout');
    const after = await run([node], 'pgrep -f "sleep 30[01]" || echo none');
    expect(after.steps[0]?.stdout).toBe('none\n');
    expect(after.steps[0]?.state).toBe('succeeded');
  });

  it('report a command killed by a signal as sshd would', async () => {
    const r = await run([node], 'kill -KILL $$');
    expect(r.steps[0]).toMatchObject({ state: 'failed', exitCode: null, exitSignal: 'KILL' });
  });

  it('run many commands at once on one node, never mixing their output', async () => {
    const caseId = w.core.repos.cases.create('parallel', 'info', clusterId);
    const runs = Array.from({ length: 16 }, (_, i) => w.core.exec.start({ caseId, clusterId, nodes: [w.core.inventory.node(node.id)], command: `for k in 1 2 3 4 5 6 7 8; do echo "${i}-$k"; done; sleep 0.0$((${i} % 5)); echo "${i}-end" >&2`, timeoutSec: 30 }));
    await Promise.all(runs.map((r) => w.core.runs.wait(r.id)));
    runs.forEach((started, i) => {
      const s = w.core.repos.runs.get(started.id)?.steps[0];
      expect(s?.stdout).toBe(Array.from({ length: 8 }, (_, k) => `${i}-${k + 1}\n`).join(''));
      expect(s?.stderr).toBe(`${i}-end\n`);
    });
  });

  it('fall back to a channel per command on a host without setsid', async () => {
    const bin = join(w.dir, 'no-setsid-bin');
    mkdirSync(bin, { recursive: true });
    for (const tool of ['sh', 'ps', 'cat']) symlinkSync(`/bin/${tool}`, join(bin, tool));
    const bare = await w.startServer('bare', { extraConfig: [`SetEnv PATH=${bin}`] });
    const n = await addTrusted('bare', bare);
    const r = await run([n], 'echo "no runner"; ps -o args= -p $PPID');
    expect(r.steps[0]?.state).toBe('succeeded');
    expect(r.steps[0]?.stdout).toMatch(/^no runner\n/);
    expect(r.steps[0]?.stdout).not.toMatch(/n=[0-9a-f]{32}/);
  });
});

describe('the marker splitter', () => {
  const mark = Buffer.from('\u001eabc-');
  const split = (chunks: string[]): { text: string; markers: string[] } => {
    let text = '';
    const markers: string[] = [];
    const s = new MarkerSplitter(
      mark,
      (b) => (text += b.toString('latin1')),
      (l) => markers.push(l),
    );
    for (const c of chunks) s.push(Buffer.from(c, 'latin1'));
    return { text, markers };
  };

  it('finds a marker split over any chunk boundary and passes everything else through', () => {
    const whole = 'x\u001eab\u001e\u001eabc-end 3\nrest';
    for (let i = 0; i <= whole.length; i++) {
      for (let j = i; j <= whole.length; j++) {
        const r = split([whole.slice(0, i), whole.slice(i, j), whole.slice(j)]);
        expect(r.markers).toEqual(['end 3']);
        expect(r.text).toBe('x\u001eab\u001erest');
      }
    }
  });

  it('holds back only what could still become a marker', () => {
    expect(split(['data\u001eab']).text).toBe('data');
    expect(split(['data\u001eax']).text).toBe('data\u001eax');
  });
});
