/**
 * Attacks through the real CLI against a real sshd node (issue 12): a site playbook whose
 * parameter would run as code (item 12), and remote output that would drive the operator's
 * terminal (item 14).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshWorld, type SshWorld } from '../core/testing/fixtures.js';
import { sitePlaybookYaml } from '../../playbooks/engine/testing/site-playbook.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
let w: SshWorld;
let dataDir: string;
let site: string;

/** Anything a terminal would act on: C0 but tab/newline, DEL, C1, bidi controls. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', STACKSCOPE_PLAYBOOKS: site } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function sitePlaybook(id: string, run: string): string {
  const file = join(site, id, 'playbook.yaml');
  mkdirSync(join(site, id), { recursive: true });
  writeFileSync(file, sitePlaybookYaml(id, run, { paramDefault: 'none' }));
  return file;
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  w = await sshWorld();
  const server = await w.startServer('cli-security');
  dataDir = join(w.dir, 'cli-data');
  site = join(w.dir, 'site-playbooks');
  mkdirSync(site);
  expect(cli(['cluster', 'add', 'lab', '--deployment', 'packages']).code).toBe(0);
  expect(cli(['node', 'add', 'lab', 'ctl-1', '--host', server.host, '--port', String(server.port), '--user', 'root', '--role', 'controller', '--key', w.clientKey]).code).toBe(0);
  expect(cli(['node', 'trust', 'lab', 'ctl-1', '--yes']).code).toBe(0);
});

afterAll(async () => {
  await w?.close();
});

describe('a site playbook parameter never runs as code', () => {
  it('refuses to run a step with {{x}} in a here-document, and nothing runs', () => {
    const pwn = sitePlaybook('pwn', 'cat <<EOF\nvalue: {{x}}\nEOF');
    const marker = join(w.dir, 'pwned');
    const r = cli(['run', 'pwn', 'lab', '--param', `x=$(touch ${marker})`]);
    expect(existsSync(marker)).toBe(false);
    expect(r.stderr).toContain(`stackscope: playbook pwn failed to load: ${pwn}:14:14: step "show" puts {{x}} inside a here-document`);
    expect(r.code).toBe(2); // bad input: a playbook that does not load (main/cli/exit-codes.ts)
    expect(cli(['playbooks', 'list']).stderr).toContain(`not loaded: ${pwn}:14:14: `);
  });

  it('runs the same here-document through a variable, and the value stays text', () => {
    sitePlaybook('safe', 'x={{x}}\ncat <<EOF\nvalue: $x\nEOF');
    const marker = join(w.dir, 'pwned-safe');
    const r = cli(['run', 'safe', 'lab', '--param', `x=$(touch ${marker})`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const run = JSON.parse(r.stdout) as { caseId: number };
    const shown = JSON.parse(cli(['case', 'show', String(run.caseId), '--json']).stdout) as { runs: Array<{ steps: Array<{ stdout: string }> }> };
    expect(shown.runs[0]?.steps[0]?.stdout).toBe(`value: $(touch ${marker})\n`);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('remote output never drives the terminal', () => {
  // OSC 52 (clipboard), OSC 0 (title), erase line + CR overwrite, a CRLF end, C1 CSI, bidi override.
  const printf = String.raw`printf '\033]52;c;ZXZpbA==\a\033]0;title\a\033[2K\rfake\r\n\302\233\342\200\256tail\n'`;
  const raw = '\u001b]52;c;ZXZpbA==\u0007\u001b]0;title\u0007\u001b[2K\rfake\r\n\u009b\u202etail\n';
  const shown = ['\\x1b]52;c;ZXZpbA==\\x07\\x1b]0;title\\x07\\x1b[2K\\x0dfake', '\\x9b\\u202etail'];
  let exec: ReturnType<typeof cli>;
  let caseId: number;
  beforeAll(() => {
    exec = cli(['exec', 'lab', '--node', 'ctl-1', '--new-case', 'osc \u001b]0;evil\u0007 case', '--', printf]);
    const list = JSON.parse(cli(['cases', 'list', '--json']).stdout) as Array<{ id: number; title: string }>;
    caseId = list.find((c) => c.title.startsWith('osc '))?.id ?? 0;
  });

  it('exec streams it as visible text', () => {
    expect(exec.code, exec.stderr).toBe(0);
    expect(exec.stdout).toBe(`ctl-1 | ${shown[0]}\nctl-1 | ${shown[1]}\n`);
    expect(exec.stderr).not.toMatch(ACTIVE);
  });

  it('case show, cases list and --json keep it readable and inert', () => {
    expect(caseId).toBeGreaterThan(0);
    const show = cli(['case', 'show', String(caseId), '--output']);
    expect(show.stdout).not.toMatch(ACTIVE);
    expect(show.stdout).toContain(`Case ${caseId}: osc \\x1b]0;evil\\x07 case`);
    expect(show.stdout).toContain(`${shown[0]}\n${shown[1]}`);
    const list = cli(['cases', 'list']);
    expect(list.stdout).not.toMatch(ACTIVE);
    expect(list.stdout).toContain('osc \\x1b]0;evil\\x07 case');
    const json = cli(['case', 'show', String(caseId), '--json']);
    expect(json.stdout).not.toMatch(ACTIVE);
    expect((JSON.parse(json.stdout) as { runs: Array<{ steps: Array<{ stdout: string }> }> }).runs[0]?.steps[0]?.stdout).toBe(raw);
  });

  it('cases search shows a snippet without the escapes acting', () => {
    const r = cli(['cases', 'search', 'ZXZpbA']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stdout).toContain('\\x1b]52;c;');
  });

  it('run prints a finding quoting the output without the escapes acting', () => {
    sitePlaybook('noisy', `${printf} >&2\nexit 3`);
    const r = cli(['run', 'noisy', 'lab']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ACTIVE);
    expect(r.stderr).not.toMatch(ACTIVE);
    expect(r.stdout).toContain(`| ${shown[0]}`);
    expect(r.stdout).toContain(`| ${shown[1]}`);
  });
});
