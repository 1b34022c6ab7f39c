import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../contract/imports.js';
import { methodInputs } from '../../contract/schemas.js';
import { createCore, type Core } from '../core.js';
import { tempDir } from '../testing/fixtures.js';
import { parseAnsibleIni } from './ansible-ini.js';
import { parseAnsibleYaml } from './ansible-yaml.js';
import { parseKubeNodes } from './kube-nodes.js';
import { buildPlan, type PlanOptions } from './plan.js';
import { parseSshConfig } from './ssh-config.js';

/**
 * Hostile inventories: garbage, huge files, values that would mean something to a shell or to
 * ssh, paths that walk out of where they belong, commands a config would have us run, and
 * passwords left in an inventory (never kept, never printed).
 */
const tmp = tempDir('stackscope-import-sec-');
const home = tmp.path;
const sshDir = join(home, '.ssh');
let core: Core;
const planOpts = (o: Partial<PlanOptions> = {}): PlanOptions => ({ cluster: 'c', kind: 'kolla', file: join(home, 'inv'), prune: false, home, localUser: 'me', keyExists: () => true, ...o });
const ini = (text: string) => buildPlan(null, parseAnsibleIni(text, 'inv'), planOpts());

beforeAll(() => {
  mkdirSync(sshDir, { recursive: true });
  core = createCore({ dataDir: join(home, 'data'), mode: 'cli' });
});
afterAll(async () => {
  await core.close();
  tmp.remove();
});

describe('malformed sources fail with file:line, never throw', () => {
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
  it.each([
    ['kolla', () => parseAnsibleIni(`[control]\n${garbage}`, 'g.ini')],
    ['ansible-yaml', () => parseAnsibleYaml(`all:\n  hosts:\n${garbage}`, 'g.yml')],
    ['ssh-config', () => parseSshConfig(`Host a\n${garbage}`, 'g.cfg', { hosts: [], roles: [], sshDir, home })],
    ['k8s', () => parseKubeNodes(`{"items":[${garbage}`, 'g.json', null)],
  ])('%s', (_kind, parse) => {
    const p = parse();
    expect(p.errors.length + p.nodes.length).toBeGreaterThan(0);
    for (const e of p.errors) expect(e.line).toBeGreaterThanOrEqual(1);
  });
  it('a group that is its own child is an error, not a hang', () => {
    const p = parseAnsibleIni('[a:children]\nb\n[b:children]\na\n[a]\nh1\n', 'loop.ini');
    expect(p.errors[0]?.message).toMatch(/own child/);
  });
});

