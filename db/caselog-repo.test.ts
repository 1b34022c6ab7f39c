import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../main/core/testing/fixtures.js';
import { CaseLogRepo } from './caselog-repo.js';
import { searchCases } from './case-search.js';
import { migrate, openDatabase, type Db } from './database.js';
import { InventoryRepo } from './inventory-repo.js';

let db: Db | undefined;
let remove = (): void => undefined;
afterEach(() => {
  db?.close();
  remove();
});

function fresh(): { db: Db; repo: CaseLogRepo; file: string } {
  const t = tempDir();
  remove = t.remove;
  const file = join(t.path, 'caselog.sqlite');
  db = openDatabase(file);
  new InventoryRepo(db).addCluster('c1', 'packages'); // id 1, referenced by the runs below
  return { db, repo: new CaseLogRepo(db), file };
}

describe('case log', () => {
  it('runs migrations once, in WAL mode', () => {
    const { db } = fresh();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(migrate(db)).toBe(0);
  });

  it('stores streamed output as it arrives and finds the line of an error string', () => {
    const { db, repo } = fresh();
    const caseId = repo.createCase('galera down', 'critical', null);
    const run = repo.createRun(caseId, 1, 'exec', 'mysql -e status', {}, [{ nodeId: null, nodeName: 'db-1', command: 'mysql', commandSent: 'mysql' }]);
    const stepId = run.steps[0]?.id ?? 0;
    repo.markStepRunning(stepId, new Date().toISOString());
    repo.appendChunks([
      { stepId, stream: 'stderr', data: 'connecting\nERROR 1047 (08S01): WSREP has not yet ' },
      { stepId, stream: 'stderr', data: 'prepared node for application use\n' },
    ]);
    expect(repo.getRun(run.id)?.steps[0]?.stderr).toContain('WSREP has not yet prepared'); // visible while running
    repo.finishStep(stepId, { state: 'failed', exitCode: 1, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 12 });
    const hits = searchCases(db, 'ERROR 1047 (08S01)', 10);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ caseId, caseTitle: 'galera down', where: 'output', nodeName: 'db-1', stepId, stream: 'stderr', line: 2 });
    expect(hits[0]?.snippet).toContain('\u0002ERROR 1047 (08S01\u0003');
    expect(searchCases(db, '"unbalanced', 10)).toEqual([]); // FTS syntax in the query is data, not an error
  });

  it('marks runs of a dead process interrupted and keeps their output, but leaves live ones alone', async () => {
    const { db, repo } = fresh();
    const caseId = repo.createCase('crash', 'warning', null);
    const mine = repo.createRun(caseId, 1, 'exec', 'a', {}, [{ nodeId: null, nodeName: 'n', command: 'a', commandSent: 'a' }]);
    const dead = repo.createRun(caseId, 1, 'exec', 'b', {}, [{ nodeId: null, nodeName: 'n', command: 'b', commandSent: 'b' }]);
    const deadStep = dead.steps[0]?.id ?? 0;
    repo.markStepRunning(deadStep, new Date().toISOString());
    repo.appendChunks([{ stepId: deadStep, stream: 'stdout', data: 'arrived before the crash\n' }]);
    // A pid that surely is gone: a child that has exited.
    const child = spawn('true');
    const gonePid = await new Promise<number>((r) => child.on('exit', () => r(child.pid ?? 0)));
    db.prepare('UPDATE runs SET owner_pid = ? WHERE id = ?').run(gonePid, dead.id);
    expect(repo.recoverInterrupted()).toEqual([dead.id]);
    const after = repo.getRun(dead.id);
    expect(after?.state).toBe('interrupted');
    expect(after?.steps[0]).toMatchObject({ state: 'interrupted', stdout: 'arrived before the crash\n' });
    expect(repo.getRun(mine.id)?.state).toBe('running');
  });
});
