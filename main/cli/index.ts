import { main } from './cli.js';

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`stackscope: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
