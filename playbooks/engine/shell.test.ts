import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell.js';

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
});
