// `npm run demo`: the practice lab plus the app, with a case on the lab open. Uses the lab that
// is up if there is one. Needs root and the lab's packages (npm run setup installs them).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = (args, stdio = 'pipe') => spawnSync(process.execPath, ['bin/stackscope.js', ...args], { encoding: 'utf8', stdio });

if (!existsSync('dist/cli/index.js')) {
  console.error('demo: not built yet; run `npm run setup` (or `npm run build`).');
  process.exit(2);
}
const status = cli(['lab', 'status', '--json']);
if (status.status === 2) {
  console.error('demo: bringing the practice lab up (3 controllers, 2 computes)…');
  const up = cli(['lab', 'up', ...process.argv.slice(2)], 'inherit');
  if (up.status !== 0) process.exit(up.status ?? 1);
} else console.error('demo: using the lab that is already up (stackscope lab status).');

const opened = cli(['case', 'new', '--cluster', 'lab', '--severity', 'info', 'Practice lab: explore, then try stackscope lab break FAULT']);
const caseId = /Opened case (\d+)/.exec(opened.stdout)?.[1];
if (!caseId) {
  console.error(`demo: could not open a case on the lab: ${opened.stderr.trim()}`);
  process.exit(1);
}
console.error(`demo: case ${caseId} on cluster lab. Faults to try: stackscope lab faults. Stop the lab: stackscope lab down.`);
const app = spawn(process.execPath, ['scripts/start.mjs', '--case', caseId], { stdio: 'inherit', env: { ...process.env, STACKSCOPE_OPEN_CASE: caseId } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => app.kill(sig));
app.on('exit', (code) => process.exit(code ?? 0));
