import type {
  CaseDetail,
  CaseStatus,
  CaseSummary,
  Note,
  Run,
  RunFinding,
  RunState,
  SearchHit,
  Severity,
  StepResult,
  StepState,
} from '../main/contract/types.js';
import { StackscopeError } from '../main/contract/errors.js';
import type { Db } from './database.js';
import { currentOwner, ownerGone } from './process-owner.js';

interface CaseRow {
  id: number;
  title: string;
  severity: Severity;
  status: CaseStatus;
  cluster_id: number | null;
  opened_at: string;
  closed_at: string | null;
  run_count: number;
  cluster_name: string | null;
}

interface RunRow {
  id: number;
  case_id: number;
  cluster_id: number;
  kind: 'exec' | 'playbook';
  title: string;
  params: string;
  state: RunState;
  started_at: string;
  ended_at: string | null;
}

export interface StepRow {
  id: number;
  run_id: number;
  node_id: number | null;
  node_name: string;
  step_key: string;
  command: string;
  command_sent: string;
  state: StepState;
  exit_code: number | null;
  exit_signal: string | null;
  error: string | null;
  stdout: string;
  stderr: string;
  truncated: number;
  started_at: string | null;
  ended_at: string | null;
  duration_ms: number | null;
}

const caseSelect = `
  SELECT c.*, cl.name AS cluster_name, (SELECT COUNT(*) FROM runs r WHERE r.case_id = c.id) AS run_count
  FROM cases c LEFT JOIN clusters cl ON cl.id = c.cluster_id`;

function toCase(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    clusterId: row.cluster_id,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    runCount: row.run_count,
  };
}

function toStep(row: StepRow): StepResult {
  return {
    id: row.id,
    runId: row.run_id,
    nodeId: row.node_id,
    nodeName: row.node_name,
    stepKey: row.step_key,
    command: row.command,
    commandSent: row.command_sent,
    state: row.state,
    exitCode: row.exit_code,
    exitSignal: row.exit_signal,
    error: row.error,
    stdout: row.stdout,
    stderr: row.stderr,
    truncated: row.truncated === 1,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMs: row.duration_ms,
  };
}

export interface NewStep {
  nodeId: number | null;
  nodeName: string;
  stepKey?: string;
  command: string;
  commandSent: string;
}

export interface StepEnd {
  state: StepState;
  exitCode: number | null;
  exitSignal: string | null;
  error: string | null;
  truncated: boolean;
  endedAt: string;
  durationMs: number | null;
}

const now = (): string => new Date().toISOString();
const tail = (text: string, n: number): string => (n === 0 ? '' : text.length > n ? text.slice(-n) : text);

/** Cases, runs, step results (streamed as chunks, then folded), notes and the output search. */
export class CaseLogRepo {
  /**
   * @param redact applied to text people type (case titles, commands, notes) before it is stored,
   * so a password pasted into a command line stays out of the case log. Output is redacted upstream.
   */
  constructor(
    private readonly db: Db,
    private readonly redact: (text: string) => string = (t) => t,
    /** Who opens cases and starts runs from this process (recorded for the case timeline). */
    private readonly author: string | null = null,
  ) {}

  createCase(title: string, severity: Severity, clusterId: number | null): number {
    return Number(
      this.db
        .prepare('INSERT INTO cases (title, severity, cluster_id, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)')
        .run(this.redact(title), severity, clusterId, now(), this.author).lastInsertRowid,
    );
  }

  listCases(): CaseSummary[] {
    return (this.db.prepare(`${caseSelect} ORDER BY c.opened_at DESC, c.id DESC`).all() as CaseRow[]).map(toCase);
  }

  getCaseSummary(id: number): CaseSummary | undefined {
    const row = this.db.prepare(`${caseSelect} WHERE c.id = ?`).get(id) as CaseRow | undefined;
    return row ? toCase(row) : undefined;
  }

