import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze as clockSync } from '../../playbooks/catalogue/clock-sync/analyzer.js';
import { catalogueDir } from '../../playbooks/catalogue/index.js';
import { loadCatalogue } from '../../playbooks/engine/loader.js';
import type { AnalyzerInput } from '../../playbooks/engine/types.js';
import type { Cluster, Run } from '../contract/types.js';
import type { Core } from './core.js';
import { sshWorld, tempDir, type SshWorld } from './testing/fixtures.js';

/**
 * Each step output reaches the analyzer with when the core started and ended it (by Stackscope's
 * clock), end to end through real sshd processes: clock-sync bounds every node's clock reading with
 * them. Both nodes here are this machine, so each `date +%s.%N` must lie between its step's start
 * and end, and the spread of the two clocks comes out ok.
 */
const tmp = tempDir('stackscope-step-timing-');
let w: SshWorld | undefined;
let core: Core;
let cluster: Cluster;
let caseId: number;
const seen: AnalyzerInput[] = [];

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  const catalogue = join(tmp.path, 'catalogue');
  mkdirSync(catalogue, { recursive: true });
  cpSync(join(catalogueDir(), 'clock-sync'), join(catalogue, 'clock-sync'), { recursive: true, filter: (src) => !src.includes('fixtures') });
  const capture = (input: AnalyzerInput): ReturnType<typeof clockSync> => {
    seen.push(input);
    return clockSync(input);
  };
  w = await sshWorld({ catalogue: loadCatalogue(catalogue, { 'clock-sync': capture }) });
  core = w.core;
  cluster = await call<Cluster>('clusters.add', { name: 'timing', deployment: 'packages' });
  for (const name of ['ctl-1', 'cmp-1']) {
    const sshd = await w.startServer(name);
    const node = await call<{ id: number }>('nodes.add', { clusterId: cluster.id, name, host: sshd.host, port: sshd.port, user: process.env.USER ?? 'root', roles: [name.startsWith('ctl') ? 'controller' : 'compute'], auth: { method: 'key', keyPath: w.clientKey } });
    const probe = await call<{ fingerprint: string }>('hostKeys.probe', { nodeId: node.id });
    await call('hostKeys.trust', { nodeId: node.id, fingerprint: probe.fingerprint });
  }
  caseId = (await call<{ id: number }>('cases.create', { title: 'timing', severity: 'info', clusterId: cluster.id })).id;
}, 60_000);

afterAll(async () => {
  await w?.close();
  tmp.remove();
});

describe('step timing reaches the analyzer', () => {
  it('every clock reading lies between its step’s start and end, and two nodes of one machine agree', async () => {
    const { runId } = await call<{ runId: number }>('playbooks.run', { caseId, clusterId: cluster.id, playbookId: 'clock-sync', params: {} });
    await core.runs.wait(runId);
    const run = await call<Run>('runs.get', { runId });
    expect(seen).toHaveLength(1);
    const clocks = seen[0]?.outputs.filter((o) => o.step === 'clock') ?? [];
    expect(clocks.map((o) => o.node).sort()).toEqual(['cmp-1', 'ctl-1']);
    for (const o of clocks) {
      const start = Date.parse(o.startedAt ?? '') / 1000;
      const end = Date.parse(o.endedAt ?? '') / 1000;
      const read = Number(o.stdout.trim());
      // ISO times carry milliseconds: allow one either side.
      expect(read, `${o.node}: ${o.startedAt} ≤ ${o.stdout.trim()} ≤ ${o.endedAt}`).toBeGreaterThanOrEqual(start - 0.001);
      expect(read).toBeLessThanOrEqual(end + 0.001);
    }
    const spread = run.findings.find((f) => f.check === 'clock.spread');
    expect(spread?.severity).toBe('ok');
    expect(spread?.title).toMatch(/^The clocks of 2 nodes agree \(spread \d+ ms\)$/);
  }, 60_000);
});
