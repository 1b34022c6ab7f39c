import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseKeys, parseTokens } from './parse.js';

/**
 * keys.sh and tokens.sh themselves, run with sh. keys.sh reads a real key repository made here
 * and must print hashes, never a key; tokens.sh talks to a curl stand-in that plays Keystone and
 * records its argv and stdin, so the test sees where the password and the tokens travel.
 */
const withTools = standIns('keystone-sh-');
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'keystone-test-'));
  dirs.push(d);
  return d;
};

const KEY_A = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=';
const KEY_B = 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2U=';

describe('keys.sh', () => {
  it('prints each key file as a short hash of its content, never the key, and counts refused requests in the log', () => {
    const d = tmp();
    const repo = join(d, 'fernet-keys');
    mkdirSync(repo);
    writeFileSync(join(repo, '0'), KEY_A);
    writeFileSync(join(repo, '1'), KEY_B);
    writeFileSync(join(d, 'keystone.log'), [
      '2026-12-05 10:00:00.001 7 INFO keystone.common.wsgi [-] GET http://198.18.1.10:5000/v3/',
      '2026-12-05 10:00:01.002 7 WARNING keystone.server.flask.application [-] Authorization failed. The request you have made requires authentication. from 198.18.1.10',
      '',
    ].join('\n'));
    writeFileSync(join(d, 'keystone.conf'), `[DEFAULT]\nlog_file = ${join(d, 'keystone.log')}\n[fernet_tokens]\nkey_repository = ${repo}\n`);
    const r = spawnSync('sh', [join(import.meta.dirname, 'keys.sh')], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', OS_KEYSTONE_CONFIG_DIR: d } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(KEY_A);
    expect(r.stdout).not.toContain(KEY_B.slice(0, 12));
    const repoRead = parseKeys(r.stdout);
    expect(repoRead).toMatchObject({ state: 'read', dir: repo, confMissing: false });
    expect(repoRead.keys.map((k) => k.num)).toEqual([0, 1]);
    expect(repoRead.keys.every((k) => /^[0-9a-f]{16}$/.test(k.hash ?? ''))).toBe(true);
    expect(repoRead.log).toMatchObject({ lines: 2, refused: 1 });
  });

  it('says no Keystone is here when there is neither keystone.conf nor a repository', () => {
    const d = tmp();
    const r = spawnSync('sh', [join(import.meta.dirname, 'keys.sh')], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', OS_KEYSTONE_CONFIG_DIR: d } });
    expect(r.status).toBe(0);
    // /etc/keystone of the machine running the test may exist: only a missing repository is asserted.
    if (!/== conf \/etc\/keystone\/keystone.conf$/m.test(r.stdout)) expect(parseKeys(r.stdout).state).toMatch(/absent|missing/);
  });
});

describe('tokens.sh', () => {
  const PASSWORD = 'pa"ss\\word-7Q';
  /** A curl playing Keystone: issues `tok-<n>` on POST, accepts every token on GET; logs argv and stdin. */
  const curl = (log: string): string => `
printf 'ARGV %s\\n' "$*" >>${log}
in=$(cat)
printf 'STDIN %s\\n' "$in" >>${log}
case "$*" in
  *" -D -"*) printf 'HTTP/1.1 201 Created\\r\\nX-Subject-Token: tok-secret-%s\\r\\n\\r\\n' "$$" ;;
  *) printf '200' ;;
esac`;

  it('issues through the VIP with the password on stdin, checks the token six times, and prints only status codes', () => {
    const d = tmp();
    const log = join(d, 'curl.log');
    const bin = withTools({ curl: curl(log) });
    const r = spawnSync('sh', [join(import.meta.dirname, 'tokens.sh')], {
      encoding: 'utf8',
      env: { PATH: `${bin}:/usr/bin:/bin`, OS_AUTH_URL: 'http://198.18.1.10:5000', OS_USERNAME: 'admin', OS_PASSWORD: PASSWORD, OS_PROJECT_NAME: 'admin' },
    });
    expect(r.status, r.stderr).toBe(0);
    const t = parseTokens(r.stdout);
    expect(t.vipUrl).toBe('http://198.18.1.10:5000/v3');
    expect(t.vipIssue?.code).toBe('201');
    expect(t.vipChecks.map((c) => c.code)).toEqual(['200', '200', '200', '200', '200', '200']);
    expect(r.stdout).not.toMatch(/tok-secret|pa"ss/);
    const calls = readFileSync(log, 'utf8');
    // Neither the password nor a token is ever on curl's command line; both went on stdin.
    for (const argv of calls.split('\n').filter((l) => l.startsWith('ARGV '))) expect(argv).not.toMatch(/tok-secret|pa"ss|word-7Q/);
    expect(calls).toContain('"password": "pa\\"ss\\\\word-7Q"');
    expect(calls).toMatch(/STDIN X-Auth-Token: tok-secret-\d+/);
  });
});
