import { describe, expect, it } from 'vitest';
import { MAX_MATCH_CHARS, regexProblem } from './regex-safety.js';

describe('regex safety', () => {
  it('accepts the kind of pattern a log signature needs', () => {
    for (const ok of [
      'greenlet\\.error: cannot switch to a different thread',
      'AMQP server on \\S+ is unreachable',
      '\\|reconnect\\|ERR\\|(?:ssl|tcp):\\S+:\\d+: no response to inactivity probe',
      "Failed to connect socket to '[^']*libvirt-sock'",
      '\\|raft\\|INFO\\|term \\d+: (\\d+ ms timeout expired, )?starting election$',
      'clustered database server is not cluster leader; trying another server',
      '(?<port>\\d+) (ERROR|CRITICAL)',
      'a{2,3}b?',
    ]) {
      expect(regexProblem(ok), ok).toBeNull();
    }
  });

  it('refuses what backtracks catastrophically, and says why', () => {
    expect(regexProblem('(a+)+$')).toMatch(/repeats a group that itself repeats/);
    expect(regexProblem('(x\\d*)*y')).toMatch(/repeats a group that itself repeats/);
    expect(regexProblem('(?:a*b?){20}c')).toMatch(/repeats a group that itself repeats/);
    expect(regexProblem('x((a|ab)+)y')).toMatch(/repeats a group of alternatives/);
    expect(regexProblem('(a|aa)*b')).toMatch(/repeats a group of alternatives/);
    expect(regexProblem('(\\w+)\\s\\1')).toMatch(/backreference/);
    expect(regexProblem('(?<w>\\w+) \\k<w>')).toMatch(/backreference/);
    expect(regexProblem('error(?=.*timeout)')).toMatch(/lookahead or lookbehind/);
    expect(regexProblem('.*error')).toMatch(/starts with \.\* or \.\+/);
    expect(regexProblem('a.*b.*c.*d.*e.*f')).toMatch(/5 unbounded repeats/);
    expect(regexProblem('x'.repeat(600))).toMatch(/600 characters long/);
    expect(regexProblem('(unclosed')).toMatch(/not a valid regular expression/);
  });

  it('keeps every accepted pattern fast on a long line that almost matches', () => {
    const line = `${'a'.repeat(MAX_MATCH_CHARS - 1)}!`;
    for (const ok of ['\\S+:\\d+: no response', 'a.*b.*c.*d', '(?:ab)+c', '[a-z]+ [a-z]+ x']) {
      expect(regexProblem(ok)).toBeNull();
      const started = performance.now();
      for (let k = 0; k < 20; k++) new RegExp(ok).test(line);
      expect(performance.now() - started, ok).toBeLessThan(1000);
    }
  });
});
