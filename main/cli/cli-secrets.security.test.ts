/**
 * A node's password through the CLI, which is a client of the contract like the app: the start
 * is refused with SECRET_REQUIRED, the CLI asks on the terminal (here: stdin, as `sudo -S`), gives
 * it with `secrets.provide` (checked by the contract's schema) and starts again. Against a small
 * ssh2 server that records every secret it is sent.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/fixtures.js';
import { RecordingSshServer } from '../core/testing/recording-ssh-server.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
const tmp = tempDir();
const dataDir = join(tmp.path, 'data');
let server: RecordingSshServer;

/** The CLI with `input` on stdin, not blocking this process: the ssh server it talks to runs here. */
function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--data-dir', dataDir, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  server = await new RecordingSshServer({ user: 'ops', password: 'Right-Horse-7' }).start();
  expect((await cli(['cluster', 'add', 'pw', '--deployment', 'packages'])).code).toBe(0);
  expect((await cli(['node', 'add', 'pw', 'n1', '--host', server.host, '--port', String(server.port), '--user', 'ops', '--role', 'controller', '--password-prompt'])).code).toBe(0);
});

afterAll(async () => {
  await server?.stop();
  tmp.remove();
});

describe('a password asked by the CLI', () => {
  it('is not asked to trust a host key: only the key exchange runs', async () => {
    const r = await cli(['node', 'trust', 'pw', 'n1', '--yes']);
    expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(server.received()).toEqual([]);
  });

  it('goes to that node once, and the run goes; the case log never holds it', async () => {
    const r = await cli(['exec', 'pw', '--node', 'n1', '--new-case', 'with a password', '--', 'hostname'], 'Right-Horse-7\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Password for n1: /);
    expect(r.stdout).toBe(`n1 | hello from ${server.host}:${server.port}; last answer \n`);
    expect(server.passwords).toEqual(['Right-Horse-7']);
    const log = ['', '-wal'].map((s) => join(dataDir, `caselog.sqlite${s}`)).filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(log).toContain('with a password');
    expect(log).not.toContain('Right-Horse-7');
  });

  it('none given, or one the contract refuses: exit 2 and nothing is sent', async () => {
    const before = server.received().length;
    for (const [input, said] of [
      ['', 'stackscope: no answer on standard input'],
      ['\n', 'stackscope: no password given for n1'],
      [`${'x'.repeat(5000)}\n`, 'stackscope: value: Too big: expected string to have <=4096 characters'],
    ] as const) {
      const r = await cli(['exec', 'pw', '--node', 'n1', '--new-case', 'refused', '--', 'hostname'], input);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.endsWith(`${said}\n`), r.stderr).toBe(true);
    }
    expect(server.received().length).toBe(before);
  });

  it('a wrong one: the login is refused on the node, exit 1', async () => {
    const r = await cli(['exec', 'pw', '--node', 'n1', '--new-case', 'wrong password', '--', 'hostname'], 'Wrong-Horse\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/n1 \(ops@127\.0\.0\.1:\d+\): authentication as ops with password was refused\n/);
    expect(server.passwords.at(-1)).toBe('Wrong-Horse');
  });
});
