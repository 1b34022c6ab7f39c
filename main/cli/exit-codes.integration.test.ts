/**
 * One exit-code table for every command (main/cli/exit-codes.ts, the README's "Exit codes"): each
 * class through the built CLI against a real sshd. Node ctl-1 answers; node gone is an address
 * where nothing listens. ctl-1's sshd puts a `mysql` stand-in first on PATH that prints what a
 * captured Galera node printed (playbooks/catalogue/galera-health/fixtures), so the shipped
 * galera-health playbook can find a critical problem without a database.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshWorld, type SshWorld } from '../core/testing/fixtures.js';
import { eventually, pidsMatching } from '../core/testing/processes.js';
import { freePort } from '../lab/sshd.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
const galeraFixtures = join(root, 'playbooks', 'catalogue', 'galera-health', 'fixtures');
let w: SshWorld;
let dataDir: string;
let site: string;
let goneCase: number;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', STACKSCOPE_PLAYBOOKS: site } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Each command with the code it exited with and the last line it printed on stderr, to read a failure at once. */
const codes = (runs: string[][]): Array<[string, number, string]> => runs.map((args) => {
  const r = cli(args);
  return [args.join(' '), r.code, r.stderr.trim().split('\n').at(-1) ?? ''];
});

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  w = await sshWorld();
  const stubs = join(w.dir, 'stubs');
  mkdirSync(stubs);
  // `mysql` as the node of a cluster that lost quorum: non-Primary, not ready, refusing queries.
  symlinkSync(join(galeraFixtures, 'lab-quorum-lost', 'controller-1'), join(w.dir, 'galera'));
  writeFileSync(
    join(stubs, 'mysql'),
    `#!/bin/sh\ncase "$*" in\n  *"GLOBAL STATUS"*) cat ${join(w.dir, 'galera', 'wsrep-status.out')} ;;\n  *) cat ${join(w.dir, 'galera', 'app-query.out')}; cat ${join(w.dir, 'galera', 'app-query.err')} >&2; exit 1 ;;\nesac\n`,
  );
  chmodSync(join(stubs, 'mysql'), 0o755);
  const server = await w.startServer('exit-codes', { extraConfig: [`SetEnv PATH=${stubs}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`] });
  dataDir = join(w.dir, 'cli-data');
  site = join(w.dir, 'site-playbooks');
  mkdirSync(join(site, 'uptime'), { recursive: true });
  writeFileSync(
    join(site, 'uptime', 'playbook.yaml'),
    ['id: uptime', 'title: { en: Uptime, ko: 가동 시간 }', 'description: { en: How long the node is up, ko: 노드 가동 시간 }', 'appliesTo: [packages]', 'roles: [controller]', 'steps:', '  - id: uptime', '    title: { en: Uptime, ko: 가동 시간 }', '    service: host', '    run: cat /proc/uptime', ''].join('\n'),
  );
  expect(cli(['cluster', 'add', 'lab', '--deployment', 'packages']).code).toBe(0);
  expect(cli(['node', 'add', 'lab', 'ctl-1', '--host', server.host, '--port', String(server.port), '--user', 'root', '--role', 'controller', '--key', w.clientKey]).code).toBe(0);
  expect(cli(['node', 'add', 'lab', 'gone', '--host', '127.0.0.1', '--port', String(await freePort()), '--user', 'root', '--role', 'controller', '--key', w.clientKey]).code).toBe(0);
  expect(cli(['node', 'trust', 'lab', 'ctl-1', '--yes']).code).toBe(0);
  expect(cli(['case', 'new', 'exit codes', '--cluster', 'lab']).stdout).toMatch(/^Opened case (\d+)\.\n$/);
  goneCase = Number(/(\d+)/.exec(cli(['case', 'new', 'gone node']).stdout)?.[1]);
});

afterAll(async () => {
  await w?.close();
});

