import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from './core.js';
import { tempDir } from './testing/fixtures.js';

let core: Core | undefined;
let remove = (): void => undefined;
afterEach(async () => {
  await core?.close();
  remove();
});

function open(): Core {
  const t = tempDir();
  remove = t.remove;
  core = createCore({ dataDir: join(t.path, 'data'), mode: 'browser' });
  return core;
}

describe('contract dispatch', () => {
  it('validates input before any handler runs, naming the method and field', async () => {
    const c = open();
    const r = await c.dispatch('clusters.add', { name: '', deployment: 'openstack' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/^clusters\.add: name: must not be empty.*; deployment: /);
    expect(await c.dispatch('clusters.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses unknown methods and unknown fields', async () => {
    const c = open();
    expect(await c.dispatch('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'unknown method "fs.readFile"' } });
    expect(await c.dispatch('clusters.list', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('rejects shell metacharacters in node addresses and refuses duplicate names', async () => {
    const c = open();
    const cl = await c.dispatch('clusters.add', { name: 'prod', deployment: 'kolla' });
    expect(cl.ok).toBe(true);
    const clusterId = (cl as { value: { id: number } }).value.id;
    const bad = await c.dispatch('nodes.add', { clusterId, name: 'n1', host: 'h; rm -rf /', user: 'root', roles: ['compute'], auth: { method: 'agent' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('host: must be a hostname or IP address') } });
    expect(await c.dispatch('clusters.add', { name: 'prod', deployment: 'kolla' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a jump host loop', async () => {
    const c = open();
    const cl = c.inventory.addCluster({ name: 'x', deployment: 'packages' });
    const base = { clusterId: cl.id, host: '127.0.0.1', port: 22, user: 'root', roles: ['controller' as const], auth: { method: 'agent' as const } };
    const a = c.inventory.addNode({ ...base, name: 'a', jumpNodeId: null });
    const b = c.inventory.addNode({ ...base, name: 'b', jumpNodeId: a.id });
    expect(() => c.inventory.updateNode({ id: a.id, jumpNodeId: b.id })).toThrow(/jump host chain of a loops through a/);
  });

  it('asks for missing secrets before starting a run', async () => {
    const c = open();
    const cl = c.inventory.addCluster({ name: 'pw', deployment: 'packages' });
    const n = c.inventory.addNode({ clusterId: cl.id, name: 'db-1', host: '127.0.0.1', port: 22, user: 'root', roles: ['controller'], auth: { method: 'password' }, jumpNodeId: null });
    const kase = c.repos.cases.create('t', 'info', cl.id);
    const r = await c.dispatch('exec.start', { caseId: kase, clusterId: cl.id, nodeIds: [n.id], command: 'uptime' });
    expect(r).toMatchObject({ ok: false, error: { code: 'SECRET_REQUIRED', detail: { missing: [{ nodeId: n.id, nodeName: 'db-1', kind: 'password' }] } } });
  });
});
