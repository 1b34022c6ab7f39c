import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InventoryRepo } from '../../db/inventory-repo.js';
import { createRepos } from '../../db/repos.js';
import { currentOwner, ownerGone } from './process-owner.js';
import { scratchCaseLog, scratchDir } from './testing/scratch.js';

// Crash recovery as start-up does it: the case log's repositories with this process as owner,
// and the OS's answer (ownerGone) on whether the owners of what is still open live.

function fresh() {
  const db = scratchCaseLog(join(scratchDir(), 'caselog.sqlite'));
  const inventory = new InventoryRepo(db);
  const clusterId = inventory.addCluster('c1', 'packages');
  const nodeId = inventory.addNode(clusterId, { name: 'n1', host: '127.0.0.1', port: 22, user: 'root', roles: ['controller'], auth: { method: 'agent' }, jumpNodeId: null });
  return { db, repos: createRepos(db, { owner: currentOwner() }), clusterId, nodeId };
}

/** A pid that surely is gone: a child that has exited. */
async function gonePid(): Promise<number> {
  const child = spawn('true');
  return new Promise<number>((r) => child.on('exit', () => r(child.pid ?? 0)));
}

const header = '{"version":2,"width":80,"height":24,"timestamp":1767323045,"env":{"TERM":"xterm-256color"}}';

describe('crash recovery', () => {
  it('marks runs of a dead process interrupted and keeps their output, but leaves live ones alone', async () => {
    const { db, repos, clusterId } = fresh();
    const caseId = repos.cases.create('crash', 'warning', null);
    const mine = repos.runs.create(caseId, clusterId, 'exec', 'a', {}, [{ nodeId: null, nodeName: 'n', command: 'a', commandSent: 'a' }]);
    const dead = repos.runs.create(caseId, clusterId, 'exec', 'b', {}, [{ nodeId: null, nodeName: 'n', command: 'b', commandSent: 'b' }]);
    const deadStep = dead.steps[0]?.id ?? 0;
    repos.runs.markStepRunning(deadStep, new Date().toISOString());
    repos.runs.output.append([{ stepId: deadStep, stream: 'stdout', data: 'arrived before the crash\n' }]);
    db.prepare('UPDATE runs SET owner_pid = ? WHERE id = ?').run(await gonePid(), dead.id);
    expect(repos.runs.recoverInterrupted(ownerGone)).toEqual([dead.id]);
    const after = repos.runs.get(dead.id);
    expect(after?.state).toBe('interrupted');
    expect(after?.steps[0]).toMatchObject({ state: 'interrupted', stdout: 'arrived before the crash\n' });
    expect(repos.runs.get(mine.id)?.state).toBe('running');
  });

  it("closes a dead process's open terminal sessions as interrupted at the time of their last event, and leaves live ones", async () => {
    const { db, repos, nodeId } = fresh();
    const caseId = repos.cases.create('t', 'info', null);
    const mine = repos.terminals.create({ caseId, nodeId, nodeName: 'n1', startedAt: '2026-01-02T03:04:05.000Z', width: 80, height: 24, header });
    const dead = repos.terminals.create({ caseId, nodeId, nodeName: 'n1', startedAt: '2026-01-02T03:04:05.000Z', width: 80, height: 24, header });
    repos.terminals.append([{ sessionId: dead.id, events: '[1.5,"o","a"]\n[12.25,"o","kept"]\n', bytes: 5 }]);
    db.prepare('UPDATE terminal_sessions SET owner_pid = ? WHERE id = ?').run(await gonePid(), dead.id);
    expect(repos.terminals.recoverInterrupted(ownerGone)).toEqual([dead.id]);
    expect(repos.terminals.get(dead.id)).toMatchObject({ state: 'interrupted', endedAt: '2026-01-02T03:04:17.250Z' });
    expect(repos.terminals.recording(dead.id)).toContain('"kept"');
    expect(repos.terminals.get(mine.id)?.state).toBe('open');
  });
});
