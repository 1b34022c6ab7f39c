import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterNode, NodeAuth, Run } from '../../contract/types.js';
import { descendants, freePort, generateKey, Sshd } from '../../lab/sshd.js';
import { sshWorld, type SshWorld } from '../testing/fixtures.js';
import { eventually, pidsMatching } from '../testing/processes.js';

let w: SshWorld;
let clusterId: number;
let a: Sshd;
let b: Sshd;
let c: Sshd;

function addNode(name: string, s: { host: string; port: number }, auth?: NodeAuth, extra: Partial<ClusterNode> = {}): ClusterNode {
  return w.core.inventory.addNode({
    clusterId,
    name,
    host: s.host,
    port: s.port,
    user: 'root',
    roles: ['controller'],
    auth: auth ?? { method: 'key', keyPath: w.clientKey, passphrase: false },
    jumpNodeId: extra.jumpNodeId ?? null,
  });
}

async function trust(node: ClusterNode): Promise<void> {
  const probe = await w.core.hostKeys.probe(node.id);
  await w.core.hostKeys.trust(node.id, probe.fingerprint);
}

async function run(nodes: ClusterNode[], command: string, timeoutSec = 30): Promise<Run> {
  const caseId = w.core.repos.cases.create(`test ${command}`.slice(0, 100), 'info', clusterId);
  const started = w.core.exec.start({ caseId, clusterId, nodes: nodes.map((n) => w.core.inventory.node(n.id)), command, timeoutSec });
  await w.core.runs.wait(started.id);
  const done = w.core.repos.runs.get(started.id);
  if (!done) throw new Error('run missing');
  return done;
}

beforeAll(async () => {
  w = await sshWorld({ connectTimeoutMs: 1500 });
  [a, b, c] = await Promise.all([w.startServer('a'), w.startServer('b'), w.startServer('c')]);
  clusterId = w.core.inventory.addCluster({ name: 'it', deployment: 'packages' }).id;
});

afterAll(async () => {
  await w?.close();
});

