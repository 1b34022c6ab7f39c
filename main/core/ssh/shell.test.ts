import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellQuote, wrapRemoteCommand } from './shell.js';

describe('shell quoting (run by a real /bin/sh)', () => {
  const values = ["x'; touch /tmp/stackscope-pwned; '", '$(touch /tmp/stackscope-pwned)', '`id`', 'a b\tc\nd', '', "it's", '--help', '*', '"; rm -rf / #'];
  for (const value of values) {
    it(`passes ${JSON.stringify(value)} as one word of data`, () => {
      rmSync('/tmp/stackscope-pwned', { force: true });
      const out = execFileSync('/bin/sh', ['-c', `printf '%s|' ${shellQuote(value)}`], { encoding: 'utf8' });
      expect(out).toBe(`${value}|`);
      expect(existsSync('/tmp/stackscope-pwned')).toBe(false);
    });
  }

  it('wraps a command so it reports its pid first and keeps its exit code', () => {
    let out = '';
    let code = 0;
    try {
      execFileSync('/bin/sh', ['-c', wrapRemoteCommand("echo hi; echo 'err' >&2; exit 7")], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      code = e.status;
      out = e.stdout + e.stderr;
    }
    expect(code).toBe(7);
    expect(out).toMatch(/^hi\n\u001estackscope-pid \d+\nerr\n$/);
  });
});
