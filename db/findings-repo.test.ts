import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newFinding as finding, recordStep as step, thisProcess } from '../main/core/testing/records.js';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { InventoryRepo } from './inventory-repo.js';
import { createRepos, type Repos } from './repos.js';

function fresh(): Repos {
  const db = scratchCaseLog(join(scratchDir(), 'caselog.sqlite'));
  new InventoryRepo(db).addCluster('c1', 'packages');
  return createRepos(db, { redact: (s) => s.replaceAll('s3cret', '[REDACTED]'), author: 'alice', owner: thisProcess });
}

describe('findings', () => {
  it('lists the case findings worst first, each evidence block tied to the step and stream it quotes', () => {
    const repos = fresh();
    const id = repos.cases.create('net', 'warning', 1);
    const old = repos.runs.create(id, 1, 'playbook', 'ovs-health', {}, []);
    step(repos, old.id, 'compute-1', 'interfaces', { stdout: 'tap1 error\n' });
    repos.runs.findings.add(old.id, [finding({ severity: 'critical', title: 'old critical', evidence: [{ node: 'compute-1', step: 'interfaces', lines: ['tap1 error'] }] })]);
    const run = repos.runs.create(id, 1, 'playbook', 'ovs-health', {}, []);
    const errStep = step(repos, run.id, 'compute-1', 'interfaces', { stdout: 'ok lines\n', stderr: 'could not open network device tap9\n' }, 1);
    repos.runs.findings.add(run.id, [
      finding({ severity: 'ok', title: 'br-int present' }),
      finding({ severity: 'warning', title: 'tap9 in error', evidence: [{ node: 'compute-1', step: 'interfaces', lines: ['could not open network device tap9'] }] }),
      finding({ severity: 'warning', status: 'SKIPPED', title: 'not checked', skippedReason: 'no node' }),
      finding({ severity: 'critical', title: 'new critical', evidence: [{ node: 'compute-9', step: 'interfaces', lines: ['x'] }] }),
    ]);
    const list = repos.runs.findings.ofCase(id);
    expect(list.map((f) => `${f.title}${f.latest ? '' : ' (earlier run)'}`)).toEqual(['new critical', 'old critical (earlier run)', 'tap9 in error', 'not checked', 'br-int present']);
    const tap9 = list.find((f) => f.title === 'tap9 in error');
    expect(tap9?.evidence[0]).toMatchObject({ stepId: errStep, stream: 'stderr' });
    expect(list.find((f) => f.title === 'new critical')?.evidence[0]?.stepId).toBeNull(); // no such step recorded
  });

  it('stores findings redacted, and gives the timeline the problems only, with the nodes their evidence names', () => {
    const repos = fresh();
    const id = repos.cases.create('db', 'critical', 1);
    const run = repos.runs.create(id, 1, 'playbook', 'galera-health', {}, []);
    const stored = repos.runs.findings.add(run.id, [
      finding({ severity: 'critical', title: 'controller-2 is not Primary', evidence: [{ node: 'controller-2', step: 'wsrep-status', lines: ['password s3cret'] }, { node: 'controller-2', step: 'grastate', lines: [] }] }),
      finding({ severity: 'ok', title: 'controller-1 Synced' }),
    ]);
    expect(stored[0]?.evidence[0]?.lines).toEqual(['password [REDACTED]']);
    expect(repos.runs.findings.ofRun(run.id).map((f) => f.title)).toEqual(['controller-2 is not Primary', 'controller-1 Synced']);
    expect(repos.runs.findings.timelineEntries(id)).toMatchObject([{ kind: 'finding', severity: 'critical', nodes: ['controller-2'], playbook: 'galera-health', runId: run.id }]);
  });

  it('keeps a finding\'s messages with it, every parameter redacted like its text, and reads them back per run and per case', () => {
    const repos = fresh();
    const id = repos.cases.create('db', 'critical', 1);
    const run = repos.runs.create(id, 1, 'playbook', 'galera-health', {}, []);
    const text = {
      title: { id: 'galera.mysqld-down.title', params: { node: 'c2 s3cret' } },
      explanation: { id: 'galera.bootstrap.explanation', params: { lead: { id: 'galera.bootstrap.lead.all' }, why: [{ id: 'galera.bootstrap.why.ahead', params: { nodes: { list: ['c1', 's3cret'] } } }] } },
      nextStep: { id: 'galera.bootstrap.why.highest', params: { node: 'c1', seqno: 42 } },
    };
    repos.runs.findings.add(run.id, [finding({ severity: 'critical', title: 'mysqld is not running on c2 s3cret', text }), finding({ severity: 'ok', title: 'no messages' })]);
    const [withText, without] = repos.runs.findings.ofRun(run.id);
    expect(withText?.title).toBe('mysqld is not running on c2 [REDACTED]');
    expect(withText?.text).toEqual({
      title: { id: 'galera.mysqld-down.title', params: { node: 'c2 [REDACTED]' } },
      explanation: { id: 'galera.bootstrap.explanation', params: { lead: { id: 'galera.bootstrap.lead.all' }, why: [{ id: 'galera.bootstrap.why.ahead', params: { nodes: { list: ['c1', '[REDACTED]'] } } }] } },
      nextStep: { id: 'galera.bootstrap.why.highest', params: { node: 'c1', seqno: 42 } },
    });
    expect(without?.text).toBeNull();
    expect(repos.runs.findings.ofCase(id).find((f) => f.severity === 'critical')?.text?.title.params?.node).toBe('c2 [REDACTED]');
  });
});
