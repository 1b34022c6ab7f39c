/**
 * Issue 15 end to end, as an on-call engineer would do it with the built CLI: a Kolla multinode
 * inventory (ctl01, cmp[01:02]) behind a bastion, all four real sshd; host keys from the user's
 * known_hosts (one entry hashed, all in `[host]:port` form); a non-root login user with
 * passwordless sudo running a `root: true` step as root; and one whose sudo wants a password,
 * which gives a could-not-check finding and no ok.
 *
 * The nodes listen on 127.0.0.2-4 and the bastion on 127.0.0.1 with LogLevel DEBUG1: its log
 * shows the direct-tcpip forwarding to each node's address and port, so the connections went
 * through the bastion the import wired in (on one machine the nodes are reachable directly too).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../contract/imports.js';
import type { Cluster, Run } from '../contract/types.js';
import { sshWorld, type SshWorld } from '../core/testing/fixtures.js';
import type { Sshd } from '../lab/sshd.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
const tag = `${process.pid % 100000}`;
const users = { nopass: `ssen${tag}`, withpass: `ssep${tag}` };
const sudoers = `/etc/sudoers.d/stackscope-e2e-${tag}`;
const nodeHosts = { ctl01: '127.0.0.2', cmp01: '127.0.0.3', cmp02: '127.0.0.4' } as const;
let w: SshWorld;
let dataDir: string;
let site: string;
let inventory: string;
let knownHosts: string;
let bastion: Sshd;
const nodes: Record<string, Sshd> = {};

/**
 * The built CLI, asynchronously: a spawnSync would stop this process from reading the sshd logs
 * while the CLI runs, and the bastion's DEBUG1 log would fill its pipe and stall the bastion.
 */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // Without STACKSCOPE_KNOWN_HOSTS: the cluster's own known_hosts setting is what is read.
  const { STACKSCOPE_KNOWN_HOSTS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [bin, '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1', STACKSCOPE_PLAYBOOKS: site } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}
