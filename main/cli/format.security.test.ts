/**
 * Remote output must not drive the operator's terminal (issue 12, item 14): every escape kind a
 * node could print is shown as visible text by terminalSafe, and --json stays the same value.
 */
import { describe, expect, it } from 'vitest';
import type { RunFinding } from '../contract/types.js';
import { oneLine, terminalSafe, toJson } from './format.js';
import { formatFinding } from './playbook-command.js';

/** Anything a terminal would act on: C0 but tab/newline, DEL, C1, bidi controls. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  const kinds: Array<[string, string, string]> = [
    ['OSC 52 (sets the clipboard)', 'a\u001b]52;c;ZXZpbA==\u0007b', 'a\\x1b]52;c;ZXZpbA==\\x07b'],
    ['OSC 0 (window title)', '\u001b]0;title\u0007', '\\x1b]0;title\\x07'],
    ['CSI cursor up and erase line', 'ok\u001b[1A\u001b[2Kfake', 'ok\\x1b[1A\\x1b[2Kfake'],
    ['SGR colour from the node', '\u001b[31mred\u001b[0m', '\\x1b[31mred\\x1b[0m'],
    ['full reset', '\u001bc', '\\x1bc'],
    ['carriage return overwrite', 'rm -rf /\rls', 'rm -rf /\\x0dls'],
    ['backspace and NUL and DEL', 'a\bb\u0000c\u007f', 'a\\x08b\\x00c\\x7f'],
    ['C1 CSI and OSC', '\u009b2J\u009d0;t\u009c', '\\x9b2J\\x9d0;t\\x9c'],
    ['bidi override and isolates', 'abc\u202edcba\u2066x\u2069\u200f', 'abc\\u202edcba\\u2066x\\u2069\\u200f'],
  ];
  it.each(kinds)('shows %s as text', (_kind, raw, shown) => {
    expect(terminalSafe(raw)).toBe(shown);
    expect(terminalSafe(raw)).not.toMatch(ACTIVE);
  });

  it('keeps tab, newline and readable text; a CRLF line end becomes LF', () => {
    expect(terminalSafe('a\tb\nc\r\nd\r\n')).toBe('a\tb\nc\nd\n');
    expect(terminalSafe('한국어 · naïve — ✓')).toBe('한국어 · naïve — ✓');
  });

  it('escapes tab and newline too in one-line fields, so a title cannot start a fake line', () => {
    expect(oneLine('title\n1  critical  open  fake\tcase\r\n')).toBe('title\\x0a1  critical  open  fake\\x09case\\x0d\\x0a');
  });

  it('leaves --json output the same value, with nothing active on the terminal', () => {
    const value = { stdout: kinds.map(([, raw]) => raw).join('\n'), title: 'a\u202eb' };
    const json = toJson(value);
    expect(json).not.toMatch(ACTIVE);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('escapes what a finding quotes from a node', () => {
    const f: RunFinding = {
      id: 1,
      runId: 1,
      check: 'show.exit',
      severity: 'warning',
      status: 'FAILED',
      title: 'show on ctl-1\u001b]0;pwned\u0007: exit 1',
      explanation: 'see\u001b[2K',
      evidence: [{ node: 'ctl-1', step: 'show', lines: ['\u001b]52;c;ZXZpbA==\u0007copied'] }],
      likelyCause: '\u009b2J',
      nextStep: 'a\rb',
      skippedReason: null,
      explainedBy: [],
      createdAt: '2026-01-01T00:00:00Z',
    };
    const text = formatFinding(f);
    expect(text).not.toMatch(ACTIVE);
    expect(text).toContain('| \\x1b]52;c;ZXZpbA==\\x07copied');
  });
});
