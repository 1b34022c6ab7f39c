// `npm run lint:sh`: shellcheck over every step script of the playbooks (playbooks/**/*.sh), as
// POSIX sh whatever their first line says: the engine always runs them with `sh -c`, and in a
// container `sh` is often dash or busybox. Any finding fails, info and style included.
//
//   node scripts/lint-sh.mjs [FILE|DIR …]   (default: playbooks)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => console.log(`lint:sh: ${line}`);

/** Every *.sh under `path` (node_modules left out), sorted. */
function scripts(path) {
  if (!statSync(path).isDirectory()) return path.endsWith('.sh') ? [path] : [];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules')
    .flatMap((e) => (e.isDirectory() ? scripts(join(path, e.name)) : e.name.endsWith('.sh') ? [join(path, e.name)] : []))
    .sort();
}

const inputs = process.argv.length > 2 ? process.argv.slice(2).map((p) => resolve(p)) : [join(root, 'playbooks')];
const files = inputs.flatMap(scripts);
if (files.length === 0) {
  say(`no .sh files under ${inputs.map((p) => relative(root, p) || '.').join(', ')}; nothing to check.`);
  process.exit(0);
}
const r = spawnSync('shellcheck', ['--shell=sh', '--severity=style', ...files.map((f) => relative(root, f))], { cwd: root, stdio: 'inherit' });
if (r.error) {
  say(`FAILED: cannot run shellcheck (${r.error.message}). Install it: apt-get install shellcheck (npm run setup does, as root).`);
  process.exit(1);
}
if (r.status !== 0) {
  say(`FAILED: shellcheck found problems in the step scripts above (fix them; a deliberate exception takes a "# shellcheck disable=SCxxxx" line with its reason).`);
  process.exit(1);
}
say(`${files.length} step script(s) clean.`);
