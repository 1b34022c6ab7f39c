import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { wrapRemoteCommand } from './shell.js';

describe('the remote command wrapper (run by a real /bin/sh)', () => {
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
