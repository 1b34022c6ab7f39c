import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey, Sshd } from '../lab/sshd.js';
import { tempDir } from '../core/testing/fixtures.js';
import { inProcessCli } from './testing/in-process.js';

/** `stackscope node trust CLUSTER --all` and the connection flags, in this process, against real sshd. */
const tmp = tempDir('stackscope-trust-all-');
const servers: Sshd[] = [];
let clientKey: string;
const knownHosts = join(tmp.path, 'known_hosts');
const cli = inProcessCli(join(tmp.path, 'data'));
const fpOf = (s: Sshd): string => execFileSync('ssh-keygen', ['-lf', `${s.hostKeyFile}.pub`], { encoding: 'utf8' }).split(' ')[1] ?? '';

beforeAll(async () => {
  clientKey = join(tmp.path, 'id_ed25519');
  const pub = await generateKey(clientKey);
  for (const name of ['a', 'b', 'c']) {
    const s = new Sshd({ dir: join(tmp.path, `sshd-${name}`), authorizedKeys: [pub] });
    await s.start();
    servers.push(s);
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  tmp.remove();
});

describe('stackscope node trust CLUSTER --all', () => {
  it('takes the connection settings on cluster add and update, and refuses values out of range', async () => {
    expect(await cli('cluster', 'add', 'prod', '--deployment', 'packages', '--known-hosts', knownHosts, '--timeout', '5', '--unknown-keys', 'refuse')).toMatchObject({ code: 0 });
    const updated = await cli('cluster', 'update', 'prod', '--keepalive', '0', '--concurrency', '8');
    expect(updated.stdout).toBe(`Updated cluster prod (packages; connect timeout 5 s, no keepalive, concurrency 8, unknown host keys: refuse, known_hosts: ${knownHosts}).\n`);
    const [c] = JSON.parse((await cli('cluster', 'list', '--json')).stdout) as Array<{ connection: unknown }>;
    expect(c?.connection).toEqual({ connectTimeoutSec: 5, keepaliveSec: 0, concurrency: 8, unknownHostKeys: 'refuse', knownHostsFile: knownHosts });
    expect(await cli('cluster', 'update', 'prod', '--timeout', '0')).toMatchObject({ code: 2, stderr: 'stackscope: --timeout must be a whole number from 1 to 300 (or default), got "0"\n' });
    expect((await cli('cluster', 'update', 'prod', '--unknown-keys', 'accept')).stderr).toMatch(/--unknown-keys.*accept.*Allowed choices are ask, refuse/);
    expect((await cli('cluster', 'update', 'prod', '--concurrency', 'default')).stdout).toContain('concurrency 16');
  });

  it('shows every unknown key together, refuses without a terminal or --yes, then trusts them with --yes', async () => {
    const [a, b, c] = servers as [Sshd, Sshd, Sshd];
    writeFileSync(knownHosts, `[127.0.0.1]:${a.port} ${readFileSync(`${a.hostKeyFile}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
    for (const [name, s] of [['ctl-1', a], ['cmp-1', b], ['cmp-2', c]] as const) {
      expect((await cli('node', 'add', 'prod', name, '--host', '127.0.0.1', '--port', String(s.port), '--user', 'root', '--role', 'compute', '--key', clientKey)).code).toBe(0);
    }
    const refused = await cli('node', 'trust', 'prod', '--all');
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain('1 of 3 node(s) already trusted (0 by Stackscope, 1 from known_hosts).');
    expect(refused.stdout).toContain('2 unknown host key(s) on prod');
    expect(refused.stdout).toMatch(new RegExp(`cmp-1 +127\\.0\\.0\\.1:${b.port} +ssh-ed25519 +${fpOf(b).replace(/[+/]/g, '\\$&')}`));
    expect(refused.stdout).toMatch(new RegExp(`cmp-2 +127\\.0\\.0\\.1:${c.port} +ssh-ed25519 +${fpOf(c).replace(/[+/]/g, '\\$&')}`));
    expect(refused.stderr).toBe('stackscope: 2 unknown host key(s) not trusted: there is no terminal to ask; check the fingerprints above and run again with --yes\n');
    const yes = await cli('node', 'trust', 'prod', '--all', '--yes');
    expect(yes).toMatchObject({ code: 0 });
    expect(yes.stdout).toContain('Trusted 2 key(s).');
    const again = await cli('node', 'trust', 'prod', '--all');
    expect(again.stdout).toContain('3 of 3 node(s) already trusted (2 by Stackscope, 1 from known_hosts).');
    expect(again.stdout).toContain('No unknown host keys to confirm.');
    expect((await cli('node', 'trust', 'prod', 'ctl-1')).stdout).toContain(`This key is already trusted: ${knownHosts}:1 lists it.`);
    expect((await cli('node', 'trust', 'prod', 'ctl-1', '--all')).stderr).toBe('stackscope: give a node name or --all, not both (ctl-1)\n');
    expect((await cli('node', 'trust', 'prod')).stderr).toMatch(/which node\? .*--all/);
  });

  it('trusts a bastion first, then the nodes behind it in a second round, never probing through an unverified host', async () => {
    const pub = readFileSync(`${clientKey}.pub`, 'utf8');
    const [bastion, inner] = await Promise.all(
      ['bastion', 'inner'].map(async (name) => {
        const s = new Sshd({ dir: join(tmp.path, `sshd-${name}`), authorizedKeys: [pub] });
        await s.start();
        servers.push(s);
        return s;
      }),
    );
    writeFileSync(join(tmp.path, 'empty'), '');
    expect((await cli('cluster', 'add', 'behind', '--deployment', 'packages', '--known-hosts', join(tmp.path, 'empty'))).code).toBe(0);
    expect((await cli('node', 'add', 'behind', 'bastion', '--host', '127.0.0.1', '--port', String(bastion?.port), '--user', 'root', '--role', 'controller', '--key', clientKey)).code).toBe(0);
    expect((await cli('node', 'add', 'behind', 'db-1', '--host', '127.0.0.1', '--port', String(inner?.port), '--user', 'root', '--role', 'compute', '--key', clientKey, '--jump', 'bastion')).code).toBe(0);
    const r = await cli('node', 'trust', 'behind', '--all', '--yes');
    expect(r.code).toBe(0);
    // Round one: only the bastion can be seen; db-1 waits for it.
    expect(r.stdout).toMatch(/db-1 127\.0\.0\.1:\d+: not reached: bastion .*host key SHA256:\S+ is not trusted yet/);
    expect(r.stdout).toContain('1 unknown host key(s) on behind');
    expect(r.stdout).toContain('Nodes behind a jump host trusted just now can be probed now:');
    expect(r.stdout.match(/Trusted 1 key\(s\)\./g)).toHaveLength(2);
    const [c] = (JSON.parse((await cli('cluster', 'list', '--json')).stdout) as Array<{ name: string; nodes: Array<{ name: string; hostKey: { fingerprint: string } | null }> }>).filter((x) => x.name === 'behind');
    expect(c?.nodes.map((n) => [n.name, n.hostKey?.fingerprint])).toEqual([
      ['bastion', fpOf(bastion as Sshd)],
      ['db-1', fpOf(inner as Sshd)],
    ]);
  });
});
