import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { explainCaseLogError } from '../../db/database.js';
import { tightenMode } from '../../db/private-files.js';

/**
 * Where the case log and known host keys live: `--data-dir`, else `STACKSCOPE_HOME`, else the
 * per-user app-data folder. The desktop app, browser mode and the CLI all use this one rule, so
 * they share one case log.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.STACKSCOPE_HOME) return resolve(env.STACKSCOPE_HOME);
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Stackscope');
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Stackscope');
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'stackscope');
  }
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'caselog.sqlite');
}

/**
 * Make the data dir private to the user: created 0700 (missing parents too, as the XDG spec asks),
 * or an existing one stripped of group and other permissions, never loosened. `notice` is told
 * what was changed, once: the next start finds it already tight.
 */
export function prepareDataDir(dataDir: string, notice: (line: string) => void): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new Error(`cannot create the data dir ${dataDir}: ${(err as Error).message}; choose another with --data-dir or STACKSCOPE_HOME`);
  }
  const changed = tightenMode(dataDir);
  if (changed) notice(changed);
}

/** An error from the case log of `dataDir`, with a damaged file named and what to do about it. */
export function explainDataDirError(dataDir: string, err: unknown): unknown {
  return explainCaseLogError(databaseFile(dataDir), err);
}