describe('SSH against a real OpenSSH server', () => {
  it('refuses an unknown host key until it is trusted explicitly, then runs with key auth', async () => {
    const node = addNode('key-node', a);
    const before = await run([node], 'hostname');
    expect(before.steps[0]?.state).toBe('error');
    expect(before.steps[0]?.error).toMatch(/key-node .*host key SHA256:[A-Za-z0-9+/]{43} is not trusted/);

    const probe = await w.core.hostKeys.probe(node.id);
    expect(probe.status).toBe('unknown');
    const expected = execFileSync('ssh-keygen', ['-lf', `${a.hostKeyFile}.pub`], { encoding: 'utf8' }).split(' ')[1];
    expect(probe.fingerprint).toBe(expected);
    await w.core.hostKeys.trust(node.id, probe.fingerprint);
    expect((await w.core.hostKeys.probe(node.id)).status).toBe('trusted');

    const after = await run([node], 'echo out; echo err >&2; exit 3');
    const step = after.steps[0];
    expect(step).toMatchObject({ state: 'failed', exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
    expect(step?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses a changed host key, naming the node and both fingerprints', async () => {
    const server = await w.startServer('rekey');
    const node = addNode('rekey-node', server);
    await trust(node);
    const oldFp = (await w.core.hostKeys.probe(node.id)).fingerprint;
    await server.stop();
    execFileSync('rm', ['-f', server.hostKeyFile, `${server.hostKeyFile}.pub`]);
    await server.start(); // same port, new key
    w.core.ssh.closeAll();
    const r = await run([node], 'hostname');
    const newFp = (await w.core.hostKeys.probe(node.id)).fingerprint;
    expect(newFp).not.toBe(oldFp);
    expect(r.steps[0]?.state).toBe('error');
    expect(r.steps[0]?.error).toContain('rekey-node');
    expect(r.steps[0]?.error).toContain(oldFp);
    expect(r.steps[0]?.error).toContain(newFp);
    expect(r.steps[0]?.error).toMatch(/HOST KEY CHANGED/);
    await expect(w.core.hostKeys.trust(node.id, oldFp)).rejects.toThrow(/not the .* you confirmed/);
  });

  it('authenticates with ssh-agent', async () => {
    const sock = join(w.dir, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      await eventually(
        () => {
          try {
            execFileSync('ssh-add', [w.clientKey], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
            return true;
          } catch {
            return false;
          }
        },
        Boolean,
      );
      const node = addNode('agent-node', b, { method: 'agent', socket: sock });
      await trust(node);
      const r = await run([node], 'echo via-agent');
      expect(r.steps[0]).toMatchObject({ state: 'succeeded', stdout: 'via-agent\n' });
    } finally {
      agent.kill();
    }
  });

  it('authenticates with a key passphrase and with a password, and stores neither', async () => {
    const passphrase = 'correct horse battery staple 7f3a';
    const lockedKey = join(w.dir, 'id_locked');
    const lockedPub = await generateKey(lockedKey, 'ed25519', passphrase);
    const server = await w.startServer('secrets', { authorizedKeys: [w.clientPub, lockedPub] });
    const keyNode = addNode('pass-key-node', server, { method: 'key', keyPath: lockedKey, passphrase: true });
    await trust(keyNode);
    expect(w.core.missingSecrets([w.core.inventory.node(keyNode.id)])).toEqual([{ nodeId: keyNode.id, nodeName: 'pass-key-node', kind: 'passphrase' }]);
    w.core.secrets.provide(w.core.inventory.target(keyNode), 'passphrase', passphrase, false);
    // Output that echoes the secret is redacted before it is stored.
    const r1 = await run([keyNode], `echo 'the passphrase is ${passphrase}'`);
    expect(r1.steps[0], r1.steps[0]?.error ?? '').toMatchObject({ state: 'succeeded', stdout: 'the passphrase is [REDACTED]\n' });

    const password = `pw-${Math.random().toString(36).slice(2)}-Zx9`;
    const user = 'stackscope-pw';
    try {
      execFileSync('id', [user], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', ['--create-home', '--shell', '/bin/sh', user]);
    }
    execFileSync('chpasswd', { input: `${user}:${password}\n` });
    const pwNode = w.core.inventory.addNode({
      clusterId,
      name: 'password-node',
      host: server.host,
      port: server.port,
      user,
      roles: ['compute'],
      auth: { method: 'password' },
      jumpNodeId: null,
    });
    const missing = await run([pwNode], 'id -un');
    expect(missing.steps[0]?.error).toMatch(/password-node .*a password is needed/);
    w.core.secrets.provide(w.core.inventory.target(pwNode), 'password', password, false);
    const r2 = await run([pwNode], 'id -un');
    expect(r2.steps[0]).toMatchObject({ state: 'succeeded', stdout: `${user}\n` });

    w.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const { readFileSync, existsSync } = await import('node:fs');
    const dbFile = join(w.dir, 'data', 'caselog.sqlite');
    for (const f of [dbFile, `${dbFile}-wal`]) {
      if (!existsSync(f)) continue;
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(passphrase)), `${f} contains the passphrase`).toBe(false);
      expect(bytes.includes(Buffer.from(password)), `${f} contains the password`).toBe(false);
    }
  });

  it('reaches a node through a jump host (ProxyJump)', async () => {
    const jump = addNode('jump', c);
    await trust(jump);
    const target = addNode('behind-jump', b, undefined, { jumpNodeId: jump.id });
    await trust(target);
    const r = await run([target], 'echo through; echo $SSH_CONNECTION');
    expect(r.steps[0]).toMatchObject({ state: 'succeeded' });
    expect(r.steps[0]?.stdout).toMatch(/^through\n/);
    // The pooled connection to the target is held by the jump host's sshd, not by this process.
    const conns = execFileSync('ss', ['-tnpH', 'state', 'established', `( dport = :${b.port} )`], { encoding: 'utf8' });
    const owners = [...conns.matchAll(/users:\(\("([^"]+)",pid=(\d+)/g)].map((m) => ({ name: m[1], pid: Number(m[2]) }));
    const jumpSessions = descendants(c.pid ?? -1);
    expect(owners.some((o) => (o.name ?? '').startsWith('sshd') && jumpSessions.includes(o.pid))).toBe(true);
  });

  it('names the node when the port is closed, and times out on a server that never answers', async () => {
    const closedPort = await freePort();
    const closed = addNode('closed-port', { host: '127.0.0.1', port: closedPort });
    const r1 = await run([closed], 'true');
    expect(r1.steps[0]?.state).toBe('error');
    expect(r1.steps[0]?.error).toMatch(new RegExp(`closed-port \\(root@127\\.0\\.0\\.1:${closedPort}\\): connection refused`));

    const silent: Server = createServer(() => undefined); // accepts TCP, never speaks SSH
    const silentPort = await freePort();
    await new Promise<void>((r) => silent.listen(silentPort, '127.0.0.1', () => r()));
    try {
      const mute = addNode('mute', { host: '127.0.0.1', port: silentPort });
      const r2 = await run([mute], 'true');
      expect(r2.steps[0]?.error).toMatch(/mute .*no SSH handshake within 1\.5 s/);
    } finally {
      silent.close();
    }
  });

  it('ends the remote command on timeout, leaving no process behind', async () => {
    const node = w.core.inventory.nodeByName(w.core.inventory.cluster(clusterId), 'key-node');
    const marker = '600.4242';
    // 4 s, not 1: on two busy cores sshd can take over a second to run the first echo, and the
    // output up to the timeout is what this checks is kept.
    const r = await run([node], `echo started; sleep ${marker}; echo never`, 4);
    expect(r.steps[0]).toMatchObject({ state: 'timeout', stdout: 'started\n' });
    expect(r.steps[0]?.error).toMatch(/timed out after 4 s/);
    const left = await eventually(() => pidsMatching(`sleep ${marker}`), (p) => p.length === 0);
    expect(left).toEqual([]);
  });

  it('cancels a running command and stops it remotely', async () => {
    const node = w.core.inventory.nodeByName(w.core.inventory.cluster(clusterId), 'key-node');
    const marker = '600.5151';
    const caseId = w.core.repos.cases.create('cancel', 'info', clusterId);
    const started = w.core.exec.start({ caseId, clusterId, nodes: [node], command: `sleep ${marker}`, timeoutSec: 60 });
    await eventually(() => pidsMatching(`sleep ${marker}`), (p) => p.length > 0);
    w.core.runs.cancel(started.id);
    expect(await w.core.runs.wait(started.id)).toBe('cancelled');
    expect(w.core.repos.runs.get(started.id)?.steps[0]?.state).toBe('cancelled');
    expect(await eventually(() => pidsMatching(`sleep ${marker}`), (p) => p.length === 0)).toEqual([]);
  });

  it('runs on several servers in parallel over pooled connections', async () => {
    const extra = await Promise.all([w.startServer('p1'), w.startServer('p2'), w.startServer('p3')]);
    const nodes = extra.map((s, i) => addNode(`par-${i}`, s));
    for (const n of nodes) await trust(n);
    const r = await run(nodes, 'sleep 1; echo done');
    expect(r.state).toBe('succeeded');
    expect(r.steps.map((s) => s.stdout)).toEqual(['done\n', 'done\n', 'done\n']);
    // Every step started before any ended: they overlapped rather than ran one after another.
    const latestStart = Math.max(...r.steps.map((s) => Date.parse(s.startedAt ?? '')));
    const earliestEnd = Math.min(...r.steps.map((s) => Date.parse(s.endedAt ?? '')));
    expect(latestStart).toBeLessThan(earliestEnd);
    // A second run reuses the same connections: more channels, not more logins.
    const second = await run(nodes, 'echo again');
    expect(second.state).toBe('succeeded');
  });

  it('streams 20 MB of output as it arrives and stores all of it', async () => {
    const node = w.core.inventory.nodeByName(w.core.inventory.cluster(clusterId), 'key-node');
    const size = 20 * 1024 * 1024;
    let events = 0;
    let streamed = 0;
    const off = w.core.events.subscribe((name, p) => {
      if (name !== 'step.output') return;
      events++;
      streamed += (p as { data: string }).data.length;
    });
    const r = await run([node], `yes 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ | head -c ${size}`, 120);
    off();
    expect(r.steps[0]?.state).toBe('succeeded');
    expect(r.steps[0]?.stdout.length).toBe(size);
    expect(streamed).toBe(size);
    expect(events).toBeGreaterThan(5);
  });

  it('caps output per step with a clear marker and stops the command', async () => {
    const { createCore } = await import('../core.js');
    const capped = createCore({ dataDir: join(w.dir, 'data-capped'), mode: 'cli', maxOutputBytes: 1024 * 1024 });
    try {
      const cid = capped.inventory.addCluster({ name: 'cap', deployment: 'packages' }).id;
      const n = capped.inventory.addNode({ clusterId: cid, name: 'cap-node', host: a.host, port: a.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
      await capped.hostKeys.trust(n.id, (await capped.hostKeys.probe(n.id)).fingerprint);
      const caseId = capped.repos.cases.create('cap', 'info', cid);
      const started = capped.exec.start({ caseId, clusterId: cid, nodes: [capped.inventory.node(n.id)], command: 'yes capped-output-4711', timeoutSec: 60 });
      await capped.runs.wait(started.id);
      const step = capped.repos.runs.get(started.id)?.steps[0];
      expect(step?.truncated).toBe(true);
      expect(step?.stdout).toMatch(/\[stackscope: output truncated at 1 MB; the command was stopped\]\n$/);
      expect(await eventually(() => pidsMatching('yes capped-output-4711'), (p) => p.length === 0)).toEqual([]);
    } finally {
      await capped.close();
    }
  });

  it('keeps partial output and marks the run interrupted when sshd is killed mid-command', async () => {
    const server = await w.startServer('doomed');
    const node = addNode('doomed', server);
    await trust(node);
    const caseId = w.core.repos.cases.create('killed', 'critical', clusterId);
    let sawOutput!: () => void;
    const outputArrived = new Promise<void>((r) => (sawOutput = r));
    const off = w.core.events.subscribe((name, p) => {
      if (name === 'step.output' && (p as { data: string }).data.includes('partial-line')) sawOutput();
    });
    const started = w.core.exec.start({ caseId, clusterId, nodes: [w.core.inventory.node(node.id)], command: 'echo partial-line; sleep 600.6161', timeoutSec: 60 });
    await outputArrived;
    off();
    await server.kill();
    expect(await w.core.runs.wait(started.id)).toBe('interrupted');
    const step = w.core.repos.runs.get(started.id)?.steps[0];
    expect(step?.state).toBe('interrupted');
    expect(step?.stdout).toBe('partial-line\n');
    expect(step?.error).toMatch(/connection to doomed was lost/);
    // sshd's sessions died with it, and with them the remote command.
    expect(await eventually(() => pidsMatching('sleep 600.6161'), (p) => p.length === 0)).toEqual([]);
  });
});
