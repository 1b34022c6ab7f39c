import type { Command } from 'commander';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StackscopeError } from '../contract/errors.js';
import { startBrowserServer } from '../server/server.js';
import { positiveInt } from './args.js';
import { oneLine } from './format.js';
import { openCore } from './open-core.js';

/** The built renderer, next to the bundled CLI (dist/cli → dist/renderer) or from the source tree. */
export function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(`${join('dist', 'cli')}`) ? join(here, '..', 'renderer') : join(here, '..', '..', 'dist', 'renderer');
}

/** `--port`: 0 (a free one) up to 65535. */
function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new StackscopeError('INVALID_INPUT', `--port must be a whole number from 0 to 65535, got "${v}"`);
  return n;
}

/**
 * `stackscope serve`: browser mode. The server gets the core itself, as the desktop shell does; it
 * is what carries the contract to the page. A port that cannot be bound could not run (exit 1).
 */
export function serveCommand(program: Command, dataDir: () => string): void {
  program
    .command('serve')
    .description('browser mode: serve the app on 127.0.0.1 with a per-launch token')
    .option('--port <port>', 'port (default: a free one)', port, 0)
    .option('--case <id>', 'open this case (the printed address leads to it)', positiveInt('--case'))
    .action(async (o: { port: number; case?: number }) => {
      const core = openCore({ dataDir: dataDir(), mode: 'browser' });
      // Log lines quote request targets and errors from whoever connects: escaped like remote output.
      const server = await startBrowserServer({ core, staticDir: rendererDir(), port: o.port, log: (l) => console.error(`[serve] ${oneLine(l)}`) }).catch(async (err: unknown) => {
        await core.close();
        throw err;
      });
      console.log(`Stackscope browser mode (case log in ${dataDir()})`);
      console.log(`Open: ${server.url}${o.case ? `#/cases/${o.case}` : ''}`);
      console.log('Only this machine can connect (127.0.0.1); the token changes at every launch. Ctrl-C stops.');
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await core.close();
    });
}
