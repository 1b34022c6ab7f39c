#!/usr/bin/env node
// The CLI entry point; the code lives in the bundle `npm run build` writes to dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('stackscope: not built yet; run `npm run build` (or `npm install`, which builds) first\n');
  process.exit(2);
}
await import(bundle.href);
