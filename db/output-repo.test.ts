import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { thisProcess } from '../main/core/testing/records.js';
import { loadMigrations, migrate, type Db } from './database.js';
import { InventoryRepo } from './inventory-repo.js';
import { BLOCK_CHARS, blockEnd } from './output-repo.js';
import { createRepos, type Repos } from './repos.js';

function fresh(): { db: Db; repos: Repos } {
  const db = scratchCaseLog(join(scratchDir(), 'caselog.sqlite'));
  new InventoryRepo(db).addCluster('c1', 'packages');
  return { db, repos: createRepos(db, { owner: thisProcess }) };
}

function runningStep(repos: Repos, caseId: number, node: string, command = 'journalctl'): { runId: number; stepId: number } {
  const run = repos.runs.create(caseId, 1, 'exec', command, {}, [{ nodeId: null, nodeName: node, command, commandSent: command }]);
  const stepId = run.steps[0]?.id ?? 0;
  repos.runs.markStepRunning(stepId, new Date().toISOString());
  return { runId: run.id, stepId };
}

const ended = { state: 'succeeded' as const, exitCode: 0, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 1 };

interface BlockRow {
  first_line: number;
  start_char: number;
  chars: number;
  text: string;
}

describe('output in blocks of lines', () => {
  it('cuts streamed output into bounded blocks after line breaks, numbered by line and offset', () => {
    const { db, repos } = fresh();
    const { stepId } = runningStep(repos, repos.cases.create('big', 'info', null), 'cmp-1');
    const lines = Array.from({ length: 20_000 }, (_, i) => `2026-12-04 10:00:00 ERROR nova-compute line ${i + 1} ${'x'.repeat(i % 97)}`);
    const text = `${lines.join('\n')}\n`;
    // Arbitrary chunk boundaries, as the network delivers them.
    for (let at = 0; at < text.length; at += 70_001) repos.runs.output.append([{ stepId, stream: 'stdout', data: text.slice(at, at + 70_001) }]);
    const blocks = db.prepare("SELECT b.first_line, b.start_char, b.chars, t.text FROM output_blocks b JOIN output_text t ON t.id = b.id WHERE b.step_id = ? AND b.stream = 'stdout' ORDER BY b.start_char").all(stepId) as BlockRow[];
    expect(blocks.length).toBeGreaterThan(text.length / BLOCK_CHARS);
    let offset = 0;
    let line = 1;
    for (const b of blocks) {
      expect(b.chars).toBe(b.text.length);
      expect(b.chars).toBeLessThanOrEqual(BLOCK_CHARS);
      expect(b.start_char).toBe(offset);
      expect(b.first_line).toBe(line);
      offset += b.chars;
      line += b.text.split('\n').length - 1;
    }
    expect(blocks.map((b) => b.text).join('')).toBe(text);
    // Cut only where a chunk ended mid-line, else after a line break.
    const midLine = blocks.filter((b) => !b.text.endsWith('\n')).length;
    expect(midLine).toBeLessThanOrEqual(Math.ceil(text.length / 70_001));
    expect(repos.runs.step(stepId)).toMatchObject({ stdoutChars: text.length, stderrChars: 0 });
  });

  it('splits a line longer than a block without splitting a character', () => {
    const long = `${'a'.repeat(BLOCK_CHARS - 1)}😀${'b'.repeat(10)}`;
    const end = blockEnd(long, 0);
    expect(end).toBe(BLOCK_CHARS - 1); // the emoji's two halves stay together in the next block
    expect(blockEnd('short\ntext', 0)).toBe(10);
  });

  it('reads any slice and tail of a stream from the blocks it lies in', () => {
    const { repos } = fresh();
    const { stepId } = runningStep(repos, repos.cases.create('slices', 'info', null), 'cmp-1');
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i} ${i % 7 === 0 ? '😀 한글' : 'plain'}`).join('\n');
    for (let at = 0; at < text.length; at += 9_999) repos.runs.output.append([{ stepId, stream: 'stderr', data: text.slice(at, at + 9_999) }]);
    for (const [offset, length] of [[0, 10], [16_380, 20], [40_000, 50_000], [text.length - 5, 100], [text.length + 10, 5], [1234, 0]] as const) {
      expect(repos.runs.output.slice(stepId, 'stderr', offset, length)).toBe(text.slice(offset, offset + length));
    }
    expect(repos.runs.output.tail(stepId, 'stderr', 33_333)).toBe(text.slice(-33_333));
    expect(repos.runs.output.text(stepId, 'stderr')).toBe(text);
    expect(repos.runs.output.text(stepId, 'stdout')).toBe('');
    const tailed = repos.runs.get(repos.runs.step(stepId)?.runId ?? 0, 100)?.steps[0];
    expect(tailed).toMatchObject({ stderr: text.slice(-100), stderrChars: text.length });
  });
});

describe('search over output blocks', () => {
  it('finds a word on every line of two large outputs: one hit per step, at the line it is on', () => {
    const { repos } = fresh();
    const caseId = repos.cases.create('RPC storm', 'warning', null);
    const steps: number[] = [];
    for (const node of ['cmp-1', 'cmp-2']) {
      const { stepId, runId } = runningStep(repos, caseId, node);
      let text = '';
      for (let i = 1; i <= 30_000; i++) text += `nova-compute ERROR oslo line ${i} instance ${7_000_000 - i}\n`;
      repos.runs.output.append([{ stepId, stream: 'stdout', data: text }]);
      repos.runs.finishStep(stepId, ended);
      repos.runs.finishRun(runId, 'succeeded');
      steps.push(stepId);
    }
    const hits = repos.search.search('oslo', 50);
    expect(hits.map((h) => h.stepId).sort()).toEqual(steps);
    for (const h of hits) {
      const lineText = repos.runs.output.text(h.stepId ?? 0, 'stdout').split('\n')[(h.line ?? 0) - 1];
      expect(h.snippet.replace(/[\u0002\u0003]/g, '')).toBe(lineText);
      expect(h.snippet).toContain('\u0002oslo\u0003');
      expect(h.line).toBe(30_000); // the newest line that holds the word
    }
    // A rare pair of words: the one line that holds both.
    const rare = repos.search.search('instance 6999951', 50);
    expect(rare).toHaveLength(2);
    for (const h of rare) expect(h).toMatchObject({ where: 'output', line: 49 });
  });

  it('matches words spread over two lines of a block, and points at a line holding one of them', () => {
    const { repos } = fresh();
    const { stepId } = runningStep(repos, repos.cases.create('spread', 'info', null), 'ctl-1');
    repos.runs.output.append([{ stepId, stream: 'stdout', data: 'first rabbit\nsecond unreachable\nthird\n' }]);
    const [hit] = repos.search.search('rabbit unreachable ', 10);
    expect(hit).toMatchObject({ where: 'output', line: 2 });
    expect(hit?.snippet).toBe('second \u0002unreachable\u0003');
  });
});

describe('migration 007 moves recorded output into blocks', () => {
  it('keeps the folded output of finished steps and the chunks of a step a crash left running', () => {
    const file = join(scratchDir(), 'old.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(
      old,
      loadMigrations().filter((m) => m.version <= 6),
    );
    old.exec(`
      INSERT INTO clusters (id, name, deployment, created_at) VALUES (1, 'c', 'packages', 'x');
      INSERT INTO cases (id, title, severity, opened_at) VALUES (1, 'old case', 'warning', 'x');
      INSERT INTO runs (id, case_id, cluster_id, kind, title, state, started_at) VALUES (1, 1, 1, 'exec', 'x', 'succeeded', 'x');
      INSERT INTO runs (id, case_id, cluster_id, kind, title, state, started_at) VALUES (2, 1, 1, 'exec', 'y', 'running', 'x');
      INSERT INTO step_results (id, run_id, node_name, command, command_sent, state) VALUES (1, 1, 'db-1', 'mysql', 'mysql', 'failed');
      INSERT INTO step_results (id, run_id, node_name, command, command_sent, state) VALUES (2, 2, 'db-2', 'tail', 'tail', 'running');
    `);
    const folded = `${Array.from({ length: 3000 }, (_, i) => `status line ${i + 1}`).join('\n')}\nERROR 1047 (08S01): WSREP has not yet prepared node\n`;
    old.prepare("UPDATE step_results SET stdout = ?, stderr = 'warn\n' WHERE id = 1").run(folded);
    old.prepare("INSERT INTO step_chunks (step_id, stream, data) VALUES (2, 'stdout', 'half a li'), (2, 'stdout', 'ne then more\n')").run();
    old.close();

    const db = scratchCaseLog(file);
    const repos = createRepos(db, { owner: thisProcess });
    expect(repos.runs.output.text(1, 'stdout')).toBe(folded);
    expect(repos.runs.output.text(1, 'stderr')).toBe('warn\n');
    expect(repos.runs.output.text(2, 'stdout')).toBe('half a line then more\n');
    expect(repos.runs.step(1)).toMatchObject({ stdoutChars: folded.length, stderrChars: 5 });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name IN ('step_chunks', 'step_output_fts')").all();
    expect(tables).toEqual([]);
    const columns = (db.prepare('PRAGMA table_info(step_results)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('stdout');
    const [hit] = repos.search.search('WSREP 1047', 10);
    expect(hit).toMatchObject({ caseId: 1, stepId: 1, line: 3001 });
  });
});