// Each test starts 10 to 25 CLI processes one after another: 0.7 s each on a quiet machine, 4 to 6 s
// while a practice lab runs beside the suite (CI: 91 s for the first test at load 19).
describe('stackscope exit codes, one table for every command', { timeout: 180_000 }, () => {
  it('0: done', () => {
    expect(codes([
      ['exec', 'lab', '--node', 'ctl-1', '--', 'true'],
      ['run', 'uptime', 'lab', '--nodes', 'ctl-1'],
      ['cases', 'list'],
      ['case', 'show', '1'],
      ['report', '1', '--format', 'md', '--out', join(w.dir, 'case-1.md')],
      ['cluster', 'list', '--json'],
      ['node', 'trust', 'lab', 'ctl-1', '--yes'],
      ['--help'],
    ]).map(([args, code]) => [args, code])).toEqual([
      ['exec lab --node ctl-1 -- true', 0],
      ['run uptime lab --nodes ctl-1', 0],
      ['cases list', 0],
      ['case show 1', 0],
      [`report 1 --format md --out ${join(w.dir, 'case-1.md')}`, 0],
      ['cluster list --json', 0],
      ['node trust lab ctl-1 --yes', 0],
      ['--help', 0],
    ]);
  });

  it('1: could not run, or what ran failed', () => {
    const out = join(w.dir, 'no-such-dir', 'case-1.md');
    const r = codes([
      ['exec', 'lab', '--node', 'ctl-1', '--', 'exit 4'],
      ['exec', 'lab', '--node', 'gone', '--case', String(goneCase), '--', 'true'],
      ['node', 'trust', 'lab', 'gone', '--yes'],
      ['run', 'uptime', 'lab', '--case', String(goneCase)],
      ['report', '1', '--format', 'md', '--out', out],
    ]);
    expect(r.map(([args, code]) => [args, code])).toEqual(r.map(([args]) => [args, 1]));
    expect(r[1]?.[2]).toMatch(/^run \d+ failed; see it again/);
    expect(r[2]?.[2]).toMatch(/^stackscope: gone \(root@127\.0\.0\.1:\d+\): connection refused; is sshd running/);
    expect(r[4]?.[2]).toBe(`stackscope: cannot write ${out}: ENOENT: no such file or directory, open '${out}'`);
    // A run that could not reach every node says so, and what it did find.
    expect(cli(['run', 'uptime', 'lab', '--case', String(goneCase)]).stdout).toMatch(/1 not checked/);
  });

  it('1: Ctrl-C cancels the run and stops the remote command', async () => {
    const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'exec', 'lab', '--node', 'ctl-1', '--case', String(goneCase), '--', 'echo started; sleep 600.3131'], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('ctl-1 | started\n')) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stderr).toContain('\ncancelling: stopping the remote commands…\n');
    expect(stderr).toMatch(/run \d+ cancelled; see it again/);
    expect(await eventually(() => pidsMatching('sleep 600.3131'), (p) => p.length === 0)).toEqual([]);
  });

  it('2: bad input, nothing ran', () => {
    const r = codes([
      ['exec', 'nope', '--role', 'compute', '--', 'ls'],
      ['exec', 'lab', '--node', 'ghost', '--', 'ls'],
      ['exec', 'lab', '--bogus-flag'],
      ['exec', 'lab', '--node', 'ctl-1', '--case', '999', '--', 'ls'],
      ['exec', 'lab', '--node', 'ctl-1', '--new-case', 'x'.repeat(201), '--', 'ls'],
      ['node', 'add', 'lab', 'x', '--host', 'a b', '--user', 'root', '--role', 'compute', '--agent'],
      ['node', 'remove', 'lab', 'ghost'],
      ['cluster', 'add', 'lab', '--deployment', 'packages'],
      ['case', 'status', '1', 'fixed'],
      ['report', '4242', '--format', 'md', '--out', join(w.dir, 'x.md')],
      ['run', 'no-such-playbook', 'lab'],
      ['run', 'galera-health', 'lab', '--param', 'expected_size=many'],
      ['playbooks', 'show', 'no-such-playbook'],
      ['lab', 'status'],
      ['serve', '--port', '70000'],
      ['--connect-timeout', '0', 'cases', 'list'],
    ]);
    expect(r.map(([args, code]) => [args, code])).toEqual(r.map(([args]) => [args, 2]));
    expect(r.map(([, , line]) => line)).toEqual([
      'stackscope: unknown cluster "nope" (known: lab)',
      'stackscope: cluster lab has no node "ghost" (nodes: ctl-1, gone)',
      '(run with --help for usage)',
      'stackscope: case 999 does not exist (stackscope cases list)',
      'stackscope: --new-case: Too big: expected string to have <=200 characters',
      'stackscope: --host: must be a hostname or IP address',
      'stackscope: cluster lab has no node "ghost" (nodes: ctl-1, gone)',
      'stackscope: a cluster named "lab" already exists',
      expect.stringMatching(/^stackscope: status: .*"open"\|"mitigated"\|"resolved"/),
      'stackscope: case 4242 does not exist',
      expect.stringMatching(/^stackscope: no playbook no-such-playbook; known: ([a-z0-9-]+, )*galera-health, /),
      expect.stringMatching(/^stackscope: galera-health on lab: parameter "expected_size"/),
      expect.stringMatching(/^stackscope: no playbook no-such-playbook; known: ([a-z0-9-]+, )*galera-health, /),
      expect.stringMatching(/^stackscope: no lab is up for .*; start one with: stackscope lab up$/),
      'stackscope: --port must be a whole number from 0 to 65535, got "70000"',
      'stackscope: --connect-timeout must be a positive number of seconds, got "0"',
    ]);
    expect(existsSync(join(w.dir, 'x.md'))).toBe(false);
  });

  it('3: a critical finding', () => {
    const r = cli(['run', 'galera-health', 'lab', '--param', 'expected_size=1']);
    expect(r.code, r.stderr + r.stdout).toBe(3);
    expect(r.stdout).toMatch(/^CRITICAL/m);
    expect(r.stdout).toMatch(/galera-health on lab: [1-9]\d* critical/);
    const json = cli(['run', 'galera-health', 'lab', '--param', 'expected_size=1', '--json']);
    expect(json.code).toBe(3);
    expect((JSON.parse(json.stdout) as { findings: Array<{ severity: string }> }).findings.some((f) => f.severity === 'critical')).toBe(true);
  });
});
