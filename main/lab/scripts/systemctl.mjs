// The practice lab's `systemctl`. Lab nodes have no systemd: their components are processes the
// lab started (see $STACKSCOPE_LAB/state.json). This script answers the systemctl commands a
// runbook uses on a packages install for the components of the node it runs on
// ($STACKSCOPE_LAB_NODE): it starts a stopped component with the command and environment the lab
// recorded (as `lab heal` does), stops it with SIGTERM, and reports it the way systemd would.
// Supported: start|stop|restart|status|is-active UNIT... [--no-pager] [-q|--quiet].
// `start` waits until the component is ready, like a Type=notify unit: mariadb until it is
// Synced in a Primary component, or until it gives up (then the start failed, exit 1).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { units } from './units.mjs';

const lab = process.env.STACKSCOPE_LAB;
const node = process.env.STACKSCOPE_LAB_NODE;
const out = (s) => process.stdout.write(`${s}\n`);
const err = (s) => process.stderr.write(`${s}\n`);
if (!lab || !node || !existsSync(join(lab, 'state.json'))) {
  err('System has not been booted with systemd as init system (PID 1). Can\'t operate.\n(stackscope lab: this is not a lab node, or the lab is down)');
  process.exit(1);
}

// The unit table (Debian's unit names per lab component kind) lives in units.mjs, shared with journalctl.mjs.

const args = process.argv.slice(2);
const quiet = args.includes('-q') || args.includes('--quiet');
const words = args.filter((a) => !a.startsWith('-'));
const unknownFlag = args.find((a) => a.startsWith('-') && !['-q', '--quiet', '--no-pager', '--no-block', '-l', '--full'].includes(a));
if (unknownFlag) {
  err(`systemctl: unrecognized option '${unknownFlag}' (the lab's systemctl knows --no-pager, -q/--quiet)`);
  process.exit(1);
}
const [verb, ...names] = words;
const verbs = ['start', 'stop', 'restart', 'status', 'is-active'];
if (!verb) {
  err(`Too few arguments. The lab's systemctl supports: ${verbs.join(', ')} UNIT`);
  process.exit(1);
}
if (!verbs.includes(verb)) {
  err(`Unknown command verb ${verb}. The lab's systemctl supports: ${verbs.join(', ')} UNIT`);
  process.exit(1);
}
if (names.length === 0) {
  err(`Too few arguments. Usage: systemctl ${verb} UNIT`);
  process.exit(1);
}

const state = JSON.parse(readFileSync(join(lab, 'state.json'), 'utf8'));
// kolla: a containerised service has no systemd unit (nor journal) on a Kolla host; `docker` is the way in.
const here = state.components.filter((c) => c.node === node && !(state.layout.flavor === 'kolla' && c.container));

/** The components of this node behind a unit name, or undefined when the node has no such unit. */
function resolve(raw) {
  const name = raw.replace(/\.service$/, '');
  const unit = units.find((u) => u.names.includes(name));
  const comps = unit ? unit.kinds.flatMap((k) => here.filter((c) => c.kind === k)) : [];
  return comps.length ? { unit: `${name}.service`, description: unit.description, comps } : undefined;
}

