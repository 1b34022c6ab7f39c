// The practice lab's process supervisor: restarts a component when it exits, with a growing
// back-off, the way kubelet restarts a container (CrashLoopBackOff) or systemd a unit
// (Restart=always). It keeps what `kubectl get/describe/logs --previous` need in its folder:
//   state.json    running | waiting (CrashLoopBackOff), restart count, last termination
//   pid           the component's pid
//   current.log   output of the running process; previous.log: of the one before
// usage: node supervise.mjs DIR -- COMMAND [ARGS...]
// SIGUSR1: start now if waiting (the lab's `heal`); SIGTERM: stop the component and exit.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, sep, ...argv] = process.argv.slice(2);
if (!dir || sep !== '--' || argv.length === 0) {
  process.stderr.write('usage: supervise.mjs DIR -- COMMAND [ARGS...]\n');
  process.exit(2);
}

const file = (name) => join(dir, name);
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
let restarts = 0;
let child = null;
let timer = null;
let stopping = false;
let lastState = null;

function writeState(state) {
  writeFileSync(file('state.json.tmp'), `${JSON.stringify({ ...state, restarts, lastState, supervisorPid: process.pid })}\n`);
  renameSync(file('state.json.tmp'), file('state.json'));
}

function start() {
  timer = null;
  const startedAt = now();
  const fd = openSync(file('current.log'), 'a');
  child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', fd, fd], env: process.env });
  closeSync(fd);
  child.on('error', (e) => writeFileSync(file('current.log'), `supervise: cannot start ${argv[0]}: ${e.message}\n`, { flag: 'a' }));
  writeFileSync(file('pid'), `${child.pid ?? ''}\n`);
  writeState({ state: 'running', startedAt });
  child.on('exit', (code, signal) => {
    child = null;
    if (stopping) process.exit(0);
    lastState = {
      exitCode: code ?? 128,
      signal: signal ?? undefined,
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt,
      finishedAt: now(),
    };
    restarts += 1;
    if (existsSync(file('current.log'))) renameSync(file('current.log'), file('previous.log'));
    // kubelet starts at 10 s and doubles to 5 min; the lab uses 1 s doubling to 10 s so a
    // trainee sees the loop within a minute.
    const backoff = Math.min(2 ** (restarts - 1), 10);
    writeState({ state: 'waiting', reason: 'CrashLoopBackOff', message: `back-off ${backoff}s restarting failed container` });
    timer = setTimeout(start, backoff * 1000);
  });
}

process.on('SIGUSR1', () => {
  if (timer) {
    clearTimeout(timer);
    start();
  }
});
process.on('SIGTERM', () => {
  stopping = true;
  if (timer) clearTimeout(timer);
  if (child) child.kill('SIGTERM');
  else process.exit(0);
});
writeFileSync(file('supervisor.pid'), `${process.pid}\n`);
start();
