import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterNode, Run } from '../../contract/types.js';
import { freePort, generateKey, type Sshd } from '../../lab/sshd.js';
import { sshWorld, type SshWorld } from '../testing/fixtures.js';

// Real sshd on loopback with their generated host keys, and a known_hosts written the way
// OpenSSH writes it: connections to keys listed there need no confirmation; a listed other key
// is a changed key, a revoked one is refused even after we trusted it.
let w: SshWorld;
let a: Sshd;
let b: Sshd;
let knownHosts: string;
let clusterId: number;

const pubOf = (s: Sshd): string => readFileSync(`${s.hostKeyFile}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
const fpOf = (s: Sshd): string => execFileSync('ssh-keygen', ['-lf', `${s.hostKeyFile}.pub`], { encoding: 'utf8' }).split(' ')[1] ?? '';

function addNode(name: string, s: { host: string; port: number }, cluster = clusterId): ClusterNode {
  return w.core.inventory.addNode({ clusterId: cluster, name, host: s.host, port: s.port, user: 'root', roles: ['compute'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
}

async function run(node: ClusterNode, cluster = clusterId): Promise<Run> {
  const caseId = w.core.repos.cases.create('known_hosts', 'info', cluster);
  const started = w.core.exec.start({ caseId, clusterId: cluster, nodes: [w.core.inventory.node(node.id)], command: 'echo in', timeoutSec: 30 });
  await w.core.runs.wait(started.id);
  const done = w.core.repos.runs.get(started.id);
  if (!done) throw new Error('run missing');
  return done;
}

beforeAll(async () => {
  w = await sshWorld({ connectTimeoutMs: 5000 });
  [a, b] = await Promise.all([w.startServer('kh-a'), w.startServer('kh-b')]);
  knownHosts = join(w.dir, 'known_hosts');
  clusterId = w.core.inventory.addCluster({ name: 'kh', deployment: 'packages', knownHostsFile: knownHosts }).id;
});
afterAll(async () => {
  await w?.close();
});

describe('known_hosts on real sshd', () => {
  it('connects without asking when known_hosts lists the key as [127.0.0.1]:PORT, plain or hashed', async () => {
    writeFileSync(knownHosts, `# written by the test\n[127.0.0.1]:${a.port} ${pubOf(a)}\n`);
    const node = addNode('plain', a);
    expect((await run(node)).steps[0]).toMatchObject({ state: 'succeeded', stdout: 'in\n' });
    const probe = await w.core.hostKeys.probe(node.id);
    expect(probe).toMatchObject({ status: 'known_hosts', fingerprint: fpOf(a), knownHosts: { file: knownHosts, line: 2 } });

    // ssh-keygen -H hashes the names in place, as HashKnownHosts does.
    writeFileSync(knownHosts, `[127.0.0.1]:${b.port} ${pubOf(b)}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', knownHosts], { stdio: 'ignore' });
    expect(readFileSync(knownHosts, 'utf8')).toMatch(/^\|1\|/);
    const hashed = addNode('hashed', b);
    expect((await run(hashed)).steps[0]).toMatchObject({ state: 'succeeded', stdout: 'in\n' });
    expect(w.core.inventory.node(hashed.id).hostKey).toBeNull(); // trusted from the file, nothing stored
  });

  it('refuses a different key listed for the host as a changed key, naming the file and line', async () => {
    const wrong = (await generateKey(join(w.dir, 'wrong-host-key'))).trim().split(/\s+/).slice(0, 2).join(' ');
    writeFileSync(knownHosts, `\n[127.0.0.1]:${a.port} ${wrong}\n`);
    w.core.ssh.closeAll();
    const step = (await run(w.core.inventory.nodeByName(w.core.inventory.cluster(clusterId), 'plain'))).steps[0];
    expect(step?.state).toBe('error');
    expect(step?.error).toMatch(new RegExp(`HOST KEY CHANGED: ${knownHosts.replace(/[.]/g, '\\.')}:2 lists SHA256:\\S+ but the host presented ${fpOf(a).replace(/[+/]/g, '\\$&')}`));
  });

  it('refuses a @revoked key even though it was trusted before, and will not trust it again', async () => {
    const node = w.core.inventory.nodeByName(w.core.inventory.cluster(clusterId), 'plain');
    writeFileSync(knownHosts, '');
    await w.core.hostKeys.trust(node.id, fpOf(a));
    expect((await run(node)).steps[0]?.state).toBe('succeeded');
    writeFileSync(knownHosts, `@revoked * ${pubOf(a)}\n`);
    w.core.ssh.closeAll();
    const step = (await run(node)).steps[0];
    expect(step?.error).toMatch(/host key SHA256:\S+ is REVOKED \(.*known_hosts:1\); refusing to connect/);
    await expect(w.core.hostKeys.trust(node.id, fpOf(a))).rejects.toThrow(/revokes; nothing was trusted/);
  });

  it('probes a whole cluster, and trusts exactly the fingerprints confirmed', async () => {
    const c = w.core.inventory.addCluster({ name: 'bulk', deployment: 'packages', knownHostsFile: join(w.dir, 'bulk_known_hosts') }).id;
    writeFileSync(join(w.dir, 'bulk_known_hosts'), `[127.0.0.1]:${b.port} ${pubOf(b)}\n`);
    const extra = await w.startServer('kh-c');
    const listed = addNode('n-listed', b, c);
    const fresh = addNode('n-fresh', extra, c);
    const down = addNode('n-down', { host: '127.0.0.1', port: await freePort() }, c);
    const probes = await w.core.hostKeys.probeCluster(c);
    const byName = Object.fromEntries(probes.nodes.map((p) => [p.nodeName, p]));
    expect(byName['n-listed']).toMatchObject({ status: 'known_hosts', reachable: true });
    expect(byName['n-fresh']).toMatchObject({ status: 'unknown', fingerprint: fpOf(extra) });
    expect(byName['n-down']).toMatchObject({ status: 'unreachable', error: { code: 'UNREACHABLE', message: expect.stringMatching(/n-down .*connection refused/) } });

    const wrongFp = fpOf(a);
    const result = await w.core.hostKeys.trustCluster(c, [
      { nodeId: fresh.id, fingerprint: fpOf(extra) },
      { nodeId: listed.id, fingerprint: wrongFp },
      { nodeId: down.id, fingerprint: wrongFp },
    ]);
    expect(result.trusted.map((k) => k.fingerprint)).toEqual([fpOf(extra)]);
    expect(result.refused.map((r) => r.nodeName)).toEqual(['n-listed', 'n-down']);
    expect(result.refused[0]?.reason).toMatch(/not the .* you confirmed; nothing was trusted/);
    expect(w.core.inventory.node(fresh.id).hostKey?.fingerprint).toBe(fpOf(extra));
    expect(w.core.inventory.node(listed.id).hostKey).toBeNull();
    expect((await run(fresh, c)).steps[0]?.state).toBe('succeeded');
  });

  it("follows the cluster's settings: 'refuse' names the trust command; its own connect timeout", async () => {
    const c = w.core.inventory.addCluster({ name: 'strict', deployment: 'packages', unknownHostKeys: 'refuse', connectTimeoutSec: 1, knownHostsFile: join(w.dir, 'none') }).id;
    // A server of its own: keys trusted above are trusted for their address whatever the cluster.
    const d = await w.startServer('kh-d');
    const node = addNode('s-1', d, c);
    const step = (await run(node, c)).steps[0];
    expect(step?.error).toMatch(new RegExp(`unknown host key for s-1 \\(127\\.0\\.0\\.1:${d.port}\\): ssh-ed25519 SHA256:\\S+; this cluster refuses unknown keys; trust it with stackscope node trust strict s-1`));

    const silent: Server = createServer(() => undefined);
    const port = await freePort();
    await new Promise<void>((r) => silent.listen(port, '127.0.0.1', () => r()));
    try {
      const mute = addNode('s-mute', { host: '127.0.0.1', port }, c);
      expect((await run(mute, c)).steps[0]?.error).toMatch(/s-mute .*no SSH handshake within 1 s/);
    } finally {
      silent.close();
    }
  });
});
