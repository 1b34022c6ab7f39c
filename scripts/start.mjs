// `npm start`: the desktop app where Electron's binary is installed, otherwise browser mode
// with a clear note (the binary cannot always be downloaded, e.g. behind a registry-only proxy).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary path, or throws if it is missing
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!existsSync('dist/cli/index.js')) {
  console.error('stackscope: not built yet; run `npm install` (it builds) or `npm run build`.');
  process.exit(2);
}

const binary = electronBinary();
const [cmd, args] = binary ? [binary, ['.']] : [process.execPath, ['bin/stackscope.js', 'serve', ...process.argv.slice(2)]];
if (!binary) {
  console.error(
    [
      'Electron is not installed here (its binary comes from GitHub at install time, which this machine cannot reach, or',
      'ELECTRON_SKIP_BINARY_DOWNLOAD was set): opening browser mode, the same app in your browser, at the address below.',
      'For the desktop window, install on a machine that can download Electron: npm install (without ELECTRON_SKIP_BINARY_DOWNLOAD).',
      '',
    ].join('\n'),
  );
}
const child = spawn(cmd, args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
