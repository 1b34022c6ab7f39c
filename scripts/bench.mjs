// `npm run bench`: figures, each against a baseline measured in the same run.
//  1. Case-log search: 1,000,000 lines in 50 steps, p50/p95 per query next to a scan of the same text.
//  2. Streaming a 64 MB output through `stackscope exec` (real sshd): peak RSS next to the CLI at
//     rest, wall time next to OpenSSH's ssh.
//  3. A one-step playbook on 50 practice-lab nodes, timed next to `ansible all -m command -a
//     hostname -f 50` and `parallel-ssh -p 50` on the same nodes in the same run, each the same
//     number of times; prints medians and ratios (target: ≤ 0.5× ansible). Needs root, the lab's
//     packages (npm run setup) and `apt-get install ansible pssh`; skipped, saying why, without them.
//  4. A whole-cluster check (`stackscope check lab`) of the same lab (3 controllers, 50 computes):
//     wall time next to the same playbooks run one after another with `stackscope run` (what an
//     on-call did before), peak RSS next to the CLI listing playbooks, and SSH logins per node
//     counted in each node's sshd log (targets: ≤ 15 s, ≤ 300 MB, 1 login per node), and the CPU the
//     check cost on the nodes (the machine's CPU during it, less the lab idling) and in Stackscope. Needs root.
//  5. Trusting the host keys of the same lab's 50 computes: `stackscope node trust CLUSTER --all`
//     when the user's known_hosts (hashed, as HashKnownHosts writes it) already lists them, and
//     with --yes when none is known (probe, then trust each), next to OpenSSH's ssh-keyscan of the
//     same hosts in the same run (target: ≤ 10 s from known_hosts). Needs root.
//  6. Importing a 500-node Kolla inventory (bench/import-kolla.ts): in one process, parse alone as
//     the baseline, then plan and plan + apply; end to end, `stackscope cluster import --yes` and
//     the empty re-import (target: < 2 s). Needs no root.
// BENCH_ONLY=search,stream,fanout,sweep,trust,import picks sections.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const only = new Set((process.env.BENCH_ONLY ?? 'search,stream,fanout,sweep,trust,import').split(','));
if (!existsSync('dist/cli/index.js')) {
  console.error('bench: not built yet; run `npm run build`.');
  process.exit(2);
}

