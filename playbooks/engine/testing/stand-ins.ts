import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * For a step script's own tests: `tools` written as executable `#!/bin/sh` stand-ins into a fresh
 * folder (put it first on PATH), each printing what the real tool prints in the situation under
 * test. Call at a test file's top level; the folders are removed after each test.
 */
export function standIns(prefix: string): (tools: Record<string, string>) => string {
  let dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs = [];
  });
  return (tools) => {
    const bin = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(bin);
    for (const [name, body] of Object.entries(tools)) {
      writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    }
    return bin;
  };
}
