// `npm run setup`: install on a fresh machine, desktop or not. Needs nothing but Node and npm.
// Electron's binary comes from GitHub, which some machines cannot reach (registry-only proxies):
// npm installs the package (types and all) without it, then we try the download once and say
// plainly what happened. Without it, `npm start` opens browser mode instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const install = existsSync('package-lock.json') ? 'ci' : 'install';
if (run(npm, [install, '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }) !== 0) {
  console.error('setup: npm install failed (see above).');
  process.exit(1);
}

if (process.env.CI || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('setup: skipped the Electron binary (CI or ELECTRON_SKIP_BINARY_DOWNLOAD); browser mode works.');
} else {
  const status = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'pipe', timeout: 120_000, encoding: 'utf8' });
  if (status.status === 0) console.log('setup: Electron is installed; `npm start` opens the desktop app.');
  else {
    const why = (status.stderr || status.error?.message || '').split('\n').find((l) => l.trim()) ?? 'unknown error';
    console.log(`setup: the Electron binary could not be downloaded (${why.trim()}).`);
    console.log('       `npm start` will run browser mode instead; everything else works the same.');
  }
}

// The practice lab's components come from Debian's packages, and so does the Chromium that prints
// PDF reports in browser mode and the CLI (the desktop app prints with Electron's own), and the
// shellcheck that `npm run lint` runs over the playbooks' step scripts. As root on Debian/Ubuntu,
// install the missing ones (apt's policy-rc.d, where present, keeps them from starting as services).
const labPackages = ['chromium', 'shellcheck', ...readFileSync('scripts/lab-packages.txt', 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))];
const missing = labPackages.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true);
if (missing.length === 0) console.log('setup: Chromium, shellcheck and the practice lab\'s packages are installed (stackscope lab up).');
else if (process.env.STACKSCOPE_SKIP_LAB_PACKAGES) console.log(`setup: skipped the practice lab's packages (${missing.join(' ')}).`);
else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`setup: installing Chromium (PDF reports), shellcheck (npm run lint) and the practice lab's packages: ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], env) !== 0) {
    run('apt-get', ['update', '-q'], env);
    if (run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], env) !== 0) console.log('setup: apt-get failed; the app works, the practice lab will not.');
  }
} else {
  console.log(`setup: PDF reports, npm run lint and the practice lab need (as root): apt-get install ${missing.join(' ')}`);
}