describe('size caps', () => {
  it('a file over 4 MiB is refused before it is read, naming it', async () => {
    const big = join(home, 'big.ini');
    writeFileSync(big, `[compute]\n${'# padding\n'.repeat(450_000)}`);
    const r = await core.dispatch('clusters.importPlan', { cluster: 'c', source: { kind: 'kolla', path: big } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/big\.ini is 4\.3 MiB, larger than the 4 MiB an import reads/);
  });
  it('pasted text over the cap is refused by the contract', () => {
    expect(methodInputs['clusters.importPlan'].safeParse({ cluster: 'c', source: { kind: 'kolla', text: 'x'.repeat(4 * 1024 * 1024 + 1) } }).success).toBe(false);
  });
  it('ranges cannot expand to millions of hosts', () => {
    expect(ini('[compute]\nc[1:9999]\nd[1:9999]\n').errors.map((e) => `${e.line}: ${e.message}`)).toEqual(['3: more than 10000 hosts: split the inventory or import the groups you need']);
    expect(ini('[compute]\nc[1:9][1:9][1:9][1:9][1:9]\n').errors[0]?.message).toMatch(/more than 10000 hosts/);
  });
});

describe('injected values are refused with their line', () => {
  it('host names and users with shell metacharacters, option-like hosts', () => {
    const p = ini(['[compute]', "'cmp;reboot' ansible_host=10.0.0.1", 'cmp2 ansible_host=-oProxyCommand=touch', 'cmp3 ansible_user=`id`', 'cmp4 ansible_host=10.0.0.4 ansible_user=-lroot', '-oProxyCommand=x'].join('\n'));
    expect(p.errors.map((e) => `${e.line} ${e.message}`)).toEqual([
      '2 cmp;reboot: name: use letters, digits, dot, dash or underscore',
      '3 cmp2: host: must be a hostname or IP address',
      '4 cmp3: user: must be a plain user name',
      '5 cmp4: user: must be a plain user name',
      '6 -oProxyCommand=x: name: use letters, digits, dot, dash or underscore',
      '6 -oProxyCommand=x: host: must be a hostname or IP address',
    ]);
  });
  it('a newline in a YAML value does not make a second line anywhere', () => {
    const p = buildPlan(null, parseAnsibleYaml('all:\n  hosts:\n    a:\n      ansible_host: "10.0.0.1\\nProxyCommand touch /tmp/x"\n', 'n.yml'), planOpts({ kind: 'ansible-yaml', deployment: 'kolla' }));
    expect(p.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual(['n.yml:3: a: host: must be a hostname or IP address']);
  });
  it('a ProxyCommand that is not ssh -W, or hides a command, is refused', () => {
    expect(ini("[compute]\nc1 ansible_ssh_common_args='-o ProxyCommand=\"nc -X connect %h %p\"'\n").errors[0]?.message).toMatch(/ProxyCommand "nc" is not supported/);
    expect(ini("[compute]\nc1 ansible_ssh_common_args='-o ProxyCommand=\"ssh -W %h:%p b && touch /tmp/x\"'\n").errors[0]?.message).toMatch(/shell operator "&&"/);
    expect(ini("[compute]\nc1 ansible_ssh_common_args='-o ProxyJump=-oProxyCommand=touch'\n").errors.map((e) => e.message)).toContain('-oProxyCommand=touch: name: use letters, digits, dot, dash or underscore');
  });
  it('key paths: relative ones stay in the inventory folder, no control characters, must exist', () => {
    const p = buildPlan(null, parseAnsibleIni('[compute]\nc1 ansible_ssh_private_key_file=../../etc/shadow\nc2 ansible_ssh_private_key_file=keys/id\n', 'inv'), planOpts({ keyExists: (path) => path === join(home, 'keys', 'id') }));
    expect(p.errors.map((e) => e.message)).toEqual([`c1: key file ../../etc/shadow leaves the folder of ${join(home, 'inv')}: give an absolute path or ~/…`]);
    expect(p.nodes.find((n) => n.name === 'c2')?.auth).toEqual({ method: 'key', keyPath: join(home, 'keys', 'id'), passphrase: false });
    const y = buildPlan(null, parseAnsibleYaml('all:\n  hosts:\n    c3:\n      ansible_ssh_private_key_file: "/k\\n/x"\n', 'y.yml'), planOpts({ deployment: 'kolla' }));
    expect(y.errors[0]?.message).toBe('c3: the key file path has control characters');
    expect(buildPlan(null, parseAnsibleIni('[compute]\nc4 ansible_ssh_private_key_file=/nope/id\n', 'inv'), planOpts({ keyExists: () => false })).errors[0]?.message).toMatch(/private key file \/nope\/id does not exist on this machine/);
    // An ssh config's missing IdentityFile is skipped, as ssh skips it; a path out of bounds is still an error.
    const cfg = buildPlan(null, parseSshConfig('Host s1\n  IdentityFile /nope/id\nHost s2\n  IdentityFile ../../x\n', join(sshDir, 'config'), { hosts: [], roles: [], sshDir, home }), planOpts({ kind: 'ssh-config', deployment: 'kolla', file: join(sshDir, 'config'), keyExists: () => false }));
    expect(cfg.nodes.find((n) => n.name === 's1')?.auth).toEqual({ method: 'agent' });
    expect(cfg.warnings.map((w) => w.message)).toEqual(['s1: IdentityFile /nope/id does not exist here: ssh-agent instead, as ssh would']);
    expect(cfg.errors.map((e) => e.message)).toEqual([`s2: key file ../../x leaves the folder of ${join(sshDir, 'config')}: give an absolute path or ~/…`]);
  });
});

describe('ssh config: nothing is run, nothing read outside its places', () => {
  it('Include out of ~/.ssh (traversal or absolute) is not read; a loop is cut', () => {
    writeFileSync(join(sshDir, 'loop'), 'Include loop\nHost l1\n  HostName 10.0.0.9\n');
    const p = parseSshConfig('Include ../../../../etc/passwd\nInclude /etc/shadow\nInclude loop\n', join(sshDir, 'config'), { hosts: [], roles: [], sshDir, home });
    expect(p.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      `1: Include ../../../../etc/passwd is outside ${sshDir}, the config's folder and /etc/ssh: not read`,
      `2: Include /etc/shadow is outside ${sshDir}, the config's folder and /etc/ssh: not read`,
      `1: Include loop includes ${join(sshDir, 'loop')} again (a loop): left out`,
    ]);
    expect(p.nodes.map((n) => n.name)).toEqual(['l1']);
  });
  it('Match exec is never run; CanonicalizeHostName never resolved', () => {
    const marker = join(home, 'pwned');
    const p = parseSshConfig(`Match exec "touch ${marker}"\n  User root\nHost a\n  CanonicalizeHostName yes\n  HostName 10.0.0.1\n`, join(sshDir, 'config'), { hosts: [], roles: [], sshDir, home });
    expect(existsSync(marker)).toBe(false);
    expect(p.nodes[0]?.user).toBeUndefined();
    expect(p.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '1: Match exec is not evaluated (an import never runs commands or queries DNS): that block\'s settings are not applied',
      '4: CanonicalizeHostName is not applied (an import does not query DNS)',
    ]);
  });
});