const pidOf = (file) => {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
};
const alive = (pid) => {
  if (!pid) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
};
const supervisorPid = (c) => (c.supervised ? pidOf(join(c.supervised.dir, 'supervisor.pid')) : undefined);
const running = (c) => alive(pidOf(c.pidFile));
const tail = (file, n = 10) => (existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n') : `(no log at ${file})`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const labScript = (name) => join(dirname(fileURLToPath(import.meta.url)), name);

/** Start a component the way the lab's launch() does: its own session, output to its log. */
function launch(c) {
  const cwd = c.dataDir && existsSync(c.dataDir) && statSync(c.dataDir).isDirectory() ? c.dataDir : undefined;
  const argv = c.supervised ? [process.execPath, labScript('supervise.mjs'), c.supervised.dir, '--', ...c.argv] : c.argv;
  const fd = openSync(c.supervised ? join(c.supervised.dir, 'supervisor.log') : c.logFile, 'a');
  try {
    const child = spawn(argv[0], argv.slice(1), { env: { ...process.env, ...c.env }, stdio: ['ignore', fd, fd], detached: true, cwd });
    child.on('error', () => undefined);
    child.unref();
    if (!c.supervised && child.pid) writeFileSync(c.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

const mysqlSocket = (c) => c.endpoints.find((e) => e.startsWith('unix:'))?.slice(5);

/** mariadb is started when it serves in a Primary component (Synced); other components when their process stays up. */
async function waitReady(c, timeoutMs) {
  if (c.kind !== 'mysqld') {
    // A daemon that fails on its configuration exits within a moment; one that stays up has started.
    await sleep(1500);
    return running(c) || alive(supervisorPid(c));
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = spawnSync('mysql', [`--socket=${mysqlSocket(c)}`, '--connect-timeout=3', '-N', '-B', '-e', "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_status','wsrep_local_state_comment')"], { encoding: 'utf8', timeout: 10_000 });
    const s = Object.fromEntries((r.stdout ?? '').split('\n').filter(Boolean).map((l) => l.split('\t')));
    if (r.status === 0 && s.wsrep_cluster_status === 'Primary' && s.wsrep_local_state_comment === 'Synced') return true;
    if (!running(c) || Date.now() > deadline) return false;
    await sleep(500);
  }
}

async function stop(c) {
  const pids = [supervisorPid(c), pidOf(c.pidFile)].filter(alive);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 90_000;
  while (pids.some(alive)) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

async function start(u) {
  for (const c of u.comps) {
    if (running(c)) continue;
    launch(c);
    if (!(await waitReady(c, c.kind === 'mysqld' ? 240_000 : 5_000))) {
      err(`Job for ${u.unit} failed because the control process exited with error code.`);
      err(`See "systemctl status ${u.unit}" for details. Last lines of ${c.logFile}:`);
      err(tail(c.logFile, 15));
      return 1;
    }
  }
  return 0;
}

function status(u) {
  const up = u.comps.filter(running);
  const active = up.length === u.comps.length;
  const word = active ? 'active (running)' : up.length ? 'activating' : 'inactive (dead)';
  const since = up.length ? ` since ${statSync(up[0].pidFile).mtime.toUTCString()}` : '';
  out(`${active ? '●' : '○'} ${u.unit} - ${u.description}`);
  out(`     Loaded: loaded (stackscope lab: ${u.comps.map((c) => c.name).join(', ')})`);
  out(`     Active: ${word}${since}`);
  for (const c of u.comps) if (running(c)) out(`   Main PID: ${pidOf(c.pidFile)} (${c.argv[0].split('/').pop()})`);
  for (const c of u.comps) {
    out('');
    out(tail(c.logFile));
  }
  return active ? 0 : 3;
}

let code = 0;
for (const raw of names) {
  const u = resolve(raw);
  const unit = raw.endsWith('.service') ? raw : `${raw}.service`;
  if (!u) {
    if (verb === 'is-active') {
      if (!quiet) out('inactive');
      code = code || 3;
    } else if (verb === 'status') {
      err(`Unit ${unit} could not be found.`);
      code = code || 4;
    } else {
      err(`Failed to ${verb} ${unit}: Unit ${unit} not found.`);
      code = code || 5;
    }
    continue;
  }
  if (verb === 'is-active') {
    const active = u.comps.every(running);
    if (!quiet) out(active ? 'active' : 'inactive');
    code = code || (active ? 0 : 3);
  } else if (verb === 'status') {
    code = code || status(u);
  } else {
    if (verb === 'stop' || verb === 'restart') {
      for (const c of [...u.comps].reverse()) {
        if (!(await stop(c))) {
          err(`Failed to stop ${u.unit}: ${c.name} did not exit within 90 s after SIGTERM`);
          code = code || 1;
        }
      }
    }
    if (verb === 'start' || verb === 'restart') code = (await start(u)) || code;
  }
}
process.exit(code);
