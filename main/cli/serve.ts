import type { Command } from 'commander';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core.js';
import { resolveDataDir } from '../core/paths.js';
import { startBrowserServer } from '../server/server.js';
import { oneLine } from './format.js';

/** The built renderer, next to the bundled CLI (dist/cli → dist/renderer) or from the source tree. */
export function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(`${join('dist', 'cli')}`) ? join(here, '..', 'renderer') : join(here, '..', '..', 'dist', 'renderer');
}

export function serveCommand(program: Command, dataDir: () => string | undefined): void {
  program
    .command('serve')
    .description('browser mode: serve the app on 127.0.0.1 with a per-launch token')
    .option('--port <port>', 'port (default: a free one)', (v) => Number(v), 0)
    .option('--case <id>', 'open this case (the printed address leads to it)', (v) => Number(v))
    .action(async (o: { port: number; case?: number }) => {
      const core = createCore({ dataDir: resolveDataDir(dataDir()), mode: 'browser' });
      // Log lines quote request targets and errors from whoever connects: escaped like remote output.
      const server = await startBrowserServer({ core, staticDir: rendererDir(), port: o.port, log: (l) => console.error(`[serve] ${oneLine(l)}`) });
      console.log(`Stackscope browser mode (case log in ${resolveDataDir(dataDir())})`);
      console.log(`Open: ${server.url}${o.case && Number.isInteger(o.case) ? `#/cases/${o.case}` : ''}`);
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
