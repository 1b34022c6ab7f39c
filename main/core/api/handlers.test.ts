import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { methodNames } from '../../contract/methods.js';
import { createCore, type Core } from '../core.js';
import { scratchDir } from '../testing/scratch.js';
import { createHandlers, handlerSlices, type Services } from './index.js';

function open(): Core {
  const core = createCore({ dataDir: join(scratchDir(), 'data'), mode: 'browser' });
  onTestFinished(() => core.close());
  return core;
}

describe('the handler table', () => {
  it('has one handler per contract method, each in one slice', () => {
    // The compiler proves this (HandlersProven in api/index.ts); this says it at run time too.
    const bySlice = Object.entries(handlerSlices).map(([name, slice]) => [name, Object.keys(slice({} as Services))] as const);
    const all = bySlice.flatMap(([, methods]) => methods);
    expect([...all].sort()).toEqual([...methodNames].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(createHandlers({} as Services)).sort()).toEqual([...methodNames].sort());
  });
});

describe('the secret preflight', () => {
  it('refuses every start on a node without its password, with one message shape and the missing secrets', async () => {
    const c = open();
    const cluster = c.inventory.addCluster({ name: 'pw', deployment: 'kolla' });
    const node = c.inventory.addNode({ clusterId: cluster.id, name: 'ctl-1', host: '127.0.0.1', port: 22, user: 'root', roles: ['controller'], auth: { method: 'password' }, jumpNodeId: null });
    const caseId = (await c.dispatch('cases.create', { title: 't', clusterId: cluster.id })) as { ok: true; value: { id: number } };
    const kase = caseId.value.id;
    const calls: Array<[string, unknown, string]> = [
      ['exec.start', { caseId: kase, clusterId: cluster.id, nodeIds: [node.id], command: 'uptime' }, 'run this command'],
      ['playbooks.run', { caseId: kase, clusterId: cluster.id, playbookId: 'galera-health' }, 'run this playbook'],
      ['playbooks.suggest', { clusterId: cluster.id, kind: 'ovn-ports' }, 'list what the cluster has'],
      ['terminal.open', { caseId: kase, nodeId: node.id, cols: 80, rows: 24 }, 'open a terminal'],
      ['runbooks.step.run', { caseId: kase, clusterId: cluster.id, runbookId: 'galera-quorum-lost', stepId: 'status' }, 'run step status of runbook galera-quorum-lost'],
    ];
    for (const [method, input, purpose] of calls) {
      expect(await c.dispatch(method, input), method).toEqual({
        ok: false,
        error: { code: 'SECRET_REQUIRED', message: `ctl-1 needs a password; provide it to ${purpose}`, detail: { missing: [{ nodeId: node.id, nodeName: 'ctl-1', kind: 'password' }] } },
      });
    }
    expect(await c.dispatch('runs.get', { runId: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'run 1 does not exist' } });
  });
});
