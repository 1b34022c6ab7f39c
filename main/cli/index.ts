import { main } from './cli.js';
import { EXIT } from './exit-codes.js';
import { terminalSafe } from './format.js';

/** Exit only once stdout has been flushed: on a pipe, process.exit() would cut a long --json short. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

// main() answers every error with its exit code; this catches only a fault of its own.
main().then(exitAfterFlush, (err: unknown) => {
  process.stderr.write(`stackscope: ${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
  exitAfterFlush(EXIT.FAILED);
});
