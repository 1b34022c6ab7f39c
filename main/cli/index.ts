import { main } from './cli.js';
import { terminalSafe } from './format.js';

/** Exit only once stdout has been flushed: on a pipe, process.exit() would cut a long --json short. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main().then(exitAfterFlush, (err: unknown) => {
  process.stderr.write(`stackscope: ${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
  exitAfterFlush(2);
});
