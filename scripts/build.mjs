// Build everything a user runs: the CLI/browser-mode server, the Electron main and preload
// (esbuild, dependencies left external) and the renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { cpSync, rmSync } from 'node:fs';

const started = Date.now();
rmSync('dist', { recursive: true, force: true });

const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  esbuild({ ...node, entryPoints: ['main/cli/index.ts'], outfile: 'dist/cli/index.js', format: 'esm' }),
  esbuild({ ...node, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.js', format: 'esm', external: ['electron'] }),
  // A sandboxed preload must be CommonJS and may only require('electron').
  esbuild({ ...node, entryPoints: ['main/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
// The lab's helper scripts run as plain Node on the lab nodes (kubectl facade, supervisor).
cpSync('main/lab/scripts', 'dist/lab/scripts', { recursive: true });
await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
