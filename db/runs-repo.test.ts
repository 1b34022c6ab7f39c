import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thisProcess } from '../main/core/testing/records.js';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { migrate, type Db } from './database.js';
import { InventoryRepo } from './inventory-repo.js';
import { createRepos, type Repos } from './repos.js';

const owner = thisProcess;

function fresh(): { db: Db; repos: Repos } {
  const db = scratchCaseLog(join(scratchDir(), 'caselog.sqlite'));
  new InventoryRepo(db).addCluster('c1', 'packages'); // id 1, referenced by the runs below
  return { db, repos: createRepos(db, { owner }) };
}

describe('case log', () => {
  it('runs migrations once, in WAL mode', () => {
    const { db } = fresh();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(migrate(db)).toBe(0);
  });

  it('stores streamed output as it arrives and finds the line of an error string', () => {
    const { repos } = fresh();
    const caseId = repos.cases.create('galera down', 'critical', null);
    const run = repos.runs.create(caseId, 1, 'exec', 'mysql -e status', {}, [{ nodeId: null, nodeName: 'db-1', command: 'mysql', commandSent: 'mysql' }]);
    const stepId = run.steps[0]?.id ?? 0;
    repos.runs.markStepRunning(stepId, new Date().toISOString());
    repos.runs.output.append([
      { stepId, stream: 'stderr', data: 'connecting\nERROR 1047 (08S01): WSREP has not yet ' },
      { stepId, stream: 'stderr', data: 'prepared node for application use\n' },
    ]);
    expect(repos.runs.get(run.id)?.steps[0]?.stderr).toContain('WSREP has not yet prepared'); // visible while running
    repos.runs.finishStep(stepId, { state: 'failed', exitCode: 1, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 12 });
    const hits = repos.search.search('ERROR 1047 (08S01)', 10);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ caseId, caseTitle: 'galera down', where: 'output', nodeName: 'db-1', stepId, stream: 'stderr', line: 2 });
    expect(hits[0]?.snippet).toContain('\u0002ERROR 1047 (08S01\u0003');
    expect(repos.search.search('"unbalanced', 10)).toEqual([]); // FTS syntax in the query is data, not an error
  });

  it('sends only the tail of big outputs when asked, with the full lengths', () => {
    const { repos } = fresh();
    const id = repos.cases.create('big', 'info', null);
    const run = repos.runs.create(id, 1, 'exec', 'seq', {}, [{ nodeId: null, nodeName: 'n1', command: 'seq', commandSent: 'seq' }]);
    const stepId = run.steps[0]?.id ?? 0;
    repos.runs.output.append([{ stepId, stream: 'stdout', data: 'a'.repeat(1000) + 'END' }]);
    repos.runs.finishStep(stepId, { state: 'succeeded', exitCode: 0, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 5 });
    const full = repos.runs.get(run.id)?.steps[0];
    expect(full?.stdout).toHaveLength(1003);
    const tailed = repos.runs.get(run.id, 10)?.steps[0];
    expect(tailed).toMatchObject({ stdout: 'aaaaaaaEND', stdoutChars: 1003, stderr: '', stderrChars: 0 });
    expect(repos.runs.ofCase(id, 0)[0]?.steps[0]).toMatchObject({ stdout: '', stdoutChars: 1003 });
  });

  it('records the owner it was given on every run, and leaves recovery to the liveness check it is handed', () => {
    const { db, repos } = fresh();
    const caseId = repos.cases.create('owners', 'info', null);
    const step = { nodeId: null, nodeName: 'n', command: 'a', commandSent: 'a' };
    const kept = repos.runs.create(caseId, 1, 'exec', 'kept', {}, [step]);
    const lost = repos.runs.create(caseId, 1, 'exec', 'lost', {}, [step]);
    expect(db.prepare('SELECT owner_pid AS pid, owner_started AS started FROM runs WHERE id = ?').get(kept.id)).toEqual(owner);
    const legacy = repos.runs.create(caseId, 1, 'exec', 'written before owners were recorded', {}, [step]);
    db.prepare('UPDATE runs SET owner_pid = NULL, owner_started = NULL WHERE id = ?').run(legacy.id);
    db.prepare("UPDATE runs SET owner_started = 'another start' WHERE id = ?").run(lost.id);
    const asked: unknown[] = [];
    const gone = repos.runs.recoverInterrupted((o) => (asked.push(o), o.pid === null || o.started === 'another start'));
    expect(gone).toEqual([lost.id, legacy.id]);
    expect(asked).toEqual([owner, { pid: process.pid, started: 'another start' }, { pid: null, started: null }]);
    expect(repos.runs.state(kept.id)).toBe('running');
    expect(repos.runs.get(lost.id)).toMatchObject({ state: 'interrupted', steps: [{ state: 'interrupted' }] });
    expect(repos.runs.state(9999)).toBeUndefined();
  });
});
