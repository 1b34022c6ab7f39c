// Search at scale, inside one process: a case log seeded with LINES lines of nova-compute log
// across STEPS steps, then p50/p95 of the case search for a rare word, a word on every line and
// two-word queries, as the CLI asks (whole words) and as the app's search box asks while typing
// (the last word also a prefix). The baseline, measured in the same run, is a scan of every line
// of the same text held in memory: what answering without an index costs.
// Run by scripts/bench.mjs; prints figures, never fails on them.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.js';
import { InventoryRepo } from '../db/inventory-repo.js';
import { createRepos } from '../db/repos.js';
import { queryMatcher } from '../db/search.js';

const LINES = Number(process.env.BENCH_SEARCH_LINES ?? 1_000_000);
const STEPS = Number(process.env.BENCH_SEARCH_STEPS ?? 50);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 40);
const SCAN_ROUNDS = Math.max(3, Math.round(ROUNDS / 8));

const dir = mkdtempSync(join(tmpdir(), 'stackscope-bench-search-'));
const file = join(dir, 'caselog.sqlite');
const db = openDatabase(file);
const repos = createRepos(db, { owner: { pid: process.pid, started: null } });
new InventoryRepo(db).addCluster('bench', 'packages');

const line = (n: number): string =>
  `2026-12-04 03:${String(Math.floor(n / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(n / 1000) % 60).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')} 7 ERROR nova.compute.manager [req-${(n * 2654435761) % 4294967296}] oslo line ${n} instance ${7_000_000 - n}\n`;

const seedStarted = performance.now();
const texts: string[] = [];
const caseId = repos.cases.create('RPC timeouts on every compute', 'warning', 1);
const perStep = Math.ceil(LINES / STEPS);
for (let s = 0, n = 1; s < STEPS; s++) {
  const run = repos.runs.create(caseId, 1, 'exec', 'journalctl -u nova-compute', {}, [
    { nodeId: null, nodeName: `cmp-${s + 1}`, command: 'journalctl -u nova-compute', commandSent: 'journalctl -u nova-compute' },
  ]);
  const stepId = run.steps[0]?.id ?? 0;
  repos.runs.markStepRunning(stepId, new Date().toISOString());
  let text = '';
  for (let i = 0; i < perStep && n <= LINES; i++, n++) text += line(n);
  texts.push(text);
  // As the output sink writes: batches of at most 64 kB.
  for (let at = 0; at < text.length; at += 65_536) repos.runs.output.append([{ stepId, stream: 'stdout', data: text.slice(at, at + 65_536) }]);
  repos.runs.finishStep(stepId, { state: 'succeeded', exitCode: 0, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 0 });
  repos.runs.finishRun(run.id, 'succeeded');
}
db.pragma('wal_checkpoint(TRUNCATE)');
const seedMs = performance.now() - seedStarted;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
console.log(
  `Case-log search: ${LINES.toLocaleString('en')} lines (${mb(texts.reduce((a, t) => a + t.length, 0))} MB) in ${STEPS} steps, seeded in ${(seedMs / 1000).toFixed(1)} s, case log ${mb(statSync(file).size)} MB`,
);

/** Without an index: read every line of every step (grep -c over the outputs). */
function scan(query: string): number {
  const m = queryMatcher(query);
  let hits = 0;
  for (const text of texts) {
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf('\n', start);
      if (m.hasAll(text.slice(start, end))) hits++;
      start = end + 1;
    }
  }
  return hits;
}

const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
function time(fn: () => number, rounds: number): { p50: number; p95: number; hits: number } {
  let hits = fn(); // warm-up (page cache, statement cache)
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    hits = fn();
    xs.push(performance.now() - t0);
  }
  return { p50: percentile(xs, 0.5), p95: percentile(xs, 0.95), hits };
}

const rare = String(7_000_000 - Math.floor(LINES * 0.999951));
const queries: Array<[string, string, boolean]> = [
  ['rare word', rare, false],
  ['word on every line', 'oslo', false],
  ['two words, one rare', `instance ${rare}`, false],
  ['two words on every line', 'oslo ERROR', false],
  ['as typed: word on every line', 'oslo', true],
];
console.log(`  ${'query'.padEnd(44)} ${'hits'.padStart(4)}   p50 ms   p95 ms   scan p50 ms   index/scan   (p95 target < 100 ms)`);
let worstP95 = 0;
for (const [label, q, asYouType] of queries) {
  const index = time(() => repos.search.search(q, 50, { asYouType }).length, ROUNDS);
  const base = time(() => scan(q), SCAN_ROUNDS);
  worstP95 = Math.max(worstP95, index.p95);
  console.log(
    `  ${`${label} "${q}"`.padEnd(44)} ${String(index.hits).padStart(4)} ${index.p50.toFixed(1).padStart(8)} ${index.p95.toFixed(1).padStart(8)} ${base.p50.toFixed(0).padStart(13)} ${(index.p50 / base.p50).toFixed(4).padStart(12)}`,
  );
}
console.log(`  worst p95 ${worstP95.toFixed(1)} ms (target < 100 ms): ${worstP95 < 100 ? 'met' : 'NOT met'}`);
db.close();
rmSync(dir, { recursive: true, force: true });
