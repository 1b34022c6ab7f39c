import type {
  CaseDetail,
  CaseStatus,
  CaseSummary,
  Note,
  Run,
  RunFinding,
  RunState,
  Severity,
  StepState,
} from '../main/contract/types.js';
import type { StepStatus } from '../main/contract/api.js';
import { StackscopeError } from '../main/contract/errors.js';
import type { Db } from './database.js';
import { OutputRepo, type OutputChunk } from './output-repo.js';
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
  stdout_chars: number;
  stderr_chars: number;
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

/** A step as stored, without its output: what a status line or an event needs. */
function toStatus(row: StepRow): StepStatus {
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
    truncated: row.truncated === 1,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMs: row.duration_ms,
    stdoutChars: row.stdout_chars,
    stderrChars: row.stderr_chars,
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

/** Cases, runs, step results with their output (in blocks, see OutputRepo), findings and notes. */
export class CaseLogRepo {
  readonly output: OutputRepo;

  /**
   * @param redact applied to text people type (case titles, commands, notes) before it is stored,
   * so a password pasted into a command line stays out of the case log. Output is redacted upstream.
   */
  constructor(
    private readonly db: Db,
    private readonly redact: (text: string) => string = (t) => t,
    /** Who opens cases and starts runs from this process (recorded for the case timeline). */
    private readonly author: string | null = null,
  ) {
    this.output = new OutputRepo(db);
  }

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
  addStep(runId: number, s: NewStep): StepStatus {
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
    const rows = this.db.prepare('SELECT * FROM step_results WHERE run_id = ? ORDER BY id').all(row.id) as StepRow[];
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
      steps: rows.map((r) => ({ ...toStatus(r), ...this.outputOf(r.id, outputTail) })),
      findings: this.findingsOf(row.id),
    };
  }

  /** A step's output, whole or its last `n` characters: a 50 MB output is not sent to a window to show its end. */
  private outputOf(stepId: number, n?: number): { stdout: string; stderr: string } {
    if (n === undefined) return { stdout: this.output.text(stepId, 'stdout'), stderr: this.output.text(stepId, 'stderr') };
    return { stdout: this.output.tail(stepId, 'stdout', n), stderr: this.output.tail(stepId, 'stderr', n) };
  }

  /** The step without its output (lengths only). */
  getStep(id: number): StepStatus | undefined {
    const row = this.db.prepare('SELECT * FROM step_results WHERE id = ?').get(id) as StepRow | undefined;
    return row ? toStatus(row) : undefined;
  }

  markStepRunning(stepId: number, startedAt: string): void {
    this.db.prepare("UPDATE step_results SET state = 'running', started_at = ? WHERE id = ?").run(startedAt, stepId);
  }

  /** Append streamed output (redacted upstream); many chunks in one transaction keeps the write rate high. */
  appendChunks(chunks: OutputChunk[]): void {
    this.output.append(chunks);
  }

  /** Record how a step ended. Its output is already stored, block by block, as it arrived. */
  finishStep(stepId: number, end: StepEnd): StepStatus {
    this.db
      .prepare('UPDATE step_results SET state = ?, exit_code = ?, exit_signal = ?, error = ?, truncated = ?, ended_at = ?, duration_ms = ? WHERE id = ?')
      .run(end.state, end.exitCode, end.exitSignal, end.error, end.truncated ? 1 : 0, end.endedAt, end.durationMs, stepId);
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
}
