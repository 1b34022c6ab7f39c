import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportApplied, ImportPlan } from '../../contract/imports.js';
import type { Cluster } from '../../contract/types.js';
import { createCore, type Core } from '../core.js';
import { tempDir } from '../testing/fixtures.js';

/**
 * Import through the contract into a real case log (better-sqlite3 in a temp data dir): plan,
 * apply in one transaction, re-import is empty, a changed file is a field-level diff, prune
 * removes, a stale preview or a broken file changes nothing.
 */
const tmp = tempDir('stackscope-import-');
let core: Core;
const key = join(tmp.path, 'id_kolla');
const inventory = join(tmp.path, 'multinode');
const original = readFileSync(join(import.meta.dirname, 'testdata', 'multinode'), 'utf8').replace('KEYFILE', key);

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}
const source = { kind: 'kolla', path: inventory };
const plan = (extra: object = {}) => call<ImportPlan>('clusters.importPlan', { cluster: 'prod', source, ...extra });
const apply = (p: ImportPlan, extra: object = {}) => call<ImportApplied>('clusters.importApply', { cluster: 'prod', source, digest: p.digest, ...extra });
const prod = async (): Promise<Cluster> => (await call<Cluster[]>('clusters.list', {})).find((c) => c.name === 'prod') as Cluster;

beforeAll(() => {
  writeFileSync(key, 'not a real key: the import only checks the file is there\n');
  writeFileSync(inventory, original);
  core = createCore({ dataDir: join(tmp.path, 'data'), mode: 'cli' });
});
afterAll(async () => {
  await core.close();
  tmp.remove();
});

describe('cluster import into the case log', () => {
  it('plans a new kolla cluster: 66 nodes and the bastion, which has no role', async () => {
    const p = await plan();
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ clusterId: null, deployment: 'kolla', counts: { add: 67, change: 0, same: 0, remove: 0 } });
    expect(p.nodes[0]).toMatchObject({ name: 'bastion.example.com', roles: [], user: 'jump', port: 2200, auth: { method: 'agent' }, jump: null });
    expect(p.nodes.find((n) => n.name === 'ctl01')).toMatchObject({ host: 'ctl01', user: 'kolla', roles: ['controller', 'network'], auth: { method: 'key', keyPath: key }, jump: 'bastion.example.com', become: { enabled: true, user: 'root' }, file: inventory, line: 4 });
  });

  it('applies in one go and a re-import has nothing to change', async () => {
    const done = await apply(await plan());
    expect(done).toMatchObject({ created: true, changed: [], removed: [] });
    expect(done.added).toHaveLength(67);
    const c = await prod();
    const bastion = c.nodes.find((n) => n.name === 'bastion.example.com');
    expect(bastion?.roles).toEqual([]);
    expect(c.nodes.find((n) => n.name === 'compute42')?.jumpNodeId).toBe(bastion?.id);
    expect(c.nodes.find((n) => n.name === 'compute42')?.become).toEqual({ enabled: true, user: 'root', password: false });
    const again = await plan();
    expect(again.counts).toEqual({ add: 0, change: 0, same: 67, remove: 0 });
    expect(again.clusterId).toBe(c.id);
  });

  it('a changed file is a diff by field; secrets of a re-addressed node are forgotten', async () => {
    const before = await prod();
    const ctl01 = before.nodes.find((n) => n.name === 'ctl01')!;
    core.secrets.provide({ nodeId: ctl01.id, name: 'ctl01', host: ctl01.host, port: ctl01.port, user: ctl01.user, auth: ctl01.auth, jump: null }, 'passphrase', 'hunter2-import', false);
    writeFileSync(inventory, original.replace('ctl[01:03] ansible_user=kolla', 'ctl01 ansible_host=10.0.0.11 ansible_user=kolla ansible_become=true\nctl[02:03] ansible_user=kolla').replace('compute[01:60]', 'compute[01:59]'));
    const p = await plan();
    expect(p.counts).toEqual({ add: 0, change: 1, same: 65, remove: 0 });
    expect(p.nodes.find((n) => n.name === 'ctl01')?.changes).toEqual([{ field: 'host', from: 'ctl01', to: '10.0.0.11' }]);
    expect(p.kept).toEqual(['compute60']);
    await apply(p);
    expect(core.secrets.values()).not.toContain('hunter2-import');
    expect((await prod()).nodes.find((n) => n.name === 'ctl01')?.id).toBe(ctl01.id);
  });

  it('prune removes what the source lost; its id is never given again', async () => {
    const gone = (await prod()).nodes.find((n) => n.name === 'compute60')!;
    const p = await plan({ prune: true });
    expect(p.remove).toEqual([{ nodeId: gone.id, name: 'compute60' }]);
    expect((await apply(p, { prune: true })).removed).toEqual(['compute60']);
    writeFileSync(inventory, original);
    const back = await plan();
    await apply(back);
    const again = (await prod()).nodes.find((n) => n.name === 'compute60')!;
    expect(again.id).toBeGreaterThan(gone.id);
  });

  it('refuses a preview that is out of date, and a source with errors, changing nothing', async () => {
    const p = await plan();
    writeFileSync(inventory, original.replace('compute[01:60]', 'compute[01:60]\ncompute99'));
    await expect(apply(p)).rejects.toMatchObject({ code: 'CONFLICT' });
    writeFileSync(inventory, original.replace('compute[01:60]', 'compute[01:60]\ncompute[5:1]'));
    const broken = await plan();
    expect(broken.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([`${inventory}:11: host range [5:1] ends before it starts`]);
    await expect(apply(broken)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await prod()).nodes).toHaveLength(67);
    writeFileSync(inventory, original);
  });
});