  /** The case, or the NOT_FOUND error every caller gives for a case that does not exist. */
  requireCase(id: number): CaseSummary {
    const c = this.getCaseSummary(id);
    if (!c) throw new StackscopeError('NOT_FOUND', `case ${id} does not exist`, { caseId: id });
    return c;
  }

  /** @param outputTail keep only the last N characters of each step's output (lengths reported). */
  getCase(id: number, outputTail?: number): CaseDetail | undefined {
    const row = this.db.prepare(`${caseSelect} WHERE c.id = ?`).get(id) as CaseRow | undefined;
    if (!row) return undefined;
    const runs = (this.db.prepare('SELECT * FROM runs WHERE case_id = ? ORDER BY id').all(id) as RunRow[]).map((r) => this.toRun(r, outputTail));
    const notes = (this.db.prepare('SELECT * FROM notes WHERE case_id = ? ORDER BY id').all(id) as Array<Record<string, unknown>>).map(
      (n): Note => ({
        id: n.id as number,
        caseId: n.case_id as number,
        author: n.author as string,
        text: n.text as string,
        createdAt: n.created_at as string,
      }),
    );
    return { ...toCase(row), clusterName: row.cluster_name, runs, notes };
  }

  createRun(caseId: number, clusterId: number, kind: 'exec' | 'playbook', title: string, params: Record<string, unknown>, steps: NewStep[]): Run {
    const insert = this.db.transaction(() => {
      const runId = Number(
        this.db
          .prepare('INSERT INTO runs (case_id, cluster_id, kind, title, params, state, owner_pid, owner_started, started_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(caseId, clusterId, kind, this.redact(title), this.redact(JSON.stringify(params)), 'running', currentOwner().pid, currentOwner().started, now(), this.author).lastInsertRowid,
      );
      for (const s of steps) this.insertStep(runId, s);
      return runId;
    });
    const runId = insert();
    const run = this.getRun(runId);
    if (!run) throw new Error(`run ${runId} vanished right after insert`);
    return run;
  }

  private insertStep(runId: number, s: NewStep): number {
    return Number(
      this.db
        .prepare("INSERT INTO step_results (run_id, node_id, node_name, step_key, command, command_sent, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')")
        .run(runId, s.nodeId, s.nodeName, s.stepKey ?? 'exec', this.redact(s.command), this.redact(s.commandSent)).lastInsertRowid,
    );
  }

  /** A step decided while the run goes (playbooks pick nodes and pods as they learn the cluster). */
  addStep(runId: number, s: NewStep): StepResult {
    const step = this.getStep(this.insertStep(runId, s));
    if (!step) throw new Error(`step of run ${runId} vanished right after insert`);
    return step;
  }

  /** Store what the analyzers concluded; text is redacted like everything else stored. */
  addFindings(runId: number, findings: Array<Omit<RunFinding, 'id' | 'runId' | 'createdAt'>>): RunFinding[] {
    const stmt = this.db.prepare(
      `INSERT INTO findings (run_id, check_id, severity, status, title, explanation, evidence, likely_cause, remediation, skipped_reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = now();
    this.db.transaction(() => {
      for (const f of findings) {
        const evidence = f.evidence.map((e) => ({ ...e, lines: e.lines.map((l) => this.redact(l)) }));
        stmt.run(runId, f.check, f.severity, f.status, this.redact(f.title), this.redact(f.explanation), JSON.stringify(evidence), this.redact(f.likelyCause), this.redact(f.nextStep), f.skippedReason === null ? null : this.redact(f.skippedReason), at);
      }
    })();
    return this.findingsOf(runId);
  }

  findingsOf(runId: number): RunFinding[] {
    const rows = this.db.prepare('SELECT * FROM findings WHERE run_id = ? ORDER BY id').all(runId) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id as number,
      runId: r.run_id as number,
      check: r.check_id as string,
      severity: r.severity as RunFinding['severity'],
      status: r.status as RunFinding['status'],
      title: r.title as string,
      explanation: r.explanation as string,
      evidence: JSON.parse(r.evidence as string) as RunFinding['evidence'],
      likelyCause: r.likely_cause as string,
      nextStep: r.remediation as string,
      skippedReason: (r.skipped_reason as string | null) ?? null,
      createdAt: r.created_at as string,
    }));
  }

  /** @param outputTail keep only the last N characters of each step's output (lengths reported). */
  getRun(id: number, outputTail?: number): Run | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? this.toRun(row, outputTail) : undefined;
  }

  private toRun(row: RunRow, outputTail?: number): Run {
    const steps =
      outputTail === undefined
        ? (this.db.prepare('SELECT * FROM step_results WHERE run_id = ? ORDER BY id').all(row.id) as StepRow[]).map(toStep)
        : this.tailedSteps(row.id, outputTail);
    for (const step of steps) {
      // A step still streaming has its output in chunks; show what has arrived so far.
      if (step.state !== 'running') continue;
      const { stdout, stderr } = this.chunkedOutput(step.id);
      if (outputTail === undefined) Object.assign(step, { stdout, stderr });
      else Object.assign(step, { stdout: tail(stdout, outputTail), stderr: tail(stderr, outputTail), stdoutChars: stdout.length, stderrChars: stderr.length });
    }
    return {
      id: row.id,
      caseId: row.case_id,
      clusterId: row.cluster_id,
      kind: row.kind,
      title: row.title,
      params: JSON.parse(row.params) as Record<string, unknown>,
      state: row.state,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      steps,
      findings: this.findingsOf(row.id),
    };
  }

  /** Steps with the last `n` characters of their output: a 50 MB output is not sent to a window to show its end. */
  private tailedSteps(runId: number, n: number): StepResult[] {
    const rows = this.db
      .prepare(
        `SELECT id, run_id, node_id, node_name, step_key, command, command_sent, state, exit_code, exit_signal, error, truncated, started_at, ended_at, duration_ms,
                CASE WHEN :n = 0 THEN '' ELSE substr(stdout, -:n) END AS stdout, CASE WHEN :n = 0 THEN '' ELSE substr(stderr, -:n) END AS stderr,
                length(stdout) AS stdout_chars, length(stderr) AS stderr_chars
         FROM step_results WHERE run_id = :runId ORDER BY id`,
      )
      .all({ n, runId }) as Array<StepRow & { stdout_chars: number; stderr_chars: number }>;
    return rows.map((r) => ({ ...toStep(r), stdoutChars: r.stdout_chars, stderrChars: r.stderr_chars }));
  }

  getStep(id: number): StepResult | undefined {
    const row = this.db.prepare('SELECT * FROM step_results WHERE id = ?').get(id) as StepRow | undefined;
    return row ? toStep(row) : undefined;
  }

  /** The step with the output it has so far: a step still running has it in chunks, not in its row. */
  liveStep(id: number): StepResult | undefined {
    const step = this.getStep(id);
    return step?.state === 'running' ? { ...step, ...this.chunkedOutput(id) } : step;
  }

  markStepRunning(stepId: number, startedAt: string): void {
    this.db.prepare("UPDATE step_results SET state = 'running', started_at = ? WHERE id = ?").run(startedAt, stepId);
  }

  /** Append streamed output; many chunks in one transaction keeps the write rate high. */
  appendChunks(chunks: Array<{ stepId: number; stream: 'stdout' | 'stderr'; data: string }>): void {
    if (chunks.length === 0) return;
    const stmt = this.db.prepare('INSERT INTO step_chunks (step_id, stream, data) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const c of chunks) stmt.run(c.stepId, c.stream, c.data);
    })();
  }

  /** What a step still running has streamed so far. */
  chunkedOutput(stepId: number): { stdout: string; stderr: string } {
    const rows = this.db.prepare('SELECT stream, data FROM step_chunks WHERE step_id = ? ORDER BY id').all(stepId) as Array<{
      stream: 'stdout' | 'stderr';
      data: string;
    }>;
    const out = { stdout: [] as string[], stderr: [] as string[] };
    for (const r of rows) out[r.stream].push(r.data);
    return { stdout: out.stdout.join(''), stderr: out.stderr.join('') };
  }

  /** Fold the step's chunks into its row (indexed for search) and record how it ended. */
  finishStep(stepId: number, end: StepEnd): StepResult {
    this.db.transaction(() => {
      const { stdout, stderr } = this.chunkedOutput(stepId);
      this.db
        .prepare(
          `UPDATE step_results SET state = ?, exit_code = ?, exit_signal = ?, error = ?, truncated = ?, ended_at = ?, duration_ms = ?,
             stdout = ?, stderr = ? WHERE id = ?`,
        )
        .run(end.state, end.exitCode, end.exitSignal, end.error, end.truncated ? 1 : 0, end.endedAt, end.durationMs, stdout, stderr, stepId);
      this.db.prepare('DELETE FROM step_chunks WHERE step_id = ?').run(stepId);
    })();
    const step = this.getStep(stepId);
    if (!step) throw new Error(`step ${stepId} vanished while finishing`);
    return step;
  }

  finishRun(runId: number, state: RunState): void {
    this.db.prepare('UPDATE runs SET state = ?, ended_at = ? WHERE id = ?').run(state, now(), runId);
  }

  /**
   * After a crash: runs whose owning process is gone (or whose pid another process now has) are
   * marked interrupted, and the output their steps had streamed is kept. Runs of a live process
   * (the app while the CLI starts) are left alone.
   */
  recoverInterrupted(): number[] {
    const running = this.db.prepare("SELECT id, owner_pid, owner_started FROM runs WHERE state = 'running'").all() as Array<{ id: number; owner_pid: number | null; owner_started: string | null }>;
    const orphans = running.filter((r) => ownerGone({ pid: r.owner_pid, started: r.owner_started })).map((r) => r.id);
    const endedAt = now();
    for (const runId of orphans) {
      const steps = this.db.prepare("SELECT id FROM step_results WHERE run_id = ? AND state IN ('pending', 'running')").all(runId) as Array<{ id: number }>;
      for (const s of steps) {
        this.finishStep(s.id, {
          state: 'interrupted',
          exitCode: null,
          exitSignal: null,
          error: 'Stackscope stopped before this step ended; the output shown is what had arrived.',
          truncated: false,
          endedAt,
          durationMs: null,
        });
      }
      this.finishRun(runId, 'interrupted');
    }
    return orphans;
  }

  /** Full-text search over finished step output; the query is taken as words, not FTS syntax. */
  searchOutput(query: string, limit: number): SearchHit[] {
    const words = query.match(/[\p{L}\p{N}_]+/gu) ?? [];
    if (words.length === 0) return [];
    const match = `"${words.join(' ')}"`;
    const rows = this.db
      .prepare(
        `SELECT s.id AS step_id, s.run_id, s.node_name, s.command, r.case_id, c.title AS case_title,
                snippet(step_output_fts, -1, char(2), char(3), '…', 24) AS snippet
         FROM step_output_fts f
         JOIN step_results s ON s.id = f.rowid
         JOIN runs r ON r.id = s.run_id
         JOIN cases c ON c.id = r.case_id
         WHERE step_output_fts MATCH ?
         ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as Array<{ step_id: number; run_id: number; node_name: string; command: string; case_id: number; case_title: string; snippet: string }>;
    return rows.map((r) => ({
      caseId: r.case_id,
      caseTitle: r.case_title,
      runId: r.run_id,
      stepId: r.step_id,
      nodeName: r.node_name,
      command: r.command,
      snippet: r.snippet,
    }));
  }
}
