import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/core.js';
import { sshWorld, type SshWorld } from '../core/testing/fixtures.js';
import { eventually, pidsMatching } from '../core/testing/processes.js';
import type { Sshd } from '../lab/sshd.js';
import { sitePlaybookYaml } from '../../playbooks/engine/testing/site-playbook.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
let w: SshWorld;
let server: Sshd;
let dataDir: string;

function cli(args: string[], input = '', env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  w = await sshWorld();
  server = await w.startServer('cli');
  dataDir = join(w.dir, 'cli-data');
});

afterAll(async () => {
  await w?.close();
});

// Each test starts 10 to 25 CLI processes one after another: 0.7 s each on a quiet machine, 4 to 6 s
// while a practice lab runs beside the suite (CI: 91 s for the first test at load 19).
describe('stackscope CLI', { timeout: 180_000 }, () => {
  it('adds a cluster and a node, trusts its key and runs a command on it', () => {
    expect(cli(['cluster', 'add', 'lab', '--deployment', 'packages']).code).toBe(0);
    const add = cli(['node', 'add', 'lab', 'ctl-1', '--host', server.host, '--port', String(server.port), '--user', 'root', '--role', 'controller', '--key', w.clientKey]);
    expect(add.code).toBe(0);
    const untrusted = cli(['exec', 'lab', '--node', 'ctl-1', '--', 'hostname']);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(/ctl-1 .*host key SHA256:\S+ is not trusted yet/);
    const refused = cli(['node', 'trust', 'lab', 'ctl-1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not trusted \(no terminal to ask: add --yes\)/);
    const trust = cli(['node', 'trust', 'lab', 'ctl-1', '--yes']);
    expect(trust.code).toBe(0);
    expect(trust.stdout).toMatch(/presents ssh-ed25519 key SHA256:[A-Za-z0-9+/]{43}/);

    const ok = cli(['exec', 'lab', '--role', 'controller', '--new-case', 'cli smoke', '--', 'echo', 'hello-from-cli']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('ctl-1 | hello-from-cli\n');
    const smoke = (JSON.parse(cli(['cases', 'list', '--json']).stdout) as Array<{ id: number; title: string }>).find((c) => c.title === 'cli smoke');
    const failing = cli(['exec', 'lab', '--node', 'ctl-1', '--case', String(smoke?.id), '--', 'exit 4']);
    expect(failing.code).toBe(1);

    const cases = JSON.parse(cli(['cases', 'list', '--json']).stdout) as Array<{ id: number; title: string; runCount: number }>;
    expect(cases.find((c) => c.title === 'cli smoke')?.runCount).toBe(2);
    const detail = JSON.parse(cli(['case', 'show', String(smoke?.id), '--json']).stdout) as { runs: Array<{ steps: Array<{ stdout: string; exitCode: number }> }> };
    expect(detail.runs.map((r) => r.steps[0]?.exitCode)).toEqual([0, 4]);
    expect(detail.runs[0]?.steps[0]?.stdout).toBe('hello-from-cli\n');

    // The app's search, from the CLI: the case by its output, the line, and by its title.
    cli(['exec', 'lab', '--node', 'ctl-1', '--case', String(smoke?.id), '--', 'printf "start\\nneedle-7 found\\nend\\n"']);
    const found = cli(['cases', 'search', 'needle', '7']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(`case ${smoke?.id} (cli smoke) · ctl-1 · $ printf`);
    expect(found.stdout).toMatch(/stdout line 2 \(step \d+\)\n {2}»needle-7« found\n/); // neighbouring hits read as one
    expect(cli(['cases', 'search', 'smoke']).stdout).toContain(`case ${smoke?.id} (cli smoke) · title`);
    expect(JSON.parse(cli(['cases', 'search', 'needle', '--json']).stdout)).toMatchObject([{ where: 'output', line: 2, stream: 'stdout' }]);
  });

  it('answers bad input with one line naming what is wrong', () => {
    const cases: Array<[string[], RegExp]> = [
      [['exec', 'nope', '--role', 'compute', '--', 'ls'], /^stackscope: unknown cluster "nope" \(known: lab\)\n$/],
      [['exec', 'lab', '--node', 'ghost', '--', 'ls'], /^stackscope: cluster lab has no node "ghost" \(nodes: ctl-1\)\n$/],
      [['node', 'add', 'lab', 'x', '--host', 'h', '--user', 'u', '--role', 'boss', '--agent'], /^stackscope: --role "boss" is not a role/],
      [['node', 'add', 'lab', 'y', '--host', 'h', '--user', 'u', '--role', 'compute', '--key', '/nonexistent/key'], /private key file \/nonexistent\/key does not exist/],
      [['exec', 'lab', '--node', 'ctl-1', '--case', '999', '--', 'ls'], /case 999 does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(cli(['exec', 'lab', '--bogus-flag']).stderr).toMatch(/unknown option '--bogus-flag'/);
  });

  it('keeps what arrived when the process dies mid-run, and marks the run interrupted at next start', async () => {
    const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'exec', 'lab', '--node', 'ctl-1', '--new-case', 'crash', '--', 'echo before-crash; sleep 600.8181'], {
      stdio: 'ignore',
    });
    const file = join(dataDir, 'caselog.sqlite');
    // Wait until the streamed line is durable in the case log, then kill the CLI without warning.
    await eventually(
      () => {
        const db = new Database(file, { readonly: true });
        try {
          return (db.prepare("SELECT COUNT(*) AS n FROM output_text WHERE text LIKE '%before-crash%'").get() as { n: number }).n;
        } finally {
          db.close();
        }
      },
      (n) => n > 0,
      20_000,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    execFileSync('pkill', ['-f', 'sleep 600.8181']);
    await eventually(() => pidsMatching('sleep 600.8181'), (p) => p.length === 0);

    const core = createCore({ dataDir, mode: 'cli' });
    try {
      const crash = core.repos.cases.list().find((c) => c.title === 'crash');
      const run = core.repos.runs.ofCase(crash?.id ?? 0)[0];
      expect(run?.state).toBe('interrupted');
      expect(run?.steps[0]).toMatchObject({ state: 'interrupted', stdout: 'before-crash\n' });
    } finally {
      await core.close();
    }
  });

  it('keeps the case list clean: refused input opens nothing, a run joins the only recent open case, whose severity follows its findings', () => {
    const site = join(w.dir, 'tidy-playbooks');
    mkdirSync(join(site, 'fails'), { recursive: true });
    writeFileSync(join(site, 'fails', 'playbook.yaml'), sitePlaybookYaml('fails', 'echo broken >&2\nexit 1', { paramDefault: 'none' }));
    const env = { STACKSCOPE_PLAYBOOKS: site };
    type Listed = { id: number; title: string; severity: string; status: string; clusterId: number | null };
    const listed = (): Listed[] => JSON.parse(cli(['cases', 'list', '--json']).stdout) as Listed[];
    expect(cli(['cluster', 'add', 'tidy', '--deployment', 'packages']).code).toBe(0);
    expect(cli(['node', 'add', 'tidy', 't-1', '--host', server.host, '--port', String(server.port), '--user', 'root', '--role', 'controller', '--key', w.clientKey]).code).toBe(0);
    expect(cli(['node', 'trust', 'tidy', 't-1', '--yes']).code).toBe(0);

    const before = listed().length;
    for (const args of [
      ['run', 'galera-healthh', 'tidy'],
      ['run', 'galera-health', 'tidy', '--param', 'expected_size=three'],
      ['run', 'galera-health', 'tidy', '--nodes', 'nope'],
      ['exec', 'tidy', '--role', 'compute', '--', 'true'],
    ]) {
      const r = cli(args, '', env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
    }
    expect(listed().length).toBe(before);

    const first = cli(['exec', 'tidy', '--node', 't-1', '--', 'true'], '', env);
    expect(first.code, first.stderr).toBe(0);
    const opened = listed().filter((c) => c.title.startsWith('exec on tidy'));
    expect(opened).toHaveLength(1);
    expect(opened[0]?.severity).toBe('info');
    const again = cli(['run', 'fails', 'tidy'], '', env);
    expect(again.stderr).toContain(`adding to case ${opened[0]?.id} "exec on tidy: true", the only open case on this cluster active in the last 12 hours`);
    expect(listed().length).toBe(before + 1);
    // Opened by a run, not by a person: its severity follows its worst finding (the failed step).
    expect(listed().find((c) => c.id === opened[0]?.id)?.severity).toBe('warning');

    // Two recent open cases: which one is meant is not guessed, a new one is opened.
    expect(cli(['exec', 'tidy', '--node', 't-1', '--new-case', 'second', '--', 'true'], '', env).code).toBe(0);
    const third = cli(['exec', 'tidy', '--node', 't-1', '--', 'true'], '', env);
    expect(third.stderr).not.toContain('adding to case');
    expect(listed().length).toBe(before + 3);

    // case show leads with the findings; what a step printed only with --output.
    const shown = cli(['case', 'show', String(opened[0]?.id)], '', env);
    const at = (re: RegExp): number => shown.stdout.split('\n').findIndex((l) => re.test(l));
    expect(at(/^WARNING\s+show on t-1: exit 1/)).toBeGreaterThan(0);
    expect(at(/^RUNS/)).toBeGreaterThan(at(/^WARNING/));
    expect(shown.stdout).toMatch(/^show · t-1\s+failed\s+exit 1/m);
    expect(shown.stdout).not.toContain('--- t-1');
    expect(cli(['case', 'show', String(opened[0]?.id), '--output'], '', env).stdout).toContain('--- t-1 (failed, exit 1) ---');

    // Old empty cases go in one command; a case with runs stays.
    expect(cli(['case', 'new', 'nothing', 'here', '--cluster', 'tidy']).code).toBe(0);
    expect(cli(['cases', 'close', '--older-than', 'soon']).stderr).toMatch(/--older-than "soon" must be a number and a unit/);
    const dry = cli(['cases', 'close', '--older-than', '0m', '--empty', '--dry-run']);
    expect(dry.stdout).toMatch(/^Would resolve \d+ case\(s\):/);
    expect(dry.stdout).toContain('nothing here');
    const closed = cli(['cases', 'close', '--older-than', '0m', '--empty']);
    expect(closed.code, closed.stderr).toBe(0);
    const after = listed();
    expect(after.find((c) => c.title === 'nothing here')).toMatchObject({ status: 'resolved' });
    expect(after.find((c) => c.id === opened[0]?.id)).toMatchObject({ status: 'open' });
  });
});
