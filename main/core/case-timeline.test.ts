import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from './core.js';
import { newFinding as finding, recordStep as step } from './testing/records.js';
import { scratchDir } from './testing/scratch.js';

// The case service tells a case's story from what each repository recorded: the case's own
// entries (opened, notes, status changes), runs and their findings, terminal sessions.

function open(): { core: Core; clusterId: number; nodeId: number } {
  const core = createCore({ dataDir: join(scratchDir(), 'data'), mode: 'cli', author: 'alice', notice: () => undefined });
  onTestFinished(() => core.close());
  const clusterId = core.inventory.addCluster({ name: 'c1', deployment: 'packages' }).id;
  const nodeId = core.inventory.addNode({ clusterId, name: 'compute-1', host: '127.0.0.1', port: 22, user: 'root', roles: ['compute'], auth: { method: 'agent' }, jumpNodeId: null }).id;
  return { core, clusterId, nodeId };
}

const WSREP = 'ERROR 1047 (08S01) WSREP has not yet prepared node for application use';

describe('case timeline', () => {
  it('tells the story in order: opened, run with its nodes and counts, its findings, a note, the status change', () => {
    const { core, clusterId } = open();
    const { repos } = core;
    const id = repos.cases.create('instances stuck', 'warning', clusterId);
    const run = repos.runs.create(id, clusterId, 'playbook', 'galera-health', {}, []);
    step(repos, run.id, 'controller-2', 'wsrep-status', { stderr: `${WSREP}\n` }, 1);
    step(repos, run.id, 'controller-1', 'wsrep-status', { stdout: 'wsrep_ready ON\n' });
    repos.runs.findings.add(run.id, [
      finding({ severity: 'critical', title: 'controller-2 is not Primary', evidence: [{ node: 'controller-2', step: 'wsrep-status', lines: [WSREP] }] }),
      finding({ severity: 'ok', title: 'controller-1 Synced', evidence: [{ node: 'controller-1', step: 'wsrep-status', lines: ['wsrep_ready ON'] }] }),
      finding({ severity: 'info', status: 'SKIPPED', title: 'No database pod on controller-3', skippedReason: 'no pod' }),
    ]);
    repos.runs.finishRun(run.id, 'succeeded');
    core.cases.addNote(id, 'Restarted **mariadb**');
    core.cases.setStatus(id, 'mitigated');

    const entries = core.cases.timeline(id);
    expect(entries.map((e) => e.kind)).toEqual(['opened', 'run', 'finding', 'note', 'status']);
    expect(entries[0]).toMatchObject({ kind: 'opened', author: 'alice', title: 'instances stuck' });
    expect(entries[1]).toMatchObject({ kind: 'run', author: 'alice', title: 'galera-health', state: 'succeeded', nodes: ['controller-1', 'controller-2'], critical: 1, warning: 0, ok: 1, skipped: 1 });
    expect(entries[2]).toMatchObject({ kind: 'finding', severity: 'critical', nodes: ['controller-2'], playbook: 'galera-health' });
    expect(entries[3]).toMatchObject({ kind: 'note', author: 'alice', text: 'Restarted **mariadb**' });
    expect(entries[4]).toMatchObject({ kind: 'status', author: 'alice', from: 'open', to: 'mitigated' });
    expect(() => core.cases.timeline(4242)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'case 4242 does not exist' }));
  });

  it('takes terminal sessions from the terminals repository, in time order', () => {
    const { core, nodeId } = open();
    const id = core.repos.cases.create('x', 'info', null);
    const later = core.repos.terminals.create({ caseId: id, nodeId, nodeName: 'compute-1', startedAt: '2999-01-01T00:00:00.000Z', width: 80, height: 24, header: '{}' });
    core.repos.terminals.append([{ sessionId: later.id, events: '[0.1,"o","ab"]\n', bytes: 2 }]);
    core.repos.terminals.finish(later.id, 'closed', 'closed by the user');
    const entries = core.cases.timeline(id);
    expect(entries.map((e) => e.kind)).toEqual(['opened', 'terminal']);
    expect(entries[1]).toEqual({
      kind: 'terminal',
      id: `terminal-${later.id}`,
      at: '2999-01-01T00:00:00.000Z',
      endedAt: expect.any(String),
      author: 'alice',
      sessionId: later.id,
      nodeName: 'compute-1',
      summary: '80×24, 2 bytes of output, closed by the user',
    });
  });
});
