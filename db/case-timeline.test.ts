import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunFinding } from '../main/contract/types.js';
import { tempDir } from '../main/core/testing/fixtures.js';
import { searchCases } from './case-search.js';
import { CaseTimelineRepo } from './case-timeline-repo.js';
import { CaseLogRepo } from './caselog-repo.js';
import { loadMigrations, migrate, openDatabase, type Db } from './database.js';
import { InventoryRepo } from './inventory-repo.js';

let db: Db | undefined;
let remove = (): void => undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  remove();
});

function fresh(author = 'alice'): { db: Db; repo: CaseLogRepo; timeline: CaseTimelineRepo; file: string } {
  const t = tempDir();
  remove = t.remove;
  const file = join(t.path, 'caselog.sqlite');
  db = openDatabase(file);
  new InventoryRepo(db).addCluster('c1', 'packages');
  const redact = (s: string): string => s.replaceAll('s3cret', '[REDACTED]');
  return { db, repo: new CaseLogRepo(db, redact, author), timeline: new CaseTimelineRepo(db, redact), file };
}

type NewFinding = Omit<RunFinding, 'id' | 'runId' | 'createdAt'>;
const finding = (f: Partial<NewFinding> & Pick<NewFinding, 'severity' | 'title'>): NewFinding => ({
  check: 'test.check',
  status: f.severity === 'ok' ? 'OK' : f.severity === 'info' ? 'INFO' : 'FAILED',
  explanation: '',
  evidence: [],
  likelyCause: '',
  nextStep: '',
  skippedReason: null,
  ...f,
});

/** A finished step with this output, as the executor leaves it. */
function step(repo: CaseLogRepo, runId: number, node: string, stepKey: string, out: { stdout?: string; stderr?: string }, exitCode = 0): number {
  const s = repo.addStep(runId, { nodeId: null, nodeName: node, stepKey, command: `cmd ${stepKey}`, commandSent: `cmd ${stepKey}` });
  repo.markStepRunning(s.id, new Date().toISOString());
  const chunks = [
    ...(out.stdout ? [{ stepId: s.id, stream: 'stdout' as const, data: out.stdout }] : []),
    ...(out.stderr ? [{ stepId: s.id, stream: 'stderr' as const, data: out.stderr }] : []),
  ];
  repo.appendChunks(chunks);
  repo.finishStep(s.id, { state: exitCode === 0 ? 'succeeded' : 'failed', exitCode, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 5 });
  return s.id;
}

const WSREP = 'ERROR 1047 (08S01) WSREP has not yet prepared node for application use';