describe('passwords in an inventory are never kept or shown', () => {
  const text = '[control]\nctl01 ansible_host=10.0.0.1 ansible_password=Pa55-ssh-0001 ansible_become=true ansible_become_password=Pa55-become-0002\n[compute]\ncmp01 ansible_ssh_pass=Pa55-ssh-0003 ansible_ssh_private_key_file=/k\ncmp02 ansible_password=Pa55-ssh-0004 novalue\n';
  it('the plan says they are ignored, asks instead, and holds none of them', () => {
    const p = ini(text);
    const json = JSON.stringify(p);
    for (const s of ['Pa55-ssh-0001', 'Pa55-become-0002', 'Pa55-ssh-0003', 'Pa55-ssh-0004']) expect(json).not.toContain(s);
    expect(p.warnings.map((w) => w.message)).toEqual(['password in inventory ignored; you will be asked (ctl01)', 'become password in inventory ignored; you will be asked (ctl01)', 'password in inventory ignored; you will be asked (cmp01)']);
    expect(p.nodes.find((n) => n.name === 'ctl01')).toMatchObject({ auth: { method: 'password' }, become: { enabled: true, user: 'root', password: true } });
    // A key wins over a password: the password is still not kept.
    expect(p.nodes.find((n) => n.name === 'cmp01')?.auth).toEqual({ method: 'key', keyPath: '/k', passphrase: false });
    expect(p.errors.map((e) => e.message)).toEqual(['host cmp02: expected key=value, found a word without "="']);
  });
  it('nor stored by apply, nor in the case log', async () => {
    const file = join(home, 'secret.ini');
    writeFileSync(file, text.replace(' novalue', ''));
    const input = { cluster: 'sec', source: { kind: 'kolla', path: file } };
    const planned = await core.dispatch('clusters.importPlan', input);
    const plan = (planned.ok ? planned.value : null) as ImportPlan;
    // /k does not exist here: the plan says so, and the apply is refused as a whole.
    expect(plan.errors.map((e) => e.message)).toEqual(['cmp01: private key file /k does not exist on this machine: fix the path or copy the key here']);
    expect((await core.dispatch('clusters.importApply', { ...input, digest: plan.digest })).ok).toBe(false);
    writeFileSync(file, text.replace(' novalue', '').replace(' ansible_ssh_private_key_file=/k', ''));
    const again = await core.dispatch('clusters.importPlan', input);
    const p2 = (again.ok ? again.value : null) as ImportPlan;
    const done = await core.dispatch('clusters.importApply', { ...input, digest: p2.digest });
    expect(done.ok).toBe(true);
    const rows = JSON.stringify(core.db.prepare('SELECT * FROM nodes').all()) + JSON.stringify(core.db.prepare('SELECT * FROM clusters').all());
    for (const s of ['Pa55-ssh-0001', 'Pa55-become-0002', 'Pa55-ssh-0003', 'Pa55-ssh-0004']) expect(rows).not.toContain(s);
    expect(core.secrets.values()).toEqual([]);
  });
});

describe('contract: clusters.importPlan / importApply refuse hostile input', () => {
  const plan = methodInputs['clusters.importPlan'];
  const apply = methodInputs['clusters.importApply'];
  it.each([
    ['no source', { cluster: 'c', source: { kind: 'kolla' } }],
    ['path and text', { cluster: 'c', source: { kind: 'kolla', path: '/a', text: 'x' } }],
    ['via on a file kind', { cluster: 'c', source: { kind: 'kolla', via: 'n1' } }],
    ['NUL in a path', { cluster: 'c', source: { kind: 'kolla', path: '/a\u0000b' } }],
    ['unknown kind', { cluster: 'c', source: { kind: 'terraform', path: '/a' } }],
    ['a cluster name with shell syntax', { cluster: 'c;rm', source: { kind: 'kolla', path: '/a' } }],
    ['a Host pattern with a space', { cluster: 'c', source: { kind: 'ssh-config', path: '/a' }, hosts: ['a b'] }],
    ['an unknown role', { cluster: 'c', source: { kind: 'ssh-config', path: '/a' }, roles: [{ role: 'root' }] }],
    ['an extra field', { cluster: 'c', source: { kind: 'kolla', path: '/a' }, execute: true }],
    ['an option-like via', { cluster: 'c', source: { kind: 'k8s', via: '-oProxyCommand=x' } }],
  ])('plan: %s', (_why, input) => {
    expect(plan.safeParse(input).success).toBe(false);
  });
  it('apply needs the digest of a plan', () => {
    const input = { cluster: 'c', source: { kind: 'kolla', path: '/a' } };
    expect(apply.safeParse(input).success).toBe(false);
    expect(apply.safeParse({ ...input, digest: 'x'.repeat(64) }).success).toBe(false);
    expect(apply.safeParse({ ...input, digest: 'a'.repeat(64) }).success).toBe(true);
    expect(apply.safeParse({ ...input, source: { kind: 'kolla', path: '/a', text: 'b' }, digest: 'a'.repeat(64) }).success).toBe(false);
  });
});
