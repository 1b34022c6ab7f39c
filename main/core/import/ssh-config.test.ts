import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures.js';
import { parseSshConfig, type SshConfigOptions } from './ssh-config.js';

const tmp = tempDir('stackscope-sshcfg-');
afterAll(() => tmp.remove());
const home = tmp.path;
const sshDir = join(home, '.ssh');
mkdirSync(join(sshDir, 'conf.d'), { recursive: true });
const opts = (o: Partial<SshConfigOptions> = {}): SshConfigOptions => ({ hosts: [], roles: [], sshDir, home, ...o });

// An operator's ~/.ssh/config: defaults at the end, computes in an included file, a bastion chain.
const config = `# written for the tests
Host bastion
  HostName 203.0.113.10
  User jump
  Port 2200
  IdentityFile ~/.ssh/id_jump

Host ctl-1 ctl-2
  HostName %h.mgmt.example
  ProxyJump bastion

Include conf.d/*.conf

Host *
  User ops
  IdentityFile ~/.ssh/id_ops
`;
writeFileSync(join(sshDir, 'config'), config);
writeFileSync(
  join(sshDir, 'conf.d', 'computes.conf'),
  `Host cmp-*
  ProxyJump bastion

Host cmp-01
  HostName 10.0.1.1
Host cmp-02
  HostName 10.0.1.2
  Port 2022
`,
);

describe('ssh config', () => {
  it('imports the picked Host aliases with what OpenSSH would use, jump hosts as nodes', () => {
    const p = parseSshConfig(config, join(sshDir, 'config'), opts({ hosts: ['cmp-*', 'ctl-*'], roles: [{ pattern: 'ctl-*', role: 'controller' }, { pattern: 'cmp-*', role: 'compute' }] }));
    expect(p.errors).toEqual([]);
    const rows = p.nodes.map((n) => [n.name, n.host, n.port ?? 22, n.user, n.keyPath, n.roles.join(',') || '-', n.jumpNode ?? '-']);
    expect(rows).toEqual([
      ['ctl-1', 'ctl-1.mgmt.example', 22, 'ops', '~/.ssh/id_ops', 'controller', 'bastion'],
      ['bastion', '203.0.113.10', 2200, 'jump', '~/.ssh/id_jump', '-', '-'],
      ['ctl-2', 'ctl-2.mgmt.example', 22, 'ops', '~/.ssh/id_ops', 'controller', 'bastion'],
      ['cmp-01', '10.0.1.1', 22, 'ops', '~/.ssh/id_ops', 'compute', 'bastion'],
      ['cmp-02', '10.0.1.2', 2022, 'ops', '~/.ssh/id_ops', 'compute', 'bastion'],
    ]);
    // Each node points at the line of its Host section, in the file that has it.
    expect(p.nodes.find((n) => n.name === 'cmp-02')?.at).toEqual({ file: join(sshDir, 'conf.d', 'computes.conf'), line: 6 });
    expect(p.nodes.find((n) => n.name === 'ctl-2')?.at).toEqual({ file: join(sshDir, 'config'), line: 8 });
  });
  it('a role without a pattern goes to every picked host, not to the jump host', () => {
    const p = parseSshConfig(config, join(sshDir, 'config'), opts({ hosts: ['ctl-1'], roles: [{ role: 'controller' }] }));
    expect(p.nodes.map((n) => [n.name, n.roles])).toEqual([
      ['ctl-1', ['controller']],
      ['bastion', []],
    ]);
  });
  it('multi-hop ProxyJump chains become a chain of nodes', () => {
    const text = 'Host edge\n  HostName 198.51.100.1\nHost inner\n  HostName 10.9.0.1\n  ProxyJump edge\nHost db\n  HostName 10.9.1.1\n  ProxyJump edge,inner\n';
    const p = parseSshConfig(text, join(sshDir, 'chain'), opts({ hosts: ['db'] }));
    expect(p.nodes.map((n) => [n.name, n.jumpNode ?? '-'])).toEqual([
      ['db', 'inner'],
      ['edge', '-'],
      ['inner', 'edge'],
    ]);
  });
  it('says when nothing matches, and when a ProxyJump loops', () => {
    expect(parseSshConfig(config, 'cfg', opts({ hosts: ['nope-*'] })).errors[0]?.message).toBe('no Host in cfg matches nope-*');
    const loop = parseSshConfig('Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n', 'loop', opts({ hosts: ['a'] }));
    expect(loop.errors.map((e) => e.message)).toEqual(['ProxyJump of a loops back to it (a → b → a)']);
  });
});