describe('case timeline', () => {
  it('records status changes with their author, once per change, and closes a resolved case', () => {
    const { repo, timeline } = fresh();
    const id = repo.createCase('galera down', 'critical', null);
    expect(timeline.setStatus(id, 'mitigated', 'bob')).toBe(true);
    expect(timeline.setStatus(id, 'mitigated', 'bob')).toBe(false); // no change, no entry
    expect(timeline.setStatus(id, 'resolved', 'carol')).toBe(true);
    expect(repo.getCaseSummary(id)).toMatchObject({ status: 'resolved', closedAt: expect.any(String) });
    expect(timeline.setStatus(id, 'open', 'bob')).toBe(true);
    expect(repo.getCaseSummary(id)?.closedAt).toBeNull();
    const statuses = timeline.timeline(id).filter((e) => e.kind === 'status');
    expect(statuses.map((e) => (e.kind === 'status' ? `${e.author}:${e.from}>${e.to}` : ''))).toEqual(['bob:open>mitigated', 'carol:mitigated>resolved', 'bob:resolved>open']);
    expect(() => timeline.setStatus(999, 'open', 'bob')).toThrow(/case 999/);
  });

  it('tells the story in order: opened, run with its nodes and counts, its findings, a note, the status change', () => {
    const { repo, timeline } = fresh('alice');
    const id = repo.createCase('instances stuck', 'warning', 1);
    const run = repo.createRun(id, 1, 'playbook', 'galera-health', {}, []);
    step(repo, run.id, 'controller-2', 'wsrep-status', { stderr: `${WSREP}\n` }, 1);
    step(repo, run.id, 'controller-1', 'wsrep-status', { stdout: 'wsrep_ready ON\n' });
    repo.addFindings(run.id, [
      finding({ severity: 'critical', title: 'controller-2 is not Primary', evidence: [{ node: 'controller-2', step: 'wsrep-status', lines: [WSREP] }] }),
      finding({ severity: 'ok', title: 'controller-1 Synced', evidence: [{ node: 'controller-1', step: 'wsrep-status', lines: ['wsrep_ready ON'] }] }),
      finding({ severity: 'info', status: 'SKIPPED', title: 'No database pod on controller-3', skippedReason: 'no pod' }),
    ]);
    repo.finishRun(run.id, 'succeeded');
    const note = timeline.addNote(id, 'Restarted **mariadb**; password s3cret', 'alice');
    expect(note.text).toBe('Restarted **mariadb**; password [REDACTED]');
    timeline.setStatus(id, 'mitigated', 'alice');

    const entries = timeline.timeline(id);
    expect(entries.map((e) => e.kind)).toEqual(['opened', 'run', 'finding', 'note', 'status']);
    expect(entries[0]).toMatchObject({ kind: 'opened', author: 'alice', title: 'instances stuck' });
    expect(entries[1]).toMatchObject({ kind: 'run', author: 'alice', title: 'galera-health', state: 'succeeded', nodes: ['controller-1', 'controller-2'], critical: 1, warning: 0, ok: 1, skipped: 1 });
    expect(entries[2]).toMatchObject({ kind: 'finding', severity: 'critical', nodes: ['controller-2'], playbook: 'galera-health' });
    expect(entries[3]).toMatchObject({ kind: 'note', author: 'alice', text: 'Restarted **mariadb**; password [REDACTED]' });
  });

  it('takes entries from other sources (terminal sessions) in time order', () => {
    const { repo, timeline } = fresh();
    const id = repo.createCase('x', 'info', null);
    const entries = timeline.timeline(id, [
      (caseId) => [{ kind: 'terminal', id: `terminal-1-${caseId}`, at: '2999-01-01T00:00:00.000Z', endedAt: null, author: 'dave', sessionId: 1, nodeName: 'compute-1', summary: 'shell on compute-1' }],
    ]);
    expect(entries.map((e) => e.kind)).toEqual(['opened', 'terminal']);
  });

  it('lists the case findings worst first, each evidence block tied to the step and stream it quotes', () => {
    const { repo, timeline } = fresh();
    const id = repo.createCase('net', 'warning', 1);
    const old = repo.createRun(id, 1, 'playbook', 'ovs-health', {}, []);
    step(repo, old.id, 'compute-1', 'interfaces', { stdout: 'tap1 error\n' });
    repo.addFindings(old.id, [finding({ severity: 'critical', title: 'old critical', evidence: [{ node: 'compute-1', step: 'interfaces', lines: ['tap1 error'] }] })]);
    const run = repo.createRun(id, 1, 'playbook', 'ovs-health', {}, []);
    const errStep = step(repo, run.id, 'compute-1', 'interfaces', { stdout: 'ok lines\n', stderr: 'could not open network device tap9\n' }, 1);
    repo.addFindings(run.id, [
      finding({ severity: 'ok', title: 'br-int present' }),
      finding({ severity: 'warning', title: 'tap9 in error', evidence: [{ node: 'compute-1', step: 'interfaces', lines: ['could not open network device tap9'] }] }),
      finding({ severity: 'warning', status: 'SKIPPED', title: 'not checked', skippedReason: 'no node' }),
      finding({ severity: 'critical', title: 'new critical', evidence: [{ node: 'compute-9', step: 'interfaces', lines: ['x'] }] }),
    ]);
    const list = timeline.caseFindings(id);
    expect(list.map((f) => `${f.title}${f.latest ? '' : ' (earlier run)'}`)).toEqual(['new critical', 'old critical (earlier run)', 'tap9 in error', 'not checked', 'br-int present']);
    const tap9 = list.find((f) => f.title === 'tap9 in error');
    expect(tap9?.evidence[0]).toMatchObject({ stepId: errStep, stream: 'stderr' });
    expect(list.find((f) => f.title === 'new critical')?.evidence[0]?.stepId).toBeNull(); // no such step recorded
  });

  it('sends only the tail of big outputs when asked, with the full lengths', () => {
    const { repo } = fresh();
    const id = repo.createCase('big', 'info', null);
    const run = repo.createRun(id, 1, 'exec', 'seq', {}, []);
    step(repo, run.id, 'n1', 'exec', { stdout: 'a'.repeat(1000) + 'END' });
    const full = repo.getRun(run.id)?.steps[0];
    expect(full?.stdout).toHaveLength(1003);
    const tailed = repo.getRun(run.id, 10)?.steps[0];
    expect(tailed).toMatchObject({ stdout: 'aaaaaaaEND', stdoutChars: 1003, stderr: '', stderrChars: 0 });
    expect(repo.getCase(id, 0)?.runs[0]?.steps[0]).toMatchObject({ stdout: '', stdoutChars: 1003 });
  });
});