const prod = async (): Promise<Cluster | undefined> => (JSON.parse((await cli(['cluster', 'list', '--json'])).stdout) as Cluster[]).find((c) => c.name === 'prod');
const hostKey = (s: Sshd): string => readFileSync(`${s.hostKeyFile}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
/** OpenSSH's HashKnownHosts form of a name: `|1|salt|HMAC-SHA1(salt, name)`, both base64. */
function hashed(name: string): string {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  execFileSync('sh', ['-c', 'command -v sudo && command -v visudo'], { stdio: 'ignore' });
  w = await sshWorld();
  dataDir = join(w.dir, 'cli-data');
  const homes = join(w.dir, 'homes');
  mkdirSync(homes);
  for (const u of Object.values(users)) execFileSync('useradd', ['--home-dir', join(homes, u), '--create-home', '--shell', '/bin/sh', u]);
  execFileSync('chpasswd', { input: `${users.withpass}:pw-${randomBytes(9).toString('hex')}\n` });
  // No password, but not locked: sshd refuses key logins to a locked account (`!` in shadow).
  execFileSync('usermod', ['-p', '*', users.nopass]);
  const drop = join(w.dir, 'sudoers');
  writeFileSync(drop, `${users.nopass} ALL=(ALL) NOPASSWD: ALL\n${users.withpass} ALL=(ALL) ALL\nDefaults:${users.withpass} lecture=never\n`, { mode: 0o440 });
  execFileSync('visudo', ['-cf', drop]);
  execFileSync('install', ['-m', '0440', drop, sudoers]);

  bastion = await w.startServer('bastion', { logLevel: 'DEBUG1' });
  for (const [name, host] of Object.entries(nodeHosts)) nodes[name] = await w.startServer(name, { host });
  // sshd reads authorized_keys as the logging-in user: let the test users reach the shared one.
  chmodSync(w.dir, 0o711);
  for (const name of Object.keys(nodeHosts)) {
    chmodSync(join(w.dir, `sshd-${name}`), 0o711);
    chmodSync(join(w.dir, `sshd-${name}`, 'authorized_keys'), 0o644);
  }

  site = join(w.dir, 'site-playbooks');
  mkdirSync(join(site, 'whoami-root'), { recursive: true });
  writeFileSync(
    join(site, 'whoami-root', 'playbook.yaml'),
    ['id: whoami-root', 'title: { en: Who am I as root, ko: root 로 누구인가 }', 'description: { en: The uid a root step runs as, ko: root 단계의 uid }', 'appliesTo: [kolla]', 'roles: [controller, compute]', 'steps:', '  - id: uid', '    title: { en: uid, ko: uid }', '    service: host', '    root: true', '    run: id -u', ''].join('\n'),
  );

  const [ctl01, cmp01, cmp02] = [nodes.ctl01, nodes.cmp01, nodes.cmp02] as [Sshd, Sshd, Sshd];
  inventory = join(w.dir, 'multinode');
  writeFileSync(
    inventory,
    [
      '# Kolla multinode, behind a bastion',
      '[control]',
      `ctl01 ansible_host=${ctl01.host} ansible_port=${ctl01.port}`,
      '',
      '[network:children]',
      'control',
      '',
      '[compute]',
      'cmp[01:02]',
      '',
      '# per-host addresses, as host_vars would give them',
      '[compute]',
      `cmp01 ansible_host=${cmp01.host} ansible_port=${cmp01.port}`,
      `cmp02 ansible_host=${cmp02.host} ansible_port=${cmp02.port}`,
      '',
      '[all:vars]',
      `ansible_user=${users.nopass}`,
      `ansible_ssh_private_key_file=${w.clientKey}`,
      'ansible_become=true',
      `ansible_ssh_common_args='-o ProxyCommand="ssh -W %h:%p -q -i ${w.clientKey} -p ${bastion.port} root@127.0.0.1"'`,
      '',
    ].join('\n'),
  );
  knownHosts = join(w.dir, 'known_hosts');
  writeFileSync(
    knownHosts,
    [
      '# the user\'s known_hosts',
      `[127.0.0.1]:${bastion.port} ${hostKey(bastion)}`,
      `${hashed(`[${ctl01.host}]:${ctl01.port}`)} ${hostKey(ctl01)}`,
      `[${cmp01.host}]:${cmp01.port} ${hostKey(cmp01)}`,
      `[${cmp02.host}]:${cmp02.port} ${hostKey(cmp02)}`,
      '',
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  rmSync(sudoers, { force: true });
  const left: string[] = [];
  for (const u of Object.values(users)) {
    // -f: a session sshd has not reaped yet must not keep the account.
    spawnSync('userdel', ['-f', '-r', u]);
    if (spawnSync('id', [u]).status === 0) left.push(u);
  }
  await w?.close();
  expect(left, 'test users left behind').toEqual([]);
});

describe('import a Kolla inventory behind a bastion, trust from known_hosts, run through sudo', async () => {
  it('previews the plan with --dry-run --json, applies with --yes, and a second import has nothing to change', async () => {
    const dry = await cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory, '--dry-run', '--json']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as ImportPlan;
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ add: 4, change: 0, same: 0, remove: 0 });
    expect(plan.nodes.map((n) => [n.name, `${n.user}@${n.host}:${n.port}`, n.roles.join(','), n.jump ?? '-', n.become?.enabled ?? false])).toEqual([
      ['127.0.0.1', `root@127.0.0.1:${bastion.port}`, '', '-', false],
      ['ctl01', `${users.nopass}@127.0.0.2:${nodes.ctl01?.port}`, 'controller,network', '127.0.0.1', true],
      ['cmp01', `${users.nopass}@127.0.0.3:${nodes.cmp01?.port}`, 'compute', '127.0.0.1', true],
      ['cmp02', `${users.nopass}@127.0.0.4:${nodes.cmp02?.port}`, 'compute', '127.0.0.1', true],
    ]);
    expect(await prod()).toBeUndefined();

    const applied = await cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory, '--yes']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Imported into prod (created): 4 added, 0 changed, 0 removed.');
    const c = (await prod()) as Cluster;
    const jump = c.nodes.find((n) => n.name === '127.0.0.1');
    expect(c.deployment).toBe('kolla');
    expect(c.nodes.filter((n) => n.jumpNodeId === jump?.id).map((n) => n.name).sort()).toEqual(['cmp01', 'cmp02', 'ctl01']);

    const again = await cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nothing to change\.$/m);
  });

  it('trusts every key from known_hosts with nothing to ask, and a root step runs through the bastion as root', async () => {
    expect((await cli(['cluster', 'update', 'prod', '--known-hosts', knownHosts])).code).toBe(0);
    const trust = await cli(['node', 'trust', 'prod', '--all']);
    expect(trust.stderr, trust.stdout).toBe('');
    expect(trust.code).toBe(0);
    expect(trust.stdout).toContain('4 of 4 node(s) already trusted (0 by Stackscope, 4 from known_hosts).');
    expect(trust.stdout).toContain('No unknown host keys to confirm.');

    const r = await cli(['run', 'whoami-root', 'prod', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const run = JSON.parse(r.stdout) as Run;
    expect(run.state).toBe('succeeded');
    expect(run.findings.map((f) => [f.severity, f.title, f.evidence.flatMap((e) => e.lines)]).sort()).toEqual([
      ['ok', 'uid on cmp01: exit 0', ['0']],
      ['ok', 'uid on cmp02: exit 0', ['0']],
      ['ok', 'uid on ctl01: exit 0', ['0']],
    ]);
    expect(run.steps.every((s) => s.commandSent.includes("sudo -n -H -u root -- /bin/sh -c"))).toBe(true);
    // The bastion forwarded to each node's own address and port.
    for (const n of Object.values(nodes)) expect(bastion.output).toMatch(new RegExp(`server_request_direct_tcpip: originator \\S+ port \\d+, target ${n.host.replace(/\./g, '\\.')} port ${n.port}\\b`));
  });

  it('a login user whose sudo asks for a password gets "sudo needs a password": could not check, never ok', async () => {
    // The inventory now logs in to cmp02 as the other user: re-importing shows and applies that one change.
    writeFileSync(inventory, readFileSync(inventory, 'utf8').replace(/^(cmp02 .*)$/m, `$1 ansible_user=${users.withpass}`));
    const changed = await cli(['cluster', 'import', 'prod', '--from', 'kolla', inventory, '--yes']);
    expect(changed.stdout).toContain(`\ncmp02: user ${users.nopass} → ${users.withpass}\n`);
    expect(changed.stdout).toContain('Imported into prod: 0 added, 1 changed, 0 removed.');
    const r = await cli(['run', 'whoami-root', 'prod', '--nodes', 'cmp02']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^! uid · cmp02 · error\\b.* · could not check uid on cmp02: sudo needs a password \\(sudo -u root as ${users.withpass} asks for a password and none was given for this session\\)$`, 'm'));
    expect(r.stdout).toContain('Could not check "uid" on cmp02: sudo needs a password');
    expect(r.stdout).toMatch(/^whoami-root on prod: 0 critical · 0 warning · 0 ok · 1 not checked · /m);
  });
});