// The case-log benchmarks are TypeScript beside the code they measure: bundled into dist/bench so
// they resolve node_modules and the migrations as the CLI does.
const caselogBenches = ['search', 'stream', 'import'].filter((b) => only.has(b));
const benchFile = (b) => (b === 'import' ? 'import-kolla' : `caselog-${b}`);
if (caselogBenches.length > 0) {
  await build({ entryPoints: caselogBenches.map((b) => `bench/${benchFile(b)}.ts`), outdir: 'dist/bench', bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
  for (const b of caselogBenches) {
    const args = b === 'stream' ? ['bin/stackscope.js', 'bench/rss-reporter.mjs'] : [];
    const r = spawnSync(process.execPath, [`dist/bench/${benchFile(b)}.js`, ...args], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
    console.log('');
  }
}
if (!only.has('fanout') && !only.has('sweep') && !only.has('trust')) process.exit(0);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const COMPUTES = Number(process.env.BENCH_NODES ?? 50);
const home = join(tmpdir(), 'stackscope-bench');
const env = { ...process.env, STACKSCOPE_HOME: home, STACKSCOPE_PLAYBOOKS: resolve('bench/playbooks'), NO_COLOR: '1' };
const cli = (args, opts = {}) => spawnSync(process.execPath, ['bin/stackscope.js', ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20, ...opts });

if (process.getuid?.() !== 0) {
  console.log('Fan-out and whole-cluster check on 50 lab nodes: skipped; they need root (the practice lab makes network namespaces).');
  process.exit(0);
}
const missingTools = [['ansible', 'ansible'], ['parallel-ssh', 'pssh']]
  .map(([tool, pkg]) => (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0 ? `${tool} (apt-get install -y ${pkg})` : null))
  .filter(Boolean);

// A lab with COMPUTES computes: reuse the bench lab if it is up with that size.
const pointer = join(home, 'lab.json');
let state = null;
if (existsSync(pointer) && cli(['lab', 'status']).status === 0) {
  const root = JSON.parse(readFileSync(pointer, 'utf8')).root;
  state = JSON.parse(readFileSync(join(root, 'state.json'), 'utf8'));
  if (state.layout.nodes.filter((n) => n.role === 'compute').length !== COMPUTES) state = null;
}
if (!state) {
  cli(['lab', 'down']);
  console.error(`bench: bringing up a lab with ${COMPUTES} computes…`);
  const up = cli(['lab', 'up', '--flavor', 'packages', '--computes', String(COMPUTES), '--no-rabbitmq'], { stdio: 'inherit' });
  if (up.status !== 0) process.exit(1);
  const root = JSON.parse(readFileSync(pointer, 'utf8')).root;
  state = JSON.parse(readFileSync(join(root, 'state.json'), 'utf8'));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let failed = false;
if (only.has('fanout')) {
  if (missingTools.length) console.log(`Fan-out on ${COMPUTES} lab nodes: skipped; it needs ${missingTools.join(', ')}.`);
  else failed = fanout() || failed;
  console.log('');
}
if (only.has('sweep')) failed = sweep() || failed;
if (only.has('trust')) {
  if (only.has('sweep')) console.log('');
  failed = trust() || failed;
}
console.log(`The lab stays up for the next run; stop it with: STACKSCOPE_HOME=${home} node bin/stackscope.js lab down`);
process.exit(failed ? 1 : 0);

/** Section 3; true when its target was missed. */
function fanout() {
  const nodes = state.layout.nodes.filter((n) => n.role === 'compute');
  const key = state.layout.keyFile;

  // The other tools verify host keys too: a known_hosts with the keys the lab generated.
  const work = join(home, 'tools');
  mkdirSync(work, { recursive: true });
  const knownHosts = join(work, 'known_hosts');
  writeFileSync(knownHosts, nodes.map((n) => `${n.ip} ${readFileSync(join(n.dir, 'sshd', 'ssh_host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ')}`).join('\n') + '\n');
  const sshOpts = `-o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -i ${key}`;
  writeFileSync(join(work, 'hosts'), nodes.map((n) => n.ip).join('\n') + '\n');
  writeFileSync(join(work, 'inventory.ini'), `[all]\n${nodes.map((n) => `${n.name} ansible_host=${n.ip}`).join('\n')}\n[all:vars]\nansible_user=root\nansible_ssh_private_key_file=${key}\nansible_ssh_common_args='-o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes'\n`);
  const toolEnv = { ...process.env, ANSIBLE_LOCAL_TEMP: join(work, 'ansible-tmp'), ANSIBLE_HOME: join(work, 'ansible-home'), ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3', ANSIBLE_NOCOLOR: '1' };

  const contenders = {
    stackscope: () => {
      const r = cli(['run', 'hostname', 'lab', '--json', '--concurrency', String(COMPUTES)]);
      const run = JSON.parse(r.stdout || '{}');
      const ok = (run.steps ?? []).filter((s) => s.state === 'succeeded').length;
      return { ok, detail: r.status === 0 ? '' : r.stderr.trim() };
    },
    'ansible -m command': () => {
      const r = spawnSync('ansible', ['all', '-i', join(work, 'inventory.ini'), '-m', 'command', '-a', 'hostname', '-f', String(COMPUTES), '-o'], { encoding: 'utf8', env: toolEnv, maxBuffer: 64 << 20 });
      return { ok: (r.stdout.match(/\| CHANGED \| rc=0/g) ?? []).length, detail: r.status === 0 ? '' : (r.stdout + r.stderr).split('\n').filter((l) => !/CHANGED/.test(l)).slice(0, 3).join(' / ') };
    },
    'parallel-ssh -p 50': () => {
      const r = spawnSync('parallel-ssh', ['-h', join(work, 'hosts'), '-l', 'root', '-p', String(COMPUTES), '-x', sshOpts, '-i', 'hostname'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      return { ok: (r.stdout.match(/\[SUCCESS\]/g) ?? []).length, detail: r.status === 0 ? '' : r.stdout.split('\n').filter((l) => /FAILURE/.test(l)).slice(0, 3).join(' / ') };
    },
  };

  const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  // Warm-up round (page cache, Python bytecode), not counted; then interleaved rounds.
  for (const run of Object.values(contenders)) run();
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, run] of Object.entries(contenders)) {
      const t0 = process.hrtime.bigint();
      const { ok, detail } = run();
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (ok !== nodes.length) {
        console.error(`bench: ${name} reached ${ok}/${nodes.length} nodes in round ${i + 1}: ${detail}`);
        process.exit(1);
      }
      times[name].push(s);
    }
  }
  const base = median(times['ansible -m command']);
  console.log(`One-step playbook (hostname) on ${nodes.length} lab nodes, ${ROUNDS} rounds after a warm-up, median wall time (process start to exit):`);
  for (const [name, xs] of Object.entries(times)) {
    console.log(`  ${name.padEnd(20)} ${median(xs).toFixed(2).padStart(6)} s   ${(median(xs) / base).toFixed(2)}× ansible   [${xs.map((x) => x.toFixed(2)).join(', ')}]`);
  }
  const ratio = median(times.stackscope) / base;
  console.log(`stackscope / ansible = ${ratio.toFixed(2)} (target ≤ 0.50): ${ratio <= 0.5 ? 'met' : 'NOT met'}`);
  return ratio > 0.5;
}

/** Section 4; true when a target was missed. */
function sweep() {
  const all = state.layout.nodes;
  const logins = () => Object.fromEntries(all.map((n) => {
    const log = join(n.dir, 'log', 'sshd.log');
    return [n.name, existsSync(log) ? (readFileSync(log, 'utf8').match(/Accepted publickey for /g) ?? []).length : 0];
  }));
  const rssFile = join(home, 'rss.txt');
  const cpuFile = join(home, 'cpu.txt');
  // CPU time of the whole machine (every core, all processes: the lab's nodes included), in s.
  const machineCpu = () => {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return ((f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0)) / 100;
  };
  // What the lab costs doing nothing, in CPU-seconds per second, over a few quiet seconds: the CPU a
  // check made the nodes spend is the machine's during the check less this. (Counting each node
  // sshd's reaped children missed most of it: the command runners outlive their sshd session and
  // are reaped by init, so their commands' CPU never reached sshd.)
  const idleRate = () => {
    const c0 = machineCpu();
    const t0 = process.hrtime.bigint();
    spawnSync('sleep', ['5']);
    return (machineCpu() - c0) / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  const measured = (args) => {
    const t0 = process.hrtime.bigint();
    const c0 = machineCpu();
    const r = spawnSync(process.execPath, ['--import', resolve('bench/rss-reporter.mjs'), 'bin/stackscope.js', ...args], { encoding: 'utf8', env: { ...env, STACKSCOPE_RSS_FILE: rssFile, STACKSCOPE_CPU_FILE: cpuFile }, maxBuffer: 256 << 20 });
    return { r, s: Number(process.hrtime.bigint() - t0) / 1e9, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, ownCpu: Number(readFileSync(cpuFile, 'utf8')) / 1000, machineCpu: machineCpu() - c0 };
  };
  // Which playbooks the check runs here: the same ones run one by one make the baseline.
  const plan = JSON.parse(cli(['check', 'lab', '--json']).stdout || '{}');
  const ids = (plan.runs ?? []).map((r) => r.playbookId);
  if (!ids.length) {
    console.error(`bench: stackscope check lab ran nothing: ${JSON.stringify(plan).slice(0, 300)}`);
    return true;
  }
  const rest = measured(['playbooks', 'list']);
  const idle = idleRate();
  const checks = [];
  const oneByOne = [];
  for (let i = 0; i < ROUNDS; i++) {
    const before = logins();
    const c = measured(['check', 'lab', '--json']);
    const after = logins();
    const out = JSON.parse(c.r.stdout || '{}');
    if (c.r.status === 2 || !out.runs) {
      console.error(`bench: stackscope check lab failed (exit ${c.r.status}): ${c.r.stderr.trim().slice(0, 400)}`);
      return true;
    }
    const perNode = all.map((n) => after[n.name] - before[n.name]);
    checks.push({ s: c.s, rssMb: c.rssMb, ownCpu: c.ownCpu, machineCpu: c.machineCpu, nodesCpu: c.machineCpu - c.ownCpu - idle * c.s, maxLogins: Math.max(...perNode), minLogins: Math.min(...perNode), answered: out.nodes.answered.length });
    const t0 = process.hrtime.bigint();
    for (const id of ids) cli(['run', id, 'lab', '--json']);
    oneByOne.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const wall = median(checks.map((c) => c.s));
  const rss = Math.max(...checks.map((c) => c.rssMb));
  const logs = Math.max(...checks.map((c) => c.maxLogins));
  console.log(`Whole-cluster check of the lab (${all.length} nodes, playbooks: ${ids.join(', ')}), ${ROUNDS} rounds:`);
  console.log(`  stackscope check lab       ${wall.toFixed(2).padStart(6)} s   [${checks.map((c) => c.s.toFixed(2)).join(', ')}]   ${checks[0].answered}/${all.length} nodes answered`);
  console.log(`  the same, one run each     ${median(oneByOne).toFixed(2).padStart(6)} s   [${oneByOne.map((x) => x.toFixed(2)).join(', ')}]   check / one-by-one = ${(wall / median(oneByOne)).toFixed(2)}`);
  console.log(`  peak RSS                   ${rss.toFixed(0).padStart(6)} MB  (the CLI listing playbooks: ${rest.rssMb.toFixed(0)} MB; ${(rss / rest.rssMb).toFixed(2)}×)`);
  console.log(`  SSH logins per node        ${Math.min(...checks.map((c) => c.minLogins))}–${logs} (counted in each node's sshd log)`);
  // Where the wall time goes: the lab's 53 nodes (sshd, the tools each step runs, OVS, Galera,
  // Placement) share these cores with Stackscope, so the machine's CPU bounds the wall time.
  const own = median(checks.map((c) => c.ownCpu));
  const machine = median(checks.map((c) => c.machineCpu));
  const nodes = median(checks.map((c) => c.nodesCpu));
  console.log(`  CPU during the check       ${machine.toFixed(1).padStart(6)} s   of which Stackscope's own process ${own.toFixed(1)} s (${((own / machine) * 100).toFixed(0)}%), the lab idling ${(idle * wall).toFixed(1)} s (${idle.toFixed(2)} CPU-s/s measured quiet for 5 s), the rest what the check made the nodes run · ${cpus().length} cores`);
  // The wall time is bound by the machine's load (other processes share the cores); the CPU the
  // check itself costs is not: what it made the nodes run plus its own process, over the cores.
  const floor = (own + nodes) / cpus().length;
  console.log(`  CPU the check itself cost  ${(own + nodes).toFixed(1).padStart(6)} s   the nodes' commands and sessions ${nodes.toFixed(1)} s + own ${own.toFixed(1)} s; over ${cpus().length} cores ${floor.toFixed(1)} s · load at the end ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
  const met = { wall: wall <= 15, rss: rss <= 300, logins: logs <= 1 };
  console.log(`targets (issue 17, the whole catalogue): wall ≤ 15 s ${met.wall ? 'met' : 'NOT met'} · peak RSS ≤ 300 MB ${met.rss ? 'met' : 'NOT met'} · 1 login per node ${met.logins ? 'met' : 'NOT met'}`);
  return !(met.wall && met.rss && met.logins);
}

/** Section 5; true when its target was missed. */
function trust() {
  const nodes = state.layout.nodes.filter((n) => n.role === 'compute');
  const work = join(home, 'trust');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The lab's keys, as the user's known_hosts would have them after `ssh` to each node, hashed.
  const knownHosts = join(work, 'known_hosts');
  writeFileSync(knownHosts, nodes.map((n) => `${n.ip} ${readFileSync(join(n.dir, 'sshd', 'ssh_host_key.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ')}`).join('\n') + '\n');
  spawnSync('ssh-keygen', ['-H', '-f', knownHosts], { stdio: 'ignore' });
  rmSync(`${knownHosts}.old`, { force: true });
  const empty = join(work, 'empty_known_hosts');
  writeFileSync(empty, '');
  // A case log of its own: the lab's own cluster trusted these keys already, and trust is by address.
  const data = join(work, 'data');
  const at = (dir, args) => cli(['--data-dir', dir, ...args]);
  const must = (r, what) => {
    if (r.status !== 0) {
      console.error(`bench: ${what} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().slice(0, 400)}`);
      process.exit(1);
    }
    return r;
  };
  must(at(data, ['cluster', 'add', 'listed', '--deployment', 'packages', '--known-hosts', knownHosts]), 'cluster add');
  must(at(data, ['cluster', 'add', 'fresh', '--deployment', 'packages', '--known-hosts', empty]), 'cluster add');
  // Same nodes in both clusters; each has its own known_hosts.
  for (const c of ['listed', 'fresh']) {
    for (const n of nodes) must(at(data, ['node', 'add', c, `${c}-${n.name}`, '--host', n.ip, '--user', 'root', '--role', 'compute', '--key', state.layout.keyFile]), 'node add');
  }
  writeFileSync(join(work, 'hosts'), nodes.map((n) => n.ip).join('\n') + '\n');

  const N = nodes.length;
  const contenders = {
    'node trust --all, all in known_hosts': () => {
      const r = at(data, ['node', 'trust', 'listed', '--all']);
      return r.status === 0 && r.stdout.includes(`${N} of ${N} node(s) already trusted (0 by Stackscope, ${N} from known_hosts)`) ? '' : (r.stdout + r.stderr).trim().slice(-400);
    },
    'node trust --all --yes, none known': () => {
      // Each round starts from the untrusted case log: trusted keys are stored by address.
      const round = join(work, 'round');
      rmSync(round, { recursive: true, force: true });
      cpSync(data, round, { recursive: true });
      const r = at(round, ['node', 'trust', 'fresh', '--all', '--yes']);
      return r.status === 0 && r.stdout.includes(`Trusted ${N} key(s).`) ? '' : (r.stdout + r.stderr).trim().slice(-400);
    },
    'ssh-keyscan (OpenSSH)': () => {
      const r = spawnSync('ssh-keyscan', ['-T', '10', '-t', 'ed25519', '-f', join(work, 'hosts')], { encoding: 'utf8' });
      const got = r.stdout.split('\n').filter((l) => / ssh-ed25519 /.test(l)).length;
      return got === N ? '' : `${got}/${N} keys: ${r.stderr.trim().slice(0, 300)}`;
    },
  };
  const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (const run of Object.values(contenders)) run(); // warm-up, not counted
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, run] of Object.entries(contenders)) {
      const t0 = process.hrtime.bigint();
      const problem = run();
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (problem) {
        console.error(`bench: ${name} on ${N} nodes, round ${i + 1}: ${problem}`);
        process.exit(1);
      }
      times[name].push(s);
    }
  }
  // The keys known_hosts gave are used as they are: a command on every node, asked nothing.
  must(at(data, ['exec', 'listed', '--role', 'compute', '--new-case', 'trusted from known_hosts', '--', 'true']), `exec on ${N} nodes trusted from known_hosts`);
  const base = median(times['ssh-keyscan (OpenSSH)']);
  console.log(`Host keys of ${N} lab nodes, ${ROUNDS} rounds after a warm-up, median wall time (process start to exit):`);
  for (const [name, xs] of Object.entries(times)) {
    console.log(`  ${name.padEnd(38)} ${median(xs).toFixed(2).padStart(6)} s   ${(median(xs) / base).toFixed(2)}× ssh-keyscan   [${xs.map((x) => x.toFixed(2)).join(', ')}]`);
  }
  console.log(`  then \`exec\` on all ${N} with the keys from known_hosts: ok, nothing asked`);
  const wall = median(times['node trust --all, all in known_hosts']);
  console.log(`target: trusting ${N} nodes from known_hosts ≤ 10 s: ${wall <= 10 ? 'met' : 'NOT met'} (${wall.toFixed(2)} s)`);
  return wall > 10;
}