describe('search over all cases', () => {
  it('finds an error string in command output, findings, notes and titles, highlighted and grouped by case', () => {
    const { db, repo, timeline } = fresh();
    const past = repo.createCase('Galera outage in March', 'critical', 1);
    const run = repo.createRun(past, 1, 'exec', 'mysql -e status', {}, []);
    const stepId = step(repo, run.id, 'controller-2', 'exec', { stdout: 'connecting\n', stderr: `${WSREP}\n` }, 1);
    const pb = repo.createRun(past, 1, 'playbook', 'galera-health', {}, []);
    repo.addFindings(pb.id, [finding({ severity: 'critical', title: 'controller-2 refuses queries', evidence: [{ node: 'controller-2', step: 'app-query', lines: ['other line', WSREP] }] })]);
    timeline.addNote(past, 'Saw WSREP has not yet prepared node again; bootstrapped from controller-1', 'bob');
    const other = repo.createCase('WSREP alarms noise', 'info', null);

    const hits = searchCases(db, 'ERROR 1047 (08S01) WSREP has not yet prepared node', 20);
    expect(hits.map((h) => `${h.caseId}:${h.where}`)).toEqual([`${past}:finding`, `${past}:output`]);
    const output = hits.find((h) => h.where === 'output');
    expect(output).toMatchObject({ caseTitle: 'Galera outage in March', nodeName: 'controller-2', stepId, stream: 'stderr', command: 'cmd exec' });
    // Neighbouring words read as one highlighted phrase.
    expect(output?.snippet).toContain('\u0002ERROR 1047 (08S01) WSREP has not yet prepared node\u0003');
    expect(hits.find((h) => h.where === 'finding')).toMatchObject({ nodeName: 'controller-2', snippet: `\u0002ERROR 1047 (08S01) WSREP has not yet prepared node\u0003 for application use` });

    const wsrep = searchCases(db, 'wsrep', 20);
    expect(new Set(wsrep.map((h) => h.caseId))).toEqual(new Set([past, other]));
    expect(wsrep.find((h) => h.where === 'title')).toMatchObject({ caseId: other, snippet: '\u0002WSREP\u0003 alarms noise' });
    expect(wsrep.find((h) => h.where === 'note')).toMatchObject({ caseId: past, author: 'bob' });
    // Hits of one case stay together.
    const order = wsrep.map((h) => h.caseId);
    expect(order).toEqual([...order].sort((a, b) => order.indexOf(a) - order.indexOf(b)));

    expect(searchCases(db, 'bootstr', 5, { asYouType: true })[0]).toMatchObject({ where: 'note', caseId: past }); // the last word matches as a prefix while typing
    expect(searchCases(db, '"unbalanced NEAR( *', 5, { asYouType: true })).toEqual([]);
    expect(searchCases(db, '  ', 5)).toEqual([]);
  });

  it('indexes titles and notes written before the migration', () => {
    const t = tempDir();
    remove = t.remove;
    const file = join(t.path, 'old.sqlite');
    const old = new Database(file);
    migrate(
      old,
      loadMigrations().filter((m) => m.version <= 2),
    );
    old.prepare("INSERT INTO cases (title, severity, opened_at) VALUES ('Placement NoValidHost storm', 'warning', '2024-01-01T00:00:00.000Z')").run();
    old.prepare("INSERT INTO notes (case_id, author, text, created_at) VALUES (1, 'eve', 'allocation ratio was 1.0', '2024-01-01T00:00:00.000Z')").run();
    old.close();
    db = openDatabase(file);
    expect(searchCases(db, 'NoValidHost', 5)).toMatchObject([{ where: 'title', caseId: 1 }]);
    expect(searchCases(db, 'allocation ratio', 5)).toMatchObject([{ where: 'note', author: 'eve' }]);
  });
});
