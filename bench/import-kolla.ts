// Importing a 500-node Kolla inventory (3 controllers, 3 network nodes, 488 computes, 6 storage,
// behind a bastion, host lines with ansible_host as Kolla's multinode file has them). Timed in
// one process: parsing alone (the baseline), parse + plan against an empty cluster, plan + apply
// into a fresh case log; and end to end, `stackscope cluster import … --yes` from process start
// to exit, then the re-import of the same file (nothing to change). Target: the CLI import < 2 s.
// Run by scripts/bench.mjs; prints figures, never fails on them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportPlan } from '../main/contract/imports.js';
import { createCore } from '../main/core/core.js';
import { parseAnsibleIni } from '../main/core/import/ansible-ini.js';

const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'stackscope-bench-import-'));
const key = join(dir, 'id_kolla');
writeFileSync(key, 'bench: the import only checks that the key file is there\n');
const ip = (n: number): string => `10.${Math.floor(n / 250)}.${n % 250}.${10 + (n % 7)}`;
const hosts = (prefix: string, count: number, from: number): string => Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')} ansible_host=${ip(from + i)}`).join('\n');
const inventory = join(dir, 'multinode');
writeFileSync(
  inventory,
  `[control]\n${hosts('ctl', 3, 0)}\n\n[network]\n${hosts('net', 3, 3)}\n\n[compute]\n${hosts('cmp', 488, 6)}\n\n[storage]\n${hosts('stor', 6, 494)}\n\n` +
    `[monitoring:children]\ncontrol\n\n[all:vars]\nansible_user=kolla\nansible_become=true\nansible_ssh_private_key_file=${key}\n` +
    `ansible_ssh_common_args='-o ProxyCommand="ssh -W %h:%p -q -p 2200 jump@bastion.example.com"'\n\n[nova-compute:children]\ncompute\n`,
);
const text = readFileSync(inventory, 'utf8');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

const parse: number[] = [];
for (let i = 0; i < ROUNDS; i++) parse.push(time(() => parseAnsibleIni(text, inventory)));

const plan: number[] = [];
const apply: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const core = createCore({ dataDir: join(dir, `core-${i}`), mode: 'cli', notice: () => {} });
  const input = { cluster: 'bench', source: { kind: 'kolla', path: inventory } };
  const t0 = performance.now();
  const r = await core.dispatch('clusters.importPlan', input);
  plan.push(performance.now() - t0);
  if (!r.ok) throw new Error(r.error.message);
  const p = r.value as ImportPlan;
  if (p.counts.add !== 501) throw new Error(`expected 501 nodes to add, got ${p.counts.add}`);
  const t1 = performance.now();
  const a = await core.dispatch('clusters.importApply', { ...input, digest: p.digest });
  apply.push(performance.now() - t1 + (t1 - t0));
  if (!a.ok) throw new Error(a.error.message);
  await core.close();
}

const cli = (data: string, extra: string[]) => spawnSync(process.execPath, ['bin/stackscope.js', '--data-dir', data, 'cluster', 'import', 'bench', '--from', 'kolla', inventory, ...extra], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const endToEnd: number[] = [];
const again: number[] = [];
const startup: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const data = join(dir, `cli-${i}`);
  let r: ReturnType<typeof cli> | undefined;
  endToEnd.push(time(() => (r = cli(data, ['--yes']))));
  if (r?.status !== 0 || !r.stdout.includes('501 added')) throw new Error(`cluster import failed: ${r?.stderr}`);
  again.push(time(() => (r = cli(data, []))));
  if (r?.status !== 0 || !r.stdout.includes('Nothing to change.')) throw new Error(`re-import was not empty: ${r?.stdout.slice(-300)}`);
  // What any command costs before it does anything: node, the bundle, the case log opened.
  startup.push(time(() => spawnSync(process.execPath, ['bin/stackscope.js', '--data-dir', data, 'cluster', 'list', '--json'], { encoding: 'utf8' })));
}
const base = median(parse);
const row = (name: string, xs: number[]): string => `  ${name.padEnd(44)} ${median(xs).toFixed(1).padStart(8)} ms   ${(median(xs) / base).toFixed(1).padStart(6)}× parsing   [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
console.log(`Import of a 500-node Kolla inventory (${(text.length / 1024).toFixed(0)} KB, 501 nodes with the bastion), ${ROUNDS} rounds, median:`);
console.log(row('parse only (baseline)', parse));
console.log(row('importPlan (read, parse, plan), empty case log', plan));
console.log(row('importPlan + importApply, one transaction', apply));
console.log(row('stackscope cluster import --yes (process)', endToEnd));
console.log(row('the same again: nothing to change (process)', again));
console.log(row('stackscope cluster list --json (process start-up)', startup));
const wall = median(endToEnd);
console.log(`target: importing 500 nodes < 2 s: ${wall < 2000 ? 'met' : 'NOT met'} (${(wall / 1000).toFixed(2)} s end to end, of which a command's start-up alone takes ${(median(startup) / 1000).toFixed(2)} s here; plan + apply in one process ${(median(apply) / 1000).toFixed(2)} s; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`);
rmSync(dir, { recursive: true, force: true });
