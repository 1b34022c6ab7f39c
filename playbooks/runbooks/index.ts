import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the runbook folders are: this folder in the source tree; beside the bundle's package root
 * when built (dist/cli/index.js → ../../playbooks/runbooks).
 */
export function runbooksDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [here, join(here, '..', '..', 'playbooks', 'runbooks')]) {
    if (existsSync(join(candidate, 'index.ts')) || (candidate !== here && existsSync(candidate))) return candidate;
  }
  throw new Error(`runbooks not found near ${here}`);
}
