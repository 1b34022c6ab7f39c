import { vi } from 'vitest';
import { main } from '../cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI run in this process over the case log in `dataDir`: what one command printed on stdout
 * (console.log lines) and stderr, and its exit code. Quicker than a child process for tests of
 * flags and messages; the spies call through, so nothing is hidden from the test output.
 */
export function inProcessCli(dataDir: string): (...args: string[]) => Promise<CliResult> {
  const out = vi.spyOn(console, 'log');
  const err = vi.spyOn(process.stderr, 'write');
  return async (...args) => {
    out.mockClear();
    err.mockClear();
    const code = await main(['node', 'stackscope', '--data-dir', dataDir, ...args]);
    return { code, stdout: out.mock.calls.map((c) => `${String(c[0])}\n`).join(''), stderr: err.mock.calls.map((c) => String(c[0])).join('') };
  };
}
