import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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
