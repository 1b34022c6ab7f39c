/**
 * sudo for the steps that need root (become), on a real sshd with two real users made for the
 * test: one with passwordless sudo (a NOPASSWD drop-in in /etc/sudoers.d, checked by visudo -cf),
 * one whose sudo asks for a password. The first runs a `root: true` step as root; the second gets
 * a could-not-check finding saying sudo needs a password, then runs once the sudo password is
 * given for the session, and that password is nowhere in the data dir afterwards. Hostile: a
 * become user with shell syntax is refused; a script with quotes, newlines and $() passes through
 * `sudo sh -c` byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import type { LoadedPlaybook } from '../../playbooks/engine/loader.js';
import type { StepDef } from '../../playbooks/engine/types.js';
import type { Cluster, ClusterNode, Run, RunFinding } from '../contract/types.js';
import { stepPrivilege, sudoRefusal } from './become.js';
import { shellQuote } from '../../playbooks/engine/shell.js';
import { wrapSudoCommand } from './ssh/shell.js';
import { sshWorld, type SshWorld } from './testing/fixtures.js';
import { eventually, pidsMatching } from './testing/processes.js';

const tag = `${process.pid % 100000}`;
const users = { nopass: `ssnp${tag}`, withpass: `sspw${tag}` };
const sudoPassword = `sudo-${Math.random().toString(36).slice(2)}-Qv7`;
const sudoers = `/etc/sudoers.d/stackscope-test-${tag}`;
let w: SshWorld;
let homes: string;

function step(id: string, run: string, root = true): StepDef {
  return { id, title: { en: id, ko: id }, service: 'host', run, on: 'each', timeoutSec: 30, mutating: false, root };
}

function playbook(...steps: StepDef[]): LoadedPlaybook {
  return {
    def: { id: 'become-test', title: { en: 'become', ko: 'become' }, description: { en: 'x', ko: 'x' }, appliesTo: ['packages'], roles: ['controller'], params: [], steps },
    file: '(test)',
    analyze: exitCodeAnalyzer,
  };
}

async function runOn(cluster: Cluster, node: ClusterNode, pb: LoadedPlaybook): Promise<{ run: Run; findings: RunFinding[] }> {
  const c = w.core.inventory.cluster(cluster.id);
  const caseId = w.core.repos.cases.create(`become ${node.name}`, 'info', c.id);
  const started = w.core.playbooks.startLoaded({ caseId, cluster: c, params: {}, nodeNames: [node.name], allowMutating: false }, pb);
  await w.core.runs.wait(started.id);
  const run = w.core.repos.runs.get(started.id);
  if (!run) throw new Error('run missing');
  return { run, findings: w.core.repos.runs.findings.ofRun(run.id) };
}

beforeAll(async () => {
  w = await sshWorld({ connectTimeoutMs: 3000 });
  execFileSync('sh', ['-c', 'command -v sudo && command -v visudo'], { stdio: 'ignore' });
  homes = join(w.dir, 'homes');
  execFileSync('mkdir', ['-p', homes]);
  for (const u of Object.values(users)) execFileSync('useradd', ['--home-dir', join(homes, u), '--create-home', '--shell', '/bin/sh', u]);
  execFileSync('chpasswd', { input: `${users.withpass}:${sudoPassword}\n` });
  // No password, but not locked either: sshd refuses key logins to a locked account (`!` in shadow).
  execFileSync('usermod', ['-p', '*', users.nopass]);
  const drop = join(w.dir, 'sudoers');
  writeFileSync(drop, `${users.nopass} ALL=(ALL) NOPASSWD: ALL\n${users.withpass} ALL=(ALL) ALL\nDefaults:${users.withpass} lecture=never\n`, { mode: 0o440 });
  execFileSync('visudo', ['-cf', drop]);
  execFileSync('install', ['-m', '0440', drop, sudoers]);
});

afterAll(async () => {
  rmSync(sudoers, { force: true });
  await w?.core.close();
  const left: string[] = [];
  for (const u of Object.values(users)) {
    // -f: a session sshd has not reaped yet must not keep the account.
    spawnSync('userdel', ['-f', '-r', u]);
    if (spawnSync('id', [u]).status === 0) left.push(u);
  }
  await w?.close();
  expect(left, 'test users left behind').toEqual([]);
});

describe('become: root steps through sudo on a real sshd', () => {
  let server: Awaited<ReturnType<SshWorld['startServer']>>;
  let cluster: Cluster;
  const nodes: Record<string, ClusterNode> = {};

  beforeAll(async () => {
    server = await w.startServer('become');
    // sshd reads authorized_keys as the logging-in user: let the test users reach the shared one.
    for (const p of [w.dir, join(w.dir, 'sshd-become')]) chmodSync(p, 0o711);
    chmodSync(join(w.dir, 'sshd-become', 'authorized_keys'), 0o644);
    cluster = w.core.inventory.addCluster({ name: 'sudo-lab', deployment: 'packages', become: { enabled: true, user: 'root', password: false } });
    const add = async (name: string, user: string, c = cluster): Promise<ClusterNode> => {
      const n = w.core.inventory.addNode({ clusterId: c.id, name, host: server.host, port: server.port, user, roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
      await w.core.hostKeys.trust(n.id, (await w.core.hostKeys.probe(n.id)).fingerprint);
      return w.core.inventory.node(n.id);
    };
    nodes.nopass = await add('np-1', users.nopass);
    nodes.withpass = await add('pw-1', users.withpass);
    const off = w.core.inventory.addCluster({ name: 'no-sudo', deployment: 'packages' });
    nodes.off = await add('off-1', users.nopass, off);
  });

  it('runs a root step as root where sudo needs no password; a step that does not need root stays the login user', async () => {
    const { run, findings } = await runOn(cluster, nodes.nopass as ClusterNode, playbook(step('whoami', 'id -u; head -c 0 /etc/shadow && echo shadow-readable'), step('plain', 'id -un', false)));
    const [root, plain] = run.steps;
    expect(root, root?.error ?? '').toMatchObject({ state: 'succeeded', stdout: '0\nshadow-readable\n' });
    expect(root?.commandSent).toContain(`sudo -n -H -u ${shellQuote('root')} -- /bin/sh -c`);
    expect(plain).toMatchObject({ state: 'succeeded', stdout: `${users.nopass}\n` });
    expect(plain?.commandSent).not.toContain('sudo');
    expect(findings.filter((f) => f.check === 'engine.could-not-check')).toEqual([]);
  });

  it('says "sudo needs a password" where sudo asks for one and none was given: could not check, never ok', async () => {
    const { run, findings } = await runOn(cluster, nodes.withpass as ClusterNode, playbook(step('whoami', 'id -u')));
    expect(run.steps[0]).toMatchObject({ state: 'error', stdout: '' });
    expect(run.steps[0]?.error).toBe(`could not check whoami on pw-1: sudo needs a password (sudo -u root as ${users.withpass} asks for a password and none was given for this session)`);
    const f = findings.find((x) => x.check === 'engine.could-not-check');
    expect(f).toMatchObject({ status: 'SKIPPED', severity: 'warning', title: 'Could not check "whoami" on pw-1: sudo needs a password' });
    expect(f?.nextStep).toContain('stackscope cluster update sudo-lab --become --become-password');
    expect(findings.some((x) => x.severity === 'ok')).toBe(false);
    expect(run.state).toBe('failed');
  });

  it('asks for the sudo password once the cluster says sudo needs one, runs with it on stdin, and stores it nowhere', async () => {
    const d = w.core.dispatch.bind(w.core);
    const updated = await d('clusters.update', { id: cluster.id, become: { enabled: true, user: 'root', password: true } });
    expect(updated.ok).toBe(true);
    const node = nodes.withpass as ClusterNode;
    expect(w.core.missingSecrets([w.core.inventory.node(node.id)], { sudo: true })).toEqual([{ nodeId: node.id, nodeName: 'pw-1', kind: 'sudo' }]);
    // A wrong one: sudo's refusal is named, and the session forgets it so the next run asks again.
    expect((await d('secrets.provide', { nodeId: node.id, kind: 'sudo', value: 'not-the-password', remember: false })).ok).toBe(true);
    const wrong = await runOn(cluster, node, playbook(step('whoami', 'id -u')));
    expect(wrong.run.steps[0]?.error).toMatch(/^could not check whoami on pw-1: sudo refused the password given for this session/);
    expect(w.core.missingSecrets([w.core.inventory.node(node.id)], { sudo: true })).toHaveLength(1);

    // `remember: true` is ignored for a sudo password: the session only.
    expect((await d('secrets.provide', { nodeId: node.id, kind: 'sudo', value: sudoPassword, remember: true })).ok).toBe(true);
    expect(w.core.missingSecrets([w.core.inventory.node(node.id)], { sudo: true })).toEqual([]);
    const { run, findings } = await runOn(cluster, node, playbook(step('whoami', 'id -u; cat </dev/stdin; echo end')));
    expect(run.steps[0], run.steps[0]?.error ?? '').toMatchObject({ state: 'succeeded', stdout: '0\nend\n' });
    expect(run.steps[0]?.commandSent).toMatch(/\nsudo -S -p '\\'''\\'' -H -u root -- \/bin\/sh -c /);
    expect(findings.filter((f) => f.check === 'engine.could-not-check')).toEqual([]);
    // Output that echoes it (a step printing what it was given) is redacted.
    const echo = await runOn(cluster, node, playbook(step('echo', `echo 'got ${sudoPassword}'`)));
    expect(echo.run.steps[0]?.stdout).toBe('got [REDACTED]\n');

    w.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const dataFiles = files(join(w.dir, 'data'));
    expect(dataFiles.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const f of dataFiles) expect(readFileSync(f).includes(Buffer.from(sudoPassword)), `${f} contains the sudo password`).toBe(false);
    expect(existsSync(join(w.dir, 'data'))).toBe(true);
  });

  it('where become is off and the login is not root, a root step still runs and its failure says it needs root', async () => {
    const { run, findings } = await runOn(w.core.inventory.clusterByName('no-sudo'), nodes.off as ClusterNode, playbook(step('shadow', 'cat /etc/shadow >/dev/null')));
    expect(run.steps[0]?.commandSent).not.toContain('sudo');
    expect(run.steps[0]?.error).toMatch(/^could not check shadow on off-1: needs root: enable become \(sudo\) for this cluster \(logged in as ssnp\d+, which is not root; exit 1\)$/);
    expect(findings.find((f) => f.check === 'engine.could-not-check')?.title).toBe('Could not check "shadow" on off-1: needs root: enable become (sudo) for this cluster');
  });

  it('stops a root step at its timeout: sudo passes the stop on, and nothing it started outlives it', async () => {
    const pb = playbook({ ...step('hang', 'echo started; sleep 61.25; echo never'), timeoutSec: 2 });
    const { run } = await runOn(cluster, nodes.nopass as ClusterNode, pb);
    expect(run.steps[0]).toMatchObject({ state: 'timeout', stdout: 'started\n' });
    expect(await eventually(() => pidsMatching('sleep 61.25'), (pids) => pids.length === 0)).toEqual([]);
  });

  it('stops a step of a login user whose shell is dash at its timeout (the group kill is spelled the way dash takes it)', async () => {
    const pb = playbook({ ...step('hang', 'echo started; sleep 61.5; echo never', false), timeoutSec: 2 });
    const { run } = await runOn(w.core.inventory.clusterByName('no-sudo'), nodes.off as ClusterNode, pb);
    expect(run.steps[0]).toMatchObject({ state: 'timeout', stdout: 'started\n' });
    expect(await eventually(() => pidsMatching('sleep 61.5'), (pids) => pids.length === 0)).toEqual([]);
  });

  it('passes a script with quotes, newlines, $() and backticks through sudo sh -c byte for byte, running none of it', async () => {
    const marker = join(w.dir, 'pwned');
    const payload = `it's "quoted" \\ back\\slash\n$(touch ${marker}) \`touch ${marker}\` $HOME ';' "'" \t tab\n\nlast line '`;
    const script = `cat <<'STACKSCOPE_EOF'\n${payload}\nSTACKSCOPE_EOF`;
    const { run } = await runOn(cluster, nodes.nopass as ClusterNode, playbook(step('payload', script)));
    expect(run.steps[0], run.steps[0]?.error ?? '').toMatchObject({ state: 'succeeded', stdout: `${payload}\n` });
    expect(existsSync(marker)).toBe(false);
  });
});

describe('become: hostile input', () => {
  const hostileUsers = ['root; touch /tmp/x', '$(id)', '`id`', "ro'ot", 'ro ot', '-oroot', '--', 'root\n', '', 'a'.repeat(33), '.hidden', '1abc'];

  it.each(hostileUsers)('clusters and nodes refuse the become user %j', async (user) => {
    const c = await w.core.dispatch('clusters.add', { name: 'hostile', deployment: 'packages', become: { enabled: true, user } });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error.message).toMatch(/^clusters\.add: become\.user: must/);
    const kept = w.core.inventory.list().find((x) => x.name === 'kept') ?? w.core.inventory.addCluster({ name: 'kept', deployment: 'packages' });
    const u = await w.core.dispatch('clusters.update', { id: kept.id, become: { enabled: true, user } });
    expect(u.ok).toBe(false);
    const n = await w.core.dispatch('nodes.add', { clusterId: kept.id, name: 'n1', host: '127.0.0.1', user: 'ops', roles: ['controller'], auth: { method: 'agent' }, become: { enabled: true, user } });
    expect(n.ok).toBe(false);
    const node = w.core.inventory.cluster(kept.id).nodes.find((x) => x.name === 'ok-1') ?? w.core.inventory.addNode({ clusterId: kept.id, name: 'ok-1', host: '127.0.0.1', port: 22, user: 'ops', roles: ['controller'], auth: { method: 'agent' }, jumpNodeId: null });
    const nu = await w.core.dispatch('nodes.update', { id: node.id, become: { enabled: true, user } });
    expect(nu.ok).toBe(false);
    if (!nu.ok) expect(nu.error.message).toMatch(/^nodes\.update: become\.user: must/);
    expect(w.core.inventory.node(node.id).become).toBeNull();
    expect(w.core.inventory.cluster(kept.id).become).toEqual({ enabled: false, user: 'root', password: false });
  });

  it('refuses unknown become fields and a non-boolean enabled', async () => {
    expect((await w.core.dispatch('clusters.add', { name: 'h2', deployment: 'packages', become: { enabled: true, user: 'root', command: 'su' } })).ok).toBe(false);
    expect((await w.core.dispatch('clusters.add', { name: 'h3', deployment: 'packages', become: { enabled: 'yes' } })).ok).toBe(false);
  });

  it('quotes the become user and the script as single shell words, and never puts the password in the command', () => {
    const p = stepPrivilege({ cluster: { name: 'c', become: { enabled: true, user: 'svc.admin', password: true } }, node: { name: 'n', user: 'ops', become: null }, step: 's', command: 'echo "$(id)"', root: true, sudoPassword: "p'w $(x)" });
    expect(p.commandSent).not.toContain("p'w");
    expect(p.stdin).toBe("p'w $(x)\n");
    expect(p.commandSent).toBe(wrapSudoCommand('echo "$(id)"', 'svc.admin', true));
    // The outer script, unquoted once by the remote login shell, runs sudo with these exact words.
    const argv = execFileSync('/bin/sh', ['-c', `set -- ${p.commandSent.replace(/^exec \/bin\/sh -c /, '')}; printf '%s' "$1"`], { encoding: 'utf8' });
    expect(argv).toContain(`sudo -S -p '' -H -u ${shellQuote('svc.admin')} -- /bin/sh -c `);
    expect(argv).toContain(shellQuote(`exec </dev/null\ntrap 'trap - TERM; kill -TERM 0' TERM\n/bin/sh -c ${shellQuote('echo "$(id)"')} &\nwait $!`));
  });

  it("reads sudo's refusals and nothing else as sudo's", () => {
    expect(sudoRefusal('sudo: a password is required\n')).toBe('password');
    expect(sudoRefusal('sudo: a terminal is required to read the password; either use the -S option\n')).toBe('tty');
    expect(sudoRefusal('ops is not in the sudoers file.  This incident will be reported.\n')).toBe('not-allowed');
    expect(sudoRefusal('Sorry, try again.\nsudo: 1 incorrect password attempt\n')).toBe('wrong-password');
    expect(sudoRefusal('sh: 1: sudo: not found\n')).toBe('missing');
    expect(sudoRefusal('ERROR 2002 (HY000): Can\'t connect to local server through socket\n')).toBeNull();
  });
});
